package io.gatecast.schedules.layout.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZoneNamesTest {
  @Test
  void aZoneOfTheRegionIsNamedByItsCountryInTheSlidesLanguage() {
    assertThat(ZoneNames.of("Asia/Ho_Chi_Minh", "vi")).isEqualTo("Việt Nam");
    assertThat(ZoneNames.of("Asia/Shanghai", "zh-Hans")).isEqualTo("中国");
    assertThat(ZoneNames.of("Asia/Vientiane", "lo")).isEqualTo("ລາວ");
    assertThat(ZoneNames.of("Asia/Phnom_Penh", "km")).isEqualTo("កម្ពុជា");
    assertThat(ZoneNames.of("Asia/Bangkok", "EN")).as("tags are read in any case").isEqualTo("Thailand");
  }

  @Test
  void anUnlistedLanguageGetsTheEnglishNameAndAnUnlistedZoneItsCity() {
    assertThat(ZoneNames.of("Asia/Ho_Chi_Minh", "hmn")).isEqualTo("Vietnam");
    assertThat(ZoneNames.of("Asia/Ho_Chi_Minh", null)).isEqualTo("Vietnam");
    assertThat(ZoneNames.of("Asia/Shanghai", "zh-Hant")).as("by its primary language").isEqualTo("中国");
    assertThat(ZoneNames.of("America/New_York", "vi")).isEqualTo("New York");
  }
}

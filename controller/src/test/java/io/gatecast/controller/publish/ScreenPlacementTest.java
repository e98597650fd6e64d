package io.gatecast.controller.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Codec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A placed screen's {@code published_rules} is compared as text by every publish: the text written now must
 * be the text rows already hold (written through a JSON tree until 2026-12-07), or every placed screen would
 * be sent its unchanged placement again after an upgrade.
 */
class ScreenPlacementTest {

  @Test
  void writesTheSameTextAsRowsAlreadyHold() {
    List<ScreenPlacement> placements = List.of(
        new ScreenPlacement("mong-cai", "mc-001", "Sảnh chờ tầng 1", "Cửa khẩu quốc tế Móng Cái"),
        new ScreenPlacement("lao-cai", "lc-002", null, null),
        new ScreenPlacement("huu-nghi", "hn-003", "Quầy \"A\" \\ lối 2\t", "友谊关 · ດ່ານ · 🇻🇳"));
    for (ScreenPlacement placed : placements) {
      String asRowsHoldIt = Codec.mapper().createObjectNode().set("placement", Codec.mapper().valueToTree(placed))
          .toString();
      assertThat(placed.json()).isEqualTo(asRowsHoldIt);
      assertThat(ScreenPlacement.of(placed.json())).contains(placed);
    }
  }

  @Test
  void tellsAPlacementFromAWholeSchedulesRules() {
    assertThat(ScreenPlacement.isPlacement(new ScreenPlacement("mong-cai", "mc-001", null, null).json())).isTrue();
    assertThat(ScreenPlacement.isPlacement("{\"timeZone\":\"Asia/Ho_Chi_Minh\",\"campaigns\":[]}")).isFalse();
    assertThat(ScreenPlacement.isPlacement(null)).isFalse();
    assertThat(ScreenPlacement.of("{\"timeZone\":\"Asia/Ho_Chi_Minh\"}")).isEmpty();
  }
}

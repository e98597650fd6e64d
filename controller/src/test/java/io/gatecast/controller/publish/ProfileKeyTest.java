package io.gatecast.controller.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.schedules.model.Screen;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The keys a gate's schedule is recorded with read back as the keys a publish computes for its screens
 * (a fast pass compares the two): the same key whatever order its sets came in, and the same text.
 */
class ProfileKeyTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void recordedKeysReadBackEqualToTheKeysAPublishComputes() {
    Set<String> groups = new LinkedHashSet<>(List.of("waiting-hall", "arrivals"));
    ProfileKey hall = ProfileKey.of(new Screen("mc-001", "mong-cai", groups, Set.of("lane-2", "lane-1"), HANOI,
        List.of("vi", "zh-Hans", "en")), false, List.of("notice-2", "notice-1"), "landscape:gate");
    ProfileKey named = ProfileKey.of(new Screen("mc-007", "mong-cai", Set.of(), Set.of(), HANOI, List.of("vi")), true,
        List.of(), null);

    Map<String, ProfileKey> read = ProfileKey.fromJson(ProfileKey.toJson(Map.of("mc-001", hall, "mc-007", named)));

    assertThat(read).containsExactly(Map.entry("mc-001", hall), Map.entry("mc-007", named));
    assertThat(read.get("mc-007").namedId()).isEqualTo("mc-007");
    assertThat(read.get("mc-001").namedId()).isNull();
    assertThat(read.get("mc-001").ownPlaylist()).as("a playlist's order is its key").containsExactly("notice-2", "notice-1");
  }

  @Test
  void theSameKeysAreTheSameTextWhateverOrderTheirSetsCameIn() {
    ProfileKey one = ProfileKey.of(new Screen("a", "g", new LinkedHashSet<>(List.of("x", "y")),
        new LinkedHashSet<>(List.of("t1", "t2")), HANOI, List.of("vi")), false, List.of(), null);
    ProfileKey other = ProfileKey.of(new Screen("a", "g", new LinkedHashSet<>(List.of("y", "x")),
        new LinkedHashSet<>(List.of("t2", "t1")), HANOI, List.of("vi")), false, List.of(), null);

    assertThat(ProfileKey.toJson(Map.of("a", one))).isEqualTo(ProfileKey.toJson(Map.of("a", other)));
    ProfileKey otherLanguages = ProfileKey.of(new Screen("a", "g", Set.of("x", "y"), Set.of("t1", "t2"), HANOI,
        List.of("en", "vi")), false, List.of(), null);
    assertThat(ProfileKey.fromJson(ProfileKey.toJson(Map.of("a", otherLanguages))).get("a")).isNotEqualTo(one);
  }

  @Test
  void keysThatDoNotReadBackAreRefusedWithOneKindOfError() {
    for (String damaged : List.of("{\"mc-001\": {\"zone\"", "[]", "{\"mc-001\": 7}", "{\"mc-001\": {\"zone\": \"Nowhere/Here\"}}",
        "{\"mc-001\": {\"clusterId\": \"mong-cai\"}}")) {
      assertThatThrownBy(() -> ProfileKey.fromJson(damaged)).as(damaged).isInstanceOf(IllegalArgumentException.class);
    }
  }
}

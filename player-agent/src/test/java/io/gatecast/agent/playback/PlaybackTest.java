package io.gatecast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.agent.TestRules;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.RecurrenceSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.schedules.SlotKind;
import io.gatecast.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaybackTest {
  /** Midnight of 16 March 2026 in Hanoi (UTC+7): where the day's loops start. */
  private static final Instant LOCAL_MIDNIGHT = Instant.parse("2026-03-15T17:00:00Z");

  private static ItemSpec slide(String id, String sha, int seconds) {
    return new ItemSpec(id, "Slide " + id, List.of(VariantSpec.media("vi",
        new MediaRef(sha, "http://127.0.0.1:1/media/" + sha, "image/png", 10L), seconds)));
  }

  @Test
  void showsNothingUntilAScheduleIsPlayedThenFollowsTheEngineAlignedToLocalMidnight() {
    MovableClock clock = new MovableClock(LOCAL_MIDNIGHT);
    Playback playback = new Playback(clock);
    assertThat(playback.now()).isEqualTo(new Playback.NowPlaying(null, null, null, null));
    assertThat(playback.appliedVersion()).isEmpty();

    ItemSpec first = slide("first", "1".repeat(64), 20);
    ItemSpec second = slide("second", "2".repeat(64), 40);
    playback.play(TestRules.schedule("s1", 3, first, second));

    assertThat(playback.appliedVersion()).contains(3L);
    assertThat(playback.now().kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(playback.now().item().contentId()).isEqualTo("first");
    assertThat(playback.now().item().language()).isEqualTo("vi");
    clock.advance(Duration.ofSeconds(20));
    assertThat(playback.now().item().contentId()).isEqualTo("second");
    assertThat(playback.now().until()).isEqualTo(LOCAL_MIDNIGHT.plusSeconds(60));
    clock.advance(Duration.ofSeconds(40));
    assertThat(playback.now().item().contentId()).isEqualTo("first");
    assertThat(playback.now().item().media().sha256()).isEqualTo("1".repeat(64));
    assertThat(playback.mimeTypeOf("1".repeat(64))).contains("image/png");
    assertThat(playback.mimeTypeOf("f".repeat(64))).isEmpty();
  }

  @Test
  void aTickerShowsItsTextAndAnAlertTakesOverWithItsLines() {
    MovableClock clock = new MovableClock(LOCAL_MIDNIGHT);
    Playback playback = new Playback(clock);
    ItemSpec ticker = new ItemSpec("ticker", "Chống buôn lậu", List.of(
        VariantSpec.text("vi", "Nghiêm cấm buôn lậu <script>", 30), VariantSpec.text("zh-Hans", "严禁走私", 30)));
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("vi", "Cửa khẩu tạm đóng do mưa lũ");
    lines.put("zh-Hans", "口岸因洪水临时关闭");
    AlertSpec closure = new AlertSpec("flood-1", TestRules.CLUSTER, LOCAL_MIDNIGHT.plusSeconds(60), null, lines);
    playback.play(TestRules.schedule(1, TestRules.rules(TestRules.profile("s1", "vi", "zh-Hans"), List.of(ticker),
        List.of(), TestRules.playlist("default", ticker), List.of(closure))));

    Playback.NowPlaying ticking = playback.now();
    assertThat(ticking.kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(ticking.item().text()).isEqualTo("Nghiêm cấm buôn lậu <script>");
    assertThat(ticking.item().media()).isNull();

    clock.advance(Duration.ofSeconds(60));
    Playback.NowPlaying alert = playback.now();
    assertThat(alert.kind()).isEqualTo(SlotKind.ALERT);
    assertThat(alert.item().contentId()).isEqualTo("flood-1");
    assertThat(alert.item().language()).isEqualTo("vi");
    assertThat(alert.item().text()).isEqualTo("Cửa khẩu tạm đóng do mưa lũ");
    clock.advance(Duration.ofSeconds(15));
    assertThat(playback.now().item().text()).isEqualTo("口岸因洪水临时关闭");
  }

  @Test
  void rulesTheEngineRefusesAreRefusedBeforeAnythingIsPlayedNamingTheField() {
    Playback playback = new Playback(new MovableClock(LOCAL_MIDNIGHT));
    ItemSpec item = slide("one", "1".repeat(64), 10);
    CampaignSpec broken = new CampaignSpec("c1", null, TestRules.playlist("p", item), TargetsSpec.clusters("x"),
        LocalDateTime.parse("2026-03-01T00:00"), LocalDateTime.parse("2026-04-01T00:00"), null,
        List.of(new RecurrenceSpec("FREQ=SOMETIMES", LocalTime.NOON, "PT1H")), null, null, null);
    var schedule = TestRules.schedule(2, TestRules.rules(TestRules.profile("s1", "vi"), List.of(item),
        List.of(broken), null, List.of()));

    assertThatThrownBy(() -> playback.play(schedule))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules.campaigns[0].recurrences[0].rule");
    assertThat(playback.appliedVersion()).isEmpty();
  }
}

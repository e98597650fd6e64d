package io.gatecast.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.TestRules;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.schedules.SlotKind;
import io.gatecast.testkit.MovableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster's alert topic and the rules' alerts: the later statement of "alerts in force" wins. */
class ClusterAlertMergeTest {
  private static final Instant NOW = Instant.parse("2026-03-15T03:00:00Z");
  private static final ItemSpec TICKER = new ItemSpec("ticker", "Chào mừng", List.of(VariantSpec.text("vi", "Chào mừng", 30)));

  private final Playback playback = new Playback(new MovableClock(NOW));

  @Test
  void anAlertFromTheClusterTopicTakesOverAndANewerClearEndsIt() {
    ScheduleMessage schedule = schedule(sentAt(0), List.of());
    playback.play(schedule);

    playback.alerts(message(sentAt(10), 1, alert("closure")));
    assertThat(playback.now().kind()).isEqualTo(SlotKind.ALERT);
    assertThat(playback.now().item().contentId()).isEqualTo("closure");
    assertThat(playback.alert("closure")).isPresent();

    playback.alerts(message(sentAt(20), 2));
    assertThat(playback.now().kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(playback.alert("closure")).isEmpty();
  }

  @Test
  void aClearSentAfterTheScheduleHidesTheRulesAlertAndANewerScheduleDecidesAgain() {
    playback.play(schedule(sentAt(0), List.of(alert("storm"))));
    assertThat(playback.now().kind()).isEqualTo(SlotKind.ALERT);

    playback.alerts(message(sentAt(10), 5));
    assertThat(playback.now().kind()).isEqualTo(SlotKind.DEFAULT);

    playback.play(schedule(sentAt(20), List.of(alert("storm"))));
    assertThat(playback.now().kind()).isEqualTo(SlotKind.ALERT);
  }

  @Test
  void alertsOfAnotherClusterAreIgnored() {
    playback.play(schedule(sentAt(0), List.of()));

    AlertSpec elsewhere = new AlertSpec("elsewhere", "mong-cai", NOW.minusSeconds(60), null, Map.of("vi", "Khác"));
    playback.alerts(new AlertMessage(new Header(1, "m-x", sentAt(10)), "mong-cai", 1L, List.of(elsewhere)));

    assertThat(playback.now().kind()).isEqualTo(SlotKind.DEFAULT);
  }

  private static Instant sentAt(long seconds) {
    return NOW.minusSeconds(600).plusSeconds(seconds);
  }

  private static AlertSpec alert(String id) {
    return new AlertSpec(id, TestRules.CLUSTER, NOW.minusSeconds(60), null, Map.of("vi", "Cửa khẩu tạm đóng"));
  }

  private static AlertMessage message(Instant sentAt, long version, AlertSpec... alerts) {
    return new AlertMessage(new Header(1, "m-" + version, sentAt), TestRules.CLUSTER, version, List.of(alerts));
  }

  private static ScheduleMessage schedule(Instant sentAt, List<AlertSpec> alerts) {
    ScheduleMessage built = TestRules.schedule(sentAt.getEpochSecond(), TestRules.rules(TestRules.profile("s1", "vi"),
        List.of(TICKER), List.of(), TestRules.playlist("default", TICKER), alerts));
    return new ScheduleMessage(new Header(1, "s-" + sentAt.getEpochSecond(), sentAt), built.screenId(), built.version(),
        built.rules());
  }
}

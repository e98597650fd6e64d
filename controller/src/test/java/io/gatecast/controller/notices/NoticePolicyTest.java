package io.gatecast.controller.notices;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.notices.Notice.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The alert decisions, driven by hand-set instants: grace, back online, flapping, operating hours. */
class NoticePolicyTest {
  private static final Instant T0 = Instant.parse("2026-03-16T01:00:00Z");
  private static final BiPredicate<String, Instant> ALWAYS = (cluster, at) -> true;
  private static final Duration GRACE = Duration.ofMinutes(2);
  private static final Duration WINDOW = Duration.ofMinutes(10);

  private final NoticePolicy policy = new NoticePolicy(GRACE, 3, WINDOW);
  private final List<Notice> sent = new ArrayList<>();

  @Test
  void aBlipShorterThanTheGracePeriodIsNeverReported() {
    policy.know("s1", "gate", true, null, T0);
    observe("s1", false, T0.plusSeconds(10), ALWAYS);
    tick(T0.plusSeconds(60), ALWAYS);
    observe("s1", true, T0.plusSeconds(90), ALWAYS);
    tick(T0.plusSeconds(600), ALWAYS);

    assertThat(sent).isEmpty();
  }

  @Test
  void aScreenDownPastTheGraceIsReportedOnceAndItsReturnToo() {
    policy.know("s1", "gate", true, null, T0);
    observe("s1", false, T0, ALWAYS);
    tick(T0.plus(GRACE).minusSeconds(1), ALWAYS);
    assertThat(sent).isEmpty();

    tick(T0.plus(GRACE), ALWAYS);
    tick(T0.plus(GRACE).plusSeconds(30), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.DOWN);
    assertThat(sent.get(0).screenId()).isEqualTo("s1");
    assertThat(sent.get(0).reason()).isEqualTo("agent offline");
    assertThat(sent.get(0).since()).isEqualTo(T0);

    observe("s1", true, T0.plusSeconds(300), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.DOWN, Kind.BACK_ONLINE);
  }

  @Test
  void aFlappingScreenIsReportedOnceThenQuietUntilStable() {
    policy.know("s1", "gate", true, null, T0);
    // Four changes within the window: more than K = 3.
    observe("s1", false, T0, ALWAYS);
    observe("s1", true, T0.plusSeconds(30), ALWAYS);
    observe("s1", false, T0.plusSeconds(60), ALWAYS);
    assertThat(sent).isEmpty();
    observe("s1", true, T0.plusSeconds(90), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.FLAPPING);

    // Goes on flapping and stays down past the grace: still quiet.
    for (int i = 0; i < 10; i++) {
      observe("s1", i % 2 == 0 ? false : true, T0.plusSeconds(120 + 30 * i), ALWAYS);
      tick(T0.plusSeconds(125 + 30 * i), ALWAYS);
    }
    observe("s1", false, T0.plusSeconds(500), ALWAYS);
    tick(T0.plusSeconds(500).plus(GRACE), ALWAYS);
    tick(T0.plusSeconds(500).plus(WINDOW).minusSeconds(1), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.FLAPPING);

    // No change for the whole window: stable, and it says it settled down.
    tick(T0.plusSeconds(500).plus(WINDOW), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.FLAPPING, Kind.STABLE);
    assertThat(sent.get(1).reason()).isEqualTo("agent offline");

    // From then on the normal rules again: its return is announced.
    observe("s1", true, T0.plusSeconds(500).plus(WINDOW).plusSeconds(60), ALWAYS);
    assertThat(sent).extracting(Notice::kind).containsExactly(Kind.FLAPPING, Kind.STABLE, Kind.BACK_ONLINE);
  }

  @Test
  void outsideOperatingHoursNothingIsSentAndOneSummaryComesWhenHoursBegin() {
    Instant opens = T0.plus(Duration.ofHours(6));
    BiPredicate<String, Instant> hours = (cluster, at) -> !cluster.equals("night-gate") || !at.isBefore(opens);
    policy.know("n1", "night-gate", true, null, T0);
    policy.know("n2", "night-gate", true, null, T0);
    policy.know("n3", "night-gate", true, null, T0);
    policy.know("d1", "day-gate", true, null, T0);
    tick(T0, hours);

    observe("n1", false, T0.plusSeconds(60), hours);
    observe("n2", false, T0.plusSeconds(60), hours);
    observe("n3", false, T0.plusSeconds(60), hours);
    observe("d1", false, T0.plusSeconds(60), hours);
    tick(T0.plus(Duration.ofHours(1)), hours);
    // The open gate's screen is reported; the closed gate's are held back.
    assertThat(sent).extracting(Notice::screenId).containsExactly("d1");

    // n3 comes back while the gate is closed: never mentioned.
    observe("n3", true, T0.plus(Duration.ofHours(2)), hours);
    tick(opens.minusSeconds(1), hours);
    assertThat(sent).hasSize(1);

    tick(opens, hours);
    tick(opens.plusSeconds(60), hours);
    assertThat(sent).hasSize(2);
    Notice summary = sent.get(1);
    assertThat(summary.kind()).isEqualTo(Kind.SUMMARY);
    assertThat(summary.clusterId()).isEqualTo("night-gate");
    assertThat(summary.down()).extracting(Notice.DownScreen::screenId).containsExactly("n1", "n2");

    // A screen in the summary counts as reported: its return is announced.
    observe("n1", true, opens.plusSeconds(120), hours);
    assertThat(sent.get(2).kind()).isEqualTo(Kind.BACK_ONLINE);
    assertThat(sent.get(2).screenId()).isEqualTo("n1");
  }

  @Test
  void aScreenThatComesBackBeforeHoursBeginIsNotInTheSummary() {
    Instant opens = T0.plus(Duration.ofHours(6));
    BiPredicate<String, Instant> hours = (cluster, at) -> !at.isBefore(opens);
    policy.know("n1", "night-gate", true, null, T0);
    tick(T0, hours);
    observe("n1", false, T0.plusSeconds(60), hours);
    observe("n1", true, T0.plusSeconds(7200), hours);
    tick(opens, hours);

    assertThat(sent).isEmpty();
  }

  private void observe(String screen, boolean up, Instant at, BiPredicate<String, Instant> hours) {
    String cluster = screen.startsWith("n") ? "night-gate" : screen.startsWith("d") ? "day-gate" : "gate";
    sent.addAll(policy.observe(screen, cluster, up, up ? null : "agent offline", at, hours));
  }

  private void tick(Instant now, BiPredicate<String, Instant> hours) {
    sent.addAll(policy.tick(now, hours));
  }
}

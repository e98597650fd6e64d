package io.gatecast.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.TestRules;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutonomyTest {
  /** 08:00 on 15 March 2026 in Hanoi. */
  private static final Instant EIGHT_LOCAL = Instant.parse("2026-03-15T01:00:00Z");
  private static final ItemSpec SLIDE = new ItemSpec("slide", "Slide", List.of(VariantSpec.media("vi",
      new MediaRef("1".repeat(64), "http://127.0.0.1:1/m", "image/png", 10L), 10)));

  private final MovableClock clock = new MovableClock(EIGHT_LOCAL);
  private final Playback playback = new Playback(clock);
  private final Autonomy autonomy = new Autonomy();

  @Test
  void unknownBeforeAnyScheduleAndAtLeastTheHorizonWithADefaultPlaylist() {
    assertThat(autonomy.until(playback, clock.instant())).isEmpty();

    playback.play(TestRules.schedule("s1", 1, SLIDE));

    assertThat(autonomy.until(playback, clock.instant())).contains(EIGHT_LOCAL.plus(Autonomy.HORIZON));
  }

  @Test
  void withoutADefaultPlaylistItEndsWhereTheLastCampaignOrAlertLeavesTheScreenBlack() {
    CampaignSpec election = new CampaignSpec("election", "Bầu cử", TestRules.playlist("p", SLIDE),
        TargetsSpec.clusters(TestRules.CLUSTER), LocalDateTime.parse("2026-03-15T07:00"),
        LocalDateTime.parse("2026-03-17T12:00"), null, null, 10, 1, LanguagePolicySpec.rotate());
    // An alert running past the campaign's end keeps the screen busy until it expires.
    AlertSpec closure = new AlertSpec("flood", TestRules.CLUSTER, Instant.parse("2026-03-17T04:00:00Z"),
        Instant.parse("2026-03-17T06:30:00Z"), Map.of("vi", "Cửa khẩu tạm đóng"));
    playback.play(TestRules.schedule(2, TestRules.rules(TestRules.profile("s1", "vi"), List.of(SLIDE),
        List.of(election), null, List.of(closure))));

    assertThat(autonomy.until(playback, clock.instant())).contains(Instant.parse("2026-03-17T06:30:00Z"));

    clock.set(Instant.parse("2026-03-18T00:00:00Z")); // black already
    assertThat(autonomy.until(playback, clock.instant())).contains(clock.instant());
    clock.advance(Duration.ofDays(1));
    assertThat(autonomy.until(playback, clock.instant())).contains(clock.instant());
  }
}

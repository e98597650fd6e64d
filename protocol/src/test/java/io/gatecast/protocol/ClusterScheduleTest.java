package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.rules.ScreenRules;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One schedule for a whole gate, and the placement that puts a screen in it (docs/proposals/cluster-schedules.md). */
class ClusterScheduleTest {
  private static final ClusterSchedule GATE = Codec.decode(Fixtures.example("cluster-schedule.json"), ClusterSchedule.class);
  private static final Placement PLACEMENT = Codec.decode(Fixtures.example("placement.json"), Placement.class);
  private static final ScreenRules HALLS = GATE.profiles().get("p-halls-indoor");

  @Test
  void aPlacedScreenPlaysItsProfileUnderItsOwnIdAndNames() {
    ScreenRules rules = PLACEMENT.rulesIn(GATE);
    assertThat(rules.profile().screenId()).isEqualTo("lc-hall-1");
    assertThat(rules.profile().screenName()).isEqualTo("Sảnh xuất cảnh 1");
    assertThat(rules.profile().gateName()).isEqualTo("Cửa khẩu quốc tế Lào Cai");
    assertThat(rules.profile().groups()).isEqualTo(HALLS.profile().groups());
    assertThat(rules.items()).isEqualTo(HALLS.items());
    assertThat(rules.campaigns()).isEqualTo(HALLS.campaigns());
    assertThat(rules.defaultPlaylist()).isEqualTo(HALLS.defaultPlaylist());
    // exactly the whole schedule a screen of that profile would be sent
    assertThat(new ScheduleMessage(PLACEMENT.header(), "lc-hall-1", PLACEMENT.version(), rules).rules()).isEqualTo(rules);
  }

  @Test
  void aPlacementRefusesAnotherGatesScheduleOrAProfileItDoesNotHold() {
    Placement elsewhere = new Placement(PLACEMENT.header(), "lc-hall-1", 44L, "kim-thanh", "p-halls-indoor", null, null);
    assertThatThrownBy(() -> elsewhere.rulesIn(GATE)).hasMessageContaining("kim-thanh");
    Placement missing = new Placement(PLACEMENT.header(), "lc-hall-1", 44L, GATE.clusterId(), "p-gone", null, null);
    assertThatThrownBy(() -> missing.rulesIn(GATE)).hasMessageContaining("p-gone");
  }

  @Test
  void profilesAreWrittenForTheirOwnIdInTheGateAndWithoutNames() {
    ScreenRules named = HALLS.forScreen("p-halls-indoor", "Sảnh 1", null);
    assertThatThrownBy(() -> gate(Map.of("p-halls-indoor", named))).hasMessageContaining("names");
    assertThatThrownBy(() -> gate(Map.of("p-other", HALLS))).hasMessageContaining("profile id");
    ScreenRules otherGate = new ScreenRules(new io.gatecast.protocol.rules.ScreenProfile("p-halls-indoor", "kim-thanh",
        HALLS.profile().groups(), HALLS.profile().tags(), HALLS.profile().zone(), HALLS.profile().languages()),
        HALLS.items(), HALLS.campaigns(), HALLS.defaultPlaylist(), HALLS.defaultPolicy(), HALLS.alerts());
    assertThatThrownBy(() -> gate(Map.of("p-halls-indoor", otherGate))).hasMessageContaining("kim-thanh");
    Map<String, ScreenRules> badKey = new HashMap<>();
    badKey.put("a/b", HALLS);
    assertThatThrownBy(() -> gate(badKey)).hasMessageContaining("a/b");
  }

  @Test
  void aGateOfTooManyProfilesIsRefusedNotCut() {
    Map<String, ScreenRules> many = new HashMap<>();
    for (int i = 0; i <= Limits.MAX_CLUSTER_PROFILES; i++) {
      many.put("p-" + i, HALLS.forScreen("p-" + i, null, null));
    }
    assertThatThrownBy(() -> gate(many)).hasMessageContaining(String.valueOf(Limits.MAX_CLUSTER_PROFILES));
    assertThat(gate(Map.of()).profiles()).as("a gate with nothing to show").isEmpty();
  }

  @Test
  void theSameProfilesInAnyOrderMakeTheSameBytes() {
    Map<String, ScreenRules> forwards = new LinkedHashMap<>();
    Map<String, ScreenRules> backwards = new LinkedHashMap<>();
    forwards.putAll(GATE.profiles());
    GATE.profiles().keySet().stream().sorted(java.util.Comparator.reverseOrder())
        .forEach(id -> backwards.put(id, GATE.profiles().get(id)));
    assertThat(new String(Codec.encode(gate(backwards)), StandardCharsets.UTF_8))
        .isEqualTo(new String(Codec.encode(gate(forwards)), StandardCharsets.UTF_8));
  }

  @Test
  void aSignedGateScheduleIsNotAPlacementNorAScheduleAndTheReverse() {
    Verifier agent = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-2026", Fixtures.publicKey("ctl-2026"));
    byte[] gate = Fixtures.example("signed-cluster-schedule.json");
    byte[] placement = Fixtures.example("signed-placement.json");
    assertThatThrownBy(() -> agent.open(gate, Signed.PLACEMENT, Placement.class)).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> agent.open(gate, Signed.SCHEDULE, ScheduleMessage.class)).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> agent.open(placement, Signed.SCHEDULE, ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> agent.open(placement, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class))
        .isInstanceOf(ProtocolException.class);
    // one byte of the placement changed (another profile): the signature no longer holds
    byte[] moved = new String(placement, StandardCharsets.UTF_8).replace("p-halls-indoor", "p-lanes")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> agent.open(moved, Signed.PLACEMENT, Placement.class)).isInstanceOf(ProtocolException.class);
  }

  @Test
  void acksAndHeartbeatsNameTheClusterVersionOnlyWhenAPlacementPlays() {
    ScheduleAck whole = new ScheduleAck(PLACEMENT.header(), "lc-hall-1", 42L, ScheduleAck.Outcome.APPLIED, null);
    ScheduleAck placed = new ScheduleAck(PLACEMENT.header(), "lc-hall-1", 43L, ScheduleAck.Outcome.APPLIED, null, 7L);
    assertThat(new String(Codec.encode(whole), StandardCharsets.UTF_8)).as("an ack's bytes as before")
        .doesNotContain("clusterVersion");
    assertThat(Codec.decode(Codec.encode(placed), ScheduleAck.class)).isEqualTo(placed);
    assertThat(Codec.decode(Codec.encode(placed), ScheduleAck.class).clusterVersion()).isEqualTo(7L);

    StatusMessage older = new StatusMessage(PLACEMENT.header(), "lc-hall-1", ScreenState.ONLINE, 42L, null, 30L, null);
    StatusMessage newer = new StatusMessage(PLACEMENT.header(), "lc-hall-1", ScreenState.ONLINE, 43L, null, 30L, null,
        7L, true);
    String olderJson = new String(Codec.encode(older), StandardCharsets.UTF_8);
    assertThat(olderJson).doesNotContain("appliedClusterVersion").doesNotContain("placements");
    assertThat(Codec.decode(Codec.encode(newer), StatusMessage.class)).isEqualTo(newer);
    assertThat(Codec.decode(olderJson.getBytes(StandardCharsets.UTF_8), StatusMessage.class).placements())
        .as("an older agent says nothing: it is sent whole schedules").isNull();
    assertThatThrownBy(() -> new ScheduleAck(PLACEMENT.header(), "lc-hall-1", 43L, ScheduleAck.Outcome.APPLIED, null, 0L))
        .hasMessageContaining("clusterVersion");

    // What the agent received, beside what it plays: optional, absent from older agents' bytes, never below 1.
    assertThat(olderJson).doesNotContain("receivedVersion");
    StatusMessage received = new StatusMessage(PLACEMENT.header(), "lc-hall-1", ScreenState.ONLINE, 43L, null, 30L,
        null, 7L, true, 44L);
    assertThat(Codec.decode(Codec.encode(received), StatusMessage.class).receivedVersion()).isEqualTo(44L);
    assertThatThrownBy(() -> new StatusMessage(PLACEMENT.header(), "lc-hall-1", ScreenState.ONLINE, 43L, null, 30L,
        null, 7L, true, 0L)).hasMessageContaining("receivedVersion");
  }

  private static ClusterSchedule gate(Map<String, ScreenRules> profiles) {
    return new ClusterSchedule(GATE.header(), GATE.clusterId(), GATE.version(), profiles);
  }
}

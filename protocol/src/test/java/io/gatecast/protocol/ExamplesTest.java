package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The golden examples under src/test/resources/examples: the README links them and an agent in the
 * field must keep understanding them, so every file must decode as its message, re-encode to the
 * same meaning (files "from-a-newer-..." carry unknown fields that are dropped), and be linked
 * from the README. Signed examples verify with the example key (keys/ctl-2026.*, test-only).
 */
class ExamplesTest {
  private static final Map<String, Class<?>> MESSAGES = Map.ofEntries(
      Map.entry("status-online.json", StatusMessage.class),
      Map.entry("status-offline-last-will.json", StatusMessage.class),
      Map.entry("status-from-a-newer-agent.json", StatusMessage.class),
      Map.entry("schedule-ack-applied.json", ScheduleAck.class),
      Map.entry("schedule-ack-failed.json", ScheduleAck.class),
      Map.entry("rejection-event.json", RejectionEvent.class),
      Map.entry("key-rotation.json", KeyRotation.class),
      Map.entry("schedule.json", ScheduleMessage.class),
      Map.entry("schedule-from-a-newer-controller.json", ScheduleMessage.class),
      Map.entry("command.json", Command.class),
      Map.entry("command-result-screenshot.json", CommandResult.class),
      Map.entry("command-result-failed.json", CommandResult.class),
      Map.entry("play-batch.json", PlayBatch.class),
      Map.entry("play-receipt.json", PlayReceipt.class),
      Map.entry("alert.json", AlertMessage.class),
      Map.entry("alert-cleared.json", AlertMessage.class),
      Map.entry("cluster-schedule.json", ClusterSchedule.class),
      Map.entry("placement.json", Placement.class));
  private static final Map<String, Class<?>> SIGNED = Map.ofEntries(
      Map.entry("signed-schedule.json", ScheduleMessage.class),
      Map.entry("signed-schedule-in-a-batch.json", ScheduleMessage.class),
      Map.entry("signed-key-rotation.json", KeyRotation.class),
      Map.entry("signed-key-rotation-from-a-newer-controller.json", KeyRotation.class),
      Map.entry("signed-command.json", Command.class),
      Map.entry("signed-alert.json", AlertMessage.class),
      Map.entry("signed-cluster-schedule.json", ClusterSchedule.class),
      Map.entry("signed-placement.json", Placement.class),
      Map.entry("signed-play-receipt.json", PlayReceipt.class));

  @Test
  void everyExampleFileIsKnownAndLinkedFromTheReadme() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (Path file : Fixtures.exampleFiles()) {
      String name = file.getFileName().toString();
      assertThat(MESSAGES.containsKey(name) || SIGNED.containsKey(name)).as(name + " is tested").isTrue();
      assertThat(readme).as(name + " is linked from protocol/README.md").contains("src/test/resources/examples/" + name);
    }
    assertThat(Fixtures.exampleFiles()).hasSize(MESSAGES.size() + SIGNED.size());
  }

  @Test
  void everyExampleDecodesAndRoundTrips() throws IOException {
    for (Map.Entry<String, Class<?>> e : MESSAGES.entrySet()) {
      byte[] bytes = Fixtures.example(e.getKey());
      Object message = Codec.decode(bytes, e.getValue());
      assertThat(Codec.decode(Codec.encode(message), e.getValue())).as(e.getKey()).isEqualTo(message);
      if (!e.getKey().contains("from-a-newer")) {
        JsonNode written = withoutNulls(Codec.mapper().readTree(Codec.encode(message)));
        assertThat(written).as(e.getKey() + " has no field the message drops").isEqualTo(withoutNulls(Codec.mapper().readTree(bytes)));
      }
    }
    assertThat(Codec.decode(Fixtures.example("schedule-from-a-newer-controller.json"), ScheduleMessage.class))
        .isEqualTo(Codec.decode(Fixtures.example("schedule.json"), ScheduleMessage.class));
  }

  /** Absent and null mean the same on the wire; the examples leave optional fields out. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.properties().removeIf(member -> member.getValue().isNull());
      object.forEach(ExamplesTest::withoutNulls);
    } else if (node.isArray()) {
      node.forEach(ExamplesTest::withoutNulls);
    }
    return node;
  }

  @Test
  void everySignedExampleVerifiesWithTheExampleKey() {
    Verifier agent = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-2026", Fixtures.publicKey("ctl-2026"));
    for (Map.Entry<String, Class<?>> e : SIGNED.entrySet()) {
      String type = e.getValue() == KeyRotation.class ? Signed.KEY_ROTATION
          : e.getValue() == Command.class ? Signed.COMMAND
          : e.getValue() == AlertMessage.class ? Signed.ALERT
          : e.getValue() == ClusterSchedule.class ? Signed.CLUSTER_SCHEDULE
          : e.getValue() == Placement.class ? Signed.PLACEMENT
          : e.getValue() == PlayReceipt.class ? Signed.PLAY_RECEIPT
          : Signed.SCHEDULE;
      Verified<?> v = agent.open(Fixtures.example(e.getKey()), type, e.getValue());
      assertThat(v.keyId()).as(e.getKey()).isEqualTo("ctl-2026");
    }
    assertThat(agent.open(Fixtures.example("signed-schedule.json"), Signed.SCHEDULE, ScheduleMessage.class).message())
        .isEqualTo(Codec.decode(Fixtures.example("schedule.json"), ScheduleMessage.class));
    assertThat(agent.open(Fixtures.example("signed-schedule-in-a-batch.json"), Signed.SCHEDULE, ScheduleMessage.class)
        .message()).isEqualTo(Codec.decode(Fixtures.example("schedule.json"), ScheduleMessage.class));
    assertThat(agent.open(Fixtures.example("signed-alert.json"), Signed.ALERT, AlertMessage.class).message())
        .isEqualTo(Codec.decode(Fixtures.example("alert.json"), AlertMessage.class));
    ClusterSchedule gate = agent.open(Fixtures.example("signed-cluster-schedule.json"), Signed.CLUSTER_SCHEDULE,
        ClusterSchedule.class).message();
    assertThat(gate).isEqualTo(Codec.decode(Fixtures.example("cluster-schedule.json"), ClusterSchedule.class));
    assertThat(agent.open(Fixtures.example("signed-play-receipt.json"), Signed.PLAY_RECEIPT, PlayReceipt.class).message())
        .isEqualTo(Codec.decode(Fixtures.example("play-receipt.json"), PlayReceipt.class));
    Placement placement = agent.open(Fixtures.example("signed-placement.json"), Signed.PLACEMENT, Placement.class).message();
    assertThat(placement).isEqualTo(Codec.decode(Fixtures.example("placement.json"), Placement.class));
    // The placed screen plays what the whole schedule example carries, with its names put in.
    ScheduleMessage whole = Codec.decode(Fixtures.example("schedule.json"), ScheduleMessage.class);
    assertThat(placement.rulesIn(gate))
        .isEqualTo(whole.rules().forScreen(whole.screenId(), placement.screenName(), placement.gateName()));
  }

  @Test
  void eventsSayWhatTheyAre() {
    Map<String, EventKind> events = Map.of(
        "schedule-ack-applied.json", EventKind.SCHEDULE_ACK,
        "rejection-event.json", EventKind.REJECTION,
        "play-batch.json", EventKind.PLAY_BATCH,
        "command-result-failed.json", EventKind.COMMAND_RESULT);
    events.forEach((file, kind) ->
        assertThat(EventKind.of(Codec.decode(Fixtures.example(file), JsonNode.class))).as(file).contains(kind));
    // an ack from an agent older than the "event" member, and an event kind from a newer agent
    assertThat(EventKind.of(Codec.decode("{\"outcome\":\"APPLIED\"}".getBytes(StandardCharsets.UTF_8), JsonNode.class)))
        .contains(EventKind.SCHEDULE_ACK);
    assertThat(EventKind.of(Codec.decode("{\"event\":\"weather\"}".getBytes(StandardCharsets.UTF_8), JsonNode.class)))
        .isEmpty();
  }
}

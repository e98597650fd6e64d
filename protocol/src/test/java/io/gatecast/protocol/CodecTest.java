package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final String SHA = "a".repeat(64);
  private static final Header HEADER = new Header(1, "m-1", Instant.parse("2026-03-15T00:00:00Z"));

  private static ScheduleMessage schedule() {
    MediaRef media = new MediaRef(SHA, "http://127.0.0.1:8080/media/" + SHA, "image/png", 1234L);
    return new ScheduleMessage(HEADER, "lc-hall-1", 3L,
        List.of(new ScheduledItem("bau-cu-2026", "Bầu cử 15/3 · 选举 · Election", media, 10L)));
  }

  @Test
  void everyMessageSurvivesARoundTrip() {
    List<Object> messages = List.of(
        schedule(),
        new StatusMessage(HEADER, "lc-hall-1", ScreenState.ONLINE, 3L, "bau-cu-2026", 10L),
        new StatusMessage(HEADER, "lc-hall-1", ScreenState.OFFLINE, null, null, null),
        new ScheduleAck(HEADER, "lc-hall-1", 3L, ScheduleAck.Outcome.APPLIED, null),
        new ScheduleAck(HEADER, "lc-hall-1", 3L, ScheduleAck.Outcome.FAILED, "checksum did not match"));
    for (Object message : messages) {
      assertThat(Codec.decode(Codec.encode(message), message.getClass())).isEqualTo(message);
    }
  }

  @Test
  void unknownFieldsAreTolerated() {
    String json = new String(Codec.encode(schedule()), StandardCharsets.UTF_8)
        .replaceFirst("\\{", "{\"fieldFromTheFuture\":{\"x\":1},");
    assertThat(Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class)).isEqualTo(schedule());
  }

  @Test
  void aMissingFieldIsNamed() {
    String json = new String(Codec.encode(schedule()), StandardCharsets.UTF_8).replace("\"version\":3,", "");
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("version is required");
  }

  @Test
  void aWrongTypeIsNamed() {
    String json = new String(Codec.encode(schedule()), StandardCharsets.UTF_8)
        .replace("\"durationSeconds\":10", "\"durationSeconds\":\"ten\"");
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("items[0].durationSeconds");
  }

  @Test
  void anOutOfRangeValueIsNamed() {
    String json = new String(Codec.encode(schedule()), StandardCharsets.UTF_8)
        .replace("\"durationSeconds\":10", "\"durationSeconds\":0");
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("durationSeconds must be at least 1");
  }

  @Test
  void malformedAndOversizedPayloadsAreRefused() {
    assertThatThrownBy(() -> Codec.decode("{\"header\":".getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> Codec.decode(new byte[0], ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("empty payload");
    assertThatThrownBy(() -> Codec.decode(new byte[Limits.MAX_MESSAGE_BYTES + 1], ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("the limit is");
    assertThatThrownBy(() -> Codec.decode("null".getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class);
  }
}

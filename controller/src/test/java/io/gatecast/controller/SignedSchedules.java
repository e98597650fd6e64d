package io.gatecast.controller;

import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Verifier;
import java.time.Clock;
import java.time.Duration;

/** Opens what the controller put on a schedule topic the way an agent does: only if its key signed it. */
public final class SignedSchedules {
  private SignedSchedules() {}

  public static ScheduleMessage open(PinnedKey key, byte[] payload) {
    return open(key, payload, Signed.SCHEDULE, ScheduleMessage.class);
  }

  /**
   * The version of what is on a screen's schedule topic, opened as an agent opens it: a whole schedule
   * or (a screen that plays placements) a placement in its gate's schedule; the two share one sequence.
   */
  public static long version(PinnedKey key, byte[] payload) {
    return isPlacement(payload)
        ? open(key, payload, Signed.PLACEMENT, io.gatecast.protocol.Placement.class).version()
        : open(key, payload).version();
  }

  /** Whether a signed envelope on a screen's schedule topic holds a placement (else a whole schedule). */
  public static boolean isPlacement(byte[] payload) {
    return Signed.PLACEMENT.equals(io.gatecast.protocol.Codec.decode(payload,
        com.fasterxml.jackson.databind.JsonNode.class).path("type").asText(""));
  }

  /** Any signed message of {@code type}, opened only if the controller's key signed it. */
  public static <T> T open(PinnedKey key, byte[] payload, String type, Class<T> messageClass) {
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ZERO), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    return verifier.open(payload, type, messageClass).message();
  }
}

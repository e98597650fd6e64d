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

  /** Any signed message of {@code type}, opened only if the controller's key signed it. */
  public static <T> T open(PinnedKey key, byte[] payload, String type, Class<T> messageClass) {
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ZERO), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    return verifier.open(payload, type, messageClass).message();
  }
}

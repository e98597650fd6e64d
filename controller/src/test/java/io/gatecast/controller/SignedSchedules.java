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
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ZERO), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    return verifier.open(payload, Signed.SCHEDULE, ScheduleMessage.class).message();
  }
}

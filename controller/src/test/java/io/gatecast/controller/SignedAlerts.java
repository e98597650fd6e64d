package io.gatecast.controller;

import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Verified;
import io.gatecast.protocol.Verifier;
import io.gatecast.testkit.ApiClient;
import java.time.Clock;
import java.time.Duration;

/** Opens what the controller put on an alert topic the way an agent does: only if the published key signed it. */
final class SignedAlerts {
  private SignedAlerts() {}

  /** The key as any agent would be provisioned with it: from GET /api/v1/signing-key. */
  static PinnedKey publishedKey(ApiClient api) {
    var body = api.get("/api/v1/signing-key").body();
    return new PinnedKey(body.get("keyId").asText(), body.get("publicKey").asText(), null);
  }

  static Verified<AlertMessage> open(PinnedKey key, Clock clock, byte[] payload) {
    Verifier verifier = Verifier.pinning(new Freshness(clock, Duration.ZERO), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    return verifier.open(payload, Signed.ALERT, AlertMessage.class);
  }
}

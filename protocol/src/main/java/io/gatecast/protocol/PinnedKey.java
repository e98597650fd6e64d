package io.gatecast.protocol;

import java.time.Instant;

/**
 * A controller key an agent trusts, in a form the agent can store as JSON next to its cache (a
 * rotation must survive a restart, or the agent would fall back to its configured key).
 *
 * @param publicKey base64 X.509 ({@link Keys#encodePublic})
 * @param retiredAt from this instant the key is no longer accepted; null while it is current.
 *     Retired keys stay listed so a replayed rotation cannot bring their id back.
 */
public record PinnedKey(String keyId, String publicKey, Instant retiredAt) {
  public PinnedKey {
    Check.id(keyId, "keyId");
    Check.text(publicKey, "publicKey", 200);
    try {
      Keys.decodePublic(publicKey);
    } catch (ProtocolException e) {
      throw new IllegalArgumentException("publicKey of " + keyId + ": " + e.getMessage(), e);
    }
  }

  public boolean acceptedAt(Instant now) {
    return retiredAt == null || now.isBefore(retiredAt);
  }
}

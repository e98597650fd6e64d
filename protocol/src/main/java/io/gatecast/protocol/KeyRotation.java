package io.gatecast.protocol;

import java.time.Instant;

/**
 * Tells agents to trust a new controller key. It travels in a {@link Signed} envelope of type
 * {@link Signed#KEY_ROTATION} on each screen's commands topic and must be signed by a key the
 * agent already pins and has not retired; a stranger cannot introduce a key (see
 * {@link Verifier#rotate}).
 *
 * @param newKeyId the id the new key signs under; must not be one the agent ever pinned
 * @param publicKey the new key, base64 X.509 ({@link Keys#encodePublic})
 * @param validFrom when the controller signs with the new key at the latest: the new key is trusted
 *     as soon as the rotation is accepted, and the key that signed the rotation is retired at
 *     this instant (so retained messages signed with it keep playing until the controller has
 *     re-signed them)
 */
public record KeyRotation(Header header, String newKeyId, String publicKey, Instant validFrom) {
  public KeyRotation {
    Check.required(header, "header");
    Check.id(newKeyId, "newKeyId");
    Check.text(publicKey, "publicKey", 200);
    try {
      Keys.decodePublic(publicKey);
    } catch (ProtocolException e) {
      throw new IllegalArgumentException("publicKey: " + e.getMessage(), e);
    }
    Check.required(validFrom, "validFrom");
  }
}

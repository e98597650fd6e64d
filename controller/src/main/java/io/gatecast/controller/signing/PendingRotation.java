package io.gatecast.controller.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.protocol.Check;
import java.time.Instant;

/**
 * An announced rotation, as {@code <dataDir>/keys/next.json} keeps it (owner-only) from the
 * announcement until the switch is complete: the next key pair and the {@code key-rotation}
 * envelope, signed by the current key, that introduces it to the agents.
 *
 * @param keyId the next key's id
 * @param publicKey the next key, base64 X.509
 * @param privateKey the next key's private half, base64 PKCS#8 (never in logs: see {@link #toString})
 * @param validFrom when the controller starts signing with it
 * @param announcement the signed envelope, exactly as sent, so every repeat is the same message
 */
record PendingRotation(String keyId, String publicKey, String privateKey, Instant validFrom, ObjectNode announcement) {
  PendingRotation {
    Check.id(keyId, "keyId");
    Check.required(publicKey, "publicKey");
    Check.required(privateKey, "privateKey");
    Check.required(validFrom, "validFrom");
    Check.required(announcement, "announcement");
    announcement = announcement.deepCopy();
  }

  @Override
  public ObjectNode announcement() {
    return announcement.deepCopy();
  }

  /** The key id that signed the announcement: the key being retired. */
  String signedBy() {
    return announcement.path("keyId").asText();
  }

  ControllerKeys keys() {
    return ControllerKeys.fromText(publicKey, privateKey);
  }

  @Override
  public String toString() {
    return "PendingRotation[keyId=" + keyId + ", validFrom=" + validFrom + ", signedBy=" + signedBy() + "]";
  }
}

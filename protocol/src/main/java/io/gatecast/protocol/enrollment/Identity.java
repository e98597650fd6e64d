package io.gatecast.protocol.enrollment;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.PinnedKey;

/**
 * What an enrolled agent receives once an operator assigned its code, and keeps on disk: who it is,
 * how it logs in to the broker, and the controller key it trusts.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}
 * @param keyId the controller's signing key id (as {@code GET /api/v1/signing-key})
 * @param publicKey the controller's base64 X.509 Ed25519 public key
 */
public record Identity(String screenId, String mqttUsername, String mqttPassword, String brokerUrl, String keyId,
    String publicKey) {
  public Identity {
    Check.id(screenId, "screenId");
    Check.id(mqttUsername, "mqttUsername");
    Check.text(mqttPassword, "mqttPassword", 200);
    Check.text(brokerUrl, "brokerUrl", 200);
    if (!brokerUrl.matches("(tcp|ssl)://[^/\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException("brokerUrl must look like tcp://host:port, got '" + brokerUrl + "'");
    }
    signingKey(keyId, publicKey);
  }

  /** The controller key to pin. */
  public PinnedKey signingKey() {
    return signingKey(keyId, publicKey);
  }

  private static PinnedKey signingKey(String keyId, String publicKey) {
    return new PinnedKey(keyId, publicKey, null);
  }

  /** Never prints the password: identities end up in logs. */
  @Override
  public String toString() {
    return "Identity[screenId=" + screenId + ", mqttUsername=" + mqttUsername + ", brokerUrl=" + brokerUrl
        + ", keyId=" + keyId + "]";
  }
}

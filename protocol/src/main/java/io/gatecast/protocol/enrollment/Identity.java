package io.gatecast.protocol.enrollment;

import io.gatecast.protocol.BrokerUrls;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.PinnedKey;
import java.util.List;

/**
 * What an enrolled agent receives once an operator assigned its code, and keeps on disk: who it is,
 * how it logs in to the broker, and the controller key it trusts.
 *
 * <p>Broker addresses: {@code brokerUrls} lists every node of the broker (one for a single broker,
 * all of them for a cluster), tried in order. {@code brokerUrl} is its first entry, still written so
 * an agent built before the list existed can read an identity from a newer controller; an identity
 * saved by such an agent (or sent by an older controller) has only {@code brokerUrl}, which then
 * becomes the list of one.
 *
 * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port}: the first of {@code brokerUrls}
 * @param brokerUrls every broker address, in the order to try them; null or empty for just {@code brokerUrl}
 * @param keyId the controller's signing key id (as {@code GET /api/v1/signing-key})
 * @param publicKey the controller's base64 X.509 Ed25519 public key
 */
public record Identity(String screenId, String mqttUsername, String mqttPassword, String brokerUrl,
    List<String> brokerUrls, String keyId, String publicKey) {
  public Identity {
    Check.id(screenId, "screenId");
    Check.id(mqttUsername, "mqttUsername");
    Check.text(mqttPassword, "mqttPassword", 200);
    if (brokerUrls == null || brokerUrls.isEmpty()) {
      Check.text(brokerUrl, "brokerUrl", 200);
      brokerUrls = BrokerUrls.check(List.of(brokerUrl), "brokerUrl");
    } else {
      brokerUrls = BrokerUrls.check(brokerUrls, "brokerUrls");
      if (brokerUrl == null) {
        brokerUrl = brokerUrls.get(0);
      } else if (!brokerUrl.equals(brokerUrls.get(0))) {
        throw new IllegalArgumentException("brokerUrl must be the first of brokerUrls, got '" + brokerUrl + "' and "
            + brokerUrls);
      }
    }
    for (String url : brokerUrls) {
      Check.text(url, "brokerUrls", 200);
    }
    signingKey(keyId, publicKey);
  }

  /** An identity for the broker addresses {@code brokerUrls} (the first also written as {@code brokerUrl}). */
  public static Identity of(String screenId, String mqttUsername, String mqttPassword, List<String> brokerUrls,
      String keyId, String publicKey) {
    return new Identity(screenId, mqttUsername, mqttPassword, null, brokerUrls, keyId, publicKey);
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
    return "Identity[screenId=" + screenId + ", mqttUsername=" + mqttUsername + ", brokerUrls=" + brokerUrls
        + ", keyId=" + keyId + "]";
  }
}

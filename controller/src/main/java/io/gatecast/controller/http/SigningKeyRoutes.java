package io.gatecast.controller.http;

import io.gatecast.protocol.PinnedKey;
import io.vertx.ext.web.Router;

/**
 * The controller's public signing key, for provisioning agents: an agent is started with
 * {@code --controller-key <keyId>:<publicKey>} from this answer and plays only what this key signed.
 * Public by nature, so it needs no protection beyond the API's own.
 */
final class SigningKeyRoutes {
  /** The key as agents pin it: base64 X.509 public key under its id. */
  record SigningKeyView(String keyId, String publicKey) {}

  private final SigningKeyView view;

  SigningKeyRoutes(PinnedKey signingKey) {
    this.view = new SigningKeyView(signingKey.keyId(), signingKey.publicKey());
  }

  void mount(Router router) {
    router.get("/api/v1/signing-key").handler(ctx -> Json.send(ctx, 200, view));
  }
}

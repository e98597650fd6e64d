package io.gatecast.controller.keyrotation.api;

import io.gatecast.controller.signing.KeyRing;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/**
 * The controller's public signing key, for provisioning agents: an agent is started with
 * {@code --controller-key <keyId>:<publicKey>} from this answer and plays only what this key signed.
 * Public by nature, so reading it needs no protection beyond the API's own.
 *
 * <p>{@code POST /api/v1/signing-key/rotations} announces the next key ({@link KeyRotations}); it
 * decides which key the whole fleet trusts, so it is for the administrator role.
 */
public final class SigningKeyRoutes {
  /** The key as agents pin it: base64 X.509 public key under its id; {@code next} while a rotation is announced. */
  public record SigningKeyView(String keyId, String publicKey, KeyRing.NextKey next) {}

  /** Body of a rotation request; every member optional. */
  public record RotationRequest(Long graceSeconds) {}

  /** The answer to a rotation request. */
  public record RotationView(String keyId, String publicKey, Instant validFrom, String signedBy, int announcedTo,
      int schedulesResigned) {}

  private final KeyRotations rotations;

  public SigningKeyRoutes(KeyRotations rotations) {
    this.rotations = rotations;
  }

  public void mount(Router router) {
    router.get("/api/v1/signing-key").handler(ctx -> {
      KeyRing.State state = rotations.state();
      Json.send(ctx, 200, new SigningKeyView(state.current().keyId(), state.current().publicKey(), state.next()));
    });
    router.post("/api/v1/signing-key/rotations").handler(this::rotate);
  }

  private void rotate(RoutingContext ctx) {
    boolean hasBody = ctx.body().buffer() != null && ctx.body().buffer().length() > 0;
    RotationRequest request = hasBody ? Json.read(ctx, RotationRequest.class) : new RotationRequest(null);
    Duration grace = request.graceSeconds() == null ? KeyRotations.DEFAULT_GRACE : Duration.ofSeconds(request.graceSeconds());
    rotations.rotate(grace, AuthHandler.user(ctx).username())
        .onSuccess(a -> Json.send(ctx, 202, new RotationView(a.next().keyId(), a.next().publicKey(), a.next().validFrom(),
            a.signedBy(), a.announcedTo(), a.schedulesResigned())))
        .onFailure(e -> {
          if (e instanceof KeyRing.RotationUnderWayException) {
            ctx.fail(Refusal.of(Kind.CONFLICT, e.getMessage()));
          } else if (e instanceof IllegalArgumentException) {
            ctx.fail(Refusal.of(Kind.BAD_INPUT, e.getMessage()));
          } else {
            ctx.fail(e);
          }
        });
  }
}

package io.gatecast.controller.enrollment.api;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.organisation.api.OrganisationRequests.Assign;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.throttle.WindowLimit;
import io.gatecast.controller.enrollment.Enrollment;
import io.gatecast.controller.enrollment.EnrollmentRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.enrollment.EnrollmentRequest;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.protocol.enrollment.PickupRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.PortableIds;

/**
 * Enrollment by pairing code. An agent with no identity registers a code and the SHA-256 of a
 * secret ({@code POST /api/v1/enrollments}), shows the code and polls
 * ({@code POST /api/v1/enrollments/{code}/pickup} with its secret). An operator assigns the code to
 * a screen ({@code POST /api/v1/enrollments/{code}/assign}); the agent's next poll receives its
 * {@link Identity}: screen id, MQTT login (a new password, of which only the hash is kept), broker
 * URL and the controller's signing key.
 *
 * <p>Codes expire ({@link #TTL}) and are assigned once. An unknown code and a wrong secret get the
 * same answer, so trying codes tells an attacker nothing; only the secret, which never leaves the
 * agent except in its own polls, yields credentials. A pickup may be repeated with the secret until
 * the enrollment expires (each gives a new password and voids the previous one), so an agent that
 * lost power between receiving and saving its identity still gets one.
 */
public final class EnrollmentRoutes {
  /** How long a code waits for an operator, and then how long an assigned code waits for its agent. */
  static final Duration TTL = Duration.ofMinutes(15);
  /** Codes waiting at once: plenty for a province's roll-out, few enough that nobody can flood the table. */
  static final int MAX_WAITING = 1000;
  /**
   * Codes one address may register per {@link #TTL}: a site's kiosks behind one router fit, a
   * flood from one address fills at most this many of the {@link #MAX_WAITING} places.
   */
  static final int MAX_PER_ADDRESS = 20;
  private static final String NO_SUCH = "no enrollment with this code and secret (expired codes are forgotten)";

  private final Database db;
  private final Clock clock;
  private final Supplier<PinnedKey> signingKey;
  /** Every broker address agents may log in to (the nodes of a clustered broker), as this controller knows them. */
  private final Supplier<List<String>> brokerUrls;
  private final EnrollmentRepository enrollments = new EnrollmentRepository();
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final ClusterRepository clusters = new ClusterRepository();

  private final AuditLog audit;

  private final WindowLimit perAddress;

  public EnrollmentRoutes(Database db, Clock clock, Supplier<PinnedKey> signingKey, Supplier<List<String>> brokerUrls,
      AuditLog audit) {
    this.audit = audit;
    this.perAddress = new WindowLimit(MAX_PER_ADDRESS, TTL, 10_000, clock);
    this.db = db;
    this.clock = clock;
    this.signingKey = signingKey;
    this.brokerUrls = brokerUrls;
  }

  /** One enrollment as the console lists it; never the secret's hash. */
  public record EnrollmentView(String code, String displayCode, Enrollment.State state, String screenId, Instant createdAt,
      Instant expiresAt) {
    static EnrollmentView of(Enrollment e) {
      return new EnrollmentView(e.code(), PairingCode.display(e.code()), e.state(), e.screenId(), e.createdAt(),
          e.expiresAt());
    }
  }

  public void mount(Router router) {
    router.post("/api/v1/enrollments").handler(this::register);
    router.get("/api/v1/enrollments").handler(ctx -> db.transaction(c -> enrollments.current(c, clock.instant())
            .stream().map(EnrollmentView::of).toList())
        .onSuccess(list -> Json.send(ctx, 200, list)).onFailure(ctx::fail));
    router.delete("/api/v1/enrollments").handler(this::clearWaiting);
    router.delete("/api/v1/enrollments/:code").handler(this::clearOne);
    router.post("/api/v1/enrollments/:code/assign").handler(this::assign);
    router.post("/api/v1/enrollments/:code/pickup").handler(this::pickup);
  }

  private void register(RoutingContext ctx) {
    EnrollmentRequest request = Json.read(ctx, EnrollmentRequest.class);
    String address = ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
    perAddress.tryAcquire(address).ifPresent(wait -> {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new Refusal(Refusal.Kind.TOO_MANY_REQUESTS, "ENROLLMENT_RATE_LIMITED", "this address registered "
          + MAX_PER_ADDRESS + " pairing codes in the last " + TTL.toMinutes() + " minutes; try again in " + seconds
          + " seconds", Map.of("limit", MAX_PER_ADDRESS, "windowSeconds", TTL.toSeconds(), "retryAfterSeconds", seconds));
    });
    Instant now = clock.instant();
    db.transaction(c -> {
      enrollments.deleteExpired(c, now);
      if (enrollments.find(c, request.code()).isPresent()) {
        throw Refusal.of(Kind.CONFLICT, "code " + PairingCode.display(request.code()) + " is in use; make another");
      }
      if (enrollments.waiting(c, now) >= MAX_WAITING) {
        throw Refusal.of(Kind.TOO_MANY_REQUESTS,
            "too many codes wait for an operator (" + MAX_WAITING + "); try again later");
      }
      enrollments.insert(c, request.code(), sha256(request.secret()), now, now.plus(TTL));
      return EnrollmentView.of(enrollments.find(c, request.code()).orElseThrow());
    }).onSuccess(view -> Json.send(ctx, 201, view)).onFailure(ctx::fail);
  }

  /** An operator clears every code still waiting (a flood of fake ones); assigned codes stay. */
  private void clearWaiting(RoutingContext ctx) {
    Instant now = clock.instant();
    db.transaction(c -> {
      List<String> codes = enrollments.current(c, now).stream().filter(e -> e.state() == Enrollment.State.WAITING)
          .map(Enrollment::code).toList();
      for (String code : codes) {
        enrollments.delete(c, code);
      }
      audit.record(c, AuthHandler.user(ctx).username(), "clear-enrollments", "enrollment", "*", null,
          Map.of("cleared", codes.size()));
      return Map.of("cleared", codes.size());
    }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
  }

  /** An operator clears one waiting code. */
  private void clearOne(RoutingContext ctx) {
    String code = code(ctx);
    Instant now = clock.instant();
    db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code).filter(e -> !e.expiredAt(now))
          .filter(e -> e.state() == Enrollment.State.WAITING).orElseThrow(() ->
          Refusal.of(Kind.NOT_FOUND, "no enrollment waits under code " + PairingCode.display(code)));
      enrollments.delete(c, code);
      audit.record(c, AuthHandler.user(ctx).username(), "clear-enrollment", "enrollment", code,
          EnrollmentView.of(enrollment), null);
      return Map.of("cleared", 1);
    }).onSuccess(body -> Json.send(ctx, 200, body)).onFailure(ctx::fail);
  }

  private void assign(RoutingContext ctx) {
    String code = code(ctx);
    Assign request = Json.read(ctx, Assign.class);
    PortableIds.require(request.screenId(), "screenId");
    if (request.screenId().equals(ControllerCredentials.USERNAME)) {
      throw Refusal.of(Kind.BAD_INPUT,
          "screenId " + request.screenId() + " is the controller's MQTT username; choose another");
    }
    Instant now = clock.instant();
    db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code).filter(e -> !e.expiredAt(now)).orElseThrow(() ->
          Refusal.of(Kind.NOT_FOUND,
              "no enrollment waits under code " + PairingCode.display(code) + " (expired or never shown)"));
      if (enrollment.state() != Enrollment.State.WAITING) {
        throw Refusal.of(Kind.CONFLICT, "code " + PairingCode.display(code) + " was already assigned to screen "
            + enrollment.screenId() + "; a code is used once");
      }
      if (!clusters.exists(c, request.clusterId())) {
        throw Refusal.of(Kind.BAD_INPUT, "clusterId " + request.clusterId() + " names no cluster");
      }
      Optional<ScreenSetup> existing = setups.find(c, request.screenId());
      if (existing.isPresent()) {
        // A revoked screen, or one whose earlier enrollment was never picked up, gets a new kiosk;
        // a screen that can log in is not taken over.
        boolean canLogIn = !existing.get().revoked() && screens.passwordHash(c, request.screenId()).isPresent();
        if (canLogIn) {
          throw Refusal.of(Kind.CONFLICT, "screen " + request.screenId() + " is already enrolled; revoke it first to"
              + " replace its kiosk");
        }
        setups.reinstate(c, request.screenId());
        screens.rename(c, request.screenId(), request.name());
        setups.update(c, request.screenId(), withCluster(existing.get(), request.clusterId()));
      } else {
        screens.insert(c, request.screenId(), request.name(), now);
        setups.update(c, request.screenId(), ScreenSetup.inCluster(request.clusterId()));
      }
      enrollments.assign(c, code, request.screenId(), now, now.plus(TTL));
      EnrollmentView assigned = EnrollmentView.of(enrollments.find(c, code).orElseThrow());
      audit.record(c, AuthHandler.user(ctx).username(), "enroll", "screen", request.screenId(), null, assigned);
      return assigned;
    }).onSuccess(view -> Json.send(ctx, 200, view)).onFailure(ctx::fail);
  }

  private void pickup(RoutingContext ctx) {
    String code = code(ctx);
    PickupRequest request = Json.read(ctx, PickupRequest.class);
    List<String> agentBrokers = brokerUrls.get().stream().map(url -> brokerUrlFor(url, ctx)).toList();
    Instant now = clock.instant();
    db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code)
          .filter(e -> MessageDigest.isEqual(bytes(e.secretSha256()), bytes(sha256(request.secret()))))
          .orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, NO_SUCH));
      if (enrollment.expiredAt(now)) {
        throw Refusal.of(Kind.GONE, "code " + PairingCode.display(code) + " expired; show a new one");
      }
      if (enrollment.state() == Enrollment.State.WAITING) {
        return Map.of("state", enrollment.state(), "expiresAt", enrollment.expiresAt());
      }
      if (setups.find(c, enrollment.screenId()).map(ScreenSetup::revoked).orElse(true)) {
        throw Refusal.of(Kind.GONE, "screen " + enrollment.screenId() + " was revoked; show a new code");
      }
      String password = PasswordHash.newPassword();
      screens.setPassword(c, enrollment.screenId(), password);
      enrollments.pickedUp(c, code, now);
      PinnedKey key = signingKey.get();
      return Identity.of(enrollment.screenId(), enrollment.screenId(), password, agentBrokers, key.keyId(),
          key.publicKey());
    }).onSuccess(body -> Json.send(ctx, body instanceof Identity ? 200 : 202, body)).onFailure(ctx::fail);
  }

  /**
   * The broker URL as the agent can reach it: when the broker listens on every interface
   * (0.0.0.0), the host the agent reached this controller at.
   */
  private static String brokerUrlFor(String brokerUrl, RoutingContext ctx) {
    URI url = URI.create(brokerUrl);
    String host = url.getHost();
    if (host == null || !List.of("0.0.0.0", "::", "[::]").contains(host) || ctx.request().authority() == null) {
      return url.toString();
    }
    return url.getScheme() + "://" + ctx.request().authority().host() + ":" + url.getPort();
  }

  private static ScreenSetup withCluster(ScreenSetup setup, String clusterId) {
    return new ScreenSetup(clusterId, setup.location(), setup.resolution(), setup.orientation(), setup.languages(),
        setup.tags(), null);
  }

  private static String code(RoutingContext ctx) {
    try {
      return PairingCode.normalise(ctx.pathParam("code"), "code");
    } catch (IllegalArgumentException e) {
      throw Refusal.of(Kind.BAD_INPUT, e.getMessage());
    }
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String hex) {
    return hex.getBytes(StandardCharsets.US_ASCII);
  }
}

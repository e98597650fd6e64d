package io.gatecast.controller.enrollment;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.throttle.WindowLimit;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.vertx.core.Future;
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

/**
 * Enrollment by pairing code. An agent with no identity registers a code and the SHA-256 of a
 * secret, shows the code and polls with its secret. An operator assigns the code to a screen; the
 * agent's next poll receives its {@link Identity}: screen id, MQTT login (a new password, of which
 * only the hash is kept), broker URLs and the controller's signing key.
 *
 * <p>Codes expire ({@link #TTL}) and are assigned once. An unknown code and a wrong secret get the
 * same answer, so trying codes tells an attacker nothing; only the secret, which never leaves the
 * agent except in its own polls, yields credentials. A pickup may be repeated with the secret until
 * the enrollment expires (each gives a new password and voids the previous one), so an agent that
 * lost power between receiving and saving its identity still gets one.
 */
public final class EnrollmentService {
  /** How long a code waits for an operator, and then how long an assigned code waits for its agent. */
  public static final Duration TTL = Duration.ofMinutes(15);
  /** Codes waiting at once: plenty for a province's roll-out, few enough that nobody can flood the table. */
  public static final int MAX_WAITING = 1000;
  /**
   * Codes one address may register per {@link #TTL}: a site's kiosks behind one router fit, a
   * flood from one address fills at most this many of the {@link #MAX_WAITING} places.
   */
  public static final int MAX_PER_ADDRESS = 20;
  private static final String NO_SUCH = "no enrollment with this code and secret (expired codes are forgotten)";

  /** One enrollment as the console lists it; never the secret's hash. */
  public record EnrollmentView(String code, String displayCode, Enrollment.State state, String screenId,
      Instant createdAt, Instant expiresAt) {
    static EnrollmentView of(Enrollment e) {
      return new EnrollmentView(e.code(), PairingCode.display(e.code()), e.state(), e.screenId(), e.createdAt(),
          e.expiresAt());
    }
  }

  /** A poll before any operator assigned the code. */
  public record Waiting(Enrollment.State state, Instant expiresAt) {}

  /** What a poll gets: the agent's identity, or (identity null) that it still waits. */
  public record Pickup(Identity identity, Waiting waiting) {}

  private final Database db;
  private final Clock clock;
  private final EnrollmentRepository enrollments;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final ClusterRepository clusters;
  private final Supplier<PinnedKey> signingKey;
  /** Every broker address agents may log in to (the nodes of a clustered broker), as this controller knows them. */
  private final Supplier<List<String>> brokerUrls;
  private final AuditLog audit;
  private final WindowLimit perAddress;

  public EnrollmentService(Database db, Clock clock, EnrollmentRepository enrollments, ScreenRepository screens,
      ScreenSetupRepository setups, ClusterRepository clusters, Supplier<PinnedKey> signingKey,
      Supplier<List<String>> brokerUrls, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.enrollments = enrollments;
    this.screens = screens;
    this.setups = setups;
    this.clusters = clusters;
    this.signingKey = signingKey;
    this.brokerUrls = brokerUrls;
    this.audit = audit;
    this.perAddress = new WindowLimit(MAX_PER_ADDRESS, TTL, 10_000, clock);
  }

  /** An agent at {@code address} registers its code and its secret's hash. */
  public Future<EnrollmentView> register(String address, String code, String secret) {
    Optional<Duration> wait = perAddress.tryAcquire(address);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      return Future.failedFuture(new Refusal(Kind.TOO_MANY_REQUESTS, "ENROLLMENT_RATE_LIMITED", "this address registered "
          + MAX_PER_ADDRESS + " pairing codes in the last " + TTL.toMinutes() + " minutes; try again in " + seconds
          + " seconds", Map.of("limit", MAX_PER_ADDRESS, "windowSeconds", TTL.toSeconds(), "retryAfterSeconds", seconds)));
    }
    Instant now = clock.instant();
    return db.transaction(c -> {
      enrollments.deleteExpired(c, now);
      if (enrollments.find(c, code).isPresent()) {
        throw Refusal.of(Kind.CONFLICT, "code " + PairingCode.display(code) + " is in use; make another");
      }
      if (enrollments.waiting(c, now) >= MAX_WAITING) {
        throw Refusal.of(Kind.TOO_MANY_REQUESTS,
            "too many codes wait for an operator (" + MAX_WAITING + "); try again later");
      }
      enrollments.insert(c, code, sha256(secret), now, now.plus(TTL));
      return EnrollmentView.of(enrollments.find(c, code).orElseThrow());
    });
  }

  /** Enrollments not yet expired, oldest first. */
  public Future<List<EnrollmentView>> current() {
    return db.transaction(c -> enrollments.current(c, clock.instant()).stream().map(EnrollmentView::of).toList());
  }

  /** An operator clears every code still waiting (a flood of fake ones); assigned codes stay. */
  public Future<Map<String, Integer>> clearWaiting(String actor) {
    Instant now = clock.instant();
    return db.transaction(c -> {
      List<String> codes = enrollments.current(c, now).stream().filter(e -> e.state() == Enrollment.State.WAITING)
          .map(Enrollment::code).toList();
      for (String code : codes) {
        enrollments.delete(c, code);
      }
      audit.record(c, actor, "clear-enrollments", "enrollment", "*", null, Map.of("cleared", codes.size()));
      return Map.of("cleared", codes.size());
    });
  }

  /** An operator clears one waiting code. */
  public Future<Map<String, Integer>> clearOne(String actor, String code) {
    Instant now = clock.instant();
    return db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code).filter(e -> !e.expiredAt(now))
          .filter(e -> e.state() == Enrollment.State.WAITING).orElseThrow(() ->
          codeUnknown(code, "no enrollment waits under code " + PairingCode.display(code)));
      enrollments.delete(c, code);
      audit.record(c, actor, "clear-enrollment", "enrollment", code, EnrollmentView.of(enrollment), null);
      return Map.of("cleared", 1);
    });
  }

  /**
   * An operator assigns a waiting code to a screen: a new one, or a known screen that cannot log in
   * (revoked, or enrolled before and never picked up), which gets the new kiosk.
   */
  public Future<EnrollmentView> assign(String actor, String code, String screenId, String name, String clusterId) {
    if (screenId.equals(ControllerCredentials.USERNAME)) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT,
          "screenId " + screenId + " is the controller's MQTT username; choose another"));
    }
    Instant now = clock.instant();
    return db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code).filter(e -> !e.expiredAt(now)).orElseThrow(() ->
          codeUnknown(code, "no enrollment waits under code " + PairingCode.display(code) + " (expired or never shown)"));
      if (enrollment.state() != Enrollment.State.WAITING) {
        throw Refusal.conflict("PAIRING_CODE_USED", "code " + PairingCode.display(code) + " was already assigned to"
            + " screen " + enrollment.screenId() + "; a code is used once",
            Map.of("code", PairingCode.display(code), "screenId", enrollment.screenId()));
      }
      if (!clusters.exists(c, clusterId)) {
        throw Refusal.of(Kind.BAD_INPUT, "clusterId " + clusterId + " names no cluster");
      }
      Optional<ScreenSetup> existing = setups.find(c, screenId);
      if (existing.isPresent()) {
        // A revoked screen, or one whose earlier enrollment was never picked up, gets a new kiosk;
        // a screen that can log in is not taken over.
        boolean canLogIn = !existing.get().revoked() && screens.passwordHash(c, screenId).isPresent();
        if (canLogIn) {
          throw Refusal.conflict("SCREEN_ENROLLED", "screen " + screenId + " is already enrolled; revoke it first to"
              + " replace its kiosk", Map.of("field", "screenId", "value", screenId));
        }
        setups.reinstate(c, screenId);
        screens.rename(c, screenId, name);
        setups.update(c, screenId, withCluster(existing.get(), clusterId), now);
      } else {
        screens.insert(c, screenId, name, now);
        setups.update(c, screenId, ScreenSetup.inCluster(clusterId), now);
      }
      enrollments.assign(c, code, screenId, now, now.plus(TTL));
      EnrollmentView assigned = EnrollmentView.of(enrollments.find(c, code).orElseThrow());
      audit.record(c, actor, "enroll", "screen", screenId, null, assigned);
      return assigned;
    });
  }

  /**
   * The agent's poll with its secret.
   *
   * @param hostReached the host the agent reached this controller at (null if unknown): a broker
   *     listening on every interface is announced at that host
   */
  public Future<Pickup> pickup(String code, String secret, String hostReached) {
    List<String> agentBrokers = brokerUrls.get().stream().map(url -> brokerUrlFor(url, hostReached)).toList();
    Instant now = clock.instant();
    return db.transaction(c -> {
      Enrollment enrollment = enrollments.find(c, code)
          .filter(e -> MessageDigest.isEqual(bytes(e.secretSha256()), bytes(sha256(secret))))
          .orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, NO_SUCH));
      if (enrollment.expiredAt(now)) {
        throw Refusal.of(Kind.GONE, "code " + PairingCode.display(code) + " expired; show a new one");
      }
      if (enrollment.state() == Enrollment.State.WAITING) {
        return new Pickup(null, new Waiting(enrollment.state(), enrollment.expiresAt()));
      }
      if (setups.find(c, enrollment.screenId()).map(ScreenSetup::revoked).orElse(true)) {
        throw Refusal.of(Kind.GONE, "screen " + enrollment.screenId() + " was revoked; show a new code");
      }
      String password = PasswordHash.newPassword();
      screens.setPassword(c, enrollment.screenId(), password);
      enrollments.pickedUp(c, code, now);
      PinnedKey key = signingKey.get();
      return new Pickup(Identity.of(enrollment.screenId(), enrollment.screenId(), password, agentBrokers, key.keyId(),
          key.publicKey()), null);
    });
  }

  /**
   * The broker URL as the agent can reach it: when the broker listens on every interface
   * (0.0.0.0), the host the agent reached this controller at.
   */
  private static String brokerUrlFor(String brokerUrl, String hostReached) {
    URI url = URI.create(brokerUrl);
    String host = url.getHost();
    if (host == null || !List.of("0.0.0.0", "::", "[::]").contains(host) || hostReached == null) {
      return url.toString();
    }
    return url.getScheme() + "://" + hostReached + ":" + url.getPort();
  }

  private static ScreenSetup withCluster(ScreenSetup setup, String clusterId) {
    return new ScreenSetup(clusterId, setup.location(), setup.resolution(), setup.orientation(), setup.languages(),
        setup.tags(), null);
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

  /** A pairing code nobody waits under: mistyped, expired, or cleared. */
  private static Refusal codeUnknown(String code, String message) {
    return Refusal.notFound("PAIRING_CODE_UNKNOWN", message, Map.of("code", PairingCode.display(code)));
  }
}

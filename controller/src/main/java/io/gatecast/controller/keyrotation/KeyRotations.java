package io.gatecast.controller.keyrotation;

import io.gatecast.controller.signing.KeyRing;

import io.gatecast.protocol.PinnedKey;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.publish.PublishResult;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.audit.AuditLog;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotating the controller's signing key, the operation behind {@code POST /api/v1/signing-key/rotations}
 * (an administrator's act: it decides which key the whole fleet trusts).
 *
 * <p>Announce ({@link #rotate}): {@link KeyRing#announce} makes and saves the next key with a
 * {@code KeyRotation} signed by the current key, valid from now + grace; the rotation is sent to
 * every registered screen's commands topic (QoS 1, not retained), and every retained schedule is
 * re-signed, still with the current key, now carrying the rotation.
 *
 * <p>Switch ({@link #completeIfDue}, checked periodically): at {@code validFrom} (less
 * {@link #SWITCH_LEAD}) the ring signs with
 * the new key, and every screen's retained schedule is re-signed and re-published under a new version
 * ({@link Publisher#republishAll}) so nothing retained is signed only by the retired key.
 *
 * <p>Screens offline during the announcement: agents connect with clean sessions, so a command sent
 * while they were away is lost. Rather than tracking per screen who has applied the rotation and
 * re-sending it (which needs a heartbeat field on every agent and a state table here), every message
 * the controller signs carries the signed rotations in its envelope ({@code keyRotations}, see
 * protocol's {@code Signed}), and agents accept those before checking the message's own signature.
 * The retained schedule is what a returning screen receives first, so it trusts the new key before it
 * opens anything signed with it — whether it returns during the grace period (the schedule re-signed
 * at the announcement carries the rotation) or after the switch (the re-signed one does), and
 * whatever order the broker delivers retained messages in. The direct announcement on the commands
 * topic stays as the early path for screens online at the time; it is sent again after a restart
 * during the grace period, and agents treat a repeat of a rotation they already applied as done.
 */
public final class KeyRotations implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotations.class);
  /** Time the fleet gets to learn the next key before the controller signs with it. */
  public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
  public static final Duration MAX_GRACE = Duration.ofDays(90);
  /**
   * How long before {@code validFrom} the controller switches. Agents trust the new key from the
   * moment they accept the rotation and retire the old one at {@code validFrom} by their own clocks;
   * switching (and re-signing what is retained) a little early means an agent whose clock is ahead,
   * or that reconnects right at {@code validFrom}, never meets a retained schedule signed only by a
   * key it has just retired.
   */
  public static final Duration SWITCH_LEAD = Duration.ofMinutes(1);

  private final Vertx vertx;
  private final KeyRing ring;
  private final Database db;
  private final MqttLink mqtt;
  private final Publisher publisher;
  private final Clock clock;
  private final ScreenRepository screens;
  private final AtomicBoolean completing = new AtomicBoolean();
  private long timer = -1;
  private final AuditLog audit;

  public KeyRotations(Vertx vertx, KeyRing ring, Database db, MqttLink mqtt, Publisher publisher, Clock clock,
      AuditLog audit, ScreenRepository screens) {
    this.screens = screens;
    this.vertx = vertx;
    this.ring = ring;
    this.db = db;
    this.mqtt = mqtt;
    this.publisher = publisher;
    this.clock = clock;
    this.audit = audit;
  }

  /** What was announced: the next key, when it takes over, and what was sent. */
  public record Announced(KeyRing.NextKey next, String signedBy, int announcedTo, int schedulesResigned) {}

  /**
   * Resumes a rotation the last run left under way (announces again, or completes a due switch) and
   * checks every {@code checkEvery} whether the switch is due.
   */
  public void start(Duration checkEvery) {
    byte[] announcement = ring.announcement();
    if (announcement != null) {
      announceToAll(announcement).onFailure(e -> LOG.warn("cannot repeat the key rotation announcement: {}", e.getMessage()));
    }
    completeIfDue();
    timer = vertx.setPeriodic(checkEvery.toMillis(), id -> completeIfDue());
  }

  /** The key the controller signs with now (agents enrolled now pin it). */
  public PinnedKey currentKey() {
    return ring.current();
  }

  public KeyRing.State state() {
    return ring.state();
  }

  /**
   * Announces a new signing key valid from now + {@code grace}.
   *
   * @throws IllegalArgumentException (failed future) when the grace is negative or over {@link #MAX_GRACE}
   * @throws KeyRing.RotationUnderWayException (failed future) when a rotation is already under way
   */
  public Future<Announced> rotate(Duration grace) {
    return rotate(grace, "controller");
  }

  /** As {@link #rotate(Duration)}, asked for by {@code actor}, who the audit log names. */
  public Future<Announced> rotate(Duration grace, String actor) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      return Future.failedFuture(new IllegalArgumentException("graceSeconds must be between 0 and "
          + MAX_GRACE.toSeconds() + " (90 days), got " + grace.toSeconds()));
    }
    Instant now = clock.instant();
    return vertx.executeBlocking(() -> ring.announce(now, grace), false)
        .compose(announcement -> announceToAll(announcement.envelope())
            .compose(sentTo -> publisher.republishAll()
                .map(resigned -> new Announced(announcement.next(), announcement.signedBy(), sentTo, sent(resigned)))))
        .compose(announced -> db.transaction(c -> {
          audit.record(c, actor, "announce-signing-key", "signing-key", announced.next().keyId(),
              Map.of("keyId", announced.signedBy()), Map.of("keyId", announced.next().keyId(), "validFrom",
                  announced.next().validFrom(), "announcedTo", announced.announcedTo(), "schedulesResigned",
                  announced.schedulesResigned()));
          return announced;
        }))
        .onSuccess(a -> completeIfDue()); // a zero grace switches at once
  }

  /**
   * Switches to the announced key when its {@code validFrom} (less {@link #SWITCH_LEAD}) has come, then re-signs every retained
   * schedule; succeeds with true when a switch completed. Runs one at a time.
   */
  public Future<Boolean> completeIfDue() {
    if (ring.stage() == KeyRing.Stage.STEADY || !completing.compareAndSet(false, true)) {
      return Future.succeededFuture(false);
    }
    Instant switchAt = clock.instant().plus(SWITCH_LEAD);
    return vertx.executeBlocking(() -> ring.switchIfDue(switchAt), false)
        .compose(switched -> !switched ? Future.succeededFuture(false) : publisher.republishAll().compose(result -> {
          List<String> failed = failed(result);
          if (!failed.isEmpty()) {
            // Kept SWITCHED: the next check re-signs again (those screens' next publish also sends them).
            LOG.warn("signing key switched, but re-signing the schedules of {} failed; trying again", failed);
            return Future.succeededFuture(false);
          }
          return vertx.executeBlocking(() -> {
            ring.finishSwitch();
            LOG.info("signing key rotation to {} complete; {} retained schedules re-signed", ring.current().keyId(),
                result.sent().size());
            return true;
          }, false).compose(done -> db.transaction(c -> {
            audit.record(c, "controller", "switch-signing-key", "signing-key", ring.current().keyId(),
                null, Map.of("keyId", ring.current().keyId(), "schedulesResigned",
                    result.sent().size()));
            return done;
          }));
        }))
        .onFailure(e -> LOG.error("the signing key switch failed; trying again", e))
        .eventually(() -> {
          completing.set(false);
          return Future.succeededFuture();
        });
  }

  /** Sends the announcement to every registered screen; succeeds with how many took it. */
  private Future<Integer> announceToAll(byte[] announcement) {
    return db.transaction(screens::all).compose(all -> {
      List<Future<Void>> sends = new ArrayList<>();
      for (RegisteredScreen screen : all) {
        sends.add(mqtt.publish(Topics.commands(screen.id()), announcement, false)
            .onFailure(e -> LOG.warn("key rotation not sent to {}: {}", screen.id(), e.getMessage())));
      }
      return Future.join(sends).transform(done -> Future.succeededFuture(
          (int) sends.stream().filter(Future::succeeded).count()));
    });
  }

  private static int sent(PublishResult result) {
    return (int) result.sent().stream().filter(s -> s.error() == null).count();
  }

  private static List<String> failed(PublishResult result) {
    return result.sent().stream().filter(s -> s.error() != null).map(PublishResult.Sent::screenId).toList();
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}

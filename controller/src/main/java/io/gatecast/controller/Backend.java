package io.gatecast.controller;

import io.gatecast.controller.notices.NoticePolicy;
import io.gatecast.controller.notices.NoticeSettings;
import io.gatecast.controller.notices.TechnicianNotices;
import io.gatecast.controller.notices.Notice;
import io.gatecast.controller.notices.MailSender;
import io.gatecast.controller.notices.WebhookSender;
import io.gatecast.controller.broker.BrokerAuth;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.fleet.FleetMonitor;
import io.gatecast.controller.health.ControllerHealth;
import io.gatecast.controller.FleetParts;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.proofofplay.PlayIngest;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.screenshots.ScreenshotStore;
import io.gatecast.controller.signing.KeyRing;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.LegacyIds;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first half of the controller's composition root (the second is {@link Controller#start}): the
 * parts behind the HTTP API — signing keys, store, media, broker, MQTT link, fleet monitor — built in
 * this order, each from parts built before it, and pushed onto the controller's {@link Lifecycle} as
 * soon as it holds something to release. Closing is the lifecycle's: this class closes nothing itself.
 */
final class Backend {
  static final String DB_FILE = "gatecast.db";
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final ScreenRepository SCREENS = new ScreenRepository();
  private static final ScreenSetupRepository SETUPS = new ScreenSetupRepository();
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  final Database db;
  final MediaStore media;
  final KeyRing keys;
  final EmbeddedBroker broker;
  final MqttLink mqtt;
  final FleetMonitor fleet;
  final FleetParts parts;

  /**
   * Opens everything, pushing each part onto {@code lifecycle}; if it throws, what it opened is on
   * the lifecycle for the caller to close. Blocking: call it off the event loop.
   */
  Backend(Vertx vertx, ControllerConfig config, Clock clock, Lifecycle lifecycle) {
    // First, and opening nothing: without its key the controller must not start at all.
    keys = KeyRing.open(config.dataDir().resolve("keys"));
    db = lifecycle.push("database", Database.open(vertx, config.dataDir().resolve(DB_FILE)));
    media = new MediaStore(config.dataDir().resolve("media"));
    warnOfLegacyIds(db);
    ControllerCredentials generated = ControllerCredentials.loadOrCreate(config.dataDir());
    if (config.externalBroker() == null) {
      BrokerAuth auth = new BrokerAuth(generated, screenId -> login(db, screenId),
          (screenId, oldHash, newHash) -> upgradeHash(db, screenId, oldHash, newHash));
      broker = lifecycle.push("embedded MQTT broker", EmbeddedBroker.start(config.embeddedBroker(),
          config.brokerHost(), config.brokerPort(), config.dataDir().resolve("broker"), auth, config.tls()));
    } else {
      broker = null;
    }
    String url = broker != null ? broker.url() : config.externalBroker();
    ControllerCredentials login = new ControllerCredentials(
        config.brokerUsername() != null ? config.brokerUsername() : generated.username(),
        config.brokerPassword() != null ? config.brokerPassword() : generated.password());
    // Over TLS, the link to our own embedded broker trusts exactly our own certificate. An external
    // broker keeps the session while the link is down (a node dying under it, a restart): screens'
    // events sent meanwhile are delivered when it is back (docs/brokers.md, "While the controller
    // is away"). The embedded broker lives and dies with the controller, so there is nothing to
    // keep, and Moquette 0.17 held back a screen's ack across a restart with a kept session.
    mqtt = lifecycle.push("MQTT link", MqttLink.connect(url, login.clientId(), login,
        broker != null && config.tls() != null ? config.tls().selfTrust() : null, broker == null));
    // Told before the first subscription: a refused one makes /health degraded from the start.
    ControllerHealth health = new ControllerHealth(clock);
    mqtt.watch(health);
    parts = fleetParts(db, mqtt, config, clock, health);
    fleet = new FleetMonitor(vertx, db, clock, config.heartbeatTimeout(), new FleetMonitor.Wiring(parts.health(),
        alerting(config.alerts(), parts), parts.commands(), new PlayIngest(db, clock, parts.clusters(),
        parts.metrics()::playsStored), parts.metrics()));
    // Its input first: with the link closed nothing more comes in, then what the monitor has queued
    // is written (before the database closes). A message taken from an external broker's kept
    // session and then dropped would be lost; one not taken is delivered again at the next start.
    lifecycle.push("fleet monitor", () -> {
      mqtt.close();
      fleet.close();
    });
    fleet.start(mqtt, config.sweepEvery());
  }

  /**
   * Ids stored before they had to be portable keep working; the operator is told which, and how to
   * rename them. Not awaited: this runs on a worker whose context the database's answer would wait behind.
   */
  private static void warnOfLegacyIds(Database db) {
    db.transaction(LegacyIds::find)
        .onSuccess(legacy -> {
          if (!legacy.isEmpty()) {
            LOG.warn("{}", LegacyIds.warning(legacy));
          }
        })
        .onFailure(e -> LOG.warn("cannot check the stored ids: {}", e.toString()));
  }

  /** Fleet health, commands, screenshots, reports and metrics: what the issue-8 routes and the fleet monitor share. */
  private FleetParts fleetParts(Database db, MqttLink mqtt, ControllerConfig config, Clock clock,
      ControllerHealth controllerHealth) {
    ClusterDirectory clusters = new StoredClusters();
    FleetHealth health = new FleetHealth(clusters);
    Metrics metrics = new Metrics();
    metrics.brokerRefusals(controllerHealth::refusals, () -> controllerHealth.problems().size());
    return new FleetParts(clusters, health, new PlayReports(clusters, health),
        new CommandService(db, mqtt, keys, clock, metrics::commandSent),
        new ScreenshotStore(config.dataDir().resolve("screenshots")), metrics, controllerHealth);
  }

  /** Notices go to the webhook and by e-mail, each if configured (TechnicianNotices logs them either way). */
  private static TechnicianNotices alerting(NoticeSettings settings, FleetParts parts) {
    Consumer<Notice> sender = notice -> { };
    if (settings.webhookUrl() != null) {
      sender = sender.andThen(new WebhookSender(settings.webhookUrl(), parts.metrics()::alertSent));
    }
    if (settings.mail() != null) {
      sender = sender.andThen(new MailSender(settings.mail(), parts.metrics()::alertSent));
    }
    return new TechnicianNotices(new NoticePolicy(settings), parts.clusters(), sender);
  }

  /**
   * A screen's stored password hash and cluster, for the broker's login check on Moquette's thread: a
   * blocking wait on the database thread, bounded so a stuck database refuses logins instead of
   * hanging them. Empty for a revoked screen (whose hash is gone anyway).
   */
  private static Optional<BrokerAuth.ScreenLogin> login(Database db, String screenId) {
    try {
      return db.transaction(c -> {
        Optional<ScreenSetup> setup = SETUPS.find(c, screenId).filter(s -> !s.revoked());
        Optional<String> hash = SCREENS.passwordHash(c, screenId);
        return setup.isPresent() && hash.isPresent()
            ? Optional.of(new BrokerAuth.ScreenLogin(hash.get(), setup.get().clusterId()))
            : Optional.<BrokerAuth.ScreenLogin>empty();
      }).toCompletionStage().toCompletableFuture()
          .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot look up the MQTT password of screen {}: {}", screenId, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Stores a screen's password re-hashed at today's work factor (see PasswordHash). Queued for the
   * database thread and not awaited: it runs on Moquette's thread during a login.
   */
  private static void upgradeHash(Database db, String screenId, String oldHash, String newHash) {
    db.transaction(c -> SCREENS.replacePasswordHash(c, screenId, oldHash, newHash))
        .onSuccess(replaced -> LOG.debug("MQTT password hash of screen {} {}", screenId,
            replaced ? "re-hashed at the current work factor" : "changed meanwhile; re-hash dropped"))
        .onFailure(e -> LOG.warn("could not store the re-hashed MQTT password of screen {}: {}", screenId, e.toString()));
  }

  /** Revocations and cluster moves reach the embedded broker at once; an external one only through its files. */
  ScreenAccess screenAccess() {
    EmbeddedBroker embedded = broker;
    if (embedded == null) {
      return ScreenAccess.NONE;
    }
    return new ScreenAccess() {
      @Override
      public void cutOff(String screenId) {
        int sessions = embedded.cutOff(screenId);
        LOG.info("screen {} cut off; {} open session(s) disconnected", screenId, sessions);
      }

      @Override
      public void moved(String screenId, String clusterId) {
        embedded.moved(screenId, clusterId);
      }
    };
  }

  String brokerUrl(ControllerConfig config) {
    return broker != null ? broker.url() : config.externalBroker();
  }
}

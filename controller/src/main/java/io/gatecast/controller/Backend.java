package io.gatecast.controller;

import io.gatecast.controller.broker.BrokerAuth;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.fleet.FleetMonitor;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.signing.KeyRing;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.ScreenRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts behind the HTTP API — store, media, broker, MQTT link, fleet monitor — opened in order
 * and closed in reverse, so a start that fails half-way leaves nothing running.
 */
final class Backend implements AutoCloseable {
  /** Every screen's cluster until clusters are modelled (a later issue). */
  static final String DEFAULT_CLUSTER = "default";
  static final String DB_FILE = "gatecast.db";
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final ScreenRepository SCREENS = new ScreenRepository();
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  final Database db;
  final MediaStore media;
  final KeyRing keys;
  final EmbeddedBroker broker;
  final MqttLink mqtt;
  final FleetMonitor fleet;

  /** Opens everything. Blocking: call it off the event loop. */
  Backend(Vertx vertx, ControllerConfig config, Clock clock) {
    // First, and opening nothing: without its key the controller must not start at all.
    keys = KeyRing.open(config.dataDir().resolve("keys"));
    Database openedDb = Database.open(vertx, config.dataDir().resolve(DB_FILE));
    EmbeddedBroker startedBroker = null;
    MqttLink connected = null;
    try {
      media = new MediaStore(config.dataDir().resolve("media"));
      ControllerCredentials generated = ControllerCredentials.loadOrCreate(config.dataDir());
      if (config.externalBroker() == null) {
        BrokerAuth auth = new BrokerAuth(generated, screenId -> passwordHash(openedDb, screenId),
            screenId -> Optional.of(DEFAULT_CLUSTER));
        startedBroker = EmbeddedBroker.start(config.brokerHost(), config.brokerPort(), config.dataDir().resolve("broker"),
            auth);
      }
      String url = startedBroker != null ? startedBroker.url() : config.externalBroker();
      ControllerCredentials login = new ControllerCredentials(
          config.brokerUsername() != null ? config.brokerUsername() : generated.username(),
          config.brokerPassword() != null ? config.brokerPassword() : generated.password());
      connected = MqttLink.connect(url, "gatecast-controller-" + UUID.randomUUID().toString().substring(0, 8), login);
      fleet = new FleetMonitor(vertx, openedDb, clock, config.heartbeatTimeout());
      fleet.start(connected, config.sweepEvery());
    } catch (RuntimeException e) {
      if (connected != null) {
        connected.close();
      }
      if (startedBroker != null) {
        startedBroker.close();
      }
      openedDb.close();
      throw e;
    }
    db = openedDb;
    broker = startedBroker;
    mqtt = connected;
  }

  /**
   * A screen's stored password hash, for the broker's login check on Moquette's thread: a blocking
   * wait on the database thread, bounded so a stuck database refuses logins instead of hanging them.
   */
  private static Optional<String> passwordHash(Database db, String screenId) {
    try {
      return db.transaction(c -> SCREENS.passwordHash(c, screenId)).toCompletionStage().toCompletableFuture()
          .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot look up the MQTT password of screen {}: {}", screenId, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  String brokerUrl(ControllerConfig config) {
    return broker != null ? broker.url() : config.externalBroker();
  }

  @Override
  public void close() {
    fleet.close();
    mqtt.close();
    if (broker != null) {
      broker.close();
    }
    db.close();
  }
}

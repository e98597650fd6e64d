package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.fleet.FleetMonitor;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.UUID;

/**
 * The parts behind the HTTP API — store, media, broker, MQTT link, fleet monitor — opened in order
 * and closed in reverse, so a start that fails half-way leaves nothing running.
 */
final class Backend implements AutoCloseable {
  final Database db;
  final MediaStore media;
  final EmbeddedBroker broker;
  final MqttLink mqtt;
  final FleetMonitor fleet;

  /** Opens everything. Blocking: call it off the event loop. */
  Backend(Vertx vertx, ControllerConfig config, Clock clock) {
    Database openedDb = Database.open(vertx, config.dataDir().resolve("gatecast.db"));
    EmbeddedBroker startedBroker = null;
    MqttLink connected = null;
    try {
      media = new MediaStore(config.dataDir().resolve("media"));
      if (config.externalBroker() == null) {
        startedBroker = EmbeddedBroker.start(config.brokerHost(), config.brokerPort(), config.dataDir().resolve("broker"));
      }
      String url = startedBroker != null ? startedBroker.url() : config.externalBroker();
      connected = MqttLink.connect(url, "gatecast-controller-" + UUID.randomUUID().toString().substring(0, 8));
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

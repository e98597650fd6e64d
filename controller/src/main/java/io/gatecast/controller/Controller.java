package io.gatecast.controller;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.controller.broker.PortCheck;
import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.protocol.PinnedKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A running controller: what {@link Composition}, its one composition root, built and started. The
 * parts are built in order, each from parts built before it, and pushed onto one {@link Lifecycle} as
 * soon as they hold something to release; {@link #close} and a start that fails half-way both close
 * that stack in reverse.
 *
 * <p>The order: signing keys, database, embedded broker, MQTT link, the services, the fleet monitor
 * (closed after its MQTT input), then orphan sweep and admin bootstrap (nothing to release), the HTTP
 * server and its connection limits, the listening port, and last the timers (alerts, key rotations,
 * re-assertion), which start only once everything else is up.
 */
public final class Controller implements AutoCloseable {
  private final Composition root;
  private final HttpServer http;
  private final String brokerUrl;

  Controller(Composition root, HttpServer http, String brokerUrl) {
    this.root = root;
    this.http = http;
    this.brokerUrl = brokerUrl;
  }

  /** Starts everything; fails with a message a person can act on (a taken port, an unreachable broker). */
  public static Future<Controller> start(Vertx vertx, ControllerConfig config, Clock clock) {
    return start(vertx, config, clock, UnaryOperator.identity());
  }

  /**
   * Starts with {@code wrapSender} around how schedules leave for the broker: for tests that stop a
   * publish half-way, as a crash would.
   */
  public static Future<Controller> start(Vertx vertx, ControllerConfig config, Clock clock,
      UnaryOperator<ScheduleSender> wrapSender) {
    if (!PortCheck.isFree(config.httpHost(), config.httpPort())) {
      return Future.failedFuture(new PortInUseException("The HTTP port " + config.httpPort() + " on "
          + config.httpHost() + " is already in use. Start the controller on another port with --http-port <port>."));
    }
    return Composition.start(vertx, config, clock, wrapSender);
  }

  public int httpPort() {
    return http.actualPort();
  }

  public String brokerUrl() {
    return brokerUrl;
  }

  /**
   * The key this controller signs with now, as agents pin it (in-process agents get it from here;
   * others from {@code GET /api/v1/signing-key}).
   */
  public PinnedKey signingKey() {
    return root.keys.current();
  }

  /** Switches to an announced signing key if its time has come, without waiting for the periodic check. */
  public Future<Boolean> completeDueKeyRotation() {
    return root.rotations.completeIfDue();
  }

  /**
   * Marks screens silent for longer than the heartbeat timeout offline now, and lets alerting see
   * the time, without waiting for the periodic sweep; completes when done.
   */
  public Future<List<String>> sweepSilentScreens() {
    return root.fleet.sweep();
  }

  /**
   * Sends the clusters whose alerts expired now, without waiting for the periodic check; completes
   * with what was sent once the broker took it.
   */
  public Future<List<AlertService.Publication>> checkAlerts() {
    return root.alerts.check();
  }

  /**
   * Takes the re-assertion's next step now, after the one under way, without waiting for its timer: the schedules
   * screens' reports asked for before this call are sent again (or held back) when it completes.
   */
  public Future<Void> reassertNow() {
    return root.reassertion.stepNow();
  }

  /**
   * Plans the fleet's profiles ahead of the next publish now, after the planning under way if any, without waiting
   * for a setup change to settle: true when they are planned at the fleet's setup generation, false when that is
   * not wanted (a publish under way, or one planned every screen at it).
   */
  public Future<Boolean> planProfilesAheadNow() {
    return root.publisher.profilesAhead().now();
  }

  /** Closes every part in reverse of the order it was opened in; a second call does nothing. */
  @Override
  public void close() {
    root.lifecycle.close();
  }
}

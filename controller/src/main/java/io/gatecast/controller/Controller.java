package io.gatecast.controller;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.controller.broker.PortCheck;
import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.controller.http.ConnectionLimits;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.controller.media.MediaLibrary;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.publish.Reassertion;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.controller.publish.OrganisationDirectory;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.gatecast.protocol.PinnedKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A running controller, and the second half of its composition root (the first is {@link Backend}):
 * the parts are built in order, each from parts built before it, and pushed onto one {@link Lifecycle}
 * as soon as they hold something to release; {@link #close} and a start that fails half-way both
 * close that stack in reverse.
 *
 * <p>The order: signing keys, database, embedded broker, MQTT link, fleet monitor (closed after its
 * MQTT input), then orphan sweep and admin bootstrap (nothing to release), the HTTP server and its
 * connection limits, publisher, alerts, key rotations, re-assertion, the listening port, and last the
 * timers (alerts, key rotations, re-assertion), which start only once everything else is up.
 */
public final class Controller implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Controller.class);
  private final Lifecycle lifecycle;
  private final Backend backend;
  private final HttpServer http;
  private final String brokerUrl;
  private final AlertService alerts;
  private final KeyRotations rotations;

  private Controller(Lifecycle lifecycle, Backend backend, HttpServer http, String brokerUrl, AlertService alerts,
      KeyRotations rotations) {
    this.lifecycle = lifecycle;
    this.backend = backend;
    this.http = http;
    this.brokerUrl = brokerUrl;
    this.alerts = alerts;
    this.rotations = rotations;
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
    Lifecycle lifecycle = new Lifecycle();
    return vertx.executeBlocking(() -> new Backend(vertx, config, clock, lifecycle))
        // Files left without a row by a crash mid-upload or mid-delete go before anyone can upload.
        .compose(backend -> MediaLibrary.sweepOrphans(backend.db, backend.media)
            .compose(swept -> AdminBootstrap.ensureAdmin(vertx, backend.db, config.dataDir(), config.adminPassword(), clock))
            .map(backend))
        .compose(backend -> startServing(vertx, config, clock, wrapSender, backend, lifecycle))
        .recover(failure -> closeAfterFailedStart(lifecycle, failure));
  }

  /** The parts in front of the backend, from the HTTP server to the timers, pushed onto {@code lifecycle}. */
  private static Future<Controller> startServing(Vertx vertx, ControllerConfig config, Clock clock,
      UnaryOperator<ScheduleSender> wrapSender, Backend backend, Lifecycle lifecycle) {
    HttpServer server = vertx.createHttpServer(ConnectionLimits.options(
        config.tls() == null ? new HttpServerOptions() : config.tls().httpServerOptions()));
    // Awaited, so a closed controller's port is free again; close() is never called on an event loop.
    lifecycle.push("HTTP server", () -> server.close().await());
    // Read when a schedule is built, so it holds the port actually bound even when asked for port 0.
    Supplier<String> publicUrl = () -> config.publicUrl() != null
        ? config.publicUrl()
        : config.httpScheme() + "://" + config.httpHost() + ":" + server.actualPort();
    RulesBuilder rules = new RulesBuilder(new OrganisationDirectory());
    Publisher publisher = new Publisher(backend.db, wrapSender.apply(ScheduleSender.over(backend.mqtt)), clock,
        () -> publicUrl.get() + "/media/", backend.keys, rules, new AuditLog(clock), backend.parts.events());
    haltBeforePublishBatch(publisher);
    AlertService alerts = new AlertService(vertx, backend.db, backend.mqtt, backend.keys, clock,
        backend.parts.clusters(), backend.parts.events());
    KeyRotations rotations = new KeyRotations(vertx, backend.keys, backend.db, backend.mqtt, publisher, clock);
    // The store is the truth, the broker a cache: what it may have lost is sent again unchanged.
    Reassertion reassertion = new Reassertion(vertx, publisher, alerts::reassert,
        backend.parts.events());
    backend.fleet.watchSchedules(reassertion);
    backend.mqtt.onReconnect(() -> reassertion.all("reconnected to the MQTT broker"));
    // Commands too: unanswered ones the broker may have lost, and those it did not take.
    backend.mqtt.onReconnect(() -> backend.parts.commands().resendAll("reconnected to the MQTT broker"));
    lifecycle.push("HTTP connection limits", ConnectionLimits.install(vertx, server, HttpApi.router(vertx, backend.db,
        backend.media, publisher, rules, rotations, clock, config.maxUploadBytes(), backend.screenAccess(),
        () -> backend.brokerUrl(config), alerts, backend.parts))::close);
    return server
        .listen(config.httpPort(), config.httpHost())
        // What a stopped controller recorded but did not send goes out first (the address is known now).
        .compose(bound -> publisher.resendUnsent().map(resent -> bound))
        // Retained alert messages may have been lost with a broker restart: send every cluster's again.
        .compose(bound -> {
          lifecycle.push("alert expiry timer", alerts::close);
          return alerts.start().map(bound);
        })
        // Every screen's last schedule again, as published: the broker may have lost or rolled it back.
        .compose(bound -> reassertion.all("start").map(bound))
        .compose(bound -> backend.parts.commands().resendAll("start").map(bound))
        .map(bound -> {
          // Only once started: a start that fails announces and re-signs nothing.
          lifecycle.push("key rotation timer", rotations::close);
          rotations.start(config.sweepEvery());
          lifecycle.push("re-assertion timer", reassertion::close);
          reassertion.start();
          return new Controller(lifecycle, backend, bound, backend.brokerUrl(config), alerts, rotations);
        });
  }

  /**
   * Closes what a failed start had opened, then fails with why it failed. On a thread of its own:
   * closing waits (for the HTTP port, for queued writes), which an event loop or a Vert.x worker
   * (whose context the database's answers would queue behind) must not do.
   */
  private static Future<Controller> closeAfterFailedStart(Lifecycle lifecycle, Throwable failure) {
    io.vertx.core.Promise<Controller> closed = io.vertx.core.Promise.promise();
    Thread closer = new Thread(() -> {
      lifecycle.close();
      closed.fail(failure);
    }, "gatecast-failed-start-close");
    closer.start();
    return closed.future();
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
    return backend.keys.current();
  }

  /** Switches to an announced signing key if its time has come, without waiting for the periodic check. */
  public Future<Boolean> completeDueKeyRotation() {
    return rotations.completeIfDue();
  }

  /**
   * Marks screens silent for longer than the heartbeat timeout offline now, and lets alerting see
   * the time, without waiting for the periodic sweep; completes when done.
   */
  public Future<List<String>> sweepSilentScreens() {
    return backend.fleet.sweep();
  }

  /**
   * Sends the clusters whose alerts expired now, without waiting for the periodic check; completes
   * with what was sent once the broker took it.
   */
  public Future<List<AlertService.Publication>> checkAlerts() {
    return alerts.check();
  }

  /** Closes every part in reverse of the order it was opened in; a second call does nothing. */
  @Override
  public void close() {
    lifecycle.close();
  }

  /**
   * For the crash test of the streamed publish only ({@code RetainedAfterStopTest}): with
   * {@code -Dgatecast.test.haltBeforePublishBatch=N} the JVM halts — as abruptly as kill -9, nothing
   * closed or flushed — when a publish is about to record its batch {@code N}, i.e. mid-stream.
   */
  private static void haltBeforePublishBatch(Publisher publisher) {
    Integer haltAt = Integer.getInteger("gatecast.test.haltBeforePublishBatch");
    if (haltAt != null) {
      LOG.warn("test hook: this controller halts when a publish is about to record its batch {}", haltAt);
      publisher.beforeBatch(batch -> {
        if (batch == haltAt) {
          Runtime.getRuntime().halt(137);
        }
      });
    }
  }
}

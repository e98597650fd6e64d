package io.gatecast.controller;

import io.gatecast.controller.broker.PortCheck;
import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.controller.http.HttpApi;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.controller.publish.ScreenDirectory;
import io.gatecast.protocol.PinnedKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** A running controller: the backend parts plus the HTTP server in front of them. */
public final class Controller implements AutoCloseable {
  private final Backend backend;
  private final HttpServer http;
  private final String brokerUrl;

  private Controller(Backend backend, HttpServer http, String brokerUrl) {
    this.backend = backend;
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
    return vertx.executeBlocking(() -> new Backend(vertx, config, clock)).compose(backend ->
        AdminBootstrap.ensureAdmin(vertx, backend.db, config.dataDir(), config.adminPassword(), clock)
            .onFailure(e -> backend.close())
            .map(backend))
        .compose(backend -> {
      HttpServer server = vertx.createHttpServer();
      // Read when a schedule is built, so it holds the port actually bound even when asked for port 0.
      Supplier<String> publicUrl = () -> config.publicUrl() != null
          ? config.publicUrl()
          : "http://" + config.httpHost() + ":" + server.actualPort();
      RulesBuilder rules = new RulesBuilder(ScreenDirectory.defaults());
      Publisher publisher = new Publisher(backend.db, wrapSender.apply(ScheduleSender.over(backend.mqtt)), clock,
          () -> publicUrl.get() + "/media/", backend.keys.signer(), rules, new AuditLog(clock));
      return server
          .requestHandler(HttpApi.router(vertx, backend.db, backend.media, publisher, rules, backend.keys.pinned(), clock,
              config.maxUploadBytes()))
          .listen(config.httpPort(), config.httpHost())
          // What a stopped controller recorded but did not send goes out first (the address is known now).
          .compose(bound -> publisher.resendUnsent().map(resent -> bound))
          .map(bound -> new Controller(backend, bound, backend.brokerUrl(config)))
          .onFailure(e -> {
            server.close();
            backend.close();
          });
    });
  }

  public int httpPort() {
    return http.actualPort();
  }

  public String brokerUrl() {
    return brokerUrl;
  }

  /**
   * The key this controller signs with, as agents pin it (in-process agents get it from here;
   * others from {@code GET /api/v1/signing-key}).
   */
  public PinnedKey signingKey() {
    return backend.keys.pinned();
  }

  /** Marks screens silent for longer than the heartbeat timeout offline now, without waiting for the sweep. */
  public void sweepSilentScreens() {
    backend.fleet.sweep();
  }

  @Override
  public void close() {
    http.close().await();
    backend.close();
  }
}

package io.gatecast.controller;

import io.gatecast.controller.broker.PortCheck;
import io.gatecast.controller.broker.PortInUseException;
import io.gatecast.controller.http.HttpApi;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.signing.KeyRotations;
import io.gatecast.protocol.PinnedKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.function.Supplier;

/** A running controller: the backend parts plus the HTTP server in front of them. */
public final class Controller implements AutoCloseable {
  private final Backend backend;
  private final HttpServer http;
  private final String brokerUrl;
  private final KeyRotations rotations;

  private Controller(Backend backend, HttpServer http, String brokerUrl, KeyRotations rotations) {
    this.backend = backend;
    this.http = http;
    this.brokerUrl = brokerUrl;
    this.rotations = rotations;
  }

  /** Starts everything; fails with a message a person can act on (a taken port, an unreachable broker). */
  public static Future<Controller> start(Vertx vertx, ControllerConfig config, Clock clock) {
    if (!PortCheck.isFree(config.httpHost(), config.httpPort())) {
      return Future.failedFuture(new PortInUseException("The HTTP port " + config.httpPort() + " on "
          + config.httpHost() + " is already in use. Start the controller on another port with --http-port <port>."));
    }
    return vertx.executeBlocking(() -> new Backend(vertx, config, clock)).compose(backend -> {
      HttpServer server = vertx.createHttpServer();
      // Read when a schedule is built, so it holds the port actually bound even when asked for port 0.
      Supplier<String> publicUrl = () -> config.publicUrl() != null
          ? config.publicUrl()
          : "http://" + config.httpHost() + ":" + server.actualPort();
      Publisher publisher = new Publisher(backend.db, backend.mqtt, clock, () -> publicUrl.get() + "/media/",
          backend.keys);
      KeyRotations rotations = new KeyRotations(vertx, backend.keys, backend.db, backend.mqtt, publisher, clock);
      return server
          .requestHandler(HttpApi.router(vertx, backend.db, backend.media, publisher, rotations, clock,
              config.maxUploadBytes()))
          .listen(config.httpPort(), config.httpHost())
          .map(bound -> {
            rotations.start(config.sweepEvery()); // only once started: a start that fails announces and re-signs nothing
            return new Controller(backend, bound, backend.brokerUrl(config), rotations);
          })
          .onFailure(e -> backend.close());
    });
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

  /** Marks screens silent for longer than the heartbeat timeout offline now, without waiting for the sweep. */
  public void sweepSilentScreens() {
    backend.fleet.sweep();
  }

  @Override
  public void close() {
    rotations.close();
    http.close().await();
    backend.close();
  }
}

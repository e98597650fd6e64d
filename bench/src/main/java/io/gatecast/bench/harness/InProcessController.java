package io.gatecast.bench.harness;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/** A controller with its embedded broker in this JVM, on free ports: for the smoke test. */
public final class InProcessController implements RunningController {
  private final Vertx vertx;
  private final Controller controller;
  private final Path dataDir;
  private final URI broker;

  public InProcessController(Path dataDir) {
    this.dataDir = dataDir;
    this.vertx = Vertx.vertx();
    this.controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0).withAdminPassword(ControllerApi.ADMIN_PASSWORD), Clock.systemUTC())
        .await();
    this.broker = URI.create(controller.brokerUrl());
  }

  @Override
  public int httpPort() {
    return controller.httpPort();
  }

  @Override
  public String brokerHost() {
    return broker.getHost();
  }

  @Override
  public int brokerPort() {
    return broker.getPort();
  }

  @Override
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    controller.close();
    vertx.close().await();
  }
}

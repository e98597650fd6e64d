package io.gatecast.bench;

import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.bench.harness.Args;
import io.gatecast.bench.harness.BrokerProcess;
import io.gatecast.bench.harness.DirectPublisher;
import io.gatecast.bench.harness.FleetSetup;
import io.gatecast.bench.harness.Results;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What an embedded broker alone keeps of its retained messages (issue 21): the controller's login
 * publishes one retained message per screen at QoS 1 and every PUBACK is in; then the broker process
 * is stopped cleanly (SIGTERM) or killed (SIGKILL, right after the last PUBACK) and started again on
 * its files. Counted: the screens that, logged in as themselves, read back exactly the message last
 * published for them. No controller here, so no re-send hides a loss (the controller's own
 * guarantee, re-sending from its store on start, is tested in RetainedAfterStopTest).
 *
 * <p>{@code bench/run RetainedBench --screens 500 --brokers embedded,hivemq}; writes
 * {@code bench/results/retained-<N>.json}.
 */
public final class RetainedBench {
  private static final long PUBACK_SECONDS = 120;
  private static final long READ_WAIT_MS = 3_000;

  private RetainedBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("screens", "500", "data-dir", "", "brokers", "embedded,hivemq"));
    int n = args.integer("screens");
    Path dataDir = Path.of(args.get("data-dir").isEmpty() ? "bench/target/fleet-" + n : args.get("data-dir"));
    Results results = new Results("retained-" + n, "bench/run RetainedBench --screens " + n + " --brokers "
        + args.get("brokers"));
    List<ScreenLogin> logins = FleetSetup.ensureRegistered(dataDir, n);
    ControllerCredentials login = ControllerCredentials.loadOrCreate(dataDir);
    for (String name : args.get("brokers").split(",")) {
      BrokerProcess.Kind kind = BrokerProcess.Kind.valueOf(name.trim().toUpperCase());
      Map<String, Object> figures = new LinkedHashMap<>();
      results.put("loadAverageBefore-" + name, PushBench.loadAverage());
      try (BrokerProcess broker = BrokerProcess.start(kind, dataDir, dataDir.resolve("retained-" + name + "-"
          + System.currentTimeMillis()))) {
        String clean = "clean-" + System.nanoTime();
        figures.put("publishAllPubackedMs", publish(broker.port(), login, logins, clean));
        broker.stop();
        long restart = System.nanoTime();
        broker.startAgain();
        figures.put("restartAfterSigtermMs", Math.round((System.nanoTime() - restart) / 1e6));
        figures.put("keptAfterSigterm", kept(broker.port(), logins, clean));

        String killed = "killed-" + System.nanoTime();
        figures.put("publishAllPubackedMs2", publish(broker.port(), login, logins, killed));
        broker.kill();
        restart = System.nanoTime();
        broker.startAgain();
        figures.put("restartAfterSigkillMs", Math.round((System.nanoTime() - restart) / 1e6));
        figures.put("keptAfterSigkill", kept(broker.port(), logins, killed));
      }
      figures.put("screens", n);
      results.put(name, figures);
    }
    results.write();
    System.exit(0);
  }

  /** One retained message per screen, payload {@code tag + screen}; returns ms until every PUBACK (-1: not all). */
  private static long publish(int port, ControllerCredentials login, List<ScreenLogin> logins, String tag)
      throws Exception {
    List<DirectPublisher.Outgoing> messages = new ArrayList<>();
    for (ScreenLogin screen : logins) {
      messages.add(new DirectPublisher.Outgoing(Topics.schedule(screen.screenId()),
          (tag + " " + screen.screenId()).getBytes(StandardCharsets.UTF_8), true));
    }
    try (DirectPublisher publisher = new DirectPublisher("127.0.0.1", port, login, messages.size() + 100)) {
      long t0 = System.nanoTime();
      try {
        publisher.publishAll(messages).toCompletionStage().toCompletableFuture().get(PUBACK_SECONDS, TimeUnit.SECONDS);
        return Math.round((System.nanoTime() - t0) / 1e6);
      } catch (java.util.concurrent.TimeoutException e) {
        return -1;
      }
    }
  }

  /** How many screens read back exactly their message tagged {@code tag}, and how many read nothing. */
  private static Map<String, Object> kept(int port, List<ScreenLogin> logins, String tag) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> reads = new ArrayList<>();
      for (ScreenLogin screen : logins) {
        reads.add(pool.submit(() -> read(port, screen)));
      }
      int exact = 0;
      int none = 0;
      int other = 0;
      for (int i = 0; i < reads.size(); i++) {
        String got = reads.get(i).get();
        if (got == null) {
          none++;
        } else if (got.equals(tag + " " + logins.get(i).screenId())) {
          exact++;
        } else {
          other++;
        }
      }
      return Map.of("exact", exact, "nothing", none, "older", other);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The retained payload on the screen's schedule topic, read logged in as it; null when none came. */
  private static String read(int port, ScreenLogin screen) {
    try {
      MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, screen.screenId(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      options.setUserName(screen.screenId());
      options.setPassword(screen.password().toCharArray());
      options.setConnectionTimeout(60);
      client.connect(options);
      try {
        CompletableFuture<String> payload = new CompletableFuture<>();
        client.subscribe(Topics.schedule(screen.screenId()), 0,
            (topic, message) -> payload.complete(new String(message.getPayload(), StandardCharsets.UTF_8)));
        return payload.get(READ_WAIT_MS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return null;
      } finally {
        client.disconnect();
        client.close();
      }
    } catch (Exception e) {
      return null;
    }
  }
}

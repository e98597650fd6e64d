package io.gatecast.bench.harness;

import io.gatecast.controller.broker.BrokerAuth;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The controller's embedded broker alone, started exactly as the controller starts it
 * ({@link EmbeddedBroker} with {@link BrokerAuth}: same logins, same access rules, same Moquette
 * settings), but with no controller behind it: the floor a benchmark compares the controller to.
 * Args: {@code <controller data dir> <port> <broker store dir> [moquette|hivemq]}. Runs until killed.
 */
public final class EmbeddedBrokerMain {
  private EmbeddedBrokerMain() {}

  public static void main(String[] args) throws Exception {
    Path controllerData = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    Path store = Path.of(args[2]);
    Map<String, String> hashes = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + controllerData.resolve("gatecast.db").toAbsolutePath()
        + "?open_mode=1");
        ResultSet rows = c.createStatement().executeQuery("SELECT id, mqtt_password_hash FROM screens")) {
      while (rows.next()) {
        hashes.put(rows.getString(1), rows.getString(2));
      }
    }
    BrokerAuth auth = new BrokerAuth(ControllerCredentials.loadOrCreate(controllerData),
        id -> Optional.ofNullable(hashes.get(id)).map(hash -> new BrokerAuth.ScreenLogin(hash, "default")));
    EmbeddedBroker.Kind kind = EmbeddedBroker.Kind.parse(args.length > 3 ? args[3] : "moquette");
    EmbeddedBroker broker = EmbeddedBroker.start(kind, "127.0.0.1", port, store, auth, null);
    System.out.println("embedded " + kind.option() + " alone on " + broker.url() + " for " + hashes.size() + " screens");
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    Thread.currentThread().join();
  }
}

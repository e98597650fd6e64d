package io.gatecast.controller;

import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.NatsExport;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code controller export-nats}: writes the accounts file that holds nats-server's MQTT interface
 * to the same logins and topic rules as the embedded broker (see {@link NatsExport} and
 * docs/brokers.md, NATS cluster). Run it again and reload every node ({@code nats-server --signal
 * reload} or SIGHUP) after registering, moving or revoking screens or rotating passwords.
 */
@Command(name = "export-nats", mixinStandardHelpOptions = true,
    description = "Writes <out>/" + NatsExport.FILE_NAME + " (accounts, users, permissions) for nats-server's MQTT"
        + " interface; include it in every node's configuration.")
final class ExportNatsCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./gatecast-data", description = "The controller's data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--out", required = true, description = "Folder to write " + NatsExport.FILE_NAME + " into.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, dataDir.resolve(Composition.DB_FILE))) {
      // Revoked screens are left out: no login, no subject.
      ScreenSetupRepository screens = new ScreenSetupRepository();
      Map<String, String> hashes = db.transaction(screens::bcryptHashesOfActiveScreens).await();
      Map<String, String> clusters = db.transaction(screens::clusterOfActiveScreens).await();
      ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
      NatsExport.Result result = NatsExport.write(out, controller, hashes, clusters);
      System.out.println("Wrote " + result.accounts() + " for the controller and " + result.screens() + " screen(s).");
      if (!result.screensWithoutPassword().isEmpty()) {
        System.out.println("No NATS login for these screens: their MQTT password was made before the controller kept"
            + " a bcrypt hash, the only form NATS reads. Rotate it (POST /api/v1/screens/{id}/mqtt-password), give the"
            + " kiosk the new one, and export again: " + result.screensWithoutPassword());
      }
      if (!result.screensNatsCannotCarry().isEmpty()) {
        System.out.println("Left out, NATS 2.9 cannot carry a '.' in an MQTT topic level (screen or cluster id): "
            + result.screensNatsCannotCarry());
      }
      return 0;
    } finally {
      vertx.close().await();
    }
  }
}

package io.gatecast.controller;

import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.MosquittoExport;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code controller export-mosquitto}: writes the Mosquitto password and ACL files, and the settings
 * using them, that hold an external Mosquitto to the same logins, topic rules and client ids as the
 * embedded broker. Run it again (and
 * send Mosquitto SIGHUP) after registering, moving or revoking screens or rotating passwords.
 */
@Command(name = "export-mosquitto", mixinStandardHelpOptions = true,
    description = "Writes <out>/passwd, <out>/acl and <out>/gatecast.conf (the settings that use them,"
        + " with use_username_as_clientid true) for an external Mosquitto 2.")
final class ExportMosquittoCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./gatecast-data", description = "The controller's data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--out", required = true, description = "Folder to write passwd and acl into.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, dataDir.resolve(Composition.DB_FILE))) {
      // Revoked screens are left out of both files: no login, no topic.
      ScreenSetupRepository screens = new ScreenSetupRepository();
      Map<String, String> hashes = db.transaction(screens::passwordHashesOfActiveScreens).await();
      Map<String, String> clusters = db.transaction(screens::clusterOfActiveScreens).await();
      // Made here if the controller never ran, so the controller started later logs in with it.
      ControllerCredentials controller = ControllerCredentials.loadOrCreate(dataDir);
      MosquittoExport.Result result = MosquittoExport.write(out, controller, hashes, clusters);
      System.out.println("Wrote " + result.passwd() + " and " + result.acl() + " for the controller and "
          + result.screens() + " screen(s), and " + result.conf() + " (include it in mosquitto.conf; it sets"
          + " use_username_as_clientid true, so a screen cannot connect as another).");
      if (!result.screensWithoutPassword().isEmpty()) {
        System.out.println("No MQTT password yet (rotate one with POST /api/v1/screens/{id}/mqtt-password): "
            + result.screensWithoutPassword());
      }
      return 0;
    } finally {
      vertx.close().await();
    }
  }
}

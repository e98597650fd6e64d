package io.gatecast.demo;

import io.gatecast.agent.AgentConfig;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.Main;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One command, a working GateCast: the controller with its embedded broker, demo content for the
 * Kim Thành road gate, and a small fleet of real agents on this machine, each with its screen page.
 */
@Command(name = "gatecast-demo", mixinStandardHelpOptions = true,
    description = "Runs the GateCast controller with its embedded broker and a demo fleet of local agents.")
public final class DemoMain implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./demo-data", description = "Where the demo keeps its state (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--http-port", defaultValue = "8080", description = "Controller HTTP port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  // Not 1883: a Mosquitto often runs there already, and the demo must start beside it.
  @Option(names = "--broker-port", defaultValue = "1884", description = "Embedded broker port (default: ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--agents", defaultValue = "3", description = "How many local agents to run (default: ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--first-page-port", defaultValue = "8091",
      description = "Screen page port of the first agent; the others follow (default: ${DEFAULT-VALUE}).")
  int firstPagePort;

  @Option(names = "--kiosk-browser", paramLabel = "<chromium|none>", description = "The browser each demo screen runs"
      + " headless, as a kiosk does (screenshots, display state, RESTART); 'none' runs none (default: "
      + KioskAgents.CHROMIUM + " when installed).")
  String kioskBrowser;

  @Override
  public Integer call() {
    ControllerConfig config = ControllerConfig.defaults(dataDir.resolve("controller")).withPorts(httpPort, brokerPort);
    // Made before the controller, so its shutdown hook can end the agents first, before the broker they are
    // connected to goes, even when Ctrl-C comes while they start.
    KioskAgents fleet = new KioskAgents(KioskAgents.browserFor(kioskBrowser));
    Controller controller = Main.startOrExplain(config, fleet::close);
    if (controller == null) {
      return 2;
    }
    try {
      return run(controller, fleet);
    } catch (RuntimeException e) {
      if (fleet.closing()) {
        // Ctrl-C while the demo seeded or started its agents: the controller is closing under it.
        System.out.println("The demo was stopped while it started.");
        return 0;
      }
      throw e;
    }
  }

  private int run(Controller controller, KioskAgents fleet) {
    Path controllerData = dataDir.resolve("controller");
    if (!Files.exists(AdminBootstrap.passwordFile(controllerData))) {
      System.err.println("The demo signs in as admin with the generated password in "
          + AdminBootstrap.passwordFile(controllerData) + ", which is gone. Delete " + dataDir + " to start over.");
      return 2;
    }
    String adminPassword = AdminBootstrap.readPassword(controllerData);
    ApiClient api = ApiClient.signedIn(controller.httpPort(), AdminBootstrap.ADMIN, adminPassword);
    List<String> screenIds = new ArrayList<>();
    for (int i = 1; i <= agents; i++) {
      screenIds.add("kim-thanh-hall-" + i);
    }
    // Agents log in to the broker as their screen: a fresh controller gives the passwords at
    // registration; a restarted demo asks for new ones, since only their hashes were kept.
    boolean seeded = DemoContent.alreadySeeded(api);
    Map<String, String> people = DemoContent.people(api);
    Map<String, String> mqttPasswords = seeded
        ? DemoContent.rotateMqttPasswords(api, screenIds)
        : DemoContent.seed(api, controller.httpPort(), people, screenIds);
    URI controllerUrl = URI.create("http://127.0.0.1:" + controller.httpPort() + "/");
    for (int i = 0; i < screenIds.size(); i++) {
      AgentConfig agent = AgentConfig.of(screenIds.get(i), controller.brokerUrl(), dataDir.resolve("agents").resolve(screenIds.get(i)))
          .withPagePort(firstPagePort + i)
          .withHeartbeatSeconds(5)
          .withControllerKey(controller.signingKey())
          .withCredentials(screenIds.get(i), mqttPasswords.get(screenIds.get(i)));
      fleet.start(agent, controllerUrl);
    }
    Optional<List<String>> pages = fleet.pages();
    if (pages.isEmpty()) {
      System.out.println("The demo was stopped while it started.");
      return 0;
    }
    System.out.println();
    banner(controller.httpPort(), adminPassword, AdminBootstrap.passwordFile(controllerData), people, screenIds,
        pages.get(), controller.brokerUrl()).forEach(System.out::println);
    return 0;
  }

  /**
   * What the demo prints once it runs: the console's address first (it is what a new user opens),
   * then every person's sign-in with their password, then the screens' pages and the broker.
   */
  static List<String> banner(int httpPort, String adminPassword, Path adminPasswordFile, Map<String, String> people,
      List<String> screenIds, List<String> pages, String brokerUrl) {
    List<String> lines = new ArrayList<>();
    lines.add("GateCast console:  http://127.0.0.1:" + httpPort + "/console/   (the demo is running; Ctrl-C stops it)");
    lines.add("  Sign in as (new passwords each start):");
    lines.add("    " + AdminBootstrap.ADMIN + " / " + adminPassword + "  (admin; also in " + adminPasswordFile + ")");
    for (DemoContent.Person person : DemoContent.PEOPLE) {
      lines.add("    " + person.username() + " / " + people.get(person.username()) + "  (" + person.role()
          + ": " + person.who() + ")");
    }
    for (int i = 0; i < screenIds.size(); i++) {
      lines.add("  Screen " + screenIds.get(i) + ":  " + pages.get(i));
    }
    lines.add("  MQTT broker:  " + brokerUrl);
    return lines;
  }

  public static void main(String[] args) {
    // The controller and agent jars each carry a logback.xml; name the demo's own so logback need not choose.
    System.setProperty("logback.configurationFile", "gatecast-demo-logback.xml");
    int code = new CommandLine(new DemoMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}

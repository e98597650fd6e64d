package io.gatecast.bench.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --controller-broker}: the broker a benchmark's controller runs on — its embedded Moquette (the
 * default set-up), its embedded HiveMQ CE ({@code --embedded-broker hivemq}, issue 21's candidate), or a
 * Mosquitto of its own, as production runs it (Mosquitto is the documented production broker). Compared
 * with the same run's floors, the last tells what the controller itself adds on the broker the field uses.
 */
public enum ControllerBroker {
  EMBEDDED, HIVEMQ, MOSQUITTO;

  public static ControllerBroker parse(String option) {
    return switch (option) {
      case "embedded" -> EMBEDDED;
      case "hivemq" -> HIVEMQ;
      case "mosquitto" -> MOSQUITTO;
      default -> throw new IllegalArgumentException("--controller-broker: embedded, hivemq or mosquitto, not " + option);
    };
  }

  /** The controller's own options for this broker (which embedded broker it starts). */
  public List<String> controllerArgs() {
    return this == HIVEMQ ? List.of("--embedded-broker", "hivemq") : List.of();
  }

  /** The external broker to start before the controller (with the fleet's logins), or null for an embedded one. */
  public BrokerProcess startFor(Path dataDir) {
    return this != MOSQUITTO ? null : BrokerProcess.start(BrokerProcess.Kind.MOSQUITTO, dataDir,
        dataDir.resolve("controller-mosquitto-" + System.currentTimeMillis()));
  }

  /** The results file's name suffix and the command line's option: empty for the default. */
  public String fileSuffix() {
    return this == EMBEDDED ? "" : "-on-" + name().toLowerCase();
  }

  public String commandOption() {
    return this == EMBEDDED ? "" : " --controller-broker " + name().toLowerCase();
  }
}

package io.gatecast.bench.harness;

import java.nio.file.Path;

/**
 * {@code --controller-broker}: the broker a benchmark's controller runs on — its embedded one (the
 * default set-up), or a Mosquitto of its own, as production runs it (Mosquitto is the documented
 * production broker). Compared with the same run's floors, the second tells what the controller
 * itself adds on the broker the field uses.
 */
public enum ControllerBroker {
  EMBEDDED, MOSQUITTO;

  public static ControllerBroker parse(String option) {
    return switch (option) {
      case "embedded" -> EMBEDDED;
      case "mosquitto" -> MOSQUITTO;
      default -> throw new IllegalArgumentException("--controller-broker: embedded or mosquitto, not " + option);
    };
  }

  /** The external broker to start before the controller (with the fleet's logins), or null for the embedded one. */
  public BrokerProcess startFor(Path dataDir) {
    return this == EMBEDDED ? null : BrokerProcess.start(BrokerProcess.Kind.MOSQUITTO, dataDir,
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

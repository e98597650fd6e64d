package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Options come from flags, then GATECAST_* environment variables, then the --config file, then defaults. */
class ConfigDefaultsTest {
  @TempDir Path dir;

  @Test
  void aFlagBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws Exception {
    Path file = dir.resolve("controller.properties");
    Files.writeString(file, "http-port=9001\nheartbeat-timeout=45\nbroker-port=1999\n");
    Map<String, String> env = Map.of("GATECAST_BROKER_PORT", "1888", "GATECAST_HTTP_PORT", "9002");
    String[] args = {"--config", file.toString(), "--http-port", "9003"};

    Main main = parse(env, args);

    assertThat(main.httpPort).as("flag").isEqualTo(9003);
    assertThat(main.brokerPort).as("environment").isEqualTo(1888);
    assertThat(main.heartbeatTimeoutSeconds).as("file").isEqualTo(45);
    assertThat(main.httpHost).as("built-in default").isEqualTo("127.0.0.1");
  }

  @Test
  void theFileCanBeNamedByTheEnvironment() throws Exception {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "data-dir=/var/lib/gatecast\n");
    assertThat(parse(Map.of("GATECAST_CONFIG", file.toString()), new String[0]).dataDir)
        .isEqualTo(Path.of("/var/lib/gatecast"));
  }

  @Test
  void aTypoInTheFileOrAMissingFileIsRefusedWithASentence() throws Exception {
    Path file = dir.resolve("typo.properties");
    Files.writeString(file, "http-prot=9001\n");
    assertThatThrownBy(() -> Main.commandLine(Map.of(), new String[] {"--config", file.toString()}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'http-prot', which is not an option");
    assertThatThrownBy(() -> Main.commandLine(Map.of(), new String[] {"--config", dir.resolve("absent").toString()}))
        .hasMessageContaining("cannot read the configuration file");
  }

  @Test
  void theSendDeadlineIsThirtySecondsUnlessToldAndMustBePositive() {
    assertThat(parse(Map.of(), new String[0]).sendDeadlineSeconds).isEqualTo(30);
    assertThat(ControllerConfig.defaults(dir).sendDeadline()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(parse(Map.of("GATECAST_SEND_DEADLINE", "5"), new String[0]).sendDeadlineSeconds).isEqualTo(5);
    assertThatThrownBy(() -> ControllerConfig.defaults(dir).withSendDeadline(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send deadline must be positive");
  }

  private static Main parse(Map<String, String> env, String[] args) {
    CommandLine commandLine = Main.commandLine(env, args);
    commandLine.parseArgs(args);
    return commandLine.getCommand();
  }
}

package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@IntegrationTest
class JavaProcessTest {
  @TempDir Path tmp;

  @Test
  void runsAMainOfTheTestClassPathWithItsArgumentsLogsItsOutputAndDiesOnSigkill() throws Exception {
    Path log = tmp.resolve("process.log");
    try (JavaProcess process = JavaProcess.start(List.of("-Xmx32m"), WaitsForInput.class.getName(),
        List.of("--screen-id", "s-1"), log)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && Files.readString(log).contains("up"));
      assertThat(Files.readString(log)).contains("up --screen-id s-1");
      assertThat(process.isAlive()).isTrue();
      assertThat(process.pid()).isPositive();
      assertThat(process.cpuTime()).as("a JVM that printed has used CPU").hasValueSatisfying(
          used -> assertThat(used).isPositive());
      process.signal("STOP");
      process.signal("CONT");
      assertThat(process.isAlive()).isTrue();
      assertThat(process.kill(30)).isTrue();
      assertThat(process.isAlive()).isFalse();
    }
  }

  @Test
  void theTestJvmsGatecastTestPropertiesGoAlong() throws Exception {
    Path log = tmp.resolve("probe.log");
    System.setProperty("gatecast.test.probe", "42");
    try (JavaProcess process = JavaProcess.start(List.of("-Xmx32m"), WaitsForInput.class.getName(), List.of(), log)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && Files.readString(log).contains("probe"));
      assertThat(Files.readString(log)).contains("probe 42");
    } finally {
      System.clearProperty("gatecast.test.probe");
    }
  }

  @Test
  void theBuildsTestJvmOptionsGoAlongBeforeTheTestsOwn() throws Exception {
    Path log = tmp.resolve("options.log");
    String build = System.getProperty(JavaProcess.JVM_OPTIONS_PROPERTY);
    System.setProperty(JavaProcess.JVM_OPTIONS_PROPERTY, " -XX:TieredStopAtLevel=1   -Dgatecast.probe.option=7 ");
    try (JavaProcess process = JavaProcess.start(List.of("-XX:TieredStopAtLevel=4"), WaitsForInput.class.getName(),
        List.of(), log)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(log) && Files.readString(log).contains("jvm"));
      String options = Files.readString(log).lines().filter(line -> line.startsWith("jvm ")).findFirst().orElseThrow();
      assertThat(List.of(options.substring("jvm [".length(), options.length() - 1).split(", ")))
          .containsSubsequence("-XX:TieredStopAtLevel=1", "-Dgatecast.probe.option=7", "-XX:TieredStopAtLevel=4");
    } finally {
      if (build == null) {
        System.clearProperty(JavaProcess.JVM_OPTIONS_PROPERTY);
      } else {
        System.setProperty(JavaProcess.JVM_OPTIONS_PROPERTY, build);
      }
    }
  }

  @Test
  void closingStopsAFrozenProcess() throws Exception {
    JavaProcess process = JavaProcess.start(List.of("-Xmx32m"), WaitsForInput.class.getName(), List.of(),
        tmp.resolve("frozen.log"));
    process.signal("STOP");
    process.close();
    assertThat(process.isAlive()).isFalse();
  }
}

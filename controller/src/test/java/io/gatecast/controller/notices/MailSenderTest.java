package io.gatecast.controller.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A notice is e-mailed through a real SMTP server: Python's standard-library SMTP debugging server
 * (python3 -m smtpd), which prints every message it receives; the test reads what it printed.
 */
@IntegrationTest
class MailSenderTest {
  @Test
  void aDownNoticeArrivesAsAnEmailWithTheScreenInItsSubject() throws Exception {
    Assumptions.assumeTrue(pythonSmtpd(), "python3 with its smtpd module is not installed here");
    int port = Ports.free();
    Process server = new ProcessBuilder("python3", "-u", "-W", "ignore", "-m", "smtpd", "-n", "-c", "DebuggingServer",
        "127.0.0.1:" + port).redirectErrorStream(true).start();
    StringBuffer printed = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          printed.append(line).append('\n');
        }
      } catch (java.io.IOException e) {
        // the server was stopped
      }
    });
    reader.start();
    AtomicInteger sent = new AtomicInteger();
    try (MailSender mail = new MailSender(new MailSettings("127.0.0.1", port, "gatecast@lao-cai.example",
        List.of("ky-thuat@lao-cai.example")), sent::incrementAndGet)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
      Instant at = Instant.parse("2026-03-16T01:02:00Z");
      mail.accept(new Notice(Notice.Kind.DOWN, "lao-cai", "kim-thanh-hall-1", "agent offline (last-will)",
          at.minusSeconds(120), at, List.of(), "screen kim-thanh-hall-1 is down since 2026-03-16T01:00:00Z"));
      await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() == 1 && printed.toString().contains("END MESSAGE"));
    } finally {
      server.destroy();
    }
    assertThat(printed.toString())
        .contains("Subject: [GateCast] DOWN: screen kim-thanh-hall-1 (lao-cai)")
        .contains("To: ky-thuat@lao-cai.example")
        .contains("screen kim-thanh-hall-1 is down since 2026-03-16T01:00:00Z");
  }

  @Test
  void badMailSettingsAreRefusedNamingTheOption() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailSettings("relay", 25, "gatecast@x", List.of("nobody")))
        .hasMessageContaining("--alert-mail-to");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MailSettings(null, 25, "gatecast@x", List.of("a@b")))
        .hasMessageContaining("--smtp-host");
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean pythonSmtpd() {
    try {
      return new ProcessBuilder("python3", "-W", "ignore", "-c", "import smtpd").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}

package io.gatecast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk stopped by systemd (or Ctrl-C): the signal reaches the agent's JVM and its browser at once, and
 * the browser may end before the agent's shutdown reaches it. The browser is then not started again.
 */
@IntegrationTest
class KioskBrowserStopTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path tmp;

  @Test
  void aBrowserThatEndsWithItsAgentsProcessIsNotStartedAgain() throws Exception {
    Path log = tmp.resolve("kiosk.log");
    try (JavaProcess kiosk = JavaProcess.startInOwnGroup(List.of("-Xmx32m"), SlowToStopKiosk.class.getName(),
        List.of(), log)) {
      await().atMost(DEADLINE).until(() -> Files.exists(log) && Files.readString(log).contains(SlowToStopKiosk.READY));

      assertThat(kiosk.stopGroup(DEADLINE.toSeconds())).as("the kiosk ended").isTrue();

      String out = Files.readString(log);
      assertThat(out).as("the browser ended with the kiosk, before its shutdown reached it")
          .contains(SlowToStopKiosk.BROWSER_GONE_FIRST)
          .contains(SlowToStopKiosk.LAUNCHES + "1")
          .doesNotContain("starting it again");
    }
  }

  /**
   * A kiosk whose shutdown reaches its browser late: its hook waits for the browser to end by the signal,
   * then gives the supervisor time to launch it again (it would within its first back-off, at most 1 s),
   * before it closes the browser.
   */
  static final class SlowToStopKiosk {
    static final String READY = "kiosk ready";
    static final String BROWSER_GONE_FIRST = "browser ended before the shutdown closed it";
    static final String LAUNCHES = "browser launches: ";

    public static void main(String[] args) throws InterruptedException {
      // Ends at SIGTERM as Chromium does, with code 0.
      KioskBrowser browser = new KioskBrowser(List.of("sh", "-c", "trap 'exit 0' TERM; while :; do sleep 1; done"));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        if (pollUntil(() -> !browser.isRunning(), Duration.ofSeconds(10))) {
          System.out.println(BROWSER_GONE_FIRST);
        }
        // A slow shutdown: the supervisor's whole first back-off passes before close() is called.
        pollUntil(() -> browser.launches() > 1, Duration.ofSeconds(2));
        System.out.println(LAUNCHES + browser.launches());
        browser.close();
      }));
      browser.start();
      pollUntil(browser::isRunning, Duration.ofSeconds(30));
      System.out.println(READY);
      Thread.currentThread().join(); // until the signal
    }

    /** Whether {@code condition} came true within {@code deadline} (Awaitility, polled every 10 ms). */
    private static boolean pollUntil(Callable<Boolean> condition, Duration deadline) {
      try {
        await().pollInterval(Duration.ofMillis(10)).atMost(deadline).until(condition);
        return true;
      } catch (ConditionTimeoutException e) {
        return false;
      }
    }
  }
}

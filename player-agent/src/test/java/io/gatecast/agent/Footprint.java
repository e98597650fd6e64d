package io.gatecast.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.rules.ItemSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Random;

/**
 * Measures the agent's footprint in its own JVM with the small-kiosk flags ({@link AgentProcess#SMALL_JVM}):
 * resident memory (VmRSS, VmHWM from /proc/PID/status) and CPU (utime + stime from /proc/PID/stat over a
 * window), first idle (connected, no schedule: heartbeats only), then playing (a schedule of 10 s items,
 * the page's /now polled every second and each item's file fetched, as the kiosk browser does).
 * Linux only. Not a test: figures depend on the machine; see player-agent/FOOTPRINT.md.
 *
 * <pre>
 * mvn -q -B install -DskipTests
 * mvn -q -B -pl player-agent exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.gatecast.agent.Footprint -Dexec.args="60"
 * </pre>
 * The argument is the length of each measuring window in seconds (default 60).
 */
public final class Footprint {
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)
  private static final String SCREEN = "footprint-hall-1";

  private Footprint() {}

  public static void main(String[] args) throws Exception {
    int window = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    TestKeys keys = TestKeys.generate();
    Path dataDir = Files.createTempDirectory("gatecast-footprint");
    HttpClient http = HttpClient.newHttpClient();
    try (TestBroker broker = new TestBroker();
        MediaServer media = new MediaServer();
        ControllerSpy controller = new ControllerSpy(broker.url(), SCREEN, keys.signer())) {
      if (System.getProperty("surefire.test.class.path") == null) {
        System.setProperty("surefire.test.class.path", classPath());
      }
      AgentProcess agent = AgentProcess.start(SCREEN, broker.url(), dataDir.resolve("agent"), keys.pinned(),
          dataDir.resolve("agent.log"), "--play-batch-seconds", "60");
      try {
        waitFor(() -> agent.now().isPresent() && !controller.statuses.isEmpty());
        System.out.println("JVM flags: " + String.join(" ", AgentProcess.SMALL_JVM) + "; pid " + agent.pid()
            + "; window " + window + " s");
        settle(agent);
        measure("idle (connected, no schedule)", agent.pid(), window, () -> { });

        Random random = new Random(1);
        ItemSpec[] items = new ItemSpec[6];
        for (int i = 0; i < items.length; i++) {
          byte[] image = new byte[300_000];
          random.nextBytes(image);
          items[i] = TestRules.item("item-" + i, "Item " + i, media.serve(image), image, "image/jpeg", 10);
        }
        controller.publishRetained(TestRules.schedule(SCREEN, 1, items));
        waitFor(() -> controller.acks.stream().anyMatch(a -> a.version() == 1));
        String[] lastShown = {""};
        settle(agent);
        measure("playing (10 s items, /now polled every second, files fetched)", agent.pid(), window, () -> {
          JsonNode now = agent.now().orElse(null);
          String sha = now == null ? "" : now.path("item").path("sha256").asText("");
          if (!sha.isEmpty() && !sha.equals(lastShown[0])) {
            lastShown[0] = sha;
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.pagePort + "/media/" + sha)).build(),
                HttpResponse.BodyHandlers.discarding());
          }
        });
        System.out.println("plays reported: " + controller.playBatches.stream().mapToInt(b -> b.plays().size()).sum());
      } finally {
        agent.kill();
      }
    }
  }

  /** Lets start-up work (class loading, JIT) pass before a window is measured. */
  private static void settle(AgentProcess agent) throws InterruptedException {
    Thread.sleep(10_000);
  }

  private interface Poll {
    void run() throws Exception;
  }

  private static void measure(String what, long pid, int seconds, Poll everySecond) throws Exception {
    long[] cpu0 = cpuTicks(pid);
    long start = System.nanoTime();
    long maxRss = 0;
    for (int i = 0; i < seconds; i++) {
      everySecond.run();
      maxRss = Math.max(maxRss, statusKb(pid, "VmRSS"));
      Thread.sleep(1000);
    }
    long[] cpu1 = cpuTicks(pid);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = ((cpu1[0] - cpu0[0]) + (cpu1[1] - cpu0[1])) / (double) TICKS_PER_SECOND;
    System.out.printf("%s: RSS now %d MB, max in window %d MB, peak since start (VmHWM) %d MB;"
            + " CPU %.2f s in %.0f s = %.2f%% of one core (user %.2f s, system %.2f s)%n",
        what, statusKb(pid, "VmRSS") / 1024, maxRss / 1024, statusKb(pid, "VmHWM") / 1024, cpuSeconds, elapsed,
        100 * cpuSeconds / elapsed, (cpu1[0] - cpu0[0]) / (double) TICKS_PER_SECOND,
        (cpu1[1] - cpu0[1]) / (double) TICKS_PER_SECOND);
  }

  /** utime and stime in clock ticks: fields 14 and 15 of /proc/PID/stat, counted after the command's closing paren. */
  static long[] cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
  }

  private static long statusKb(long pid, String key) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  interface Condition {
    boolean met() throws Exception;
  }

  static void waitFor(Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.met()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the agent did not get there within 60 s");
      }
      Thread.sleep(200);
    }
  }

  /** exec:java runs this inside Maven's JVM: the project's class path is its class loader's, not java.class.path. */
  static String classPath() throws Exception {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      StringBuilder path = new StringBuilder();
      for (URL url : loader.getURLs()) {
        path.append(path.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
      }
      return path.toString();
    }
    return System.getProperty("java.class.path");
  }
}

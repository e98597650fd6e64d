package io.gatecast.agent;

import static io.gatecast.agent.Footprint.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.testkit.Chromium;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Measures the agent's cold start from its cache: a schedule is downloaded, verified and applied once
 * with a broker, a media server and a controller stand-in; then all three are gone (the broker's name
 * does not even resolve) and the agent is started N times from its data dir, in its own JVM with the
 * small-kiosk flags ({@link AgentProcess#SMALL_JVM}), killed (SIGKILL) after each run. Per run, from the
 * process spawn:
 * <ul>
 *   <li>the agent's page server answers {@code /now} with the current item (polled every 5 ms);</li>
 *   <li>headless Chromium, started and pointed at the page's address before the spawn and navigating
 *       again until the agent serves, has the page loaded;</li>
 *   <li>first frame: the page's shown element ({@code #stage > .on}) is the item's image, loaded
 *       ({@code complete}, {@code naturalWidth > 0}) — the condition ScreenPageTest uses — timed in the
 *       page itself on the next animation frame, so WebDriver round trips are not counted.</li>
 * </ul>
 * Plus: when the agent's own log says the cached schedule is playing; the agent's CPU time (utime +
 * stime) by the first frame, which the machine's other load does not inflate; and two floors, the
 * JVM alone ({@code java -version}) and the agent's {@code --help}, with the same flags. Linux, Debian Chromium.
 * Not a test: figures depend on the machine; see player-agent/FOOTPRINT.md.
 *
 * <pre>
 * mvn -q -B install -DskipTests
 * mvn -q -B -pl player-agent exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.gatecast.agent.ColdStart -Dexec.args="10 20"
 * </pre>
 * Arguments: the number of cold starts per series (default 10); the browser's retry interval in ms (default 20;
 * 0: the browser stays idle on about:blank until /now answers, then navigates once); MiB of other files
 * (an earlier schedule's, 25 MiB each) added to the cache before the starts (default 0), to see that the
 * cache's size does not delay the first content; "agent-only" to skip the series with the browser.
 * A first series runs without the browser (the agent alone, up to /now), a second with it.
 * The data dir (and the files added) is deleted at the end.
 */
public final class ColdStart {
  private static final String SCREEN = "coldstart-hall-1";
  /** A name that can never resolve (RFC 6761): no DNS answer, no broker, nothing to fetch. */
  private static final String NO_BROKER = "tcp://gatecast-broker.invalid:1883";
  private static final int ITEMS = 6;
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
  /** Waits on the next animation frame until the shown element is the item's loaded image; returns when (epoch ms). */
  private static final String FIRST_FRAME = "var done = arguments[arguments.length - 1];"
      + "(function check() {"
      + "  var e = document.querySelector('#stage > .on');"
      + "  if (e && e.tagName === 'IMG' && e.complete && e.naturalWidth > 0) {"
      + "    done([performance.timeOrigin + performance.now(), e.dataset.content]); return; }"
      + "  requestAnimationFrame(check);"
      + "})();";

  private ColdStart() {}

  /** One cold start, in milliseconds from the process spawn. */
  private record Run(long scheduleLoaded, long nowAnswers, long pageLoaded, long firstFrame, long agentCpu,
      String firstItem) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int retryMillis = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int fillerMib = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    boolean agentOnly = args.length > 3 && args[3].equals("agent-only");
    System.setProperty("java.awt.headless", "true");
    if (System.getProperty("surefire.test.class.path") == null) {
      System.setProperty("surefire.test.class.path", Footprint.classPath());
    }
    TestKeys keys = TestKeys.generate();
    Path work = Files.createTempDirectory("gatecast-coldstart");
    Path dataDir = work.resolve("agent");
    Path log = work.resolve("agent.log");
    List<String> contentIds = cacheASchedule(keys, dataDir, log);
    if (fillerMib > 0) {
      CacheFiller.fill(dataDir.resolve("media"), fillerMib, 25, 7);
      System.out.println("added " + fillerMib + " MiB of other files to the cache");
    }
    System.out.println("JVM flags: " + String.join(" ", AgentProcess.SMALL_JVM) + "; " + runs + " cold starts from "
        + dataDir + " (broker " + NO_BROKER + ")");
    System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println("java -version with the same flags (the JVM's own floor): "
        + summary(timeProcess(runs, "-version")));
    System.out.println("the agent's --help (JVM, class path, picocli; no agent started): "
        + summary(timeProcess(runs, "-cp", System.getProperty("surefire.test.class.path"), "io.gatecast.agent.Main",
            "--help")));

    ExecutorService poller = Executors.newSingleThreadExecutor();
    try {
      // First without a browser: the agent alone, nothing else starting on the machine with it.
      List<Run> alone = series(runs, null, retryMillis, poller, keys, dataDir, log, contentIds);
      System.out.println("--- without a browser");
      System.out.println("schedule playing (agent log): " + summary(alone.stream().mapToLong(Run::scheduleLoaded).toArray()));
      System.out.println("/now answers with the item:   " + summary(alone.stream().mapToLong(Run::nowAnswers).toArray()));
      System.out.println("agent CPU (user+sys) by then: " + summary(alone.stream().mapToLong(Run::agentCpu).toArray()));
      if (agentOnly) {
        return;
      }
      ChromeDriver browser = Chromium.driver(work.resolve("chromium-profile"));
      List<Run> withBrowser;
      try {
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        withBrowser = series(runs, browser, retryMillis, poller, keys, dataDir, log, contentIds);
      } finally {
        browser.quit();
      }
      System.out.println("--- with Chromium " + (retryMillis <= 0 ? "idle until /now answers, then navigating"
          : "navigating every " + retryMillis + " ms until the page is served"));
      System.out.println("schedule playing (agent log): " + summary(withBrowser.stream().mapToLong(Run::scheduleLoaded).toArray()));
      System.out.println("/now answers with the item:   " + summary(withBrowser.stream().mapToLong(Run::nowAnswers).toArray()));
      System.out.println("page loaded in Chromium:      " + summary(withBrowser.stream().mapToLong(Run::pageLoaded).toArray()));
      System.out.println("first frame (image shown):    " + summary(withBrowser.stream().mapToLong(Run::firstFrame).toArray()));
      System.out.println("agent CPU (user+sys) by then: " + summary(withBrowser.stream().mapToLong(Run::agentCpu).toArray()));
    } finally {
      poller.shutdownNow();
      System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** {@code runs} cold starts, one after the other; with {@code browser} null, only up to /now. */
  private static List<Run> series(int runs, ChromeDriver browser, int retryMillis, ExecutorService poller, TestKeys keys,
      Path dataDir, Path log, List<String> contentIds) throws Exception {
    List<Run> results = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = coldStart(browser, retryMillis, poller, keys, dataDir, log);
      if (browser != null && !contentIds.contains(run.firstItem())) {
        throw new IllegalStateException("the page showed " + run.firstItem() + ", not an item of the schedule");
      }
      results.add(run);
      System.out.printf("run %2d%s: schedule playing (agent log) %4d ms, /now answers %4d ms, page loaded %4d ms,"
          + " first frame %4d ms (%s); agent CPU by then %d ms%n", i, browser == null ? " (no browser)" : "",
          run.scheduleLoaded(), run.nowAnswers(), run.pageLoaded(), run.firstFrame(), run.firstItem(), run.agentCpu());
    }
    return results;
  }

  /** Runs the agent online once until it has downloaded, verified and applied a schedule; then all of it stops. */
  private static List<String> cacheASchedule(TestKeys keys, Path dataDir, Path log) throws Exception {
    try (TestBroker broker = new TestBroker();
        MediaServer media = new MediaServer();
        ControllerSpy controller = new ControllerSpy(broker.url(), SCREEN, keys.signer())) {
      AgentProcess agent = AgentProcess.start(SCREEN, broker.url(), dataDir, keys.pinned(), log);
      try {
        waitFor(() -> agent.now().isPresent() && !controller.statuses.isEmpty());
        Random random = new Random(1);
        ItemSpec[] items = new ItemSpec[ITEMS];
        long bytes = 0;
        for (int i = 0; i < items.length; i++) {
          byte[] image = slide(i, random);
          bytes += image.length;
          items[i] = TestRules.item("item-" + i, "Item " + i, media.serve(image), image, "image/jpeg", 10);
        }
        controller.publishRetained(TestRules.schedule(SCREEN, 1, items));
        waitFor(() -> controller.acks.stream().anyMatch(a -> a.version() == 1 && a.outcome() == Outcome.APPLIED));
        System.out.printf("cached: schedule version 1, %d JPEG slides of 1920x1080, %d KB in all%n", ITEMS, bytes / 1024);
        return Arrays.stream(items).map(ItemSpec::id).toList();
      } finally {
        agent.kill();
      }
    }
  }

  private static Run coldStart(ChromeDriver browser, int retryMillis, ExecutorService poller, TestKeys keys,
      Path dataDir, Path log) throws Exception {
    int port = AgentProcess.freePort();
    String page = "http://127.0.0.1:" + port + "/";
    if (browser != null) {
      browser.get("about:blank");
    }
    long logFrom = Files.size(log);
    LocalTime spawnClock = LocalTime.now();
    long spawnMillis = System.currentTimeMillis();
    long spawn = System.nanoTime();
    AgentProcess agent = AgentProcess.start(port, SCREEN, NO_BROKER, dataDir, keys.pinned(), log);
    try {
      CompletableFuture<Long> nowAnswers = CompletableFuture.supplyAsync(() -> untilNowHasAnItem(agent, spawn), poller);
      if (browser == null) {
        long answered = nowAnswers.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        long[] cpu = Footprint.cpuTicks(agent.pid());
        return new Run(fromLog(log, logFrom, "playing saved schedule", spawnClock), answered, -1, -1,
            (cpu[0] + cpu[1]) * 10, "-");
      }
      if (retryMillis <= 0) {
        nowAnswers.get(DEADLINE.toSeconds(), TimeUnit.SECONDS); // 0: the browser waits, idle, until the agent serves
      }
      long pageLoaded = navigateUntilServed(browser, page, spawn, Math.max(retryMillis, 20));
      @SuppressWarnings("unchecked")
      List<Object> frame = (List<Object>) browser.executeAsyncScript(FIRST_FRAME);
      long[] cpu = Footprint.cpuTicks(agent.pid()); // clock ticks of 10 ms (USER_HZ 100)
      long firstFrame = Math.round(((Number) frame.get(0)).doubleValue()) - spawnMillis;
      return new Run(fromLog(log, logFrom, "playing saved schedule", spawnClock), nowAnswers.get(DEADLINE.toSeconds(),
          TimeUnit.SECONDS), pageLoaded, firstFrame, (cpu[0] + cpu[1]) * 10, (String) frame.get(1));
    } finally {
      agent.kill();
    }
  }

  private static long untilNowHasAnItem(AgentProcess agent, long spawn) {
    long deadline = spawn + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode now = agent.now().orElse(null);
      if (now != null && !now.path("item").path("contentId").asText("").isEmpty()) {
        return (System.nanoTime() - spawn) / 1_000_000;
      }
      try {
        Thread.sleep(5); // a poll interval, not synchronisation: the resolution of this figure
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("/now had no item within " + DEADLINE.toSeconds() + " s");
  }

  /**
   * Navigates until the agent's page (not Chromium's connection-refused page) is loaded, as a kiosk
   * browser started with the box would; returns when, in ms from the spawn.
   */
  private static long navigateUntilServed(ChromeDriver browser, String page, long spawn, int retryMillis)
      throws Exception {
    long deadline = spawn + DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        browser.get(page);
        if (Boolean.TRUE.equals(browser.executeScript("return document.getElementById('stage') !== null"))) {
          return (System.nanoTime() - spawn) / 1_000_000;
        }
      } catch (WebDriverException refused) {
        // net::ERR_CONNECTION_REFUSED while the agent is not listening yet: try again
      }
      Thread.sleep(retryMillis); // the retry interval; it bounds this figure's resolution
    }
    throw new IllegalStateException("the page was not served within " + DEADLINE.toSeconds() + " s");
  }

  /** When the agent logged {@code marker} (logback's HH:mm:ss.SSS), in ms from the spawn; -1 if it did not. */
  private static long fromLog(Path log, long from, String marker, LocalTime spawn) throws Exception {
    byte[] all = Files.readAllBytes(log);
    String text = new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.contains(marker)) {
        LocalTime at = LocalTime.parse(line.substring(0, 12), LOG_TIME);
        long millis = Duration.between(spawn, at).toMillis();
        return millis < -60_000 ? millis + Duration.ofDays(1).toMillis() : millis; // across midnight
      }
    }
    return -1;
  }

  /** A short-lived java process with the agent's flags, timed from spawn to exit: the floors under a cold start. */
  private static long[] timeProcess(int runs, String... args) throws Exception {
    long[] took = new long[runs];
    for (int i = 0; i < runs; i++) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(AgentProcess.SMALL_JVM);
      command.addAll(List.of(args));
      long start = System.nanoTime();
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
          .waitFor();
      took[i] = (System.nanoTime() - start) / 1_000_000;
    }
    return took;
  }

  /** A 1920x1080 JPEG with a gradient, noise and a number: a photo-like size and decode cost. */
  private static byte[] slide(int number, Random random) throws Exception {
    BufferedImage picture = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x0d, 0x33, 0x58), 1920, 1080, new Color(0x1b, 0x5e, 0x20)));
    g.fillRect(0, 0, 1920, 1080);
    for (int i = 0; i < 4000; i++) {
      g.setColor(new Color(random.nextInt(0x1000000)));
      g.fillRect(random.nextInt(1920), random.nextInt(1080), 4 + random.nextInt(24), 4 + random.nextInt(24));
    }
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 400));
    g.drawString(Integer.toString(number), 800, 700);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(picture, "jpg", jpeg);
    return jpeg.toByteArray();
  }

  private static String summary(long[] millis) {
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    long median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return "min " + sorted[0] + " ms, median " + median + " ms, max " + sorted[sorted.length - 1] + " ms (n="
        + sorted.length + ")";
  }
}

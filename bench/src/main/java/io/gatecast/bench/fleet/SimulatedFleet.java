package io.gatecast.bench.fleet;

import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Verifier;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * N {@link SimulatedScreen}s in this JVM on a few Vert.x event loops, each with its own MQTT
 * connection. Benchmarks watch it through one {@link FleetListener} they can swap between phases.
 */
public final class SimulatedFleet implements AutoCloseable {
  /** How the screens behave (each follows the gate its login names). */
  public record Options(Duration heartbeat, Duration playBatch, int eventLoops, boolean placements, boolean receipts) {
    /** Screens whose batches ask for no receipt (agents before receipts). */
    public Options(Duration heartbeat, Duration playBatch, int eventLoops, boolean placements) {
      this(heartbeat, playBatch, eventLoops, placements, false);
    }

    /** An agent's defaults: heartbeat every 30 s, proof of play every 60 s. */
    public static Options realistic() {
      return new Options(Duration.ofSeconds(30), Duration.ofSeconds(60), 2, false);
    }

    /**
     * The same screens playing placements in their gate's schedule, as today's agent does (issue 21):
     * they say so in their heartbeats and follow their gate's schedule topic.
     */
    public Options withPlacements(boolean on) {
      return new Options(heartbeat, playBatch, eventLoops, on, receipts);
    }

    /**
     * Screens whose proof-of-play batches ask for the controller's receipt, as today's agent's do: each
     * batch costs the controller a signed receipt, which the screen verifies.
     */
    public Options withReceipts(boolean on) {
      return new Options(heartbeat, playBatch, eventLoops, placements, on);
    }
  }

  /** The signature-check threads' name (and the start of each thread's name). */
  private static final String VERIFY_POOL = "screen-verify";
  private final Vertx vertx;
  private final List<SimulatedScreen> screens = new ArrayList<>();
  private final Map<String, String> rejections = new ConcurrentHashMap<>();
  private final AtomicLong rejectionCount = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private volatile FleetListener watcher = new FleetListener() {};

  public SimulatedFleet(Collection<ScreenLogin> logins, PinnedKey controllerKey, Options options) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops())
        // a screen's verification takes well under the default 2 s; a blocked loop is worth a warning
        .setMaxEventLoopExecuteTime(2).setMaxEventLoopExecuteTimeUnit(java.util.concurrent.TimeUnit.SECONDS));
    Verifier verifier = new Verifier(new Freshness(Clock.systemUTC(), Duration.ofMinutes(5)), List.of(controllerKey));
    FleetListener forward = new Forwarder();
    // as many verifying threads as cores: verification is pure CPU
    WorkerExecutor verifyPool = vertx.createSharedWorkerExecutor(VERIFY_POOL,
        Runtime.getRuntime().availableProcessors());
    Random random = new Random(42);
    for (ScreenLogin login : logins) {
      screens.add(new SimulatedScreen(vertx, login, login.clusterId(), verifier, verifyPool, forward,
          options.heartbeat(), options.playBatch(), new Random(random.nextLong()), options.placements(),
          options.receipts()));
    }
  }

  /**
   * Sets the Linux nice value of the screens' signature-check threads that exist now (they start with
   * the first messages, so call it before each round; 0 does nothing). Per thread: the rest of the
   * simulator — its event loops, which stamp each message's arrival — keeps its priority. Returns how
   * many threads were set.
   */
  public int lowerVerifyPriority(int nice) {
    if (nice == 0) {
      return 0;
    }
    int set = 0;
    try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
      for (java.nio.file.Path task : tasks.toList()) {
        String name;
        try {
          name = java.nio.file.Files.readString(task.resolve("comm")).trim();
        } catch (java.nio.file.NoSuchFileException ended) {
          continue; // a thread that ended since the listing (another benchmark helper's)
        }
        if (name.startsWith(VERIFY_POOL)) {
          Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p",
              task.getFileName().toString()).redirectErrorStream(true).start();
          renice.getInputStream().readAllBytes();
          set += renice.waitFor() == 0 ? 1 : 0;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return set;
  }

  public List<SimulatedScreen> screens() {
    return screens;
  }

  public int size() {
    return screens.size();
  }

  /** Whom the screens report to from now on. */
  public void watch(FleetListener listener) {
    this.watcher = listener;
  }

  /**
   * Connects every screen to {@code host:port}, at most {@code window} logins awaiting their broker at
   * a time (a broker checks each password with PBKDF2; 10,000 at once would only queue), and waits
   * until all are connected or {@code timeout} passes. Returns how many are connected.
   */
  public int connectAll(String host, int port, int window, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int started = 0;
    for (SimulatedScreen screen : screens) {
      while (started - connectedCount() >= window && System.nanoTime() < deadline) {
        pause();
      }
      screen.start(host, port);
      started++;
    }
    awaitUntil(() -> connectedCount() == screens.size(), deadline);
    return connectedCount();
  }

  /**
   * {@link #connectAll} over the nodes of a clustered broker: screen i starts on node i mod n and
   * tries the others in turn when its node is lost. Returns how many are connected.
   */
  public int connectSpread(String host, int[] nodePorts, int window, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int started = 0;
    for (SimulatedScreen screen : screens) {
      while (started - connectedCount() >= window && System.nanoTime() < deadline) {
        pause();
      }
      int[] order = new int[nodePorts.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = nodePorts[(started + k) % nodePorts.length];
      }
      screen.start(host, order);
      started++;
    }
    awaitUntil(() -> connectedCount() == screens.size(), deadline);
    return connectedCount();
  }

  /** The screens pointed at {@code port} now. */
  public List<SimulatedScreen> on(int port) {
    return screens.stream().filter(s -> s.port() == port).toList();
  }

  /** Moves every screen to another broker, {@code window} at a time; returns how many are connected. */
  public int moveAll(String host, int port, int window, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int moved = 0;
    for (SimulatedScreen screen : screens) {
      while (moved - connectedCount() >= window && System.nanoTime() < deadline) {
        pause();
      }
      screen.moveTo(host, port);
      moved++;
    }
    awaitUntil(() -> connectedCount() == screens.size(), deadline);
    return connectedCount();
  }

  public int connectedCount() {
    int n = 0;
    for (SimulatedScreen screen : screens) {
      if (screen.isConnected()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Every screen sends a heartbeat every {@code period} from now on, its marker starting with
   * {@code prefix}: at once ({@code sendNow}), or first at a random point of the period (an even spread).
   */
  public void heartbeatEvery(Duration period, String prefix, boolean sendNow) {
    screens.forEach(s -> s.heartbeatEvery(period, prefix, sendNow));
  }

  /** Every screen forgets the last alert version it showed (see {@link SimulatedScreen#forgetAlert}); returns once all have. */
  public void forgetAlerts() {
    io.vertx.core.Future.all(screens.stream().map(SimulatedScreen::forgetAlert).toList())
        .toCompletionStage().toCompletableFuture().join();
  }

  /**
   * Disconnects every screen cleanly until {@link #moveAll} points them at another broker: done before
   * a broker the fleet is on stops, so 10,000 screens do not retry it meanwhile (and log each refusal).
   */
  public void parkAll() {
    screens.forEach(SimulatedScreen::park);
  }

  /** Drops {@code count} screens for {@code away}; they come back by themselves. */
  public void dropSome(int count, Duration away) {
    for (int i = 0; i < Math.min(count, screens.size()); i++) {
      screens.get(i).dropFor(away);
    }
  }

  /**
   * Waits until no screen has applied a schedule, shown an alert or connected for {@code quiet}
   * (e.g. the retained schedules met at connect are all acked), at most {@code max}.
   */
  public boolean awaitQuiet(Duration quiet, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long seen = events.get();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      pause();
      long now = events.get();
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
        return true;
      }
    }
    return false;
  }

  /** Mean wall time one screen took to open (verify and decode) a signed message, in microseconds, so far. */
  public static double meanVerifyMicros() {
    long n = SimulatedScreen.VERIFIED.sum();
    return n == 0 ? Double.NaN : Math.round(SimulatedScreen.VERIFY_NANOS.sum() / 1e3 / n * 10) / 10.0;
  }

  public long rejectionCount() {
    return rejectionCount.get();
  }

  /** The last refusal per screen, for a report. */
  public Map<String, String> rejections() {
    return Map.copyOf(rejections);
  }

  /** Polls {@code condition} every 20 ms until it holds or {@code deadlineNanos} passes. */
  public static boolean awaitUntil(BooleanSupplier condition, long deadlineNanos) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() >= deadlineNanos) {
        return false;
      }
      pause();
    }
    return true;
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    screens.forEach(SimulatedScreen::stop);
    vertx.close().await();
  }

  private final class Forwarder implements FleetListener {
    @Override
    public void scheduleApplied(String screenId, long version, long receivedNanos, long ackedNanos) {
      events.incrementAndGet();
      watcher.scheduleApplied(screenId, version, receivedNanos, ackedNanos);
    }

    @Override
    public void alertShown(String screenId, long version, long receivedNanos, long verifiedNanos) {
      events.incrementAndGet();
      watcher.alertShown(screenId, version, receivedNanos, verifiedNanos);
    }

    @Override
    public void rejected(String screenId, String topic, String reason) {
      rejectionCount.incrementAndGet();
      rejections.put(screenId, topic + ": " + reason);
      watcher.rejected(screenId, topic, reason);
    }

    @Override
    public void connected(String screenId, long nanos) {
      events.incrementAndGet();
      watcher.connected(screenId, nanos);
    }
  }
}

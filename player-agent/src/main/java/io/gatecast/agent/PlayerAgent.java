package io.gatecast.agent;

import io.gatecast.agent.alerts.AlertApplier;
import io.gatecast.agent.alerts.AlertStore;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.commands.CacheSweep;
import io.gatecast.agent.commands.CommandApplier;
import io.gatecast.agent.commands.CommandSequence;
import io.gatecast.agent.commands.ScreenActions;
import io.gatecast.agent.commands.ScreenshotUploader;
import io.gatecast.agent.display.PageServer;
import io.gatecast.agent.kiosk.DevTools;
import io.gatecast.agent.kiosk.DisplayMonitor;
import io.gatecast.agent.kiosk.KioskBrowser;
import io.gatecast.agent.kiosk.KioskControl;
import io.gatecast.agent.kiosk.KioskOptions;
import io.gatecast.agent.health.HealthProbe;
import io.gatecast.agent.journal.DiskReserve;
import io.gatecast.agent.journal.Outbox;
import io.gatecast.agent.journal.ProofOfPlay;
import io.gatecast.agent.link.ClockOffset;
import io.gatecast.agent.link.ControllerClock;
import io.gatecast.agent.link.Heartbeats;
import io.gatecast.agent.link.MqttSession;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.tls.CaTrust;
import io.gatecast.agent.trust.ControllerKeyArgument;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReports;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk agent and its composition root: builds the cache, playback, page server, MQTT link,
 * journals and appliers by constructor, in order, and closes them in reverse from one
 * {@link Lifecycle}. The screen plays from disk before any connection exists; the network only
 * ever brings newer schedules.
 */
public final class PlayerAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerAgent.class);
  /** How far a kiosk's clock may run ahead of the controller's before a signed message counts as expired. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** How long a connection is up before heartbeats say what the agent received (see {@link #status}). */
  private static final Duration RECEIVED_SETTLES = Duration.ofSeconds(10);
  /** The exit code of a RESTART command; the systemd unit starts the agent again (it restarts on any exit). */
  public static final int RESTART_EXIT_CODE = 75;
  /** How often proof of play looks at what is on screen. */
  private static final long OBSERVE_MILLIS = 500;

  /**
   * How long a proof-of-play batch first waits for the controller's receipt before its plays are sent
   * again: two batch periods. A receipt comes within a second of the batch when all is well, and the
   * check runs at each batch.
   */
  static java.time.Duration receiptWait(AgentConfig config) {
    return java.time.Duration.ofSeconds(2L * config.playBatchSeconds());
  }

  private final AgentConfig config;
  private final Clock clock;
  /** Everything opened below, closed in reverse by {@link #close}. */
  private final Lifecycle parts;
  private final MediaCache cache;
  private final Playback playback;
  private final ScheduledExecutorService applyThread;
  private final PageServer page;
  private final KioskControl kiosk;
  private final MqttSession session;
  private final Outbox outbox;
  private final ProofOfPlay proofOfPlay;
  private final ScheduledExecutorService journalThread;
  private final Heartbeats heartbeats;
  private final ScheduleApplier applier;
  private final Arrivals arrivals;
  /** Completes with the exit code when a RESTART command asks the process to end (Main exits with it). */
  private final CompletableFuture<Integer> restartRequested = new CompletableFuture<>();
  private boolean closed;

  /**
   * The composition root: builds the parts in order, each from parts built before it, and pushes
   * each onto {@code parts} once it holds something to release. Nothing starts here but the page
   * server; {@link #begin} starts the rest. The order of the pushes is the reverse of the close:
   * the heartbeats stop before anything they report on, the apply and command threads before the
   * journals they write to, the journals before the link they send through, the link (with its
   * final OFFLINE status) before the page, and the apply thread is waited for last.
   */
  private PlayerAgent(AgentConfig config, Clock clock, KioskOptions kioskOptions, KioskBrowser runningBrowser,
      Lifecycle parts) throws IOException, MqttException {
    this.config = config;
    this.clock = clock;
    this.parts = parts;
    // What plays comes from disk first: the screen needs no network to show its last schedule.
    ScheduleStore store = new ScheduleStore(config.dataDir());
    // One trust for the three TLS clients (MQTT, media downloads, screenshot uploads).
    SSLContext tls = config.caFile() == null ? null : CaTrust.load(config.caFile());
    // Not hashed here: a large cache would keep the screen black. Files are checked on first use
    // and in the background once the page serves (begin()); a corrupt one is never shown.
    this.cache = new MediaCache(config.dataDir().resolve("media"), Duration.ofSeconds(10), Duration.ofSeconds(30),
        config.cacheQuotaMb() * 1024 * 1024, clock, tls == null ? null : tls.getSocketFactory());
    // Expiry is judged by the controller's time once the offset is known, not a kiosk clock running ahead.
    ClockOffset clockOffset = new ClockOffset(clock);
    ControllerTrust trust = ControllerTrust.load(config.dataDir(), config.controllerKey(),
        new Freshness(new ControllerClock(clock, clockOffset), CLOCK_SKEW));
    this.playback = new Playback(clock);
    ScheduleStore.Loaded resumed = resumeFrom(store, trust);

    // Applying downloads files: its own thread, so Paho's callback thread is never held. Waited for
    // last, so what it is applying when the agent closes may end while the rest closes.
    this.applyThread = Executors.newSingleThreadScheduledExecutor(daemon("gatecast-apply"));
    parts.push("apply thread", () -> stop(applyThread, true));
    this.page = parts.push("screen page", servePage(config, playback, cache));
    // Closed once started (begin()): a browser handed over by the pairing step stays its owner's until then.
    this.kiosk = new KioskControl(kioskOptions, page, runningBrowser);

    ScheduledExecutorService linkThread = Executors.newSingleThreadScheduledExecutor(daemon("gatecast-link"));
    this.session = new MqttSession(config.brokerUrl(), config.screenId(), config.username(), config.password(),
        () -> status(ScreenState.OFFLINE, null), linkThread, clockOffset, tls == null ? null : tls.getSocketFactory());
    parts.push("MQTT link", () -> {
      linkThread.shutdownNow(); // no reconnect, no heartbeat after the OFFLINE status
      session.close(status(ScreenState.OFFLINE, null).asStopping()); // said apart from the last-will
    });
    DiskReserve reserve = DiskReserve.in(config.dataDir()); // room to journal events on a full disk
    this.outbox = parts.push("outbox", Outbox.open(config.dataDir().resolve("outbox.journal"), session, reserve));
    // Closing journals the play on screen now and queues what is unsent, once the journal thread is done.
    this.proofOfPlay = parts.push("proof of play", ProofOfPlay.open(config.dataDir().resolve("plays.journal"),
        config.screenId(), playback, outbox, session::isConnected, clock, clockOffset::millis, reserve,
        receiptWait(config)));
    // Proof of play fsyncs: its own thread, so a slow disk never delays a heartbeat. Not interrupted
    // on close: an interrupt would close the journal's file channel mid-write.
    this.journalThread = Executors.newSingleThreadScheduledExecutor(daemon("gatecast-journal"));
    parts.push("journal thread", () -> stop(journalThread, false));

    RejectionReports rejections = new RejectionReports(config.screenId(), clock, outbox::send);
    HealthProbe health = new HealthProbe(playback, cache, clockOffset, kiosk::display, clock);
    this.heartbeats = new Heartbeats(session, () -> status(ScreenState.ONLINE, health.measure()), linkThread,
        Duration.ofSeconds(config.heartbeatSeconds()));
    AlertApplier alerts = new AlertApplier(new AlertStore(config.dataDir()), trust, rejections, playback);
    this.applier = new ScheduleApplier(config.screenId(), trust, rejections, cache, store,
        new ScheduleStore(config.dataDir(), ScheduleStore.PENDING_FILE_NAME), playback, outbox::send, () -> {
          heartbeats.beatNow();
          followCluster();
        }, new ScheduleApplier.ClusterFollower() {
          @Override
          public void follow(String clusterId, boolean schedule) {
            session.followCluster(clusterId, schedule);
          }

          @Override
          public void askAgain(String clusterId) {
            session.askAgainForClusterSchedule(clusterId);
          }
        }, resumed.saved(), applyThread, clock);
    parts.push("applying", applyThread::shutdownNow);
    resumed.refused().forEach(e -> rejections.report(io.gatecast.protocol.Topics.schedule(config.screenId()), e));
    cache.onCorrupt(sha -> Handoff.run(applyThread, applier::repairPlaying, "not fetching " + sha + " again"));
    followCluster();

    CommandSequence commandSequence = new CommandSequence(config.dataDir());
    ScreenshotUploader uploader = kioskOptions.controllerUrl() == null ? null
        : new ScreenshotUploader(kioskOptions.controllerUrl(), config.screenId(), config.username(), config.password(),
            tls);
    ExecutorService commandThread = Executors.newSingleThreadExecutor(daemon("gatecast-commands"));
    parts.push("command thread", commandThread::shutdownNow);
    CommandApplier commands = new CommandApplier(config.screenId(), trust, rejections, commandSequence,
        new ScreenActions(page, kiosk.devTools(), uploader, config.dataDir().resolve("screenshots"),
            () -> restartRequested.complete(RESTART_EXIT_CODE), new CacheSweep(cache, playback)),
        commandThread, this::publishCommandResult, proofOfPlay::receipted, clock);
    this.arrivals = new Arrivals(applyThread, applier, commands, alerts, heartbeats, outbox);
  }

  /** Starts the parts that run by themselves; each that must be stopped is pushed as it starts. */
  private void begin() {
    applyThread.execute(applier::resume);
    journalThread.scheduleWithFixedDelay(proofOfPlay::observe, 0, OBSERVE_MILLIS, TimeUnit.MILLISECONDS);
    long batch = config.playBatchSeconds();
    journalThread.scheduleWithFixedDelay(proofOfPlay::flush, batch, batch, TimeUnit.SECONDS);
    session.start(arrivals);
    kiosk.start();
    parts.push("kiosk browser", kiosk);
    heartbeats.start();
    parts.push("heartbeats", heartbeats);
    LOG.info("agent {} serving its page at http://127.0.0.1:{}/ and connecting to {}",
        config.screenId(), pagePort(), config.brokerUrl());
    // Only once the page is up and the browser has it (or 10 s on): the files on screen first, then the rest.
    Thread verifier = cache.verifyInBackground(playback.schedule()
        .map(s -> s.media().stream().map(io.gatecast.protocol.MediaRef::sha256).toList()).orElse(List.of()),
        () -> page.sincePagePolled().isPresent(), Duration.ofSeconds(10));
    parts.push("background cache check", verifier::interrupt);
  }

  private static PageServer servePage(AgentConfig config, Playback playback, MediaCache cache) throws IOException {
    try {
      return PageServer.start(config.pagePort(), config.screenId(), playback, cache);
    } catch (IOException e) {
      throw new IOException("cannot serve the screen page on 127.0.0.1:" + config.pagePort() + " ("
          + e.getMessage() + "); is another agent using that port? Choose another with --page-port", e);
    }
  }

  /** Stops a thread of the agent and waits up to 5 s for the task in hand; {@code interrupt}: interrupt it. */
  private static void stop(ExecutorService thread, boolean interrupt) throws InterruptedException {
    if (interrupt) {
      thread.shutdownNow();
    } else {
      thread.shutdown();
    }
    thread.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** The cluster topics to follow: of the cluster the screen is placed in, or the applied rules' profile names. */
  private void followCluster() {
    applier.followCluster();
  }

  /** Command results go out through the durable outbox, like every event. */
  private void publishCommandResult(io.gatecast.protocol.CommandResult result) {
    outbox.send(result);
  }

  /** Starts an agent: the page serves at once; connecting continues in the background. */
  public static PlayerAgent start(AgentConfig config, Clock clock) {
    return start(config, clock, KioskOptions.none());
  }

  /** Starts an agent that also runs the kiosk browser and answers commands as {@code kiosk} says. */
  public static PlayerAgent start(AgentConfig config, Clock clock, KioskOptions kiosk) {
    return start(config, clock, kiosk, null);
  }

  /**
   * As above, taking over a kiosk browser already showing the page's address (launched while the
   * agent showed its pairing code there, see {@link KioskControl#launch}); null: launch one if configured.
   */
  public static PlayerAgent start(AgentConfig config, Clock clock, KioskOptions kiosk, KioskBrowser runningBrowser) {
    if (config.controllerKey() == null) {
      throw new IllegalArgumentException("no controller key is pinned: start the agent with "
          + ControllerKeyArgument.OPTION + " <keyId>:<base64 public key> (GET /api/v1/signing-key on the controller"
          + " shows them); without it this screen could play nothing");
    }
    Lifecycle parts = new Lifecycle();
    try {
      PlayerAgent agent = new PlayerAgent(config, clock, kiosk, runningBrowser, parts);
      agent.begin();
      return agent;
    } catch (IOException e) {
      parts.close();
      throw new UncheckedIOException("the agent could not start: " + e.getMessage(), e);
    } catch (MqttException e) {
      parts.close();
      throw new IllegalStateException("the agent could not set up its MQTT client: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      parts.close();
      throw e;
    }
  }

  /**
   * Plays the saved schedule that still verifies (the newest, else the previous good one); returns
   * what was found: what plays, and the copies refused, to be reported to the controller once the
   * outbox is open.
   */
  private ScheduleStore.Loaded resumeFrom(ScheduleStore store, ControllerTrust trust) {
    ScheduleStore.Loaded loaded = store.load(ScheduleApplier.opener(trust, config.screenId()));
    if (loaded.saved().isEmpty()) {
      LOG.info("no saved schedule that verifies; nothing to play until one arrives");
      return loaded;
    }
    ScheduleMessage schedule = loaded.saved().get().schedule();
    try {
      playback.play(schedule);
      LOG.info("playing saved schedule version {} from the cache", schedule.version());
    } catch (IllegalArgumentException e) {
      LOG.error("cannot play saved schedule version {}: {}", schedule.version(), e.getMessage());
      return new ScheduleStore.Loaded(java.util.Optional.empty(), loaded.refused());
    }
    return loaded;
  }

  private StatusMessage status(ScreenState state, ScreenHealth health) {
    String contentId = playback.now().current().map(Playback.Shown::contentId).orElse(null);
    Long clusterVersion = applier == null ? null : applier.appliedClusterVersion().orElse(null);
    // Said once the link has been up a while: the heartbeat sent on connecting leaves before the retained
    // schedule the broker hands the new subscription has arrived, and would tell the controller it was lost.
    boolean settled = session != null && session.connectedFor().compareTo(RECEIVED_SETTLES) >= 0;
    Long received = !settled ? null
        : applier == null ? playback.appliedVersion().orElse(null) : applier.receivedVersion().orElse(null);
    return new StatusMessage(Header.now(clock.instant()), config.screenId(), state,
        playback.appliedVersion().orElse(null), contentId, (long) config.heartbeatSeconds(), health, clusterVersion,
        true, received);
  }

  /**
   * The durable way to tell the controller something on the events topic (command results, ...):
   * journaled on disk, sent in order once the link allows.
   */
  public Outbox outbox() {
    return outbox;
  }

  /** Proof of play, for tests: plays journaled and not yet batched. */
  ProofOfPlay proofOfPlay() {
    return proofOfPlay;
  }

  public AgentConfig config() {
    return config;
  }

  /** The port the page listens on (the real one when the config asked for 0). */
  public int pagePort() {
    return page.port();
  }

  public Optional<Long> appliedVersion() {
    return playback.appliedVersion();
  }

  /** Whether the page is on screen, for the heartbeat's {@code health.display} and {@code displayDetail}. */
  public DisplayMonitor.DisplayStatus display() {
    return kiosk.display();
  }

  /** The page server (overlays such as a pairing message are set there). */
  public PageServer page() {
    return page;
  }

  /** The kiosk browser the agent runs, if it runs one. */
  public Optional<KioskBrowser> kiosk() {
    return kiosk.browser();
  }

  /** The kiosk browser's DevTools (screenshots, reload, reading what the page shows). */
  public DevTools devTools() {
    return kiosk.devTools();
  }

  /** Completes with an exit code when a RESTART command asks the process to end. */
  public CompletableFuture<Integer> restartRequested() {
    return restartRequested;
  }

  public boolean isConnected() {
    return session.isConnected();
  }

  /** Connected and subscribed to its schedule and commands: a command sent now is heard. */
  public boolean isListening() {
    return session.isListening();
  }

  /** Why the broker link is down (e.g. an untrusted TLS certificate), or null while connected. */
  public String linkProblem() {
    return session.lastFailure();
  }

  /** Drops the MQTT connection without a DISCONNECT (the broker then sends the last-will); tests only. */
  void abortConnection() {
    session.abort();
  }

  /** Publishes a retained OFFLINE status, disconnects, stops the page and the threads: every part, in reverse. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    parts.close();
    LOG.info("agent {} stopped", config.screenId());
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}

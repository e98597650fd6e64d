package io.gatecast.agent;

import io.gatecast.agent.cache.DownloadCancelled;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.MediaException;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.cache.ScheduleStore.Checked;
import io.gatecast.agent.link.Backoff;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReporter;
import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a schedule from the wire to the screen, in the order that keeps the screen safe: verify
 * the controller's signature before reading anything else, check it is for this screen and newer
 * than what plays (a genuine old schedule re-published is a rollback), keep it on disk as
 * <em>pending</em>, fetch and verify every file, write it to disk as the applied one, switch
 * playback, then acknowledge. Until the switch the old schedule keeps playing.
 *
 * <p>A download that fails (link down, server gone, quota) is retried with back-off for as long as
 * that schedule is the newest, also after a restart (the pending file); the controller hears
 * FAILED once, then APPLIED when it succeeds. Rules the engine cannot play fail for good. A
 * refused message (not signed, not ours, not newer) is reported as a rejection, not
 * acknowledged: it has no trustworthy version to answer to. Runs on one thread only (the
 * scheduler given), so no locking.
 *
 * <p>What goes to disk is the signed envelope as received, and what is read back is opened with
 * the same checks ({@link #opener}). A newer schedule message waiting behind a download pauses it
 * ({@link #arrived}): a superseded schedule's files are not fetched to the end, and its partial
 * downloads are dropped once the newer one is pending.
 *
 * <p>The screen's schedule topic may carry a {@link Placement} instead of a whole schedule
 * (docs/proposals/cluster-schedules.md): which profile of its cluster's {@link ClusterSchedule} the
 * screen plays. Each is checked as a whole schedule is (signature, screen or cluster, newer than the
 * one held: placements share the whole schedules' version sequence, cluster schedules have their
 * own); the screen then plays {@link Placed#schedule()} of the newest placement in the newest
 * cluster schedule of its gate, fetched and switched to exactly as a whole schedule, and kept on
 * disk as the pair of envelopes. Its acks name both versions. A placement whose profile the held
 * cluster schedule lacks waits for one that has it, asking the broker again for the gate's retained
 * schedule now and then; the old schedule keeps playing meanwhile.
 */
final class ScheduleApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleApplier.class);

  private final String screenId;
  private final ControllerTrust trust;
  private final RejectionReporter rejections;
  private final MediaCache cache;
  private final ScheduleStore store;
  private final ScheduleStore pendingStore;
  private final Playback playback;
  private final Consumer<ScheduleAck> acks;
  private final Runnable afterApply;
  private final ScheduledExecutorService thread;
  private final Backoff retries = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random());
  /** How long a placement waits for its gate's schedule before the broker is asked for it again, and again. */
  private final Backoff askingAgain = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5), new Random());
  private ScheduledFuture<?> askAgain;
  private final Clock clock;
  private final ClusterFollower follow;
  private ScheduleMessage pending;
  /** What is saved for {@link #pending}: its envelope, or its placement's pair ({@link Placed#toBytes}). */
  private byte[] pendingEnvelope;
  /** The cluster schedule version {@link #pending} plays in; null for a whole schedule. */
  private Long pendingClusterVersion;
  /** The newest placement accepted (playing or waiting); null while the schedule topic carries a whole schedule. */
  private Placement placement;
  private byte[] placementEnvelope;
  /** The newest cluster schedule accepted for {@link #placement}'s cluster. */
  private ClusterSchedule cluster;
  private byte[] clusterEnvelope;
  /** The cluster schedule version of what plays; null while a whole schedule plays (read by heartbeats). */
  private volatile Long appliedClusterVersion;
  /** The newest schedule or placement version accepted in this run, playing or not (read by heartbeats). */
  private volatile Long accepted;
  private boolean failureReported;
  /** Schedule messages handed to the apply thread and not yet looked at (set from the MQTT thread). */
  private final AtomicInteger waiting = new AtomicInteger();

  /** The cluster topics the screen follows, as the link does it. */
  interface ClusterFollower {
    /** Follows the alerts of {@code clusterId}, and its schedule when placed in it. */
    void follow(String clusterId, boolean schedule);

    /** Asks the broker again for {@code clusterId}'s retained schedule, when followed and connected. */
    void askAgain(String clusterId);
  }

  /**
   * @param playing what the screen plays from its disk at start ({@link ScheduleStore#load}), if anything
   */
  ScheduleApplier(String screenId, ControllerTrust trust, RejectionReporter rejections, MediaCache cache,
      ScheduleStore store, ScheduleStore pendingStore, Playback playback, Consumer<ScheduleAck> acks,
      Runnable afterApply, ClusterFollower follow, Optional<ScheduleStore.Saved> playing,
      ScheduledExecutorService thread, Clock clock) {
    this.screenId = screenId;
    this.trust = trust;
    this.rejections = rejections;
    this.cache = cache;
    this.store = store;
    this.pendingStore = pendingStore;
    this.playback = playback;
    this.acks = acks;
    this.afterApply = afterApply;
    this.follow = follow;
    this.thread = thread;
    this.clock = clock;
    playing.ifPresent(saved -> Placed.openIfPair(saved.envelope(), trust, screenId).ifPresent(placed -> {
      hold(placed);
      appliedClusterVersion = saved.clusterVersion();
    }));
  }

  /** The cluster schedule version of what plays, when the screen plays a placement. */
  Optional<Long> appliedClusterVersion() {
    return Optional.ofNullable(appliedClusterVersion);
  }

  /**
   * The newest schedule or placement version this screen accepted, playing or not yet (its files being
   * fetched, or a placement waiting for its gate's schedule): the controller tells from it a version its
   * broker took and never handed to the screen from one still on its way to the screen.
   */
  Optional<Long> receivedVersion() {
    Long playing = playback.appliedVersion().orElse(null);
    Long newest = accepted;
    return Optional.ofNullable(playing == null || (newest != null && newest > playing) ? newest : playing);
  }

  private void accept(long version) {
    Long before = accepted;
    if (before == null || version > before) {
      accepted = version;
    }
  }

  /** Follows the cluster of what the screen plays or is placed in (now, and after each apply). */
  void followCluster() {
    if (placement != null) {
      follow.follow(placement.clusterId(), true);
    } else {
      playback.schedule().ifPresent(s -> follow.follow(s.rules().profile().clusterId(), false));
    }
  }

  /**
   * How a schedule read from this screen's disk is checked: exactly as one from the broker (the
   * controller's signature, this screen's id). A forged or torn file is refused.
   */
  static ScheduleStore.Opener opener(ControllerTrust trust, String screenId) {
    return envelope -> {
      Optional<Placed> pair = Placed.openIfPair(envelope, trust, screenId);
      if (pair.isPresent()) {
        return new Checked(pair.get().schedule(), pair.get().cluster().version());
      }
      ScheduleMessage schedule = trust.open(envelope, Signed.SCHEDULE, ScheduleMessage.class).message();
      try {
        Freshness.requireScreen(screenId, schedule.screenId());
      } catch (RejectedException e) {
        throw e.withMessageId(schedule.header().messageId());
      }
      return new Checked(schedule, null);
    };
  }

  /**
   * A schedule message is on its way to {@link #apply} (call from the thread that receives it):
   * a download in progress pauses, so a superseded schedule is not fetched to the end first.
   */
  void arrived() {
    waiting.incrementAndGet();
  }

  /**
   * After a start: fetches again what the playing schedule misses (files found corrupt), then
   * goes on with a pending schedule an earlier run was fetching. Its APPLIED ack may have been
   * lost with that run if it was already switched to, so that is sent again.
   */
  void resume() {
    repairPlaying();
    ScheduleStore.Loaded loaded = pendingStore.load(opener(trust, screenId));
    loaded.refused().forEach(e -> rejections.report(Topics.schedule(screenId), e));
    if (loaded.saved().isEmpty()) {
      if (!loaded.refused().isEmpty()) {
        clearPending();
      }
      return;
    }
    ScheduleStore.Saved saved = loaded.saved().get();
    ScheduleMessage schedule = saved.schedule();
    Optional<Long> applied = playback.appliedVersion();
    if (!schedule.screenId().equals(screenId) || (applied.isPresent() && applied.get() > schedule.version())
        || (applied.isPresent() && applied.get().equals(schedule.version()) && olderCluster(saved.clusterVersion()))) {
      clearPending();
      return;
    }
    if (applied.isPresent() && applied.get().equals(schedule.version())
        && Objects.equals(appliedClusterVersion, saved.clusterVersion())) {
      acks.accept(ack(schedule.version(), saved.clusterVersion(), Outcome.APPLIED, null));
      clearPending();
      return;
    }
    LOG.info("resuming the fetch of schedule version {}{}", schedule.version(), inCluster(saved.clusterVersion()));
    Placed.openIfPair(saved.envelope(), trust, screenId).ifPresent(placed -> {
      hold(placed);
      followCluster();
    });
    pending = schedule;
    pendingEnvelope = saved.envelope();
    pendingClusterVersion = saved.clusterVersion();
    accept(schedule.version());
    attempt(schedule);
  }

  /** Whether a pending copy's cluster schedule version is older than the one playing (so it was superseded). */
  private boolean olderCluster(Long clusterVersion) {
    return clusterVersion != null && appliedClusterVersion != null && clusterVersion < appliedClusterVersion;
  }

  void apply(byte[] payload) {
    waiting.updateAndGet(n -> Math.max(0, n - 1));
    if (Signed.PLACEMENT.equals(Signed.typeOf(payload))) {
      applyPlacement(payload);
      return;
    }
    Optional<ScheduleMessage> accepted;
    try {
      accepted = open(payload);
    } catch (RejectedException e) {
      rejections.report(Topics.schedule(screenId), e);
      return;
    }
    if (accepted.isEmpty()) {
      keepResigned(payload);
      repairPlaying();
      return;
    }
    ScheduleMessage schedule = accepted.get();
    if (pending != null && pending.version().equals(schedule.version()) && pendingClusterVersion == null) {
      attempt(pending); // the link is back: try now rather than at the next back-off
      return;
    }
    placement = null; // the schedule topic now carries a whole schedule
    placementEnvelope = null;
    begin(schedule, payload, null);
  }

  /**
   * A placement on the schedule topic: checked as a whole schedule would be (signed, ours, newer
   * than the one playing or waiting), then held; the screen follows its cluster's schedule and
   * plays the two together once it holds a cluster schedule with the placement's profile.
   */
  private void applyPlacement(byte[] payload) {
    Placement next;
    try {
      next = trust.open(payload, Signed.PLACEMENT, Placement.class).message();
      try {
        Freshness.requireScreen(screenId, next.screenId());
        Optional<Long> applied = playback.appliedVersion();
        boolean heldAlready = placement != null && placement.version().equals(next.version());
        if (heldAlready || (applied.isPresent() && applied.get().equals(next.version()) && appliedClusterVersion != null)) {
          LOG.debug("placement version {} is already held", next.version());
          return; // the retained placement again, after a reconnect
        }
        Freshness.requireNewer(applied.orElse(null), next.version());
        if (pending != null && pending.version() > next.version()) {
          Freshness.requireNewer(pending.version(), next.version());
        }
        if (placement != null && placement.version() > next.version()) {
          Freshness.requireNewer(placement.version(), next.version());
        }
      } catch (RejectedException e) {
        throw e.withMessageId(next.header().messageId());
      }
    } catch (RejectedException e) {
      rejections.report(Topics.schedule(screenId), e);
      return;
    }
    if (cluster != null && !cluster.clusterId().equals(next.clusterId())) {
      cluster = null; // moved to another gate: that gate's schedule is needed
      clusterEnvelope = null;
    }
    placement = next;
    placementEnvelope = payload;
    accept(next.version());
    LOG.info("placed in profile {} of cluster {} (placement version {})", next.profileId(), next.clusterId(),
        next.version());
    followCluster();
    place();
  }

  /**
   * A message on the cluster schedule topic of {@code clusterId}: checked (signed, that cluster's,
   * newer than the one held), held, and played with the placement held.
   */
  void applyCluster(String clusterId, byte[] payload) {
    waiting.updateAndGet(n -> Math.max(0, n - 1));
    String topic = Topics.clusterSchedule(clusterId);
    ClusterSchedule next;
    try {
      next = trust.open(payload, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class).message();
      try {
        if (!next.clusterId().equals(clusterId)) {
          throw new RejectedException(Rejection.MALFORMED,
              "cluster schedule for '" + next.clusterId() + "' arrived on " + topic);
        }
        if (cluster != null && cluster.clusterId().equals(clusterId)) {
          if (cluster.version().equals(next.version())) {
            LOG.debug("cluster {} schedule version {} is already held", clusterId, next.version());
            return; // the retained message again, after a reconnect
          }
          Freshness.requireNewer(cluster.version(), next.version());
        }
      } catch (RejectedException e) {
        throw e.withMessageId(next.header().messageId());
      }
    } catch (RejectedException e) {
      rejections.report(topic, e);
      return;
    }
    if (placement == null || !placement.clusterId().equals(clusterId)) {
      LOG.debug("cluster {} schedule version {}: this screen is not placed in that cluster", clusterId, next.version());
      return;
    }
    cluster = next;
    clusterEnvelope = payload;
    place();
  }

  /** The placement and cluster schedule held, as what plays next, unless they play already or lack the profile. */
  private void place() {
    if (placement == null || !holdsItsGate()) {
      waitForTheGate();
      return;
    }
    Long version = placement.version();
    Long clusterVersion = cluster.version();
    if (playback.appliedVersion().filter(version::equals).isPresent() && clusterVersion.equals(appliedClusterVersion)) {
      return;
    }
    if (pending != null && pending.version().equals(version) && clusterVersion.equals(pendingClusterVersion)) {
      attempt(pending);
      return;
    }
    Placed placed = new Placed(placement, placementEnvelope, cluster, clusterEnvelope);
    ScheduleMessage schedule;
    try {
      schedule = placed.schedule();
    } catch (IllegalArgumentException e) {
      LOG.info("placement version {} waits for a cluster schedule that holds its profile: {}", version, e.getMessage());
      waitForTheGate();
      return;
    }
    stopAskingAgain();
    begin(schedule, placed.toBytes(), clusterVersion);
  }

  /**
   * The placement held waits for its gate's schedule (none held, or one without its profile): unless
   * one arrives meanwhile, the broker is asked for the retained one again after a while, and again,
   * backing off. A broker can take the gate's schedule and not hand it to the subscription this
   * screen made at that moment (a NATS node whose JetStream was electing new leaders): the screen
   * would otherwise keep playing the older schedule until the controller's own re-send.
   */
  private void waitForTheGate() {
    if (placement == null || askAgain != null) {
      return;
    }
    try {
      askAgain = thread.schedule(this::askAgainForTheGate, askingAgain.next().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // the agent is stopping
    }
  }

  private void askAgainForTheGate() {
    askAgain = null;
    if (!waitsForTheGate()) {
      askingAgain.reset();
      return;
    }
    LOG.info("placement version {} still waits for the schedule of cluster {}: asking the broker for it again",
        placement.version(), placement.clusterId());
    follow.askAgain(placement.clusterId());
    waitForTheGate();
  }

  /** Whether a placement is held that the held cluster schedule cannot play (none for its gate, or without its profile). */
  private boolean waitsForTheGate() {
    if (placement == null) {
      return false;
    }
    if (!holdsItsGate()) {
      return true;
    }
    try {
      placement.rulesIn(cluster);
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** Whether a schedule of the held placement's gate is held (with the profile or not). */
  private boolean holdsItsGate() {
    return cluster != null && cluster.clusterId().equals(placement.clusterId());
  }

  private void stopAskingAgain() {
    if (askAgain != null) {
      askAgain.cancel(false);
      askAgain = null;
    }
    askingAgain.reset();
  }

  /** Holds a pair read from disk as the newest accepted placement and cluster schedule. */
  private void hold(Placed placed) {
    placement = placed.placement();
    placementEnvelope = placed.placementEnvelope();
    cluster = placed.cluster();
    clusterEnvelope = placed.clusterEnvelope();
  }

  /** {@code schedule} (saved as {@code saved}) becomes the one to fetch and switch to, superseding any pending. */
  private void begin(ScheduleMessage schedule, byte[] saved, Long clusterVersion) {
    try {
      pendingStore.save(saved, new Checked(schedule, clusterVersion), opener(trust, screenId));
    } catch (InterruptedIOException e) {
      // The agent is stopping: nothing is accepted; the broker's retained copy brings it again at the next start.
      LOG.info("stopping: schedule version {}{} not accepted yet", schedule.version(), inCluster(clusterVersion));
      return;
    } catch (IOException e) {
      LOG.warn("cannot keep schedule version {} as pending ({}); fetching it anyway", schedule.version(), e.toString());
    }
    if (pending != null) {
      LOG.info("schedule version {}{} supersedes version {}{}, which is abandoned", schedule.version(),
          inCluster(clusterVersion), pending.version(), inCluster(pendingClusterVersion));
    }
    pending = schedule;
    pendingEnvelope = saved;
    pendingClusterVersion = clusterVersion;
    accept(schedule.version());
    try {
      cache.discardPartsExcept(needed(schedule));
    } catch (IOException e) {
      LOG.warn("cannot drop abandoned partial downloads: {}", e.toString());
    }
    failureReported = false;
    retries.reset();
    attempt(schedule);
  }

  /** One try at fetching and switching to {@code schedule}, if it is still the newest. */
  private void attempt(ScheduleMessage schedule) {
    if (pending != schedule) {
      return; // superseded or done
    }
    try {
      Playback.OnAir compiled = Playback.compile(schedule); // refuses what cannot be played before fetching anything
      Set<String> keep = needed(schedule);
      for (MediaRef media : schedule.media()) { // every variant of every item: no language may be missing later
        cache.ensure(media, keep, () -> waiting.get() > 0);
      }
      store.save(pendingEnvelope, new Checked(schedule, pendingClusterVersion), opener(trust, screenId));
      playback.play(compiled);
      appliedClusterVersion = pendingClusterVersion;
    } catch (DownloadCancelled e) {
      LOG.info("{}; looking at it first", e.getMessage());
      try {
        thread.execute(() -> attempt(schedule)); // after the waiting message: resumed if it was a repeat
      } catch (RejectedExecutionException closing) {
        LOG.debug("closing; not resuming");
      }
      return;
    } catch (IOException e) {
      if (thread.isShutdown()) {
        // The agent is stopping and cut the download short: nothing failed, and pending-schedule.json
        // has it tried again at the next start.
        LOG.info("stopping: schedule version {} not applied yet; it is tried again at the next start",
            schedule.version());
        return;
      }
      retryLater(schedule, message(e));
      return;
    } catch (RuntimeException e) {
      fail(schedule, message(e));
      pending = null;
      pendingClusterVersion = null;
      clearPending();
      return;
    }
    LOG.info("applied schedule version {}{} ({} items, {} campaigns, {} files)", schedule.version(),
        inCluster(pendingClusterVersion), schedule.rules().items().size(), schedule.rules().campaigns().size(),
        schedule.media().size());
    acks.accept(ack(schedule.version(), pendingClusterVersion, Outcome.APPLIED, null));
    pending = null;
    pendingEnvelope = null;
    pendingClusterVersion = null;
    clearPending();
    afterApply.run();
  }

  /**
   * The applied schedule came again: when its envelope differs from the saved one (the controller
   * re-signed it, e.g. after a key rotation), the new envelope is saved, so the copy on disk still
   * verifies once the old key is retired.
   */
  private void keepResigned(byte[] payload) {
    if (appliedClusterVersion != null) {
      return; // a placement plays: a whole schedule of its version is none the controller sent
    }
    try {
      Optional<ScheduleMessage> playing = playback.schedule();
      if (Files.exists(store.file()) && !Arrays.equals(Files.readAllBytes(store.file()), payload)
          && playing.isPresent()) {
        store.save(payload, new Checked(playing.get(), null), opener(trust, screenId));
      }
    } catch (InterruptedIOException e) {
      // The agent is stopping; the retained schedule brings the re-signed copy again at the next start.
      LOG.info("stopping: the re-signed schedule is not saved yet");
    } catch (IOException e) {
      LOG.warn("cannot save the re-signed schedule: {}", e.toString());
    }
  }

  private void retryLater(ScheduleMessage schedule, String error) {
    if (!failureReported) {
      fail(schedule, error);
      failureReported = true;
    }
    Duration delay = retries.next();
    LOG.warn("schedule version {} not applied yet ({}); the old one keeps playing; retrying in {} s",
        schedule.version(), error, delay.toSeconds());
    try {
      thread.schedule(() -> attempt(schedule), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("closing; not retrying");
    }
  }

  /** Fetches files of the playing schedule that are missing (found corrupt and deleted). */
  void repairPlaying() {
    Optional<ScheduleMessage> playing = playback.schedule();
    if (playing.isEmpty()) {
      return;
    }
    Set<String> keep = needed(playing.get());
    for (MediaRef media : playing.get().media()) {
      if (cache.has(media.sha256())) {
        continue; // corrupt files found later come back through MediaCache.onCorrupt
      }
      try {
        cache.ensure(media, keep);
        LOG.info("fetched {} again for the schedule on screen", media.sha256());
      } catch (MediaException e) {
        LOG.warn("cannot fetch {} again yet ({}); trying on the next schedule message or restart",
            media.sha256(), e.getMessage());
      }
    }
  }

  /** Every file of {@code next} and of the schedule playing: what the quota must not evict. */
  private Set<String> needed(ScheduleMessage next) {
    Set<String> keep = new HashSet<>();
    next.media().forEach(m -> keep.add(m.sha256()));
    playback.schedule().ifPresent(s -> s.media().forEach(m -> keep.add(m.sha256())));
    return keep;
  }

  /**
   * The schedule if it is signed, ours and newer than the applied one; empty when it is the
   * applied one (the retained schedule comes back on every reconnect: already on screen, already
   * acknowledged, so neither an ack nor a rejection is due).
   */
  private Optional<ScheduleMessage> open(byte[] payload) {
    ScheduleMessage schedule = trust.open(payload, Signed.SCHEDULE, ScheduleMessage.class).message();
    Optional<Long> applied = playback.appliedVersion();
    try {
      Freshness.requireScreen(screenId, schedule.screenId());
      if (applied.isPresent() && applied.get().equals(schedule.version())) {
        LOG.debug("schedule version {} is already applied", schedule.version());
        return Optional.empty();
      }
      Freshness.requireNewer(applied.orElse(null), schedule.version());
      if (pending != null && pending.version() > schedule.version()) {
        Freshness.requireNewer(pending.version(), schedule.version());
      }
      if (placement != null && placement.version() > schedule.version()) {
        Freshness.requireNewer(placement.version(), schedule.version()); // a newer placement waits for its gate
      }
    } catch (RejectedException e) {
      throw e.withMessageId(schedule.header().messageId());
    }
    return Optional.of(schedule);
  }

  private void clearPending() {
    try {
      pendingStore.clear();
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", pendingStore.file(), e.toString());
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
  }

  private void fail(ScheduleMessage schedule, String error) {
    LOG.error("schedule version {}{} not applied: {}", schedule.version(), inCluster(pendingClusterVersion), error);
    String text = error.length() > Limits.MAX_TEXT_LENGTH ? error.substring(0, Limits.MAX_TEXT_LENGTH - 3) + "..." : error;
    acks.accept(ack(schedule.version(), pendingClusterVersion, Outcome.FAILED, text));
  }

  private ScheduleAck ack(Long version, Long clusterVersion, Outcome outcome, String error) {
    return new ScheduleAck(Header.now(clock.instant()), screenId, version, outcome, error, clusterVersion);
  }

  private static String inCluster(Long clusterVersion) {
    return clusterVersion == null ? "" : " in cluster schedule version " + clusterVersion;
  }
}

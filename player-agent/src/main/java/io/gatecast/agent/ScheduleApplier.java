package io.gatecast.agent;

import io.gatecast.agent.cache.DownloadCancelled;
import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.MediaException;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.link.Backoff;
import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReporter;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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
  private final Clock clock;
  private ScheduleMessage pending;
  private byte[] pendingEnvelope;
  private boolean failureReported;
  /** Schedule messages handed to the apply thread and not yet looked at (set from the MQTT thread). */
  private final AtomicInteger waiting = new AtomicInteger();

  ScheduleApplier(String screenId, ControllerTrust trust, RejectionReporter rejections, MediaCache cache,
      ScheduleStore store, ScheduleStore pendingStore, Playback playback, Consumer<ScheduleAck> acks,
      Runnable afterApply, ScheduledExecutorService thread, Clock clock) {
    this.screenId = screenId;
    this.trust = trust;
    this.rejections = rejections;
    this.cache = cache;
    this.store = store;
    this.pendingStore = pendingStore;
    this.playback = playback;
    this.acks = acks;
    this.afterApply = afterApply;
    this.thread = thread;
    this.clock = clock;
  }

  /**
   * How a schedule read from this screen's disk is checked: exactly as one from the broker (the
   * controller's signature, this screen's id). A forged or torn file is refused.
   */
  static ScheduleStore.Opener opener(ControllerTrust trust, String screenId) {
    return envelope -> {
      ScheduleMessage schedule = trust.open(envelope, Signed.SCHEDULE, ScheduleMessage.class).message();
      try {
        Freshness.requireScreen(screenId, schedule.screenId());
      } catch (RejectedException e) {
        throw e.withMessageId(schedule.header().messageId());
      }
      return schedule;
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
    ScheduleMessage schedule = loaded.saved().get().schedule();
    Optional<Long> applied = playback.appliedVersion();
    if (!schedule.screenId().equals(screenId) || (applied.isPresent() && applied.get() > schedule.version())) {
      clearPending();
      return;
    }
    if (applied.isPresent() && applied.get().equals(schedule.version())) {
      acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.APPLIED, null));
      clearPending();
      return;
    }
    LOG.info("resuming the fetch of schedule version {}", schedule.version());
    pending = schedule;
    pendingEnvelope = loaded.saved().get().envelope();
    attempt(schedule);
  }

  void apply(byte[] payload) {
    waiting.updateAndGet(n -> Math.max(0, n - 1));
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
    if (pending != null && pending.version().equals(schedule.version())) {
      attempt(pending); // the link is back: try now rather than at the next back-off
      return;
    }
    try {
      pendingStore.save(payload, schedule.version(), opener(trust, screenId));
    } catch (IOException e) {
      LOG.warn("cannot keep schedule version {} as pending ({}); fetching it anyway", schedule.version(), e.toString());
    }
    if (pending != null) {
      LOG.info("schedule version {} supersedes version {}, which is abandoned", schedule.version(), pending.version());
    }
    pending = schedule;
    pendingEnvelope = payload;
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
      store.save(pendingEnvelope, schedule.version(), opener(trust, screenId));
      playback.play(compiled);
    } catch (DownloadCancelled e) {
      LOG.info("{}; looking at it first", e.getMessage());
      try {
        thread.execute(() -> attempt(schedule)); // after the waiting message: resumed if it was a repeat
      } catch (RejectedExecutionException closing) {
        LOG.debug("closing; not resuming");
      }
      return;
    } catch (IOException e) {
      retryLater(schedule, message(e));
      return;
    } catch (RuntimeException e) {
      fail(schedule, message(e));
      pending = null;
      clearPending();
      return;
    }
    LOG.info("applied schedule version {} ({} items, {} campaigns, {} files)", schedule.version(),
        schedule.rules().items().size(), schedule.rules().campaigns().size(), schedule.media().size());
    acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.APPLIED, null));
    pending = null;
    pendingEnvelope = null;
    clearPending();
    afterApply.run();
  }

  /**
   * The applied schedule came again: when its envelope differs from the saved one (the controller
   * re-signed it, e.g. after a key rotation), the new envelope is saved, so the copy on disk still
   * verifies once the old key is retired.
   */
  private void keepResigned(byte[] payload) {
    try {
      if (Files.exists(store.file()) && !Arrays.equals(Files.readAllBytes(store.file()), payload)
          && playback.appliedVersion().isPresent()) {
        store.save(payload, playback.appliedVersion().get(), opener(trust, screenId));
      }
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
    LOG.error("schedule version {} not applied: {}", schedule.version(), error);
    String text = error.length() > Limits.MAX_TEXT_LENGTH ? error.substring(0, Limits.MAX_TEXT_LENGTH - 3) + "..." : error;
    acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.FAILED, text));
  }
}

package io.gatecast.agent;

import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.ScheduleStore;
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
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a schedule from the wire to the screen, in the order that keeps the screen safe: verify
 * the controller's signature before reading anything else, check it is for this screen and newer
 * than what plays (a genuine old schedule re-published is a rollback), fetch and verify every file, write it to disk, switch playback, then acknowledge. Any
 * failure before the switch leaves the old schedule playing. A refused message (not signed,
 * not ours, not newer) is reported as a rejection, not acknowledged: it has no trustworthy
 * version to answer to. Runs on one thread only.
 */
final class ScheduleApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleApplier.class);

  private final String screenId;
  private final ControllerTrust trust;
  private final RejectionReporter rejections;
  private final MediaCache cache;
  private final ScheduleStore store;
  private final Playback playback;
  private final Consumer<ScheduleAck> acks;
  private final Runnable afterApply;
  private final Clock clock;

  ScheduleApplier(String screenId, ControllerTrust trust, RejectionReporter rejections, MediaCache cache,
      ScheduleStore store, Playback playback, Consumer<ScheduleAck> acks, Runnable afterApply, Clock clock) {
    this.screenId = screenId;
    this.trust = trust;
    this.rejections = rejections;
    this.cache = cache;
    this.store = store;
    this.playback = playback;
    this.acks = acks;
    this.afterApply = afterApply;
    this.clock = clock;
  }

  void apply(byte[] payload) {
    Optional<ScheduleMessage> accepted;
    try {
      accepted = open(payload);
    } catch (RejectedException e) {
      rejections.report(Topics.schedule(screenId), e);
      return;
    }
    if (accepted.isEmpty()) {
      return;
    }
    ScheduleMessage schedule = accepted.get();
    try {
      Playback.OnAir compiled = Playback.compile(schedule); // refuses what cannot be played before fetching anything
      for (MediaRef media : schedule.media()) { // every variant of every item: no language may be missing later
        cache.ensure(media);
      }
      store.save(schedule);
      playback.play(compiled);
    } catch (IOException | RuntimeException e) {
      // A failed retained schedule is retried on the next reconnect (its version is still newer).
      fail(schedule, e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage());
      return;
    }
    LOG.info("applied schedule version {} ({} items, {} campaigns, {} files)", schedule.version(),
        schedule.rules().items().size(), schedule.rules().campaigns().size(), schedule.media().size());
    acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.APPLIED, null));
    afterApply.run();
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
    } catch (RejectedException e) {
      throw e.withMessageId(schedule.header().messageId());
    }
    return Optional.of(schedule);
  }

  private void fail(ScheduleMessage schedule, String error) {
    LOG.error("schedule version {} not applied: {}", schedule.version(), error);
    String text = error.length() > Limits.MAX_TEXT_LENGTH ? error.substring(0, Limits.MAX_TEXT_LENGTH - 3) + "..." : error;
    acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.FAILED, text));
  }
}

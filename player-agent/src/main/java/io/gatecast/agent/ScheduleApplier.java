package io.gatecast.agent;

import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.cache.ScheduleStore;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a schedule from the wire to the screen, in the order that keeps the screen safe: check
 * it, fetch and verify every file, write it to disk, switch playback, then acknowledge. Any
 * failure before the switch leaves the old schedule playing. Runs on one thread only.
 */
final class ScheduleApplier {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleApplier.class);

  private final String screenId;
  private final MediaCache cache;
  private final ScheduleStore store;
  private final Playback playback;
  private final Consumer<ScheduleAck> acks;
  private final Runnable afterApply;
  private final Clock clock;

  ScheduleApplier(String screenId, MediaCache cache, ScheduleStore store, Playback playback,
      Consumer<ScheduleAck> acks, Runnable afterApply, Clock clock) {
    this.screenId = screenId;
    this.cache = cache;
    this.store = store;
    this.playback = playback;
    this.acks = acks;
    this.afterApply = afterApply;
    this.clock = clock;
  }

  void apply(byte[] payload) {
    ScheduleMessage schedule;
    try {
      schedule = Codec.decode(payload, ScheduleMessage.class);
    } catch (ProtocolException e) {
      // No version to answer to: an ack needs one. Logged for the technician.
      LOG.error("ignoring an unreadable schedule: {}", e.getMessage());
      return;
    }
    if (!schedule.screenId().equals(screenId)) {
      fail(schedule, "schedule version " + schedule.version() + " is for screen " + schedule.screenId()
          + ", not for this screen (" + screenId + ")");
      return;
    }
    Optional<Long> applied = playback.appliedVersion();
    if (applied.isPresent() && schedule.version().equals(applied.get())) {
      // The retained schedule comes back on every reconnect: already on screen, already acked.
      LOG.debug("schedule version {} is already applied", schedule.version());
      return;
    }
    if (applied.isPresent() && schedule.version() < applied.get()) {
      fail(schedule, "schedule version " + schedule.version() + " is older than the applied version "
          + applied.get() + "; keeping " + applied.get());
      return;
    }
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

  private void fail(ScheduleMessage schedule, String error) {
    LOG.error("schedule version {} not applied: {}", schedule.version(), error);
    String text = error.length() > Limits.MAX_TEXT_LENGTH ? error.substring(0, Limits.MAX_TEXT_LENGTH - 3) + "..." : error;
    acks.accept(new ScheduleAck(Header.now(clock.instant()), screenId, schedule.version(), Outcome.FAILED, text));
  }
}

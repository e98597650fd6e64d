package io.gatecast.agent.playback;

import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Schedules;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.wire.WireMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The schedule on air, played by the scheduling engine: every question "what now?" is the engine's
 * {@code resolve(clock.instant())}, so this screen shows what every screen with the same rules and
 * zone shows, and what the controller's preview promised. Swapped as a whole by the apply thread
 * and read by the page server and heartbeats on theirs, hence one atomic reference to an
 * immutable {@link OnAir}.
 */
public final class Playback {
  /**
   * What the screen shows now: the applied version (null before any), what produced it (null
   * before any schedule), the item (null when idle or before any schedule) and until when.
   */
  public record NowPlaying(Long appliedVersion, SlotKind kind, Shown item, Instant until) {
    public Optional<Shown> current() {
      return Optional.ofNullable(item);
    }
  }

  /**
   * One play: the content (for an alert, the alert's id), the variant's language, and either its
   * verified media file or its text (ticker lines and alerts).
   */
  public record Shown(String contentId, String title, String language, MediaRef media, String text, long seconds) {}

  /** A schedule compiled for this screen: the message, the engine's schedule, and its files by hash. */
  public record OnAir(ScheduleMessage schedule, ScreenSchedule engine, Map<String, MediaRef> media) {}

  /**
   * The schedule on air with its cluster's alerts merged in: rebuilt only when either changes.
   * {@code alerts} are the alerts in force (from the rules or the cluster's alert topic, whichever
   * the controller sent last), by id.
   */
  private record Merged(OnAir base, AlertMessage clusterAlerts, ScreenSchedule engine, Map<String, AlertSpec> alerts) {}

  private final Clock clock;
  private final AtomicReference<OnAir> onAir = new AtomicReference<>();
  private final AtomicReference<AlertMessage> clusterAlerts = new AtomicReference<>();
  private final AtomicReference<Merged> merged = new AtomicReference<>();

  public Playback(Clock clock) {
    this.clock = clock;
  }

  /**
   * Maps the rules onto the engine once per schedule, before anything is fetched, so rules the
   * engine cannot play are refused while the old schedule still plays.
   *
   * @throws IllegalArgumentException naming the field the engine refused
   */
  public static OnAir compile(ScheduleMessage schedule) {
    WireMapping.Mapped mapped = WireMapping.fromWire(schedule.rules());
    Map<String, MediaRef> media = schedule.media().stream()
        .collect(Collectors.toUnmodifiableMap(MediaRef::sha256, Function.identity()));
    return new OnAir(schedule, Schedules.forScreen(mapped.rules(), mapped.screen()), media);
  }

  /** Switches to a compiled schedule. */
  public void play(OnAir compiled) {
    onAir.set(compiled);
  }

  /** Compiles and switches. @throws IllegalArgumentException when the rules cannot be played */
  public void play(ScheduleMessage schedule) {
    play(compile(schedule));
  }

  public Optional<Long> appliedVersion() {
    return Optional.ofNullable(onAir.get()).map(a -> a.schedule().version());
  }

  /** The compiled schedule on air (its engine included), for proof of play and autonomy; empty before any. */
  public Optional<OnAir> onAir() {
    return Optional.ofNullable(onAir.get());
  }

  public Optional<ScheduleMessage> schedule() {
    return Optional.ofNullable(onAir.get()).map(OnAir::schedule);
  }

  public NowPlaying now() {
    return at(clock.instant());
  }

  /** The agent's clock now: what a zoned layout's widgets read (issue 23). */
  public Instant instant() {
    return clock.instant();
  }

  /** What the screen shows at {@code instant} by the rules and alerts known now (the page preloads {@code at(now().until())}). */
  public NowPlaying at(Instant instant) {
    Merged current = merged();
    if (current == null) {
      return new NowPlaying(null, null, null, null);
    }
    Slot slot = current.engine().resolve(instant);
    return new NowPlaying(current.base().schedule().version(), slot.kind(), shown(slot, current.base()), slot.end());
  }

  /**
   * Takes the cluster's alerts from its alert topic (already verified and newer). They replace the
   * alerts in the rules when the controller sent them after the schedule: both say "every alert
   * in force for the cluster", and the later statement is the true one (an alert cleared on the
   * alert topic must not come back from a schedule published before it was cleared).
   */
  public void alerts(AlertMessage message) {
    clusterAlerts.set(message);
  }

  /** The alert in force with this id (all its languages, for the page's overlay). */
  public Optional<AlertSpec> alert(String alertId) {
    return Optional.ofNullable(merged()).map(m -> m.alerts().get(alertId));
  }

  private Merged merged() {
    OnAir base = onAir.get();
    AlertMessage alerts = clusterAlerts.get();
    Merged last = merged.get();
    if (base == null) {
      return null;
    }
    if (last != null && last.base() == base && last.clusterAlerts() == alerts) {
      return last;
    }
    Merged next = merge(base, alerts);
    merged.set(next);
    return next;
  }

  private static Merged merge(OnAir base, AlertMessage alerts) {
    ScheduleMessage schedule = base.schedule();
    boolean alertTopicIsNewer = alerts != null
        && alerts.clusterId().equals(schedule.rules().profile().clusterId())
        && alerts.header().sentAt().isAfter(schedule.header().sentAt());
    List<AlertSpec> inForce = alertTopicIsNewer ? alerts.alerts() : schedule.rules().alerts();
    Map<String, AlertSpec> byId = inForce.stream()
        .collect(Collectors.toUnmodifiableMap(AlertSpec::id, Function.identity(), (a, b) -> a));
    if (!alertTopicIsNewer) {
      return new Merged(base, alerts, base.engine(), byId);
    }
    WireMapping.Mapped mapped = WireMapping.fromWire(schedule.rules());
    ScreenSchedule engine = Schedules.forScreen(
        mapped.rules().withAlerts(inForce.stream().map(WireMapping::fromWire).toList()), mapped.screen());
    return new Merged(base, alerts, engine, byId);
  }

  /** The MIME type the schedule on air gives this file, if it names it. */
  public Optional<String> mimeTypeOf(String sha256) {
    return Optional.ofNullable(onAir.get())
        .map(current -> current.media().get(sha256))
        .map(MediaRef::mimeType);
  }

  private static Shown shown(Slot slot, OnAir onAir) {
    if (slot.kind() == SlotKind.IDLE || slot.item() == null) {
      return null;
    }
    // The engine names an alert's item "alert:<id>"; the alert's own id is what people and the
    // controller know it by (and, unlike the engine's name, a valid id on the wire).
    String contentId = slot.kind() == SlotKind.ALERT ? slot.sourceId() : slot.item().id();
    var variant = slot.variant();
    MediaRef media = variant.media() == null ? null : onAir.media().get(variant.media().id());
    return new Shown(contentId, slot.item().title(), variant.language(), media, variant.text(), variant.seconds());
  }
}

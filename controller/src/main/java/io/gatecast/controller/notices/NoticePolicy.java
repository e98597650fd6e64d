package io.gatecast.controller.notices;

import io.gatecast.controller.notices.Notice.DownScreen;
import io.gatecast.controller.notices.Notice.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * Decides which changes of screens' up/down state become notices, so technicians are not woken by
 * noise. Pure: time comes in with each call, operating hours as a predicate. Not thread-safe: the
 * caller serialises calls (the controller calls it on its single database thread).
 *
 * <ul>
 *   <li><b>Grace</b>: a screen is reported DOWN only once it has been down for the grace period
 *       (checked by {@link #tick}); a blip shorter than that is never reported, nor its recovery.
 *   <li><b>Back online</b>: a screen reported down is reported again when it comes back.
 *   <li><b>Flapping</b>: a screen changing state more than K times within W is reported once as
 *       FLAPPING, then nothing about it until it has not changed for W; then one STABLE notice
 *       saying whether it settled up or down.
 *   <li><b>Operating hours</b>: nothing is sent for a cluster outside its hours. When its hours
 *       begin, one SUMMARY lists the screens still down (each then counts as reported, so its
 *       recovery is announced).
 * </ul>
 */
public final class NoticePolicy {
  private final Duration grace;
  private final int flapChanges;
  private final Duration flapWindow;
  private final Map<String, Watched> screens = new TreeMap<>();
  private final Map<String, Boolean> clusterOpen = new HashMap<>();

  private static final class Watched {
    final String screenId;
    String clusterId;
    boolean up;
    Instant since;
    String reason;
    boolean reported;
    boolean flapping;
    final Deque<Instant> changes = new ArrayDeque<>();

    Watched(String screenId, String clusterId, boolean up, String reason, Instant since) {
      this.screenId = screenId;
      this.clusterId = clusterId;
      this.up = up;
      this.reason = reason;
      this.since = since;
    }
  }

  public NoticePolicy(Duration grace, int flapChanges, Duration flapWindow) {
    this.grace = grace;
    this.flapChanges = flapChanges;
    this.flapWindow = flapWindow;
  }

  public NoticePolicy(NoticeSettings settings) {
    this(settings.grace(), settings.flapChanges(), settings.flapWindow());
  }

  /**
   * Tells the policy a screen's state without it counting as a change (at start-up); ignored for a
   * screen the policy already heard of.
   */
  public void know(String screenId, String clusterId, boolean up, String reason, Instant since) {
    screens.putIfAbsent(screenId, new Watched(screenId, clusterId, up, reason, since));
  }

  /**
   * A screen is up or down as of {@code at}. Returns the notices to send now (possibly none).
   *
   * @param operating whether a cluster operates at an instant
   */
  public List<Notice> observe(String screenId, String clusterId, boolean up, String reason, Instant at,
      BiPredicate<String, Instant> operating) {
    Watched screen = screens.get(screenId);
    if (screen == null) {
      // First news of a screen: starts out down, as a registered screen no agent has spoken for.
      screen = new Watched(screenId, clusterId, false, "never seen", at);
      screens.put(screenId, screen);
    }
    screen.clusterId = clusterId;
    if (screen.up == up) {
      screen.reason = reason;
      return List.of();
    }
    screen.up = up;
    screen.since = at;
    screen.reason = reason;
    screen.changes.addLast(at);
    forgetChangesBefore(screen, at.minus(flapWindow));
    if (screen.flapping) {
      return List.of();
    }
    boolean open = operating.test(clusterId, at);
    if (screen.changes.size() > flapChanges) {
      screen.flapping = true;
      if (!open) {
        return List.of();
      }
      screen.reported = true;
      return List.of(notice(Kind.FLAPPING, screen, at, "screen " + screenId + " changed state " + screen.changes.size()
          + " times in " + flapWindow.toMinutes() + " min; no more alerts for it until it is stable"));
    }
    if (up && screen.reported) {
      screen.reported = false;
      return open ? List.of(notice(Kind.BACK_ONLINE, screen, at, "screen " + screenId + " is back online")) : List.of();
    }
    return List.of();
  }

  /** Time passes: reports screens down past the grace period, ends flapping, and sends summaries when hours begin. */
  public List<Notice> tick(Instant now, BiPredicate<String, Instant> operating) {
    List<Notice> notices = new ArrayList<>();
    Map<String, Boolean> openNow = new TreeMap<>();
    for (Watched screen : screens.values()) {
      openNow.computeIfAbsent(screen.clusterId, cluster -> operating.test(cluster, now));
    }
    for (Map.Entry<String, Boolean> cluster : openNow.entrySet()) {
      Boolean before = clusterOpen.put(cluster.getKey(), cluster.getValue());
      if (cluster.getValue() && Boolean.FALSE.equals(before)) {
        summary(cluster.getKey(), now).ifPresent(notices::add);
      }
    }
    for (Watched screen : screens.values()) {
      boolean open = openNow.get(screen.clusterId);
      forgetChangesBefore(screen, now.minus(flapWindow));
      if (screen.flapping) {
        if (screen.changes.isEmpty()) {
          screen.flapping = false;
          // Outside hours a settled-down screen is left for the summary when hours begin.
          screen.reported = open && !screen.up;
          if (open) {
            notices.add(notice(Kind.STABLE, screen, now, "screen " + screen.screenId + " has stopped flapping and is "
                + (screen.up ? "up" : "down")));
          }
        }
        continue;
      }
      if (!screen.up && !screen.reported && open && !now.isBefore(screen.since.plus(grace))) {
        screen.reported = true;
        notices.add(notice(Kind.DOWN, screen, now, "screen " + screen.screenId + " is down since " + screen.since + ": "
            + screen.reason));
      }
    }
    return notices;
  }

  private java.util.Optional<Notice> summary(String clusterId, Instant now) {
    List<DownScreen> down = new ArrayList<>();
    for (Watched screen : screens.values()) {
      if (screen.clusterId.equals(clusterId) && !screen.up && !screen.flapping && !now.isBefore(screen.since.plus(grace))) {
        screen.reported = true;
        down.add(new DownScreen(screen.screenId, screen.reason, screen.since));
      }
    }
    if (down.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Notice(Kind.SUMMARY, clusterId, null, null, null, now, down,
        "operating hours of " + clusterId + " began with " + down.size() + " screen(s) down"));
  }

  private static void forgetChangesBefore(Watched screen, Instant limit) {
    while (!screen.changes.isEmpty() && !screen.changes.peekFirst().isAfter(limit)) {
      screen.changes.removeFirst();
    }
  }

  private static Notice notice(Kind kind, Watched screen, Instant at, String text) {
    return new Notice(kind, screen.clusterId, screen.screenId, screen.up ? null : screen.reason, screen.since, at, List.of(),
        text);
  }
}

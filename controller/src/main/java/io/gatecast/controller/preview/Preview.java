package io.gatecast.controller.preview;

import io.gatecast.controller.calendar.PublishChecks;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Schedules;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.checks.Checks;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.checks.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a screen will show over a window, asked of the same engine, with the same rules, that the
 * screen's agent plays by — so the preview is what the screen does, not an imitation of it.
 */
public final class Preview {
  /** Longest window one preview covers. */
  public static final Duration MAX_WINDOW = Duration.ofDays(31);
  /**
   * Most slots in one answer. 31 days of 10-second slides is 267,840 slots (tens of megabytes of
   * JSON); past this the answer is cut and says where to continue.
   */
  public static final int MAX_SLOTS = 5_000;

  /** The answer: slots in order, contiguous; {@code nextFrom} is where to ask again when truncated. */
  public record View(String screenId, Instant from, Instant to, String zone, List<SlotView> slots, boolean truncated,
      Instant nextFrom, List<FindingView> findings) {}

  /**
   * One slot. {@code sourceId} is the campaign, alert or default playlist; for an alert
   * {@code contentId} is the alert's id and {@code text} its line; media slots carry
   * {@code mediaSha256}, text slots {@code text}. Only {@code start}, {@code end} and {@code kind}
   * are set for IDLE (black) time.
   */
  public record SlotView(Instant start, Instant end, SlotKind kind, String sourceId, String contentId, String title,
      String language, String mediaSha256, String text) {
    static SlotView of(Slot s) {
      if (s.item() == null) {
        return new SlotView(s.start(), s.end(), s.kind(), s.sourceId(), null, null, null, null, null);
      }
      String contentId = s.kind() == SlotKind.ALERT ? s.sourceId() : s.item().id();
      return new SlotView(s.start(), s.end(), s.kind(), s.sourceId(), contentId, s.item().title(), s.language(),
          s.variant().media() == null ? null : s.variant().media().id(), s.variant().text());
    }
  }

  public record FindingView(Severity severity, String code, String message, List<String> subjects,
      Map<String, String> details) {
    static FindingView of(Finding f) {
      return new FindingView(f.severity(), f.code(), f.message(), f.subjects(), f.details());
    }
  }

  private Preview() {}

  /** The timeline over {@code [from, to)} and the engine's checks for this screen. CPU-bound: run it off the event loop. */
  public static View of(ScreenPlan plan, Instant from, Instant to) {
    ScreenSchedule schedule = Schedules.forScreen(plan.rules(), plan.screen());
    List<SlotView> slots = new ArrayList<>();
    // Asked a day at a time, so a long window of short slides stops at MAX_SLOTS instead of
    // building every slot first. Chunks overlap by the slot straddling their edge: skip repeats.
    Instant cursor = from;
    Instant lastEnd = null;
    while (cursor.isBefore(to) && slots.size() < MAX_SLOTS) {
      Instant chunkEnd = min(cursor.plus(Duration.ofDays(1)), to);
      for (Slot slot : schedule.timeline(cursor, chunkEnd)) {
        if (lastEnd != null && slot.end().compareTo(lastEnd) <= 0) {
          continue;
        }
        if (slots.size() == MAX_SLOTS) {
          break;
        }
        slots.add(SlotView.of(slot));
        lastEnd = slot.end();
      }
      cursor = lastEnd == null ? chunkEnd : max(chunkEnd, lastEnd);
    }
    boolean truncated = lastEnd != null && lastEnd.isBefore(to);
    List<Finding> found = new ArrayList<>(Checks.run(plan.rules(), List.of(plan.screen()), from, to));
    if (plan.layout() != null) { // a zoned screen's black time is its MAIN region's (as in the checks before publish)
      found.removeIf(f -> f.code().equals(Finding.GAP));
      found.addAll(PublishChecks.mainRegionEmpty(plan, from, to));
    }
    List<FindingView> findings = found.stream().map(FindingView::of).toList();
    return new View(plan.screen().id(), from, to, plan.screen().zone().getId(), slots, truncated,
        truncated ? lastEnd : null, findings);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}

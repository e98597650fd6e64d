package io.gatecast.schedules;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.time.CampaignActivity;
import io.gatecast.schedules.time.LocalTimeLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules compiled for one screen: only the campaigns aimed at it and the alerts of its cluster.
 * Build one per rules update and keep it; it caches loops and the current day's plan, and is safe
 * to share between threads.
 *
 * <p>Every answer is a pure function of (rules, screen, instant): no clock, no randomness, and
 * loops anchored at wall-clock segment starts, so screens with the same rules and zone agree on
 * every slot without talking to each other.
 */
public final class ScreenSchedule {
  private final Rules rules;
  private final Screen screen;
  private final LocalTimeLine line;
  private final List<Campaign> campaigns;
  private final List<Alert> alerts;
  private final DayPlanner planner;
  private final Map<Winner, Program> programs = new ConcurrentHashMap<>();
  private volatile DaySchedule lastDay;

  public ScreenSchedule(Rules rules, Screen screen) {
    this.rules = rules;
    this.screen = screen;
    this.line = new LocalTimeLine(screen.zone());
    this.campaigns = rules.campaigns().stream().filter(c -> c.targets().matches(screen)).toList();
    this.alerts = rules.alerts().stream().filter(a -> a.clusterId().equals(screen.clusterId())).toList();
    this.planner = new DayPlanner(line, campaigns, alerts, rules.defaultPlaylist() != null);
  }

  public Screen screen() {
    return screen;
  }

  public Rules rules() {
    return rules;
  }

  /** The slot playing at {@code at}, with its true start and end. Millisecond resolution. */
  public Slot resolve(Instant at) {
    long t = at.toEpochMilli();
    Segment segment = day(line.dateOf(t)).at(t);
    return programs.computeIfAbsent(segment.winner(), this::program).slotAt(t, segment);
  }

  /**
   * The contiguous slots covering {@code [from, to)}: the first starts at or before {@code from},
   * each next one starts where the previous ends, the last ends at or after {@code to}.
   */
  public List<Slot> timeline(Instant from, Instant to) {
    List<Slot> slots = new ArrayList<>();
    Instant t = from;
    while (t.isBefore(to)) {
      Slot s = resolve(t);
      slots.add(s);
      t = s.end();
    }
    return slots;
  }

  /**
   * The stretches within {@code [from, to)} where the screen would be black (IDLE slots merged),
   * computed from day plans without walking slot by slot.
   */
  public List<Slot> idleTime(Instant from, Instant to) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    List<Slot> idle = new ArrayList<>();
    for (LocalDate d = line.dateOf(start); line.dayStartMillis(d) < end; d = d.plusDays(1)) {
      for (Segment s : day(d).segments()) {
        long a = Math.max(start, s.start());
        long b = Math.min(end, s.end());
        if (a >= b || s.winner().kind() != SlotKind.IDLE) {
          continue;
        }
        int last = idle.size() - 1;
        if (last >= 0 && idle.get(last).end().toEpochMilli() == a) {
          idle.set(last, idleSlot(idle.get(last).start().toEpochMilli(), b));
        } else {
          idle.add(idleSlot(a, b));
        }
      }
    }
    return idle;
  }

  /**
   * The stretches of {@code [from, to)} with one winner each, in order and contiguous, clipped to
   * the window; a winner that carries on over local midnight stays one stretch. Read from the
   * day plans that {@link #resolve} uses, so it agrees with what the screen plays.
   */
  public List<Ownership> ownership(Instant from, Instant to) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    List<Ownership> out = new ArrayList<>();
    for (LocalDate d = line.dateOf(start); line.dayStartMillis(d) < end; d = d.plusDays(1)) {
      for (Segment s : day(d).segments()) {
        long a = Math.max(start, s.start());
        long b = Math.min(end, s.end());
        if (a >= b) {
          continue;
        }
        List<String> sources = sourcesOf(s.winner());
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).end().toEpochMilli() == a && out.get(last).kind() == s.winner().kind()
            && out.get(last).sourceIds().equals(sources)) {
          out.set(last, new Ownership(out.get(last).start(), Instant.ofEpochMilli(b), s.winner().kind(), sources));
        } else {
          out.add(new Ownership(Instant.ofEpochMilli(a), Instant.ofEpochMilli(b), s.winner().kind(), sources));
        }
      }
    }
    return out;
  }

  private List<String> sourcesOf(Winner w) {
    return switch (w.kind()) {
      case ALERT -> List.of(alerts.get(w.alert()).id());
      case DEFAULT -> List.of(rules.defaultPlaylist().id());
      case IDLE -> List.of();
      case CAMPAIGN -> w.campaigns().stream().map(i -> campaigns.get(i).id()).toList();
    };
  }

  private static Slot idleSlot(long start, long end) {
    return new Slot(Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), SlotKind.IDLE, null, null, null);
  }

  /** Why {@link #resolve} answers what it does at {@code at}, in sentences for an operator. */
  public Explanation explain(Instant at) {
    Slot slot = resolve(at);
    long local = LocalTimeLine.localSeconds(line.toLocal(at.toEpochMilli()));
    List<Campaign> active = new ArrayList<>();
    for (Campaign c : campaigns) {
      if (!CampaignActivity.localSpans(c, local, local + 1).isEmpty()) {
        active.add(c);
      }
    }
    return Messages.explain(screen, rules, slot, active, alerts, local);
  }

  /** The campaigns aimed at this screen that are on at {@code at}, whatever their priority. */
  public List<Campaign> activeCampaigns(Instant at) {
    long local = LocalTimeLine.localSeconds(line.toLocal(at.toEpochMilli()));
    return campaigns.stream()
        .filter(c -> !CampaignActivity.localSpans(c, local, local + 1).isEmpty())
        .toList();
  }

  private DaySchedule day(LocalDate date) {
    DaySchedule cached = lastDay;
    if (cached == null || !cached.day().equals(date)) {
      cached = planner.plan(date);
      lastDay = cached;
    }
    return cached;
  }

  private Program program(Winner w) {
    switch (w.kind()) {
      case ALERT:
        return Programs.alert(alerts.get(w.alert()), screen.languages());
      case DEFAULT:
        return Programs.single(
            SlotKind.DEFAULT, rules.defaultPlaylist().id(), rules.defaultPlaylist(), rules.defaultPolicy(),
            screen.languages());
      case IDLE:
        return Programs.idle();
      default:
        List<List<Play>> loops = new ArrayList<>();
        int[] weights = new int[w.campaigns().size()];
        for (int i = 0; i < weights.length; i++) {
          Campaign c = campaigns.get(w.campaigns().get(i));
          loops.add(Programs.playlistLoop(c.id(), c.playlist(), c.languagePolicy(), screen.languages()));
          weights[i] = c.weight();
        }
        return Programs.shared(loops, weights);
    }
  }
}

package io.gatecast.schedules;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.time.CampaignActivity;
import io.gatecast.schedules.time.LocalTimeLine;
import io.gatecast.schedules.time.Span;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits one local day of one screen into segments with a single winner each, by sweeping the
 * on/off edges of campaigns and alerts: cost grows with the number of edges, not with time.
 * Days are planned separately, so every program restarts at local midnight; that bounds how far
 * back {@code resolve} must look and makes each day's loop start from its first item.
 */
final class DayPlanner {
  private final LocalTimeLine line;
  private final List<Campaign> campaigns;
  private final List<Alert> alerts;
  private final boolean hasDefault;

  DayPlanner(LocalTimeLine line, List<Campaign> campaigns, List<Alert> alerts, boolean hasDefault) {
    this.line = line;
    this.campaigns = campaigns;
    this.alerts = alerts;
    this.hasDefault = hasDefault;
  }

  private record Edge(long at, boolean on, boolean alert, int index) {}

  DaySchedule plan(LocalDate day) {
    long dayStart = line.dayStartMillis(day);
    long dayEnd = line.dayStartMillis(day.plusDays(1));
    List<Edge> edges = new ArrayList<>();
    addCampaignEdges(day, dayStart, dayEnd, edges);
    addAlertEdges(dayStart, dayEnd, edges);
    edges.sort(Comparator.comparingLong(Edge::at));

    int[] alertOn = new int[alerts.size()];
    TreeMap<Integer, TreeSet<Integer>> onByPriority = new TreeMap<>();
    List<Segment> segments = new ArrayList<>();
    int next = 0;
    long t = dayStart;
    while (t < dayEnd) {
      while (next < edges.size() && edges.get(next).at() <= t) {
        apply(edges.get(next++), alertOn, onByPriority);
      }
      long until = next < edges.size() ? edges.get(next).at() : dayEnd;
      Winner w = winner(alertOn, onByPriority);
      int last = segments.size() - 1;
      if (last >= 0 && segments.get(last).winner().equals(w)) {
        segments.set(last, new Segment(segments.get(last).start(), until, w));
      } else {
        segments.add(new Segment(t, until, w));
      }
      t = until;
    }
    return new DaySchedule(day, List.copyOf(segments));
  }

  private void addCampaignEdges(LocalDate day, long dayStart, long dayEnd, List<Edge> edges) {
    long from = LocalTimeLine.localSeconds(day.atStartOfDay());
    long to = from + 86_400;
    for (int i = 0; i < campaigns.size(); i++) {
      for (Span s : CampaignActivity.localSpans(campaigns.get(i), from, to)) {
        long on = clamp(line.toInstantMillis(s.start()), dayStart, dayEnd);
        long off = clamp(line.toInstantMillis(s.end()), dayStart, dayEnd);
        if (on < off) {
          edges.add(new Edge(on, true, false, i));
          edges.add(new Edge(off, false, false, i));
        }
      }
    }
  }

  private void addAlertEdges(long dayStart, long dayEnd, List<Edge> edges) {
    for (int i = 0; i < alerts.size(); i++) {
      Alert a = alerts.get(i);
      long on = Math.max(dayStart, a.start().toEpochMilli());
      long off = a.expires() == null ? dayEnd : Math.min(dayEnd, a.expires().toEpochMilli());
      if (on < off) {
        edges.add(new Edge(on, true, true, i));
        edges.add(new Edge(off, false, true, i));
      }
    }
  }

  private void apply(Edge e, int[] alertOn, TreeMap<Integer, TreeSet<Integer>> onByPriority) {
    if (e.alert()) {
      alertOn[e.index()] += e.on() ? 1 : -1;
      return;
    }
    int priority = campaigns.get(e.index()).priority();
    if (e.on()) {
      onByPriority.computeIfAbsent(priority, p -> new TreeSet<>()).add(e.index());
    } else {
      TreeSet<Integer> set = onByPriority.get(priority);
      set.remove(e.index());
      if (set.isEmpty()) {
        onByPriority.remove(priority);
      }
    }
  }

  /** The latest-started alert wins over older ones; then the top priority tier; then the default. */
  private Winner winner(int[] alertOn, TreeMap<Integer, TreeSet<Integer>> onByPriority) {
    int best = -1;
    for (int i = 0; i < alertOn.length; i++) {
      if (alertOn[i] > 0 && (best < 0 || newer(alerts.get(i), alerts.get(best)))) {
        best = i;
      }
    }
    if (best >= 0) {
      return Winner.alert(best);
    }
    if (!onByPriority.isEmpty()) {
      return Winner.campaigns(new ArrayList<>(onByPriority.lastEntry().getValue()));
    }
    return hasDefault ? Winner.DEFAULT : Winner.IDLE;
  }

  private static boolean newer(Alert a, Alert b) {
    int byStart = a.start().compareTo(b.start());
    return byStart > 0 || (byStart == 0 && a.id().compareTo(b.id()) < 0);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}

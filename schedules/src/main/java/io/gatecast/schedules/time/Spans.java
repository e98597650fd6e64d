package io.gatecast.schedules.time;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set operations on lists of spans; results are sorted, disjoint and free of empty spans. */
public final class Spans {
  private Spans() {}

  public static List<Span> union(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(Span::start));
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      if (s.start() == s.end()) {
        continue;
      }
      int last = out.size() - 1;
      if (last >= 0 && s.start() <= out.get(last).end()) {
        out.set(last, new Span(out.get(last).start(), Math.max(out.get(last).end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Both inputs must already be sorted and disjoint (as {@link #union} returns them). */
  public static List<Span> intersect(List<Span> a, List<Span> b) {
    List<Span> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      long s = Math.max(a.get(i).start(), b.get(j).start());
      long e = Math.min(a.get(i).end(), b.get(j).end());
      if (s < e) {
        out.add(new Span(s, e));
      }
      if (a.get(i).end() < b.get(j).end()) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }
}

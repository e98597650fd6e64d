package io.gatecast.schedules;

import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays out one cycle of a playlist: pinned entries at their positions, weighted ones spread out. */
final class PlaylistCycle {
  private PlaylistCycle() {}

  static List<ContentItem> order(Playlist playlist) {
    ContentItem[] cycle = new ContentItem[playlist.cycleLength()];
    List<PlaylistEntry> floating = new ArrayList<>();
    for (PlaylistEntry e : playlist.entries()) {
      if (e.isPinned()) {
        cycle[e.position() - 1] = e.item();
      } else {
        floating.add(e);
      }
    }
    List<ContentItem> spread = spreadByWeight(floating);
    int next = 0;
    for (int i = 0; i < cycle.length; i++) {
      if (cycle[i] == null) {
        cycle[i] = spread.get(next++);
      }
    }
    return Arrays.asList(cycle);
  }

  /**
   * Smooth weighted round robin: weights 3 and 1 give A A B A rather than A A A B, so a heavy item
   * does not hog a stretch of the loop. Ties go to the earlier entry, keeping it deterministic.
   */
  private static List<ContentItem> spreadByWeight(List<PlaylistEntry> entries) {
    int total = entries.stream().mapToInt(PlaylistEntry::weight).sum();
    long[] credit = new long[entries.size()];
    List<ContentItem> out = new ArrayList<>(total);
    for (int n = 0; n < total; n++) {
      int best = 0;
      for (int i = 0; i < entries.size(); i++) {
        credit[i] += entries.get(i).weight();
        if (credit[i] > credit[best]) {
          best = i;
        }
      }
      credit[best] -= total;
      out.add(entries.get(best).item());
    }
    return out;
  }
}

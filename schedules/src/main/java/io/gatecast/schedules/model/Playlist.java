package io.gatecast.schedules.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ordered entries; see {@link PlaylistEntry} for weights and pinned positions. */
public record Playlist(String id, List<PlaylistEntry> entries) {
  public Playlist {
    Require.text(id, "id");
    entries = Require.list(entries, "entries");
    if (entries.isEmpty()) {
      throw new InvalidModelException("entries", "a playlist needs at least one item");
    }
    Set<String> items = new HashSet<>();
    Set<Integer> positions = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      PlaylistEntry e = entries.get(i);
      if (!items.add(e.item().id())) {
        throw new InvalidModelException(
            "entries[" + i + "].item.id", "item " + e.item().id() + " is listed twice; use a weight");
      }
      if (e.isPinned() && !positions.add(e.position())) {
        throw new InvalidModelException(
            "entries[" + i + "].position", "position " + e.position() + " is taken twice");
      }
    }
    int length = cycleLength(entries);
    for (int i = 0; i < entries.size(); i++) {
      Integer p = entries.get(i).position();
      if (p != null && p > length) {
        throw new InvalidModelException(
            "entries[" + i + "].position",
            "position " + p + " is beyond the cycle length " + length);
      }
    }
  }

  public static Playlist of(String id, ContentItem... items) {
    return new Playlist(id, java.util.Arrays.stream(items).map(PlaylistEntry::of).toList());
  }

  /** Plays per cycle: the sum of weights of floating entries plus one per pinned entry. */
  public int cycleLength() {
    return cycleLength(entries);
  }

  private static int cycleLength(List<PlaylistEntry> entries) {
    int n = 0;
    for (PlaylistEntry e : entries) {
      n += e.isPinned() ? 1 : e.weight();
    }
    return n;
  }
}

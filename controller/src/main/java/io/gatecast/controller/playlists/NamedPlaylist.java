package io.gatecast.controller.playlists;

import java.time.Instant;
import java.util.List;

/**
 * A named, ordered list of items that campaigns play. An entry plays {@code weight} times per
 * cycle, or sits pinned at {@code position} (1-based) when given — as in the engine's playlist.
 */
public record NamedPlaylist(String id, String name, List<Entry> entries, Instant createdAt, Instant updatedAt) {
  public record Entry(String contentId, int weight, Integer position) {}

  public NamedPlaylist {
    entries = List.copyOf(entries);
  }
}

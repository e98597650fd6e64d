package io.gatecast.schedules.model;

/**
 * An item in a playlist. {@code weight} is how many times it plays per playlist cycle (spread out
 * evenly); a non-null {@code position} (1-based) pins it to that place in every cycle instead.
 */
public record PlaylistEntry(ContentItem item, int weight, Integer position) {
  public PlaylistEntry {
    Require.present(item, "item");
    Require.positive(weight, "weight");
    if (position != null) {
      Require.positive(position, "position");
    }
  }

  public static PlaylistEntry of(ContentItem item) {
    return new PlaylistEntry(item, 1, null);
  }

  public static PlaylistEntry weighted(ContentItem item, int weight) {
    return new PlaylistEntry(item, weight, null);
  }

  public static PlaylistEntry pinned(ContentItem item, int position) {
    return new PlaylistEntry(item, 1, position);
  }

  public boolean isPinned() {
    return position != null;
  }
}

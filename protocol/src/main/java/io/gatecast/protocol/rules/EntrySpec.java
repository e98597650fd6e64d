package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;

/**
 * A playlist entry (engine: {@code PlaylistEntry}): the id of an item of {@link ScreenRules#items()},
 * how often it plays per cycle, or the 1-based position it is pinned to (null: floating).
 */
public record EntrySpec(String itemId, Integer weight, Integer position) {
  public EntrySpec {
    Check.id(itemId, "itemId");
    weight = weight == null ? 1 : Check.between(weight, 1, Limits.MAX_WEIGHT, "weight");
    if (position != null) {
      Check.between(position, 1, Limits.MAX_PLAYLIST_ENTRIES * Limits.MAX_WEIGHT, "position");
    }
  }

  public static EntrySpec of(String itemId) {
    return new EntrySpec(itemId, 1, null);
  }
}

package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.util.List;

/** A playlist (engine: {@code Playlist}): ordered entries naming items by id. */
public record PlaylistSpec(String id, List<EntrySpec> entries) {
  public PlaylistSpec {
    Check.id(id, "id");
    entries = Check.list(entries, "entries", Limits.MAX_PLAYLIST_ENTRIES);
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("entries of playlist " + id + " must hold at least one item");
    }
  }
}

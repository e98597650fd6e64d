package io.gatecast.schedules.wire;

import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.schedules.layout.Layout;
import io.gatecast.schedules.layout.Region;
import io.gatecast.schedules.layout.RegionRole;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A screen's layout (issue 23): the wire's {@link LayoutSpec}, which keeps what the agent draws
 * (clock zones, opening hours, a countdown's target), and the items it names by id — playlist
 * entries and widget texts — as the engine knows them. The layout is defined by operators in its
 * wire form; the engine needs only its regions ({@link #engine()}).
 *
 * @param items every item {@code spec} names, by id: the approved items, nothing else
 */
public record ScreenLayout(LayoutSpec spec, Map<String, ContentItem> items) {
  public ScreenLayout {
    if (spec == null) {
      throw new IllegalArgumentException("spec is required");
    }
    Map<String, ContentItem> named = new LinkedHashMap<>();
    for (String id : spec.itemIds()) {
      ContentItem item = items.get(id);
      if (item == null) {
        throw new IllegalArgumentException("layout " + spec.id() + " names item " + id + ", which is not given");
      }
      named.putIfAbsent(id, item);
    }
    items = java.util.Collections.unmodifiableMap(named); // in order of first mention, only what the spec names
  }

  /** The regions as the engine times them: playlists with their items, widgets by type. */
  public Layout engine() {
    List<Region> regions = new ArrayList<>();
    for (RegionSpec r : spec.regions()) {
      RegionRole role = RegionRole.valueOf(r.role().name());
      if (r.playlist() != null) {
        List<PlaylistEntry> entries = new ArrayList<>();
        for (EntrySpec e : r.playlist().entries()) {
          entries.add(new PlaylistEntry(items.get(e.itemId()), e.weight(), e.position()));
        }
        regions.add(Region.playlist(role, new Playlist(r.playlist().id(), entries)));
      } else if (!r.widgets().isEmpty()) {
        regions.add(new Region(role, null, r.widgets().stream().map(w -> w.type().name()).toList()));
      } else {
        regions.add(Region.programme());
      }
    }
    return new Layout(spec.id(), regions);
  }
}

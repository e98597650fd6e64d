package io.gatecast.schedules.layout;

import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.Playlist;
import java.util.List;

/**
 * A region as the engine sees it: a playlist it plays, or widgets it shows (named by type only:
 * the engine times them, the agent draws them), or — MAIN with neither — the screen's programme.
 */
public record Region(RegionRole role, Playlist playlist, List<String> widgets) {
  public Region {
    if (role == null) {
      throw new InvalidModelException("role", "is required");
    }
    widgets = widgets == null ? List.of() : List.copyOf(widgets);
    if (playlist != null && !widgets.isEmpty()) {
      throw new InvalidModelException("widgets", "region " + role + " plays a playlist or shows widgets, not both");
    }
    if (role != RegionRole.MAIN && playlist == null && widgets.isEmpty()) {
      throw new InvalidModelException("playlist", "region " + role + " needs a playlist or widgets");
    }
  }

  public static Region programme() {
    return new Region(RegionRole.MAIN, null, List.of());
  }

  public static Region playlist(RegionRole role, Playlist playlist) {
    return new Region(role, playlist, List.of());
  }

  public static Region widgets(RegionRole role, String... widgets) {
    return new Region(role, null, List.of(widgets));
  }

  public RegionContent content() {
    if (playlist != null) {
      return RegionContent.PLAYLIST;
    }
    return widgets.isEmpty() ? RegionContent.PROGRAMME : RegionContent.WIDGETS;
  }
}

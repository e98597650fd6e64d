package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.rules.PlaylistSpec;
import java.util.List;

/**
 * What one region of the template plays: a playlist of approved items (named by id, like a
 * campaign's), or 1-4 widgets side by side, or — MAIN only, with neither — the screen's programme
 * (its campaigns and default playlist, exactly what a screen without a layout shows).
 */
public record RegionSpec(RegionRole role, PlaylistSpec playlist, List<WidgetSpec> widgets) {
  public RegionSpec {
    Check.required(role, "role");
    widgets = Check.optionalList(widgets, "widgets", LayoutLimits.MAX_WIDGETS_PER_REGION);
    if (playlist != null && !widgets.isEmpty()) {
      throw new IllegalArgumentException("region " + role + " may play a playlist or show widgets, not both");
    }
    if (role != RegionRole.MAIN && playlist == null && widgets.isEmpty()) {
      throw new IllegalArgumentException("region " + role + " needs a playlist or widgets; only MAIN may play the programme");
    }
  }

  /** MAIN with neither a playlist nor widgets: the screen's own programme. */
  public boolean playsProgramme() {
    return playlist == null && widgets.isEmpty();
  }

  public static RegionSpec programme() {
    return new RegionSpec(RegionRole.MAIN, null, List.of());
  }

  public static RegionSpec playlist(RegionRole role, PlaylistSpec playlist) {
    return new RegionSpec(role, playlist, List.of());
  }

  public static RegionSpec widgets(RegionRole role, WidgetSpec... widgets) {
    return new RegionSpec(role, null, List.of(widgets));
  }
}

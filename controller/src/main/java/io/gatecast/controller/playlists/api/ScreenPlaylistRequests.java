package io.gatecast.controller.playlists.api;

import io.gatecast.protocol.Check;
import java.util.LinkedHashSet;
import java.util.List;

/** The JSON bodies the API accepts; each checks itself and names the field it refuses. */
public final class ScreenPlaylistRequests {
  private ScreenPlaylistRequests() {}

  /** Puts one content item on the playlists of the given screens. */
  public record Schedule(String contentId, List<String> screenIds) {
    public Schedule {
      Check.id(contentId, "contentId");
      screenIds = Check.list(screenIds, "screenIds", 10_000);
      if (screenIds.isEmpty()) {
        throw new IllegalArgumentException("screenIds must name at least one screen");
      }
      for (int i = 0; i < screenIds.size(); i++) {
        Check.id(screenIds.get(i), "screenIds[" + i + "]");
      }
      screenIds = List.copyOf(new LinkedHashSet<>(screenIds));
    }
  }
}

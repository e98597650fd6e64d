package io.gatecast.schedules.layout.view;

import io.gatecast.protocol.layout.Rect;
import java.util.List;
import java.util.Map;

/**
 * What screen-renderer's {@code layout.js} draws at one instant (issue 23), in the format documented
 * at the top of {@code layout.js}: the agent's page gets it from {@code GET /now}, the console's
 * preview from {@code POST /api/v1/layouts/preview}; both are computed by {@link LayoutViewer}.
 *
 * @param shape LANDSCAPE_16_9 or PORTRAIT_9_16
 * @param language the language every region shows now
 */
public record LayoutView(String shape, String language, List<RegionView> regions) {
  /**
   * One region: where it is (fractions of the screen), and its slide (MAIN, playlists; null when it
   * has none) or its widgets' data (one map per widget, keys as {@code layout.js} reads them).
   */
  public record RegionView(String role, Rect rect, SlideView item, List<Map<String, Object>> widgets) {}

  /**
   * A slide as the page's renderer takes it: media variants carry {@code sha256} and
   * {@code mimeType}, text variants {@code text}; field names are the page's ({@code ItemView}).
   */
  public record SlideView(String contentId, String title, String sha256, String mimeType, Long durationSeconds,
      String language, String text) {}
}

package io.gatecast.protocol.layout;

import static io.gatecast.protocol.layout.RegionRole.HEADER;
import static io.gatecast.protocol.layout.RegionRole.MAIN;
import static io.gatecast.protocol.layout.RegionRole.SIDE;
import static io.gatecast.protocol.layout.RegionRole.TICKER;
import static io.gatecast.protocol.layout.ScreenShape.LANDSCAPE_16_9;
import static io.gatecast.protocol.layout.ScreenShape.PORTRAIT_9_16;

import java.util.List;
import java.util.Optional;

/**
 * The built-in templates, as data: each id exists once per shape. In landscape the side panel is a
 * quarter of the width right of the main region; in portrait it sits under the main region, whose
 * 9:16 width then shows a 16:9 slide at full width. Bands (header, ticker) are a tenth of the
 * height in landscape and a little less in portrait, where the screen is taller.
 */
public final class Templates {
  public static final String FULL = "full";
  public static final String MAIN_TICKER = "main-ticker";
  public static final String HEADER_MAIN_TICKER = "header-main-ticker";
  public static final String MAIN_SIDE_TICKER = "main-side-ticker";
  public static final String HEADER_MAIN_SIDE_TICKER = "header-main-side-ticker";

  private static final List<LayoutTemplate> ALL = List.of(
      template(FULL, LANDSCAPE_16_9, region(MAIN, 0, 0, 1, 1)),
      template(MAIN_TICKER, LANDSCAPE_16_9, region(MAIN, 0, 0, 1, 0.9), region(TICKER, 0, 0.9, 1, 0.1)),
      template(HEADER_MAIN_TICKER, LANDSCAPE_16_9,
          region(HEADER, 0, 0, 1, 0.12), region(MAIN, 0, 0.12, 1, 0.78), region(TICKER, 0, 0.9, 1, 0.1)),
      template(MAIN_SIDE_TICKER, LANDSCAPE_16_9,
          region(MAIN, 0, 0, 0.75, 0.9), region(SIDE, 0.75, 0, 0.25, 0.9), region(TICKER, 0, 0.9, 1, 0.1)),
      template(HEADER_MAIN_SIDE_TICKER, LANDSCAPE_16_9,
          region(HEADER, 0, 0, 1, 0.12), region(MAIN, 0, 0.12, 0.75, 0.78), region(SIDE, 0.75, 0.12, 0.25, 0.78),
          region(TICKER, 0, 0.9, 1, 0.1)),
      template(FULL, PORTRAIT_9_16, region(MAIN, 0, 0, 1, 1)),
      template(MAIN_TICKER, PORTRAIT_9_16, region(MAIN, 0, 0, 1, 0.93), region(TICKER, 0, 0.93, 1, 0.07)),
      template(HEADER_MAIN_TICKER, PORTRAIT_9_16,
          region(HEADER, 0, 0, 1, 0.1), region(MAIN, 0, 0.1, 1, 0.83), region(TICKER, 0, 0.93, 1, 0.07)),
      template(MAIN_SIDE_TICKER, PORTRAIT_9_16,
          region(MAIN, 0, 0, 1, 0.6), region(SIDE, 0, 0.6, 1, 0.33), region(TICKER, 0, 0.93, 1, 0.07)),
      template(HEADER_MAIN_SIDE_TICKER, PORTRAIT_9_16,
          region(HEADER, 0, 0, 1, 0.1), region(MAIN, 0, 0.1, 1, 0.5), region(SIDE, 0, 0.6, 1, 0.33),
          region(TICKER, 0, 0.93, 1, 0.07)));

  private Templates() {}

  /** Every built-in template, landscape first. */
  public static List<LayoutTemplate> all() {
    return ALL;
  }

  public static Optional<LayoutTemplate> find(String id, ScreenShape shape) {
    return ALL.stream().filter(t -> t.id().equals(id) && t.shape() == shape).findFirst();
  }

  /** The template, or an IllegalArgumentException naming the ids there are. */
  public static LayoutTemplate get(String id, ScreenShape shape) {
    return find(id, shape).orElseThrow(() -> new IllegalArgumentException("template must be one of "
        + ALL.stream().map(LayoutTemplate::id).distinct().toList() + " for shape " + shape + ", got '" + id + "'"));
  }

  private static LayoutTemplate template(String id, ScreenShape shape, TemplateRegion... regions) {
    return new LayoutTemplate(id, shape, List.of(regions));
  }

  private static TemplateRegion region(RegionRole role, double x, double y, double w, double h) {
    return new TemplateRegion(role, new Rect(x, y, w, h));
  }
}

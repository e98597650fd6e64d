package io.gatecast.controller.layouts;

import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.ScreenShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which stored layout a screen shows, by shape: its own when that is drawn for the screen's shape,
 * else its gate's default for that shape, else none (full screen). A screen whose orientation was
 * changed after a layout of the other shape was attached to it is not given that layout — a
 * portrait arrangement stretched over a landscape screen would be wrong — and the checks before
 * publish say so ({@link #mismatch}). Read once per build session.
 */
public final class LayoutChoice {
  /** A screen's own layout that is not drawn for the screen's shape (hence not shown). */
  public record Mismatch(String screen, ScreenShape orientation, String layout, ScreenShape shape) {}

  private final Map<String, String> screenOwn = new HashMap<>();
  private final Map<String, String> campaignOwn = new HashMap<>();
  private final Map<String, Map<ScreenShape, String>> gateDefaults = new HashMap<>();
  private final Map<String, LayoutSpec> layouts = new HashMap<>();
  private final Map<String, ScreenShape> screenShapes;
  /** Read for some screens only ({@link #readFor}): asking about another is a mistake, not a landscape screen. */
  private final boolean partial;

  private LayoutChoice(List<LayoutAssignment> assignments, List<LayoutSpec> stored, Map<String, ScreenShape> shapes,
      boolean partial) {
    for (LayoutAssignment a : assignments) {
      switch (a.target()) {
        case SCREEN -> screenOwn.put(a.targetId(), a.layoutId());
        case GATE -> gateDefaults.computeIfAbsent(a.targetId(), g -> new EnumMap<>(ScreenShape.class))
            .put(a.shape(), a.layoutId());
        case CAMPAIGN -> campaignOwn.put(a.targetId(), a.layoutId());
      }
    }
    stored.forEach(l -> layouts.put(l.id(), l));
    this.screenShapes = shapes;
    this.partial = partial;
  }

  public static LayoutChoice read(Connection c, LayoutRepository repository) throws SQLException {
    return new LayoutChoice(repository.assignments(c), repository.all(c), repository.screenShapes(c), false);
  }

  /**
   * {@link #read} knowing the shapes of {@code screenIds} only (a page of a publish): ask it about
   * those screens only — asking about another throws.
   */
  public static LayoutChoice readFor(Connection c, LayoutRepository repository, java.util.Collection<String> screenIds)
      throws SQLException {
    return new LayoutChoice(repository.assignments(c), repository.all(c), repository.screenShapes(c, screenIds), true);
  }

  /** The shape the screen's orientation calls for (landscape when it is not said). */
  public ScreenShape shapeOf(String screenId) {
    ScreenShape shape = screenShapes.get(screenId);
    if (shape == null && partial) {
      throw new IllegalStateException("the shape of screen " + screenId + " was not read: this layout choice knows a"
          + " page of screens only");
    }
    return shape == null ? ScreenShape.LANDSCAPE_16_9 : shape;
  }

  /** The layout the screen shows, or null: its own if drawn for its shape, else its gate's default for its shape. */
  public LayoutSpec forScreen(String screenId, String clusterId) {
    ScreenShape shape = shapeOf(screenId);
    LayoutSpec own = layouts.get(screenOwn.get(screenId));
    if (own != null && own.shape() == shape) {
      return own;
    }
    return layouts.get(gateDefaults.getOrDefault(clusterId, Map.of()).get(shape));
  }

  /** True when the screen shows a layout of its own (drawn for its shape): it then shows no campaign's layout. */
  public boolean hasOwn(String screenId) {
    LayoutSpec own = layouts.get(screenOwn.get(screenId));
    return own != null && own.shape() == shapeOf(screenId);
  }

  /**
   * The layout a campaign brings for its time on this screen, or null: none attached, or drawn for
   * the other shape (a portrait campaign layout is not stretched over a landscape screen), or the
   * screen has its own layout, which wins over every campaign's.
   */
  public LayoutSpec forCampaign(String campaignId, String screenId) {
    LayoutSpec brought = layouts.get(campaignOwn.get(campaignId));
    return brought == null || brought.shape() != shapeOf(screenId) || hasOwn(screenId) ? null : brought;
  }

  /**
   * What decides a screen's layouts: its shape and the layout it shows. Screens that differ in
   * either are built apart (they may show different layouts, and campaigns' layouts are chosen per shape).
   */
  public String key(String screenId, String clusterId) {
    LayoutSpec shown = forScreen(screenId, clusterId);
    return shapeOf(screenId) + (shown == null ? "" : "/" + shown.id());
  }

  /** The screen's own layout when it is not drawn for the screen's shape. */
  public Optional<Mismatch> mismatch(String screenId) {
    LayoutSpec own = layouts.get(screenOwn.get(screenId));
    ScreenShape shape = shapeOf(screenId);
    return own == null || own.shape() == shape ? Optional.empty()
        : Optional.of(new Mismatch(screenId, shape, own.id(), own.shape()));
  }

  /** The mismatches among these screens, in the order given. */
  public List<Mismatch> mismatches(Collection<String> screenIds) {
    List<Mismatch> out = new ArrayList<>();
    screenIds.forEach(id -> mismatch(id).ifPresent(out::add));
    return out;
  }
}

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
  private final Map<String, Map<ScreenShape, String>> gateDefaults = new HashMap<>();
  private final Map<String, LayoutSpec> layouts = new HashMap<>();
  private final Map<String, ScreenShape> screenShapes;

  private LayoutChoice(List<LayoutAssignment> assignments, List<LayoutSpec> stored, Map<String, ScreenShape> shapes) {
    for (LayoutAssignment a : assignments) {
      switch (a.target()) {
        case SCREEN -> screenOwn.put(a.targetId(), a.layoutId());
        case GATE -> gateDefaults.computeIfAbsent(a.targetId(), g -> new EnumMap<>(ScreenShape.class))
            .put(a.shape(), a.layoutId());
        case CAMPAIGN -> { } // a campaign's layout is chosen with the programme, not here
      }
    }
    stored.forEach(l -> layouts.put(l.id(), l));
    this.screenShapes = shapes;
  }

  public static LayoutChoice read(Connection c, LayoutRepository repository) throws SQLException {
    return new LayoutChoice(repository.assignments(c), repository.all(c), repository.screenShapes(c));
  }

  /** The shape the screen's orientation calls for (landscape when it is not said). */
  public ScreenShape shapeOf(String screenId) {
    return screenShapes.getOrDefault(screenId, ScreenShape.LANDSCAPE_16_9);
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

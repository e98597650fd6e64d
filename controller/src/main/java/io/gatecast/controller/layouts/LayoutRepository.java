package io.gatecast.controller.layouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.ScreenShape;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Layouts (as the wire's {@link LayoutSpec} the API accepted), where they are attached, and gate facts. */
public final class LayoutRepository {
  public void insert(Connection c, LayoutSpec layout, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO layouts (id, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?)",
        layout.id(), json(layout), now.toString(), now.toString());
  }

  public void replace(Connection c, LayoutSpec layout, Instant now) throws SQLException {
    Sql.update(c, "UPDATE layouts SET spec_json = ?, updated_at = ? WHERE id = ?", json(layout), now.toString(),
        layout.id());
  }

  public void delete(Connection c, String id) throws SQLException {
    Sql.update(c, "DELETE FROM layouts WHERE id = ?", id);
  }

  public Optional<LayoutSpec> find(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT spec_json FROM layouts WHERE id = ?", row -> parse(row.getString(1), LayoutSpec.class), id);
  }

  public List<LayoutSpec> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT spec_json FROM layouts ORDER BY id", row -> parse(row.getString(1), LayoutSpec.class));
  }

  /**
   * Attaches a layout: a gate's default for the layout's shape, or a campaign's or screen's one
   * layout (what it held before, of either shape, is replaced).
   */
  public void assign(Connection c, LayoutAssignment a) throws SQLException {
    if (a.target() != LayoutTarget.GATE) {
      unassign(c, a.target(), a.targetId(), null);
    }
    Sql.update(c, "INSERT INTO layout_assignments (target_kind, target_id, shape, layout_id) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (target_kind, target_id, shape) DO UPDATE SET layout_id = excluded.layout_id",
        a.target().name(), a.targetId(), a.shape().name(), a.layoutId());
  }

  /** What is attached to a gate (one per shape), a campaign or a screen (at most one). */
  public List<LayoutAssignment> assignmentsOf(Connection c, LayoutTarget target, String targetId) throws SQLException {
    return Sql.list(c, "SELECT " + ASSIGNMENT + " FROM layout_assignments WHERE target_kind = ? AND target_id = ?"
        + " ORDER BY shape", LayoutRepository::assignment, target.name(), targetId);
  }

  /** Detaches the layout of this shape from the target; a null shape detaches every one. */
  public void unassign(Connection c, LayoutTarget target, String targetId, ScreenShape shape) throws SQLException {
    if (shape == null) {
      Sql.update(c, "DELETE FROM layout_assignments WHERE target_kind = ? AND target_id = ?", target.name(), targetId);
    } else {
      Sql.update(c, "DELETE FROM layout_assignments WHERE target_kind = ? AND target_id = ? AND shape = ?",
          target.name(), targetId, shape.name());
    }
  }

  public List<LayoutAssignment> assignments(Connection c) throws SQLException {
    return Sql.list(c, "SELECT " + ASSIGNMENT + " FROM layout_assignments ORDER BY target_kind, target_id, shape",
        LayoutRepository::assignment);
  }

  /** Where this layout is attached (a layout in use is not deleted). */
  public List<LayoutAssignment> using(Connection c, String layoutId) throws SQLException {
    return Sql.list(c, "SELECT " + ASSIGNMENT + " FROM layout_assignments WHERE layout_id = ?"
        + " ORDER BY target_kind, target_id, shape", LayoutRepository::assignment, layoutId);
  }

  /**
   * The shape each screen's orientation calls for, by screen id ({@link #shapeOf}): a layout is
   * chosen, and an attachment checked, against it.
   */
  public Map<String, ScreenShape> screenShapes(Connection c) throws SQLException {
    Map<String, ScreenShape> all = new LinkedHashMap<>();
    Sql.list(c, "SELECT id, orientation FROM screens ORDER BY id",
        row -> all.put(row.getString(1), shapeOf(row.getString(2))));
    return all;
  }

  /**
   * {@link #screenShapes(Connection)} of these screens only: a page of a publish reads its own
   * screens' shapes, not the whole fleet's again for every page (issue 21).
   */
  public Map<String, ScreenShape> screenShapes(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    Map<String, ScreenShape> some = new LinkedHashMap<>();
    if (screenIds.isEmpty()) {
      return some;
    }
    Sql.list(c, "SELECT id, orientation FROM screens WHERE id IN (" + "?,".repeat(screenIds.size() - 1) + "?) ORDER BY id",
        row -> some.put(row.getString(1), shapeOf(row.getString(2))), screenIds.toArray());
    return some;
  }

  /** One screen's shape; empty for an unknown screen. */
  public Optional<ScreenShape> screenShape(Connection c, String screenId) throws SQLException {
    return Sql.one(c, "SELECT orientation FROM screens WHERE id = ?", row -> shapeOf(row.getString(1)), screenId);
  }

  /** A screen's orientation (LANDSCAPE, PORTRAIT, or null: not said, taken as landscape) as a layout shape. */
  public static ScreenShape shapeOf(String orientation) {
    return "PORTRAIT".equals(orientation) ? ScreenShape.PORTRAIT_9_16 : ScreenShape.LANDSCAPE_16_9;
  }

  /** The layouts that name this content item anywhere (a widget text, a region playlist's entry), by id. */
  public List<String> naming(Connection c, String contentId) throws SQLException {
    return all(c).stream().filter(l -> l.itemIds().contains(contentId)).map(LayoutSpec::id).toList();
  }

  /** The layouts whose regions play this named playlist, by id. */
  public List<String> playing(Connection c, String playlistId) throws SQLException {
    return all(c).stream().filter(l -> l.regions().stream()
        .anyMatch(r -> r.playlist() != null && playlistId.equals(r.playlist().id()))).map(LayoutSpec::id).toList();
  }

  private static final String ASSIGNMENT = "target_kind, target_id, layout_id, shape";

  private static LayoutAssignment assignment(java.sql.ResultSet row) throws SQLException {
    return new LayoutAssignment(LayoutTarget.valueOf(row.getString(1)), row.getString(2), row.getString(3),
        ScreenShape.valueOf(row.getString(4)));
  }

  public void putFacts(Connection c, String clusterId, GateFacts facts, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO gate_facts (cluster_id, opening_hours_json, clock_json, updated_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (cluster_id) DO UPDATE SET opening_hours_json = excluded.opening_hours_json,"
        + " clock_json = excluded.clock_json, updated_at = excluded.updated_at",
        clusterId, facts.openingHours() == null ? null : json(facts.openingHours()),
        facts.clock() == null ? null : json(facts.clock()), now.toString());
  }

  public GateFacts facts(Connection c, String clusterId) throws SQLException {
    return Sql.one(c, "SELECT opening_hours_json, clock_json FROM gate_facts WHERE cluster_id = ?",
        row -> facts(row.getString(1), row.getString(2)), clusterId).orElse(GateFacts.NONE);
  }

  /** Every gate's facts, by cluster id (gates without any are absent). */
  public Map<String, GateFacts> allFacts(Connection c) throws SQLException {
    Map<String, GateFacts> all = new LinkedHashMap<>();
    Sql.list(c, "SELECT cluster_id, opening_hours_json, clock_json FROM gate_facts ORDER BY cluster_id",
        row -> all.put(row.getString(1), facts(row.getString(2), row.getString(3))));
    return all;
  }

  private static GateFacts facts(String hours, String clock) {
    return new GateFacts(hours == null ? null : parse(hours, OpeningHoursSpec.class),
        clock == null ? null : parse(clock, ClockSpec.class));
  }

  private static String json(Object value) {
    try {
      return Codec.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T parse(String json, Class<T> type) {
    try {
      return Codec.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored " + type.getSimpleName() + " does not read back: " + e.getMessage(), e);
    }
  }
}

package io.gatecast.controller.layouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
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

  public void assign(Connection c, LayoutAssignment a) throws SQLException {
    Sql.update(c, "INSERT INTO layout_assignments (target_kind, target_id, layout_id) VALUES (?, ?, ?)"
        + " ON CONFLICT (target_kind, target_id) DO UPDATE SET layout_id = excluded.layout_id",
        a.target().name(), a.targetId(), a.layoutId());
  }

  public Optional<LayoutAssignment> assignment(Connection c, LayoutTarget target, String targetId) throws SQLException {
    return Sql.one(c, "SELECT layout_id FROM layout_assignments WHERE target_kind = ? AND target_id = ?",
        row -> new LayoutAssignment(target, targetId, row.getString(1)), target.name(), targetId);
  }

  public void unassign(Connection c, LayoutTarget target, String targetId) throws SQLException {
    Sql.update(c, "DELETE FROM layout_assignments WHERE target_kind = ? AND target_id = ?", target.name(), targetId);
  }

  public List<LayoutAssignment> assignments(Connection c) throws SQLException {
    return Sql.list(c, "SELECT target_kind, target_id, layout_id FROM layout_assignments"
        + " ORDER BY target_kind, target_id",
        row -> new LayoutAssignment(LayoutTarget.valueOf(row.getString(1)), row.getString(2), row.getString(3)));
  }

  /** Where this layout is attached (a layout in use is not deleted). */
  public List<LayoutAssignment> using(Connection c, String layoutId) throws SQLException {
    return Sql.list(c, "SELECT target_kind, target_id, layout_id FROM layout_assignments WHERE layout_id = ?"
        + " ORDER BY target_kind, target_id",
        row -> new LayoutAssignment(LayoutTarget.valueOf(row.getString(1)), row.getString(2), row.getString(3)),
        layoutId);
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

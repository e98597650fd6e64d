package io.gatecast.controller.layouts;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layouts (issue 23): their rules (a known template filled region by region, items that exist),
 * where they are attached, the gate facts their widgets show, the writes and the audit entries.
 * Whether an item is approved is not asked here: an item may be written and reviewed after the
 * layout names it. What goes on air is decided where the rules are built ({@code RulesBuilder}
 * leaves out what is not approved).
 */
public final class LayoutService {
  /** Whether a stored thing of some kind has this id (the owning feature answers). */
  @FunctionalInterface
  public interface Exists {
    boolean exists(Connection c, String id) throws SQLException;
  }

  /** The features a layout refers to: content items, gates, campaigns, screens. */
  public record Lookups(Exists content, Exists gates, Exists campaigns, Exists screens) {}

  private final Database db;
  private final Clock clock;
  private final LayoutRepository layouts;
  private final Lookups lookups;
  private final AuditLog audit;

  public LayoutService(Database db, Clock clock, LayoutRepository layouts, Lookups lookups, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.layouts = layouts;
    this.lookups = lookups;
    this.audit = audit;
  }

  /**
   * The layout a request describes, refused with a code the console translates: a template the
   * controller does not have ({@code LAYOUT_TEMPLATE_UNKNOWN}), a region the template lacks
   * ({@code LAYOUT_REGION_UNKNOWN}), a band left unfilled ({@code LAYOUT_REGION_MISSING}).
   */
  public static LayoutSpec layout(String id, String template, ScreenShape shape, List<RegionSpec> regions) {
    if (template == null || shape == null || Templates.find(template, shape).isEmpty()) {
      throw Refusal.badInput("LAYOUT_TEMPLATE_UNKNOWN", "template " + template + " does not exist for shape " + shape
          + "; templates are " + Templates.all().stream().map(LayoutTemplate::id).distinct().toList(),
          Map.of("field", "template", "value", String.valueOf(template)));
    }
    LayoutTemplate t = Templates.get(template, shape);
    Set<RegionRole> given = EnumSet.noneOf(RegionRole.class);
    for (RegionSpec r : regions == null ? List.<RegionSpec>of() : regions) {
      given.add(r.role());
      if (t.region(r.role()).isEmpty()) {
        throw Refusal.badInput("LAYOUT_REGION_UNKNOWN", "region " + r.role() + " is not a region of template "
            + template + " (" + t.roles() + ")", Map.of("field", "regions", "value", r.role().name()));
      }
    }
    for (RegionRole role : t.roles()) {
      if (role != RegionRole.MAIN && !given.contains(role)) {
        throw Refusal.badInput("LAYOUT_REGION_MISSING", "the " + role + " region of template " + template
            + " must be filled (a playlist or widgets); an unfilled band would be black",
            Map.of("field", "regions", "value", role.name()));
      }
    }
    try {
      return new LayoutSpec(id, template, shape, regions);
    } catch (IllegalArgumentException e) {
      throw Refusal.badInput("LAYOUT_INVALID", e.getMessage(), Map.of("field", "regions"));
    }
  }

  public Future<LayoutSpec> create(String actor, LayoutSpec layout) {
    return db.transaction(c -> {
      requireItems(c, layout);
      if (layouts.find(c, layout.id()).isPresent()) {
        throw Refusal.conflict("LAYOUT_EXISTS", "a layout with id " + layout.id() + " already exists",
            Map.of("field", "id", "value", layout.id()));
      }
      layouts.insert(c, layout, clock.instant());
      audit.record(c, actor, "create", "layout", layout.id(), null, layout);
      return layout;
    });
  }

  public Future<LayoutSpec> edit(String actor, LayoutSpec layout) {
    return db.transaction(c -> {
      LayoutSpec before = layouts.find(c, layout.id()).orElseThrow(() -> noLayout(layout.id()));
      requireItems(c, layout);
      layouts.replace(c, layout, clock.instant());
      audit.record(c, actor, "edit", "layout", layout.id(), before, layout);
      return layout;
    });
  }

  public Future<Void> delete(String actor, String id) {
    return db.transaction(c -> {
      LayoutSpec before = layouts.find(c, id).orElseThrow(() -> noLayout(id));
      List<LayoutAssignment> using = layouts.using(c, id);
      if (!using.isEmpty()) {
        throw Refusal.conflict("LAYOUT_IN_USE", "layout " + id + " is attached to "
            + using.stream().map(a -> a.target() + " " + a.targetId()).toList() + "; detach it first",
            Map.of("value", id));
      }
      layouts.delete(c, id);
      audit.record(c, actor, "delete", "layout", id, before, null);
      return null;
    });
  }

  public Future<List<LayoutSpec>> all() {
    return db.transaction(layouts::all);
  }

  public Future<LayoutSpec> find(String id) {
    return db.transaction(c -> layouts.find(c, id).orElseThrow(() -> noLayout(id)));
  }

  /** Attaches a layout to a gate, a campaign or a screen, replacing what was attached there. */
  public Future<LayoutAssignment> assign(String actor, LayoutAssignment assignment) {
    return db.transaction(c -> {
      layouts.find(c, assignment.layoutId()).orElseThrow(() -> noLayout(assignment.layoutId()));
      requireTarget(c, assignment.target(), assignment.targetId());
      LayoutAssignment before = layouts.assignment(c, assignment.target(), assignment.targetId()).orElse(null);
      layouts.assign(c, assignment);
      audit.record(c, actor, "assign", "layout", assignment.target() + ":" + assignment.targetId(), before, assignment);
      return assignment;
    });
  }

  public Future<Void> unassign(String actor, LayoutTarget target, String targetId) {
    return db.transaction(c -> {
      LayoutAssignment before = layouts.assignment(c, target, targetId).orElseThrow(() -> Refusal.notFound(
          "LAYOUT_NOT_ATTACHED", "no layout is attached to " + target + " " + targetId, Map.of("value", targetId)));
      layouts.unassign(c, target, targetId);
      audit.record(c, actor, "unassign", "layout", target + ":" + targetId, before, null);
      return null;
    });
  }

  public Future<List<LayoutAssignment>> assignments() {
    return db.transaction(layouts::assignments);
  }

  /** Sets a gate's opening hours and clock zones (audited like other gate settings). */
  public Future<GateFacts> putFacts(String actor, String clusterId, GateFacts facts) {
    return db.transaction(c -> {
      requireTarget(c, LayoutTarget.GATE, clusterId);
      GateFacts before = layouts.facts(c, clusterId);
      layouts.putFacts(c, clusterId, facts, clock.instant());
      audit.record(c, actor, "edit", "gate-facts", clusterId, before, facts);
      return facts;
    });
  }

  public Future<GateFacts> facts(String clusterId) {
    return db.transaction(c -> {
      requireTarget(c, LayoutTarget.GATE, clusterId);
      return layouts.facts(c, clusterId);
    });
  }

  private void requireItems(Connection c, LayoutSpec layout) throws SQLException {
    List<String> unknown = new ArrayList<>();
    for (String id : layout.itemIds()) {
      if (!unknown.contains(id) && !lookups.content().exists(c, id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw Refusal.badInput("LAYOUT_ITEM_UNKNOWN", "the layout names content items that do not exist: " + unknown
          + "; write them first with POST /api/v1/content (they go through review like any item)",
          Map.of("field", "regions", "value", String.join(",", unknown)));
    }
  }

  private void requireTarget(Connection c, LayoutTarget target, String id) throws SQLException {
    Exists exists = switch (target) {
      case GATE -> lookups.gates();
      case CAMPAIGN -> lookups.campaigns();
      case SCREEN -> lookups.screens();
    };
    if (!exists.exists(c, id)) {
      throw Refusal.notFound("LAYOUT_TARGET_UNKNOWN", "no " + target.name().toLowerCase(java.util.Locale.ROOT) + " " + id,
          Map.of("field", "targetId", "value", id));
    }
  }

  private static Refusal noLayout(String id) {
    return Refusal.notFound("LAYOUT_UNKNOWN", "no layout " + id, Map.of("value", id));
  }
}

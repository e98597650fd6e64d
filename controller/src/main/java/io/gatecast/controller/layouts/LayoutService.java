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

  /** A content item's review status (PENDING, APPROVED, REJECTED, RETIRED), empty for an unknown item. */
  @FunctionalInterface
  public interface Status {
    java.util.Optional<String> of(Connection c, String id) throws SQLException;
  }

  /** The features a layout refers to: content items (and their status), gates, campaigns, screens. */
  public record Lookups(Exists content, Status contentStatus, Exists gates, Exists campaigns, Exists screens) {}

  /** An item a layout names that is not on air now (a screen leaves it out), and why: its review status. */
  public record OffAir(String itemId, String status) {}

  /**
   * A stored layout as the editor reads it: the layout, and the items it names that are not on air
   * (in review, rejected, or retired — a retired item is allowed and simply stops playing, so the
   * editor must say it is gone rather than show it as if it were shown).
   */
  public record Listed(LayoutSpec layout, List<OffAir> offAir) {}

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
      if (before.shape() != layout.shape()) {
        // Where it is attached it was chosen for its shape: a gate's default of that shape, a screen of that orientation.
        requireUnused(c, layout.id(), "its shape cannot change while it is attached");
      }
      layouts.replace(c, layout, clock.instant());
      audit.record(c, actor, "edit", "layout", layout.id(), before, layout);
      return layout;
    });
  }

  /** Deleted only when attached nowhere; the refusal names the gates, campaigns and screens that use it. */
  public Future<Void> delete(String actor, String id) {
    return db.transaction(c -> {
      LayoutSpec before = layouts.find(c, id).orElseThrow(() -> noLayout(id));
      requireUnused(c, id, "detach it first");
      layouts.delete(c, id);
      audit.record(c, actor, "delete", "layout", id, before, null);
      return null;
    });
  }

  private void requireUnused(Connection c, String id, String advice) throws SQLException {
    List<LayoutAssignment> using = layouts.using(c, id);
    if (!using.isEmpty()) {
      Map<String, Object> details = new java.util.LinkedHashMap<>();
      details.put("value", id);
      details.put("gates", idsOf(using, LayoutTarget.GATE));
      details.put("campaigns", idsOf(using, LayoutTarget.CAMPAIGN));
      details.put("screens", idsOf(using, LayoutTarget.SCREEN));
      throw Refusal.conflict("LAYOUT_IN_USE", "layout " + id + " is attached to the gates " + details.get("gates")
          + ", the campaigns " + details.get("campaigns") + " and the screens " + details.get("screens") + "; "
          + advice + "; nothing was changed", details);
    }
  }

  private static List<String> idsOf(List<LayoutAssignment> using, LayoutTarget target) {
    return using.stream().filter(a -> a.target() == target).map(LayoutAssignment::targetId).distinct().toList();
  }

  public Future<List<LayoutSpec>> all() {
    return db.transaction(layouts::all);
  }

  public Future<LayoutSpec> find(String id) {
    return db.transaction(c -> layouts.find(c, id).orElseThrow(() -> noLayout(id)));
  }

  /** Every layout with the items it names that are not on air. */
  public Future<List<Listed>> listed() {
    return db.transaction(c -> {
      Map<String, String> statuses = new java.util.HashMap<>();
      List<Listed> out = new ArrayList<>();
      for (LayoutSpec layout : layouts.all(c)) {
        out.add(listed(c, layout, statuses));
      }
      return out;
    });
  }

  /** One layout with the items it names that are not on air. */
  public Future<Listed> findListed(String id) {
    return db.transaction(c -> listed(c, layouts.find(c, id).orElseThrow(() -> noLayout(id)), new java.util.HashMap<>()));
  }

  private Listed listed(Connection c, LayoutSpec layout, Map<String, String> statuses) throws SQLException {
    List<OffAir> offAir = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(layout.itemIds())) {
      String status = statuses.get(id);
      if (status == null) {
        status = lookups.contentStatus().of(c, id).orElse("MISSING");
        statuses.put(id, status);
      }
      if (!status.equals("APPROVED")) {
        offAir.add(new OffAir(id, status));
      }
    }
    return new Listed(layout, offAir);
  }

  /**
   * Attaches a layout to a gate, a campaign or a screen. The layout's own shape decides what it
   * replaces: at a gate, the default of that shape (the other shape's default stays); at a campaign
   * or a screen, what was attached. A screen is refused a layout not drawn for its orientation
   * ({@code LAYOUT_SHAPE_MISMATCH}; no orientation counts as landscape).
   */
  public Future<LayoutAssignment> assign(String actor, LayoutAssignment asked) {
    return db.transaction(c -> {
      LayoutSpec layout = layouts.find(c, asked.layoutId()).orElseThrow(() -> noLayout(asked.layoutId()));
      requireTarget(c, asked.target(), asked.targetId());
      if (asked.target() == LayoutTarget.SCREEN) {
        ScreenShape shape = layouts.screenShape(c, asked.targetId()).orElseThrow();
        if (shape != layout.shape()) {
          throw Refusal.conflict("LAYOUT_SHAPE_MISMATCH", "layout " + layout.id() + " is drawn for " + layout.shape()
              + " but screen " + asked.targetId() + " is " + orientation(shape) + "; choose a layout of its shape",
              Map.of("screen", asked.targetId(), "orientation", orientation(shape), "layout", layout.id(),
                  "shape", layout.shape().name()));
        }
      }
      LayoutAssignment assignment = new LayoutAssignment(asked.target(), asked.targetId(), layout.id(), layout.shape());
      List<LayoutAssignment> before = layouts.assignmentsOf(c, asked.target(), asked.targetId());
      layouts.assign(c, assignment);
      audit.record(c, actor, "assign", "layout", asked.target() + ":" + asked.targetId(), before, assignment);
      return assignment;
    });
  }

  /** The orientation word of a screen of this shape, as the screens API spells it. */
  public static String orientation(ScreenShape shape) {
    return shape == ScreenShape.PORTRAIT_9_16 ? "PORTRAIT" : "LANDSCAPE";
  }

  /** Detaches the target's layout of this shape, or (null shape) every layout attached to it. */
  public Future<Void> unassign(String actor, LayoutTarget target, String targetId, ScreenShape shape) {
    return db.transaction(c -> {
      List<LayoutAssignment> before = layouts.assignmentsOf(c, target, targetId).stream()
          .filter(a -> shape == null || a.shape() == shape).toList();
      if (before.isEmpty()) {
        throw Refusal.notFound("LAYOUT_NOT_ATTACHED", "no layout" + (shape == null ? "" : " of shape " + shape)
            + " is attached to " + target + " " + targetId, Map.of("value", targetId));
      }
      layouts.unassign(c, target, targetId, shape);
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

package io.gatecast.controller.calendar;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.schedules.Ownership;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.layout.Layout;
import io.gatecast.schedules.layout.Region;
import io.gatecast.schedules.layout.ScreenLayouts;
import io.gatecast.schedules.wire.ScreenLayout;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What plays when on a cluster, group or screen, in blocks a week or month view can draw: "campaign
 * X (priority P) from 07:00 to 09:00". Asked of the same engine, with the same rules
 * ({@code RulesBuilder}) that a publish sends, via {@link ScreenSchedule#ownership}, which merges
 * the 10-second slots into stretches with one winner.
 *
 * <p>A cluster or group is the union over its screens: screens with the same rules, zone and
 * cluster have the same timeline, so each such lane is computed once; identical blocks of
 * different lanes are merged and a block that not every screen shows names its screens.
 *
 * <p>When a screen of the target has a layout (its own, its gate's, or one a campaign brings),
 * the answer also carries {@code layouts} (which layout applies when, and why, in the words of
 * {@link ScreenLayouts#explain(Instant)}) and {@code regions} (per region of that layout, what it
 * plays, with {@link ScreenLayouts#explain(io.gatecast.schedules.layout.RegionRole, Instant)}).
 * Without any layout both are left out, so the answer is the programme's alone, as before.
 */
public final class CalendarView {
  /** Longest window one answer covers: a month view of six weeks. */
  public static final Duration MAX_WINDOW = Duration.ofDays(42);
  /** Most blocks in one answer; beyond it the answer is cut and says so. */
  public static final int MAX_BLOCKS = 5_000;

  /** What was asked about. {@code kind}: cluster, group or screen. */
  public record Target(String kind, String id, String name) {}

  /** A campaign as the calendar labels it. */
  public record CampaignLabel(String name, int priority, int weight, String playlistId) {}

  /**
   * One stretch with one owner. {@code localStart}/{@code localEnd} are wall-clock times in the
   * answer's zone; {@code priority} is the owning campaigns' (null for default, idle); {@code screens}
   * is null when every screen of the target shows it.
   */
  public record Block(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd, SlotKind kind,
      List<String> sourceIds, Integer priority, List<String> screens) {}

  /** Where the layout that applies comes from (issue 23: screen override > campaign's > gate default). */
  public enum LayoutOrigin { SCREEN, CAMPAIGN, GATE, NONE }

  /**
   * One stretch with one layout: {@code layoutId} null (origin NONE) is the programme full screen;
   * {@code campaignId} the campaign on air that brings it. {@code explanation}: the engine's sentences
   * at {@code start} (they name the MAIN slot playing then; the layout holds until {@code end}).
   */
  public record LayoutBlock(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd,
      String layoutId, LayoutOrigin origin, String campaignId, List<String> explanation, List<String> screens) {}

  /**
   * What one region of the layout that applies plays over a stretch: the programme (MAIN; the
   * programme's blocks say what), a playlist ({@code playlistId}) or widgets ({@code widgets}, by type).
   */
  public record RegionBlock(Instant start, Instant end, LocalDateTime localStart, LocalDateTime localEnd,
      String role, String layoutId, String content, String playlistId, List<String> widgets,
      List<String> explanation, List<String> screens) {}

  /**
   * {@code layouts}/{@code regions}: null (left out of the JSON) when no screen of the target has a
   * layout. {@code truncated}: one of the lists was cut at {@link #MAX_BLOCKS}.
   */
  public record View(Target target, String zone, LocalDate from, LocalDate to, int screenCount,
      Map<String, CampaignLabel> campaigns, List<Block> blocks, boolean truncated,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<LayoutBlock> layouts,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<RegionBlock> regions) {
    public View(Target target, String zone, LocalDate from, LocalDate to, int screenCount,
        Map<String, CampaignLabel> campaigns, List<Block> blocks, boolean truncated) {
      this(target, zone, from, to, screenCount, campaigns, blocks, truncated, null, null);
    }
  }

  private record LaneKey(Object rules, ZoneId zone, String cluster) {}

  /** Screens with the same rules, zone, layouts and layout origin have the same layout timeline. */
  private record LayoutLaneKey(Object rules, ZoneId zone, String cluster, ScreenLayout layout,
      Map<String, ScreenLayout> campaignLayouts, boolean own) {}

  /** A layout stretch before it is labelled: merged while the layout and its reason stay the same. */
  private record Span(Instant start, Instant end, ScreenLayouts.Choice choice) {}

  private record BlockKey(Instant start, Instant end, SlotKind kind, List<String> sources) {}

  private CalendarView() {}

  /**
   * The calendar of {@code plans} (one per screen of the target) over local days {@code [from, to)}
   * in {@code zone}. CPU-bound: run it off the event loop.
   */
  public static View of(Target target, ZoneId zone, LocalDate from, LocalDate to, List<ScreenPlan> plans,
      Collection<CampaignDefinition> definitions) {
    return of(target, zone, from, to, plans, definitions, Set.of());
  }

  /**
   * As {@link #of(Target, ZoneId, LocalDate, LocalDate, List, Collection)}, with the layouts and
   * regions of zoned screens; {@code ownLayout}: the screens whose layout is their own (the others'
   * is their gate's).
   */
  public static View of(Target target, ZoneId zone, LocalDate from, LocalDate to, List<ScreenPlan> plans,
      Collection<CampaignDefinition> definitions, Set<String> ownLayout) {
    View programme = programme(target, zone, from, to, plans, definitions);
    if (plans.stream().noneMatch(p -> p.layout() != null || !p.campaignLayouts().isEmpty())) {
      return programme;
    }
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    Map<LayoutLaneKey, List<ScreenPlan>> lanes = new LinkedHashMap<>();
    for (ScreenPlan plan : plans) {
      lanes.computeIfAbsent(new LayoutLaneKey(plan.rules(), plan.screen().zone(), plan.screen().clusterId(),
          plan.layout(), plan.campaignLayouts(), ownLayout.contains(plan.screen().id())), k -> new ArrayList<>()).add(plan);
    }
    Map<LayoutBlock, TreeSet<String>> layoutScreens = new LinkedHashMap<>();
    Map<RegionBlock, TreeSet<String>> regionScreens = new LinkedHashMap<>();
    for (Map.Entry<LayoutLaneKey, List<ScreenPlan>> lane : lanes.entrySet()) {
      ScreenPlan first = lane.getValue().get(0);
      Map<String, Layout> brought = new TreeMap<>();
      first.campaignLayouts().forEach((id, l) -> brought.put(id, l.engine()));
      ScreenLayouts engine = new ScreenLayouts(first.rules(), first.screen(),
          first.layout() == null ? null : first.layout().engine(), brought);
      for (Span span : spans(engine, start, end)) {
        ScreenLayouts.Choice c = span.choice();
        LayoutOrigin origin = c.layout() == null ? LayoutOrigin.NONE : c.campaignId() != null ? LayoutOrigin.CAMPAIGN
            : lane.getKey().own() ? LayoutOrigin.SCREEN : LayoutOrigin.GATE;
        LayoutBlock block = new LayoutBlock(span.start(), span.end(), local(span.start(), zone), local(span.end(), zone),
            c.layout() == null ? null : c.layout().id(), origin, c.campaignId(),
            engine.explain(span.start()).sentences(), null);
        lane.getValue().forEach(p -> layoutScreens.computeIfAbsent(block, k -> new TreeSet<>()).add(p.screen().id()));
        if (c.layout() == null) {
          continue; // the programme full screen: the programme's blocks say it all
        }
        for (Region r : c.layout().regions()) {
          RegionBlock rb = new RegionBlock(span.start(), span.end(), block.localStart(), block.localEnd(), r.role().name(),
              c.layout().id(), r.content().name(), r.playlist() == null ? null : r.playlist().id(), r.widgets(),
              engine.explain(r.role(), span.start()).sentences(), null);
          lane.getValue().forEach(p -> regionScreens.computeIfAbsent(rb, k -> new TreeSet<>()).add(p.screen().id()));
        }
      }
    }
    List<LayoutBlock> layouts = new ArrayList<>();
    for (Map.Entry<LayoutBlock, TreeSet<String>> e : sorted(layoutScreens, LayoutBlock::start, LayoutBlock::end)) {
      LayoutBlock b = e.getKey();
      layouts.add(new LayoutBlock(b.start(), b.end(), b.localStart(), b.localEnd(), b.layoutId(), b.origin(),
          b.campaignId(), b.explanation(), screensOf(e.getValue(), plans.size())));
    }
    List<RegionBlock> regions = new ArrayList<>();
    for (Map.Entry<RegionBlock, TreeSet<String>> e : sorted(regionScreens, RegionBlock::start, RegionBlock::end)) {
      RegionBlock b = e.getKey();
      regions.add(new RegionBlock(b.start(), b.end(), b.localStart(), b.localEnd(), b.role(), b.layoutId(), b.content(),
          b.playlistId(), b.widgets(), b.explanation(), screensOf(e.getValue(), plans.size())));
    }
    boolean cut = layouts.size() > MAX_BLOCKS || regions.size() > MAX_BLOCKS;
    return new View(programme.target(), programme.zone(), from, to, programme.screenCount(), programme.campaigns(),
        programme.blocks(), programme.truncated() || cut,
        layouts.subList(0, Math.min(MAX_BLOCKS, layouts.size())), regions.subList(0, Math.min(MAX_BLOCKS, regions.size())));
  }

  /**
   * The layout stretches of one lane over {@code [start, end)}, from the engine. The layout can change
   * only where a campaign with a layout is on air in MAIN, so a stretch owned by one source is asked
   * once ({@link ScreenLayouts#choiceAt}) and only a shared stretch in which a campaign brings a layout
   * is walked slot by slot ({@link ScreenLayouts#choices}). Neighbours with the same layout and reason merge.
   */
  private static List<Span> spans(ScreenLayouts engine, Instant start, Instant end) {
    List<Span> out = new ArrayList<>();
    for (Ownership o : engine.main().ownership(start, end)) {
      boolean switches = o.kind() == SlotKind.CAMPAIGN && o.sourceIds().size() > 1
          && o.sourceIds().stream().anyMatch(engine.campaignLayouts()::containsKey);
      List<ScreenLayouts.Choice> choices = switches ? engine.choices(o.start(), o.end()) : List.of(engine.choiceAt(o.start()));
      for (ScreenLayouts.Choice c : choices) {
        Instant a = switches && c.start().isAfter(o.start()) ? c.start() : o.start();
        Instant b = switches && c.end().isBefore(o.end()) ? c.end() : o.end();
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).end().equals(a) && sameReason(out.get(last).choice(), c)) {
          out.set(last, new Span(out.get(last).start(), b, out.get(last).choice()));
        } else {
          out.add(new Span(a, b, c));
        }
      }
    }
    return out;
  }

  private static boolean sameReason(ScreenLayouts.Choice a, ScreenLayouts.Choice b) {
    return a.layout() == b.layout() && java.util.Objects.equals(a.campaignId(), b.campaignId())
        && (a.campaignId() != null || sameMain(a, b));
  }

  /** Under the screen's layout, its reason names what MAIN plays: a new owner is a new sentence. */
  private static boolean sameMain(ScreenLayouts.Choice a, ScreenLayouts.Choice b) {
    return a.mainSlot().kind() == b.mainSlot().kind()
        && (a.mainSlot().kind() != SlotKind.CAMPAIGN || a.mainSlot().sourceId().equals(b.mainSlot().sourceId()));
  }

  private static <B> List<Map.Entry<B, TreeSet<String>>> sorted(Map<B, TreeSet<String>> blocks,
      java.util.function.Function<B, Instant> start, java.util.function.Function<B, Instant> end) {
    List<Map.Entry<B, TreeSet<String>>> out = new ArrayList<>(blocks.entrySet());
    out.sort(Comparator.comparing((Map.Entry<B, TreeSet<String>> e) -> start.apply(e.getKey()))
        .thenComparing(e -> end.apply(e.getKey())));
    return out;
  }

  private static List<String> screensOf(TreeSet<String> screens, int all) {
    return screens.size() == all ? null : List.copyOf(screens);
  }

  private static LocalDateTime local(Instant t, ZoneId zone) {
    return LocalDateTime.ofInstant(t, zone);
  }

  private static View programme(Target target, ZoneId zone, LocalDate from, LocalDate to, List<ScreenPlan> plans,
      Collection<CampaignDefinition> definitions) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.atStartOfDay(zone).toInstant();
    Map<LaneKey, List<ScreenPlan>> lanes = new LinkedHashMap<>();
    for (ScreenPlan plan : plans) {
      lanes.computeIfAbsent(new LaneKey(plan.rules(), plan.screen().zone(), plan.screen().clusterId()),
          k -> new ArrayList<>()).add(plan);
    }
    Map<BlockKey, TreeSet<String>> screensByBlock = new LinkedHashMap<>();
    Map<String, Integer> priorities = new TreeMap<>();
    for (List<ScreenPlan> lane : lanes.values()) {
      ScreenPlan first = lane.get(0);
      first.rules().campaigns().forEach(c -> priorities.put(c.id(), c.priority()));
      for (Ownership o : new ScreenSchedule(first.rules(), first.screen()).ownership(start, end)) {
        TreeSet<String> ids = screensByBlock.computeIfAbsent(
            new BlockKey(o.start(), o.end(), o.kind(), o.sourceIds()), k -> new TreeSet<>());
        lane.forEach(p -> ids.add(p.screen().id()));
      }
    }
    Map<String, CampaignDefinition> byId = new LinkedHashMap<>();
    definitions.forEach(d -> byId.put(d.id(), d));
    List<Block> blocks = new ArrayList<>();
    Map<String, CampaignLabel> labels = new TreeMap<>();
    List<Map.Entry<BlockKey, TreeSet<String>>> ordered = new ArrayList<>(screensByBlock.entrySet());
    ordered.sort(Comparator.comparing((Map.Entry<BlockKey, TreeSet<String>> e) -> e.getKey().start())
        .thenComparing(e -> e.getKey().end()));
    for (Map.Entry<BlockKey, TreeSet<String>> e : ordered) {
      if (blocks.size() == MAX_BLOCKS) {
        break;
      }
      BlockKey k = e.getKey();
      Integer priority = null;
      if (k.kind() == SlotKind.CAMPAIGN) {
        priority = priorities.get(k.sources().get(0));
        for (String id : k.sources()) {
          CampaignDefinition d = byId.get(id);
          if (d != null) {
            labels.put(id, new CampaignLabel(d.name(), d.priority(), d.weight(), d.playlistId()));
          }
        }
      }
      List<String> screens = e.getValue().size() == plans.size() ? null : List.copyOf(e.getValue());
      blocks.add(new Block(k.start(), k.end(), LocalDateTime.ofInstant(k.start(), zone),
          LocalDateTime.ofInstant(k.end(), zone), k.kind(), k.sources(), priority, screens));
    }
    return new View(target, zone.getId(), from, to, plans.size(), labels, blocks,
        blocks.size() < screensByBlock.size());
  }
}

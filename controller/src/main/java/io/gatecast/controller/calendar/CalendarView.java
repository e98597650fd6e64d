package io.gatecast.controller.calendar;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.schedules.Ownership;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.SlotKind;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What plays when on a cluster, group or screen, in blocks a week or month view can draw: "campaign
 * X (priority P) from 07:00 to 09:00". Asked of the same engine, with the same rules
 * ({@code RulesBuilder}) that a publish sends, via {@link ScreenSchedule#ownership}, which merges
 * the 10-second slots into stretches with one winner.
 *
 * <p>A cluster or group is the union over its screens: screens with the same rules, zone and
 * cluster have the same timeline, so each such lane is computed once; identical blocks of
 * different lanes are merged and a block that not every screen shows names its screens.
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

  public record View(Target target, String zone, LocalDate from, LocalDate to, int screenCount,
      Map<String, CampaignLabel> campaigns, List<Block> blocks, boolean truncated) {}

  private record LaneKey(Object rules, ZoneId zone, String cluster) {}

  private record BlockKey(Instant start, Instant end, SlotKind kind, List<String> sources) {}

  private CalendarView() {}

  /**
   * The calendar of {@code plans} (one per screen of the target) over local days {@code [from, to)}
   * in {@code zone}. CPU-bound: run it off the event loop.
   */
  public static View of(Target target, ZoneId zone, LocalDate from, LocalDate to, List<ScreenPlan> plans,
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

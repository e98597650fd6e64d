package io.gatecast.controller.calendar;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.layouts.LayoutChoice;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.schedules.checks.Checks;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.checks.Severity;
import io.gatecast.schedules.layout.LayoutChecks;
import io.gatecast.schedules.layout.LayoutSchedule;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's checks over what the next publish would send: every screen that is not revoked,
 * with the rules {@code RulesBuilder} builds for it (the same the publish signs). Screens with
 * equal rules are checked together; a finding raised for several groups of screens (two campaigns
 * overlapping on screens with different own playlists) is listed once, with all its screens.
 */
public final class PublishChecks {
  /** Longest look-ahead for gaps. */
  public static final Duration MAX_WINDOW = Duration.ofDays(42);

  /**
   * One finding; {@code subjects} are the campaigns or items concerned, {@code screens} the screens
   * it was found on (empty for a campaign that reaches none); {@code details} the message's parts
   * (see {@link Finding}), from the first group of screens like the message.
   */
  public record Item(Severity severity, String code, String message, List<String> subjects, List<String> screens,
      Map<String, String> details) {}

  public record View(Instant from, Instant to, int screenCount, List<Item> findings) {}

  /** A screen's own layout is drawn for the other shape than the screen's orientation (details: screen, orientation, layout, shape). */
  public static final String LAYOUT_SHAPE_MISMATCH = "LAYOUT_SHAPE_MISMATCH";

  private record Key(String code, List<String> subjects) {}

  private PublishChecks() {}

  /**
   * CPU-bound: run it off the event loop. {@code mismatches}: screens whose own layout is not drawn
   * for their shape (they show their gate's default for it, or none).
   */
  public static View of(List<ScreenPlan> plans, Collection<CampaignDefinition> campaigns,
      List<LayoutChoice.Mismatch> mismatches, Instant from, Instant to) {
    Map<Rules, List<Screen>> byRules = new LinkedHashMap<>();
    for (ScreenPlan plan : plans) {
      byRules.computeIfAbsent(plan.rules(), r -> new ArrayList<>()).add(plan.screen());
    }
    Set<String> allScreens = new HashSet<>();
    plans.forEach(p -> allScreens.add(p.screen().id()));
    // A zoned screen's black time is its MAIN region's (below): the bands stay lit, and a MAIN with
    // a playlist of its own is not black at all where the programme has a gap.
    Set<String> zoned = new HashSet<>();
    plans.stream().filter(p -> p.layout() != null).forEach(p -> zoned.add(p.screen().id()));
    Map<Key, Item> found = new LinkedHashMap<>();
    for (Map.Entry<Rules, List<Screen>> group : byRules.entrySet()) {
      List<String> ids = group.getValue().stream().map(Screen::id).toList();
      for (Finding f : Checks.run(group.getKey(), group.getValue(), from, to)) {
        if (f.code().equals(Finding.GAP) && f.subjects().stream().anyMatch(zoned::contains)) {
          continue;
        }
        // Screens named among the subjects go to `screens`, so the same problem found on two
        // groups of screens has one key; the message kept is the first group's.
        List<String> named = f.subjects().stream().filter(allScreens::contains).toList();
        List<String> subjects = f.subjects().stream().filter(x -> !allScreens.contains(x)).toList();
        List<String> screens = named.isEmpty() ? ids : named;
        found.merge(new Key(f.code(), subjects),
            new Item(f.severity(), f.code(), f.message(), subjects, screens, f.details()),
            (a, b) -> new Item(a.severity(), a.code(), a.message(), a.subjects(), union(a.screens(), b.screens()),
                a.details()));
      }
    }
    for (ScreenPlan plan : plans) {
      if (plan.layout() != null) {
        for (Finding f : mainRegionEmpty(plan, from, to)) {
          // Like GAP: one finding per layout, listing every screen it was found on (the first one's sentence).
          found.merge(new Key(f.code(), List.of(plan.layout().spec().id())), new Item(f.severity(), f.code(), f.message(),
              List.of(plan.layout().spec().id()), List.of(plan.screen().id()), f.details()),
              (a, b) -> new Item(a.severity(), a.code(), a.message(), a.subjects(), union(a.screens(), b.screens()),
                  a.details()));
        }
      }
    }
    for (LayoutChoice.Mismatch m : mismatches) {
      found.put(new Key(LAYOUT_SHAPE_MISMATCH, List.of(m.layout(), m.screen())), new Item(Severity.WARNING,
          LAYOUT_SHAPE_MISMATCH, "Screen " + m.screen() + " is " + LayoutService.orientation(m.orientation())
              + " but its own layout " + m.layout() + " is drawn for " + m.shape() + ": it is not shown there; the screen"
              + " shows its gate's " + m.orientation() + " default, or full screen without one.",
          List.of(m.layout()), List.of(m.screen()), Finding.details("screen", m.screen(),
              "orientation", LayoutService.orientation(m.orientation()), "layout", m.layout(), "shape", m.shape().name())));
    }
    // Per-screen rules only hold the campaigns aimed at that screen: one aimed at none is seen here.
    for (CampaignDefinition c : campaigns) {
      boolean reaches = plans.stream().anyMatch(p -> c.engineTargets().matches(p.screen()));
      if (!reaches) {
        found.put(new Key(Finding.NO_SCREENS, List.of(c.id())), new Item(Severity.WARNING, Finding.NO_SCREENS,
            "Campaign '" + c.name() + "' (" + c.id() + ") targets none of the screens a publish sends to.",
            List.of(c.id()), List.of(), Finding.details("campaign", c.id(), "campaignName", c.name())));
      }
    }
    List<Item> items = new ArrayList<>(found.values());
    items.sort(Comparator.comparing(Item::severity).thenComparing(Item::code));
    return new View(from, to, plans.size(), items);
  }

  /**
   * A zoned screen's black time: {@code MAIN_REGION_EMPTY} when its MAIN region would show nothing
   * in {@code [from, to)}; nothing for a screen without a layout. For a zoned screen this replaces
   * the engine's {@code GAP} (a MAIN region with a playlist of its own is not black in the programme's gaps).
   */
  public static List<Finding> mainRegionEmpty(ScreenPlan plan, Instant from, Instant to) {
    return plan.layout() == null ? List.of()
        : LayoutChecks.emptyMain(new LayoutSchedule(plan.rules(), plan.screen(), plan.layout().engine()), from, to);
  }

  private static List<String> union(List<String> a, List<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}

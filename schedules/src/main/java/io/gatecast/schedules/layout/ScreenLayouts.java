package io.gatecast.schedules.layout;

import io.gatecast.schedules.Explanation;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which layout a screen shows at each instant (issue 23), and every region's timeline across the
 * switches: pure, like {@link ScreenSchedule}, so two screens of a gate with the same rules switch
 * together without talking.
 *
 * <p>The rule: while a campaign that brings its own layout is on air in the MAIN region of the
 * screen's layout (its programme), that campaign's layout applies, for exactly that MAIN slot;
 * otherwise the screen's layout does (null: the programme full screen). So a layout changes only
 * at a MAIN slot's edge, every region of the new layout starts there, and the regions still take
 * their language from the MAIN region of the layout that applies. A screen's own layout wins over
 * a campaign's: the controller sends no campaign layouts to a screen that has one, so this class
 * need not know where {@code defaultLayout} came from. Under an alert the screen's layout applies
 * (the alert covers every region anyway).
 */
public final class ScreenLayouts {
  /**
   * The layout that applies over {@code [start, end)} — one MAIN slot of the screen's layout — and
   * why: {@code campaignId} is the campaign on air that brought it, null when it is the screen's own
   * layout. {@code layout} null: the programme full screen.
   */
  public record Choice(Instant start, Instant end, Layout layout, String campaignId, Slot mainSlot) {
    public boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  /**
   * One choice and every region of its layout over exactly {@code [start, end)}: contiguous slots,
   * the first starting at {@code start}, the last ending at {@code end}. Without a layout, the one
   * MAIN region is the programme's slot.
   */
  public record Stretch(Choice choice, Map<RegionRole, List<RegionSlot>> regions) {}

  private final Screen screen;
  private final Layout defaultLayout;
  private final Map<String, Layout> campaignLayouts;
  private final ScreenSchedule main;
  /** By identity: two layouts may share an id (one stored layout built for a gate and for a campaign). */
  private final Map<Layout, LayoutSchedule> schedules = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Rules rules;

  /**
   * @param defaultLayout the screen's layout (its override, or its gate's); null: full screen
   * @param campaignLayouts the layouts campaigns bring, by campaign id
   */
  public ScreenLayouts(Rules rules, Screen screen, Layout defaultLayout, Map<String, Layout> campaignLayouts) {
    this.rules = rules;
    this.screen = screen;
    this.defaultLayout = defaultLayout;
    this.campaignLayouts = Collections.unmodifiableMap(new TreeMap<>(campaignLayouts));
    this.main = defaultLayout == null ? new ScreenSchedule(rules, screen) : schedule(defaultLayout).main();
  }

  public Layout defaultLayout() {
    return defaultLayout;
  }

  public Map<String, Layout> campaignLayouts() {
    return campaignLayouts;
  }

  /** The MAIN region of the screen's layout: whose campaign slots switch the layout. */
  public ScreenSchedule main() {
    return main;
  }

  /** The regions' schedule of one layout, built once. */
  public LayoutSchedule schedule(Layout layout) {
    return schedules.computeIfAbsent(layout, l -> new LayoutSchedule(rules, screen, l));
  }

  /** The layout that applies at {@code at}, over the MAIN slot playing then. */
  public Choice choiceAt(Instant at) {
    return choice(main.resolve(at));
  }

  /** The choices covering {@code [from, to)}, one per MAIN slot: the first starts at or before {@code from}. */
  public List<Choice> choices(Instant from, Instant to) {
    return main.timeline(from, to).stream().map(this::choice).toList();
  }

  /** Every choice covering {@code [from, to)} with its regions' slots. */
  public List<Stretch> timelines(Instant from, Instant to) {
    List<Stretch> out = new ArrayList<>();
    for (Choice c : choices(from, to)) {
      Map<RegionRole, List<RegionSlot>> regions = new EnumMap<>(RegionRole.class);
      if (c.layout() == null) {
        regions.put(RegionRole.MAIN, List.of(programme(c)));
      } else {
        schedule(c.layout()).timelines(c.start(), c.end()).forEach((role, slots) ->
            regions.put(role, slots.stream().map(s -> clip(s, c)).filter(s -> s.start().isBefore(s.end())).toList()));
      }
      out.add(new Stretch(c, regions));
    }
    return out;
  }

  /**
   * What a region of the layout that applies at {@code at} shows then; it agrees with the
   * {@link #timelines} slot containing {@code at}.
   *
   * @throws IllegalArgumentException when that layout has no such region
   */
  public RegionSlot resolve(RegionRole role, Instant at) {
    Choice c = choiceAt(at);
    if (c.layout() == null) {
      if (role != RegionRole.MAIN) {
        throw new IllegalArgumentException("no layout applies at " + at + ", so there is no " + role + " region");
      }
      return programme(c);
    }
    return clip(schedule(c.layout()).resolve(role, at), c);
  }

  /** Which layout applies at {@code at} and why, in sentences for an operator. */
  public Explanation explain(Instant at) {
    Choice c = choiceAt(at);
    return new Explanation(c.mainSlot(), List.of(reason(c)));
  }

  /** Why a region shows what it does at {@code at}: which layout applies and why, then the region's own reasons. */
  public Explanation explain(RegionRole role, Instant at) {
    Choice c = choiceAt(at);
    List<String> sentences = new ArrayList<>();
    sentences.add(reason(c));
    if (c.layout() == null) {
      sentences.addAll(main.explain(at).sentences());
      return new Explanation(c.mainSlot(), sentences);
    }
    Explanation region = schedule(c.layout()).explain(role, at);
    sentences.addAll(region.sentences());
    return new Explanation(region.slot(), sentences);
  }

  private Choice choice(Slot m) {
    if (m.kind() == SlotKind.CAMPAIGN && campaignLayouts.containsKey(m.sourceId())) {
      return new Choice(m.start(), m.end(), campaignLayouts.get(m.sourceId()), m.sourceId(), m);
    }
    return new Choice(m.start(), m.end(), defaultLayout, null, m);
  }

  private String reason(Choice c) {
    String span = " from " + c.start() + " to " + c.end();
    if (c.campaignId() != null) {
      return "Layout " + c.layout().id() + " applies" + span + ": campaign " + c.campaignId()
          + " is on air in the MAIN region and brings its own layout.";
    }
    String mainPlays = switch (c.mainSlot().kind()) {
      case CAMPAIGN -> "campaign " + c.mainSlot().sourceId() + ", which brings no layout of its own";
      case ALERT -> "alert " + c.mainSlot().sourceId() + ", which covers every region";
      case IDLE -> "nothing";
      default -> "the default playlist " + c.mainSlot().sourceId();
    };
    return (c.layout() == null ? "The programme plays full screen" : "The screen's layout " + c.layout().id() + " applies")
        + span + ": the MAIN region plays " + mainPlays + ".";
  }

  /** Without a layout: the programme's slot, as a MAIN region of the whole screen. */
  private RegionSlot programme(Choice c) {
    Slot m = c.mainSlot();
    return new RegionSlot(RegionRole.MAIN, m.start(), m.end(),
        m.language() != null ? m.language() : screen.languages().get(0), m);
  }

  /**
   * A region's slot cut to the choice's span. Only a campaign layout's MAIN with a playlist of its own
   * (and the regions it sets the language of) has slots that reach beyond it.
   */
  private static RegionSlot clip(RegionSlot s, Choice c) {
    Instant start = s.start().isBefore(c.start()) ? c.start() : s.start();
    Instant end = s.end().isAfter(c.end()) ? c.end() : s.end();
    return start.equals(s.start()) && end.equals(s.end()) ? s
        : new RegionSlot(s.role(), start, end, s.language(), s.slot());
  }
}

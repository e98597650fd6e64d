package io.gatecast.schedules.layout;

import io.gatecast.schedules.Explanation;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.SlotKind;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zoned screen's timelines: one per region, all from the same engine, all switching language at
 * the same instants.
 *
 * <p>The MAIN region is the screen's ordinary schedule (its programme, or a playlist of its own
 * with the rules' alerts still on top): its slots are exactly what {@link ScreenSchedule} gives,
 * and its language of the moment (the screen's first language while it is idle) is the language
 * of every region. A region with a playlist plays it the way the engine plays a default playlist
 * — loops anchored at local midnight, so screens agree without talking — once per language with
 * that language fixed; at each instant it shows its loop for the moment's language. A widget region
 * shows its widgets in the moment's language. So every region's language changes exactly where the
 * MAIN region's does, and nowhere else; and like the engine, every answer is a pure function of
 * (rules, screen, layout, instant).
 */
public final class LayoutSchedule {
  private final Screen screen;
  private final Layout layout;
  private final ScreenSchedule main;
  private final Map<RegionRole, Map<String, ScreenSchedule>> playlistLoops = new EnumMap<>(RegionRole.class);

  public LayoutSchedule(Rules rules, Screen screen, Layout layout) {
    this.screen = screen;
    this.layout = layout;
    Region m = layout.main();
    this.main = m.content() == RegionContent.PLAYLIST
        ? new ScreenSchedule(new Rules(List.of(), m.playlist(), rules.defaultPolicy(), rules.alerts()), screen)
        : new ScreenSchedule(rules, screen);
    for (Region r : layout.regions()) {
      if (r.role() != RegionRole.MAIN && r.content() == RegionContent.PLAYLIST) {
        playlistLoops.put(r.role(), new ConcurrentHashMap<>());
      }
    }
  }

  public Layout layout() {
    return layout;
  }

  public Screen screen() {
    return screen;
  }

  /** The MAIN region's schedule: what drives the language of every region. */
  public ScreenSchedule main() {
    return main;
  }

  /** The language every region shows at {@code at}: the MAIN slot's, or the screen's first while MAIN is idle. */
  public String languageAt(Instant at) {
    return languageOf(main.resolve(at));
  }

  /**
   * Every region's contiguous slots covering {@code [from, to)}; each region's first slot starts at
   * or before {@code from} (where the MAIN slot playing at {@code from} started), its last ends at
   * or after {@code to}.
   */
  public Map<RegionRole, List<RegionSlot>> timelines(Instant from, Instant to) {
    List<Slot> mainSlots = main.timeline(from, to);
    Map<RegionRole, List<RegionSlot>> out = new EnumMap<>(RegionRole.class);
    for (Region r : layout.regions()) {
      out.put(r.role(), timeline(r, mainSlots));
    }
    return out;
  }

  /** One region's slots covering {@code [from, to)}; see {@link #timelines}. */
  public List<RegionSlot> timeline(RegionRole role, Instant from, Instant to) {
    return timeline(region(role), main.timeline(from, to));
  }

  /**
   * What a region shows at {@code at}. A region's slots never cross a MAIN slot's edge (a widget
   * region's slots are the MAIN slots' stretches), so they do not depend on the window asked for:
   * this agrees with the {@link #timelines} slot containing {@code at}. An agent redraws a region
   * only when its item or language changes, so these extra edges cost nothing on screen.
   */
  public RegionSlot resolve(RegionRole role, Instant at) {
    Region r = region(role);
    Slot m = main.resolve(at);
    String language = languageOf(m);
    if (role == RegionRole.MAIN || r.content() == RegionContent.WIDGETS) {
      return new RegionSlot(role, m.start(), m.end(), language, r.content() == RegionContent.WIDGETS ? null : m);
    }
    Slot own = loop(role, language).resolve(at);
    return new RegionSlot(role, max(own.start(), m.start()), min(own.end(), m.end()), language, own);
  }

  /** Why a region shows what it does at {@code at}, in sentences for an operator. */
  public Explanation explain(RegionRole role, Instant at) {
    Region r = region(role);
    RegionSlot slot = resolve(role, at);
    List<String> sentences = new ArrayList<>();
    Slot m = main.resolve(at);
    if (role == RegionRole.MAIN && r.content() == RegionContent.PROGRAMME) {
      sentences.add("The MAIN region plays the screen's programme.");
      sentences.addAll(main.explain(at).sentences());
      return new Explanation(m, sentences);
    }
    String name = role + " region";
    switch (r.content()) {
      case WIDGETS -> sentences.add("The " + name + " shows " + String.join(", ", r.widgets()) + " in "
          + slot.language() + ".");
      case PLAYLIST -> {
        Slot own = slot.slot();
        sentences.add("The " + name + " plays its playlist " + r.playlist().id() + ": \"" + own.item().title()
            + "\" (" + own.item().id() + ") in " + own.language() + ".");
        if (!own.language().equals(slot.language())) {
          sentences.add("The item has no " + slot.language() + " version, so it falls back to " + own.language()
              + " along the screen's languages " + screen.languages() + ".");
        }
      }
      default -> { }
    }
    if (role != RegionRole.MAIN) {
      if (m.kind() == SlotKind.IDLE) {
        sentences.add("The MAIN region is empty now, so every region uses the screen's first language, "
            + slot.language() + ".");
      } else {
        sentences.add("Every region follows the MAIN region's language of the moment, " + slot.language() + ", set by \""
            + m.item().title() + "\" from " + m.kind().name().toLowerCase() + " " + m.sourceId()
            + "; it changes when, and only when, the MAIN region's does.");
      }
    }
    return new Explanation(slot.slot(), sentences);
  }

  private List<RegionSlot> timeline(Region r, List<Slot> mainSlots) {
    List<RegionSlot> out = new ArrayList<>();
    for (Slot m : mainSlots) {
      String language = languageOf(m);
      if (r.role() == RegionRole.MAIN || r.content() == RegionContent.WIDGETS) {
        out.add(new RegionSlot(r.role(), m.start(), m.end(), language, r.content() == RegionContent.WIDGETS ? null : m));
        continue;
      }
      ScreenSchedule loop = loop(r.role(), language);
      for (Instant t = m.start(); t.isBefore(m.end()); ) {
        Slot own = loop.resolve(t);
        Instant end = min(own.end(), m.end());
        out.add(new RegionSlot(r.role(), t, end, language, own));
        t = end;
      }
    }
    return out;
  }

  /** The region's playlist played with {@code language} fixed, as the engine plays a default playlist. */
  private ScreenSchedule loop(RegionRole role, String language) {
    Region r = region(role);
    return playlistLoops.get(role).computeIfAbsent(language, l ->
        new ScreenSchedule(new Rules(List.of(), r.playlist(), LanguagePolicy.fixed(l), List.of()), screen));
  }

  private Region region(RegionRole role) {
    return layout.region(role).orElseThrow(() ->
        new IllegalArgumentException("layout " + layout.id() + " has no " + role + " region"));
  }

  private String languageOf(Slot s) {
    return s.language() != null ? s.language() : screen.languages().get(0);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

package io.gatecast.schedules.layout.view;

import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.Rect;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.layout.LayoutSchedule;
import io.gatecast.schedules.layout.RegionRole;
import io.gatecast.schedules.layout.WidgetTexts;
import io.gatecast.schedules.layout.view.LayoutView.RegionView;
import io.gatecast.schedules.layout.view.LayoutView.SlideView;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import io.gatecast.schedules.wire.ScreenLayout;
import io.gatecast.schedules.wire.WireMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The view of one layout at any instant (issue 23), built once per layout: each region's slide from
 * the engine ({@link LayoutSchedule}), every widget's data ({@link WidgetViews}), every text in one
 * language. The agent builds it from the signed rules ({@link #of(ScreenRules)}) and asks for the
 * language of the moment, so all regions switch together; the controller's preview builds it from a
 * draft layout and the gate ({@link #LayoutViewer(ScreenLayout, Rules, Screen, Map)}) and asks for
 * the language the operator chose. Nothing here knows the agent or the controller.
 */
public final class LayoutViewer {
  private final ScreenLayout layout;
  private final LayoutSchedule schedule;
  private final Screen screen;
  private final Map<String, String> mimeTypes;
  private final WidgetViews widgets;

  /**
   * @param rules the programme (what MAIN plays when the layout leaves it to the screen)
   * @param mimeTypes the MIME type of each file the layout's slides name, by sha256 (the page needs it)
   */
  public LayoutViewer(ScreenLayout layout, Rules rules, Screen screen, Map<String, String> mimeTypes) {
    this.layout = layout;
    this.schedule = new LayoutSchedule(rules, screen, layout.engine());
    this.screen = screen;
    this.mimeTypes = Map.copyOf(mimeTypes);
    this.widgets = new WidgetViews(layout.items(), screen.zone(), screen.languages());
  }

  /** Null when the rules have no layout (the page shows the programme full screen). */
  public static LayoutViewer of(ScreenRules rules) {
    if (rules == null || rules.layout() == null) {
      return null;
    }
    WireMapping.Mapped mapped = WireMapping.fromWire(rules);
    Map<String, String> mimeTypes = new java.util.HashMap<>();
    rules.media().forEach(m -> mimeTypes.put(m.sha256(), m.mimeType()));
    return new LayoutViewer(mapped.layout(), mapped.rules(), mapped.screen(), mimeTypes);
  }

  /** The language every region shows at {@code at}: the MAIN slot's (the screen's first while MAIN is idle). */
  public String languageAt(Instant at) {
    return schedule.languageAt(at);
  }

  /**
   * The view at {@code at} in the language of the moment. {@code stage}: what the programme shows
   * now, drawn in a MAIN region that plays the programme.
   */
  public LayoutView at(Instant at, SlideView stage) {
    return at(at, null, stage);
  }

  /**
   * The view at {@code at} with every region in {@code language} (null: the language of the moment):
   * a preview of one of the gate's languages. A playlist region shows the engine's item at
   * {@code at} in that language, falling back along the screen's languages as a slide does.
   */
  public LayoutView at(Instant at, String language, SlideView stage) {
    LayoutSpec spec = layout.spec();
    String shown = language == null ? schedule.languageAt(at) : language;
    List<RegionView> regions = new ArrayList<>();
    for (RegionSpec r : spec.regions()) {
      Rect rect = spec.layoutTemplate().region(r.role()).orElseThrow().rect();
      if (!r.widgets().isEmpty()) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (WidgetSpec w : r.widgets()) {
          data.add(widgets.of(w, at, shown));
        }
        regions.add(new RegionView(r.role().name(), rect, null, data));
      } else if (r.playsProgramme()) {
        regions.add(new RegionView(r.role().name(), rect, stage, List.of()));
      } else {
        Slot slot = schedule.resolve(RegionRole.valueOf(r.role().name()), at).slot();
        regions.add(new RegionView(r.role().name(), rect, slide(slot, language), List.of()));
      }
    }
    return new LayoutView(spec.shape().name(), shown, regions);
  }

  private SlideView slide(Slot slot, String language) {
    if (slot == null || slot.item() == null) {
      return null;
    }
    Variant v = language == null ? slot.variant() : WidgetTexts.pick(slot.item(), language, screen.languages());
    String type = v.media() == null ? null : mimeTypes.get(v.media().id());
    return new SlideView(slot.item().id(), slot.item().title(), type == null ? null : v.media().id(), type,
        (long) v.seconds(), v.language(), v.text());
  }
}

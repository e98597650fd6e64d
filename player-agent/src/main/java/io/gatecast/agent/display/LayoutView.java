package io.gatecast.agent.display;

import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.Rect;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.calendar.ZoneClocks;
import io.gatecast.schedules.calendar.ZoneTime;
import io.gatecast.schedules.layout.LayoutSchedule;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.schedules.layout.RegionRole;
import io.gatecast.schedules.layout.WidgetTexts;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Variant;
import io.gatecast.schedules.wire.ScreenLayout;
import io.gatecast.schedules.wire.WireMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the page's {@code layout.js} draws at one instant (issue 23): the view documented at the
 * top of {@code layout.js}, computed here from the signed rules alone, so it is right after weeks
 * offline: each region's item from the engine ({@link LayoutSchedule}), every widget's data (clock
 * readings, today's and the lunar date, today's opening hours, the QR modules, a countdown) and
 * every text in the one language of the moment, so all regions switch language together.
 *
 * @param shape LANDSCAPE_16_9 or PORTRAIT_9_16
 * @param language the language every region shows now (the MAIN slot's)
 */
public record LayoutView(String shape, String language, List<RegionView> regions) {
  /** One region: where it is (fractions of the screen), and its item (MAIN, playlists) or widgets. */
  public record RegionView(String role, Rect rect, PageServer.ItemView item, List<Map<String, Object>> widgets) {}

  /** The engine for one schedule's layout, built once per applied schedule. */
  public static final class Compiled {
    private final ScreenRules rules;
    private final ScreenLayout layout;
    private final LayoutSchedule schedule;
    private final Map<String, MediaRef> media = new LinkedHashMap<>();
    private final Map<String, QrMatrix> qr = new LinkedHashMap<>();

    private Compiled(ScreenRules rules) {
      this.rules = rules;
      WireMapping.Mapped mapped = WireMapping.fromWire(rules);
      this.layout = mapped.layout();
      this.schedule = new LayoutSchedule(mapped.rules(), mapped.screen(), layout.engine());
      rules.media().forEach(m -> media.put(m.sha256(), m));
    }

    /** Null when the rules have no layout (the page shows the programme full screen). */
    public static Compiled of(ScreenRules rules) {
      return rules == null || rules.layout() == null ? null : new Compiled(rules);
    }

    public ScreenRules rules() {
      return rules;
    }

    /**
     * The view at {@code at}. {@code stageItem}: what the programme shows now (the page's stage),
     * drawn in a MAIN region that plays the programme.
     */
    public LayoutView at(Instant at, PageServer.ItemView stageItem) {
      LayoutSpec spec = layout.spec();
      String language = schedule.languageAt(at);
      List<String> languages = rules.profile().languages();
      ZoneId zone = ZoneId.of(rules.profile().zone());
      List<RegionView> regions = new ArrayList<>();
      for (RegionSpec r : spec.regions()) {
        Rect rect = spec.layoutTemplate().region(r.role()).orElseThrow().rect();
        RegionRole role = RegionRole.valueOf(r.role().name());
        if (!r.widgets().isEmpty()) {
          List<Map<String, Object>> widgets = new ArrayList<>();
          r.widgets().forEach(w -> widgets.add(widget(w, at, zone, language, languages)));
          regions.add(new RegionView(r.role().name(), rect, null, widgets));
        } else if (r.playsProgramme()) {
          regions.add(new RegionView(r.role().name(), rect, stageItem, List.of()));
        } else {
          regions.add(new RegionView(r.role().name(), rect, item(schedule.resolve(role, at).slot()), List.of()));
        }
      }
      return new LayoutView(spec.shape().name(), language, regions);
    }

    private PageServer.ItemView item(Slot slot) {
      if (slot == null || slot.item() == null) {
        return null;
      }
      Variant v = slot.variant();
      MediaRef m = v.media() == null ? null : media.get(v.media().id());
      return new PageServer.ItemView(slot.item().id(), slot.item().title(), m == null ? null : m.sha256(),
          m == null ? null : m.mimeType(), (long) v.seconds(), v.language(), v.text());
    }

    private String text(String itemId, String language, List<String> languages) {
      ContentItem item = layout.items().get(itemId);
      return item == null ? null : WidgetTexts.pick(item, language, languages).text();
    }

    private Map<String, Object> widget(WidgetSpec w, Instant at, ZoneId zone, String language, List<String> languages) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("type", w.type().name());
      switch (w.type()) {
        case CLOCK -> {
          List<Map<String, Object>> zones = new ArrayList<>();
          for (ClockZoneSpec z : w.clock().zones()) {
            ZoneTime t = ZoneClocks.at(at, ZoneId.of(z.zone()));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", z.labelItemId() == null ? place(z.zone()) : text(z.labelItemId(), language, languages));
            one.put("time", t.hhmm());
            one.put("offset", t.offsetLabel());
            zones.add(one);
          }
          out.put("zones", zones);
        }
        case DATE -> {
          LocalDate today = LocalDate.ofInstant(at, zone);
          out.put("date", today.toString());
          if (w.date().lunar() == null || w.date().lunar()) {
            LunarDate l = LunarCalendar.of(today);
            out.put("lunar", Map.of("day", l.day(), "month", l.month(), "leap", l.leap(), "stem", l.stem(),
                "branch", l.branch()));
          } else {
            out.put("lunar", null);
          }
        }
        case OPENING_HOURS -> {
          List<List<String>> spans = new ArrayList<>();
          for (OpeningSpanSpec s : w.openingHours().spansOn(LocalDate.ofInstant(at, zone))) {
            int close = s.closeSecondOfDay();
            spans.add(List.of(s.open().toString(), String.format("%02d:%02d", close / 3600, close % 3600 / 60)));
          }
          out.put("spans", spans);
        }
        case TICKER -> out.put("lines", w.ticker().itemIds().stream().map(id -> text(id, language, languages)).toList());
        case QR -> {
          String url = text(w.qr().urlItemId(), language, languages).strip();
          out.put("url", url);
          out.put("modules", qr.computeIfAbsent(url, QrMatrix::of).rows());
        }
        case COUNTDOWN -> {
          out.put("title", text(w.countdown().titleItemId(), language, languages));
          out.put("seconds", Math.max(0, Duration.between(at, w.countdown().target()).toSeconds()));
        }
        default -> { }
      }
      return out;
    }

    /** A zone's place as its IANA name says it ("Asia/Ho_Chi_Minh" is "Ho Chi Minh"), when no approved name is given. */
    private static String place(String zone) {
      return zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }
  }
}

package io.gatecast.schedules.layout.view;

import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.calendar.ZoneClocks;
import io.gatecast.schedules.calendar.ZoneTime;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.schedules.layout.WidgetTexts;
import io.gatecast.schedules.model.ContentItem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One widget's data at one instant in one language, as {@code layout.js} draws it: clock readings,
 * today's date and the lunar date, today's opening hours, the QR modules of the URL, a countdown's
 * seconds, and every operator text (an item named by id) in the language, falling back along the
 * screen's languages ({@link WidgetTexts#pick}). Pure: the same rules, instant and language give the
 * same data on a screen and in the console's preview.
 */
final class WidgetViews {
  private final Map<String, ContentItem> items;
  private final ZoneId zone;
  private final List<String> languages;
  /** QR matrices by URL: computed once, the clock asks for the view every second. */
  private final Map<String, QrMatrix> qr = new ConcurrentHashMap<>();

  WidgetViews(Map<String, ContentItem> items, ZoneId zone, List<String> languages) {
    this.items = items;
    this.zone = zone;
    this.languages = languages;
  }

  Map<String, Object> of(WidgetSpec w, Instant at, String language) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", w.type().name());
    switch (w.type()) {
      case CLOCK -> {
        List<Map<String, Object>> zones = new ArrayList<>();
        for (ClockZoneSpec z : w.clock().zones()) {
          ZoneTime t = ZoneClocks.at(at, ZoneId.of(z.zone()));
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("label", z.labelItemId() == null ? ZoneNames.of(z.zone(), language) : text(z.labelItemId(), language));
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
      case TICKER -> out.put("lines", w.ticker().itemIds().stream().map(id -> text(id, language)).toList());
      case QR -> {
        String url = text(w.qr().urlItemId(), language).strip();
        out.put("url", url);
        out.put("modules", qr.computeIfAbsent(url, QrMatrix::of).rows());
      }
      case COUNTDOWN -> {
        out.put("title", text(w.countdown().titleItemId(), language));
        out.put("seconds", Math.max(0, Duration.between(at, w.countdown().target()).toSeconds()));
      }
      default -> { }
    }
    return out;
  }

  private String text(String itemId, String language) {
    ContentItem item = items.get(itemId);
    return item == null ? null : WidgetTexts.pick(item, language, languages).text();
  }
}

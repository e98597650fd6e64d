package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * A widget: its type and exactly the one part that type needs (a flat record, like a variant's
 * media-or-text, so the JSON stays plain: {@code {"type":"QR","qr":{"urlItemId":"portal"}}}).
 */
public record WidgetSpec(
    WidgetType type,
    ClockSpec clock,
    DateSpec date,
    OpeningHoursSpec openingHours,
    TickerSpec ticker,
    QrSpec qr,
    CountdownSpec countdown) {
  public WidgetSpec {
    Check.required(type, "type");
    if (type == WidgetType.DATE && date == null) {
      date = new DateSpec(null); // a date needs no settings; {"type":"DATE"} is enough
    }
    Object[] parts = {clock, date, openingHours, ticker, qr, countdown};
    String[] names = {"clock", "date", "openingHours", "ticker", "qr", "countdown"};
    WidgetType[] types = {WidgetType.CLOCK, WidgetType.DATE, WidgetType.OPENING_HOURS, WidgetType.TICKER,
        WidgetType.QR, WidgetType.COUNTDOWN};
    for (int i = 0; i < parts.length; i++) {
      if (types[i] == type && parts[i] == null) {
        throw new IllegalArgumentException(names[i] + " is required for a " + type + " widget");
      }
      if (types[i] != type && parts[i] != null) {
        throw new IllegalArgumentException(names[i] + " is only allowed for a " + types[i] + " widget, got type " + type);
      }
    }
  }

  public static WidgetSpec clock(ClockSpec clock) {
    return new WidgetSpec(WidgetType.CLOCK, clock, null, null, null, null, null);
  }

  public static WidgetSpec date(boolean lunar) {
    return new WidgetSpec(WidgetType.DATE, null, new DateSpec(lunar), null, null, null, null);
  }

  public static WidgetSpec openingHours(OpeningHoursSpec hours) {
    return new WidgetSpec(WidgetType.OPENING_HOURS, null, null, hours, null, null, null);
  }

  public static WidgetSpec ticker(TickerSpec ticker) {
    return new WidgetSpec(WidgetType.TICKER, null, null, null, ticker, null, null);
  }

  public static WidgetSpec qr(QrSpec qr) {
    return new WidgetSpec(WidgetType.QR, null, null, null, null, qr, null);
  }

  public static WidgetSpec countdown(CountdownSpec countdown) {
    return new WidgetSpec(WidgetType.COUNTDOWN, null, null, null, null, null, countdown);
  }

  /** Ids of the approved text items this widget shows, each with the field that names it. */
  public List<ItemRef> itemRefs() {
    List<ItemRef> refs = new ArrayList<>();
    switch (type) {
      case CLOCK -> {
        for (int i = 0; i < clock.zones().size(); i++) {
          if (clock.zones().get(i).labelItemId() != null) {
            refs.add(new ItemRef("clock.zones[" + i + "].labelItemId", clock.zones().get(i).labelItemId(), false));
          }
        }
      }
      case TICKER -> {
        for (int i = 0; i < ticker.itemIds().size(); i++) {
          refs.add(new ItemRef("ticker.itemIds[" + i + "]", ticker.itemIds().get(i), false));
        }
      }
      case QR -> refs.add(new ItemRef("qr.urlItemId", qr.urlItemId(), true));
      case COUNTDOWN -> refs.add(new ItemRef("countdown.titleItemId", countdown.titleItemId(), false));
      default -> { }
    }
    return refs;
  }

  /** A reference from a widget field to a text item; {@code url} when the text must be an http(s) URL. */
  public record ItemRef(String field, String itemId, boolean url) {}
}

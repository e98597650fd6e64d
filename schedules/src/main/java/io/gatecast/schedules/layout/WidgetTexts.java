package io.gatecast.schedules.layout;

import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Variant;
import java.util.List;

/**
 * Which variant of an approved text item a widget shows (a ticker line, a countdown's title, a
 * clock's place name, a QR code's URL): the moment's language, else the first of the screen's
 * languages the item has, else its first variant — the same fallback the engine uses for slides,
 * so a widget never shows a language a slide beside it would not.
 */
public final class WidgetTexts {
  private WidgetTexts() {}

  public static Variant pick(ContentItem item, String language, List<String> screenLanguages) {
    if (language != null) {
      var exact = item.variant(language);
      if (exact.isPresent()) {
        return exact.get();
      }
    }
    for (String l : screenLanguages) {
      var v = item.variant(l);
      if (v.isPresent()) {
        return v.get();
      }
    }
    return item.variants().get(0);
  }
}

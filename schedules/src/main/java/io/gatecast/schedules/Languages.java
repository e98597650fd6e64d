package io.gatecast.schedules;

import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Variant;
import java.util.ArrayList;
import java.util.List;

/** Picks variants for a screen's ordered languages; never returns nothing. */
final class Languages {
  private Languages() {}

  /** The item's variants in the screen's languages, in the screen's order. */
  static List<Variant> onScreen(ContentItem item, List<String> screenLanguages) {
    List<Variant> out = new ArrayList<>();
    for (String lang : screenLanguages) {
      item.variant(lang).ifPresent(out::add);
    }
    return out;
  }

  /** The wanted language, else the first screen language the item has, else its first variant. */
  static Variant fallback(ContentItem item, String wanted, List<String> screenLanguages) {
    if (wanted != null) {
      var exact = item.variant(wanted);
      if (exact.isPresent()) {
        return exact.get();
      }
    }
    List<Variant> shown = onScreen(item, screenLanguages);
    return shown.isEmpty() ? item.variants().get(0) : shown.get(0);
  }

  /** The variants one play of the item expands to (several for EVERY, one otherwise). */
  static List<Variant> forPlay(
      ContentItem item, LanguagePolicy policy, List<String> screenLanguages, int playNumber) {
    List<Variant> shown = onScreen(item, screenLanguages);
    if (shown.isEmpty() || policy.mode() == LanguagePolicy.Mode.FIXED) {
      return List.of(fallback(item, policy.language(), screenLanguages));
    }
    if (policy.mode() == LanguagePolicy.Mode.EVERY) {
      return shown;
    }
    return List.of(shown.get(playNumber % shown.size()));
  }

  /** How many plays of the item it takes for a rotation to come back to its first language. */
  static int rotationLength(ContentItem item, LanguagePolicy policy, List<String> screenLanguages) {
    return policy.mode() == LanguagePolicy.Mode.ROTATE
        ? Math.max(1, onScreen(item, screenLanguages).size())
        : 1;
  }
}

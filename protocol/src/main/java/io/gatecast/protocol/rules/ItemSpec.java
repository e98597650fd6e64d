package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An approved content item (engine: {@code ContentItem}) with one variant per language. Items are
 * listed once in {@link ScreenRules#items()} and named by id from playlists, so an item in several
 * campaigns costs its bytes on the wire once.
 */
public record ItemSpec(String id, String title, List<VariantSpec> variants) {
  public ItemSpec {
    Check.id(id, "id");
    Check.text(title, "title", Limits.MAX_TEXT_LENGTH);
    variants = Check.list(variants, "variants", Limits.MAX_LANGUAGES);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("variants of item " + id + " must hold at least one language");
    }
    Set<String> languages = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      if (!languages.add(variants.get(i).language())) {
        throw new IllegalArgumentException("variants[" + i + "].language of item " + id + " repeats "
            + variants.get(i).language() + "; one variant per language");
      }
      if ((variants.get(i).text() == null) != (variants.get(0).text() == null)) {
        throw new IllegalArgumentException("variants[" + i + "] of item " + id
            + " mixes ticker text and media; an item is one or the other");
      }
    }
  }
}

package io.gatecast.schedules.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An approved piece of content with one variant per language. A ticker line is an item whose
 * variants are all text; the agent renders it as a crawl.
 */
public record ContentItem(String id, String title, List<Variant> variants) {
  public ContentItem {
    Require.text(id, "id");
    Require.text(title, "title");
    variants = Require.list(variants, "variants");
    if (variants.isEmpty()) {
      throw new InvalidModelException("variants", "an item needs at least one language variant");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < variants.size(); i++) {
      if (!seen.add(variants.get(i).language())) {
        throw new InvalidModelException(
            "variants[" + i + "].language", "duplicate language " + variants.get(i).language());
      }
      if (variants.get(i).isText() != variants.get(0).isText()) {
        throw new InvalidModelException(
            "variants[" + i + "]", "mixes ticker text and media; an item is one or the other");
      }
    }
  }

  public boolean isTicker() {
    return variants.get(0).isText();
  }

  public Optional<Variant> variant(String language) {
    for (Variant v : variants) {
      if (v.language().equals(language)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}

package io.gatecast.controller.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A content item with its language variants and where it stands in review. {@code author} wrote
 * it first; {@code submittedBy} made the current revision. An item whose variants are text is a
 * text slide, or a ticker line on the screen's crawl (the engine's "ticker").
 */
public record Content(
    String id,
    String title,
    ContentStatus status,
    long revision,
    String author,
    String submittedBy,
    String reviewedBy,
    Instant reviewedAt,
    String reviewReason,
    Instant createdAt,
    Instant updatedAt,
    List<ContentVariant> variants) {

  public Content {
    variants = List.copyOf(variants);
  }

  @JsonIgnore // a bean getter named like the record's `text` would replace it in the API's JSON
  public boolean isText() {
    return !variants.isEmpty() && variants.get(0).isText();
  }
}

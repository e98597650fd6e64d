package io.gatecast.controller.content;

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

  public boolean isText() {
    return !variants.isEmpty() && variants.get(0).isText();
  }
}

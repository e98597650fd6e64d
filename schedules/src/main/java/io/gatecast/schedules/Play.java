package io.gatecast.schedules;

import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Variant;

/** One play in a program: an item in one language, from a source (campaign, alert, default). */
record Play(String sourceId, ContentItem item, Variant variant, long millis) {
  static Play of(String sourceId, ContentItem item, Variant variant) {
    return new Play(sourceId, item, variant, variant.seconds() * 1000L);
  }
}

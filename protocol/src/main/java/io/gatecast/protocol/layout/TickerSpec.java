package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A crawl of short lines: ids of approved text items, shown in order in the language of the moment. */
public record TickerSpec(List<String> itemIds) {
  public TickerSpec {
    itemIds = Check.list(itemIds, "itemIds", LayoutLimits.MAX_TICKER_ITEMS);
    if (itemIds.isEmpty()) {
      throw new IllegalArgumentException("itemIds must name at least one text item");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < itemIds.size(); i++) {
      Check.id(itemIds.get(i), "itemIds[" + i + "]");
      if (!seen.add(itemIds.get(i))) {
        throw new IllegalArgumentException("itemIds[" + i + "] repeats " + itemIds.get(i));
      }
    }
  }
}

package io.gatecast.controller.content;

import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which screens an item is on the air at: their last published schedule carries it. */
final class OnAir {
  private OnAir() {}

  /** The screens (sorted by id) whose last published rules hold the item {@code contentId}. */
  static List<String> screensCarrying(Connection c, ScreenRepository screens, String contentId) throws SQLException {
    List<String> carrying = new ArrayList<>();
    for (Map.Entry<String, String> published : screens.publishedRulesAll(c).entrySet()) {
      if (published.getValue() == null || !published.getValue().contains(contentId)) {
        continue; // never published, or cannot hold it: no need to decode
      }
      ScreenRules rules = Codec.decode(published.getValue().getBytes(StandardCharsets.UTF_8), ScreenRules.class);
      if (rules.items().stream().map(ItemSpec::id).anyMatch(contentId::equals)) {
        carrying.add(published.getKey());
      }
    }
    carrying.sort(null);
    return carrying;
  }
}

package io.gatecast.agent.display;

import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.layout.Layout;
import io.gatecast.schedules.layout.ScreenLayouts;
import io.gatecast.schedules.layout.view.LayoutView;
import io.gatecast.schedules.layout.view.LayoutViewer;
import io.gatecast.schedules.wire.ScreenLayout;
import io.gatecast.schedules.wire.WireMapping;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Which layout the page draws at an instant (issue 23): the engine's {@link ScreenLayouts} chooses
 * — a campaign's own layout while that campaign is on air in the MAIN region, the screen's layout
 * otherwise (null: the programme full screen) — and the chosen layout's {@link LayoutViewer}
 * draws it. Built once per applied schedule from the signed rules alone, so after an offline
 * restart the right layout is on screen from the first poll.
 */
final class LayoutChooser {
  private final ScreenRules rules;
  private final ScreenLayouts engine;
  private final LayoutViewer screenLayout;
  private final Map<String, LayoutViewer> byCampaign = new HashMap<>();

  private LayoutChooser(ScreenRules rules) {
    this.rules = rules;
    WireMapping.Mapped mapped = WireMapping.fromWire(rules);
    Map<String, Layout> campaignLayouts = new HashMap<>();
    for (Map.Entry<String, ScreenLayout> e : mapped.campaignLayouts().entrySet()) {
      campaignLayouts.put(e.getKey(), e.getValue().engine());
      // The campaign's layout drawn as if it were the screen's: the same view code for both.
      byCampaign.put(e.getKey(), LayoutViewer.of(rules.withLayout(rules.campaignLayouts().get(e.getKey()))));
    }
    this.engine = new ScreenLayouts(mapped.rules(), mapped.screen(),
        mapped.layout() == null ? null : mapped.layout().engine(), campaignLayouts);
    this.screenLayout = LayoutViewer.of(rules);
  }

  /** Null when the rules bring no layout at all (the page shows the programme full screen). */
  static LayoutChooser of(ScreenRules rules) {
    return rules == null || rules.layout() == null && rules.campaignLayouts().isEmpty() ? null : new LayoutChooser(rules);
  }

  ScreenRules rules() {
    return rules;
  }

  /** The view at {@code at}; null while no layout applies. {@code stageItem}: what the programme shows now. */
  LayoutView at(Instant at, PageServer.ItemView stageItem) {
    String campaignId = engine.choiceAt(at).campaignId();
    LayoutViewer chosen = campaignId == null ? screenLayout : byCampaign.get(campaignId);
    return chosen == null ? null : chosen.at(at, stageItem == null ? null : stageItem.slide());
  }
}

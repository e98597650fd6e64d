package io.gatecast.agent.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.agent.TestRules;
import io.gatecast.schedules.layout.view.LayoutView;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's choice of layout (issue 23): a campaign's own for its slots, else the screen's, else none. */
class LayoutChooserTest {
  /** 09:00 in Hanoi: the campaign runs 09:00–09:01. */
  private static final Instant NINE = Instant.parse("2026-03-15T02:00:00Z");

  private static ScreenRules rules(LayoutSpec screenLayout) {
    ItemSpec welcome = new ItemSpec("welcome", "Welcome", List.of(VariantSpec.text("vi", "Chào mừng", 10)));
    ItemSpec poster = new ItemSpec("poster", "Poster", List.of(VariantSpec.text("vi", "Hội chợ", 10)));
    CampaignSpec fair = new CampaignSpec("fair", "Fair", TestRules.playlist("fair", poster),
        TargetsSpec.clusters(TestRules.CLUSTER), LocalDateTime.parse("2026-03-15T09:00"),
        LocalDateTime.parse("2026-03-15T09:01"), null, null, 1, 1, null);
    LayoutSpec fairLayout = new LayoutSpec("fair-layout", Templates.HEADER_MAIN_TICKER, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.widgets(RegionRole.HEADER, WidgetSpec.date(false)),
            RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))));
    return new ScreenRules(TestRules.profile("hall-1", "vi"), List.of(welcome, poster), List.of(fair),
        TestRules.playlist("default", welcome), null, List.of(), screenLayout, Map.of("fair", fairLayout));
  }

  private static List<String> roles(LayoutView view) {
    return view.regions().stream().map(LayoutView.RegionView::role).toList();
  }

  @Test
  void withoutAScreenLayoutThePageIsFullScreenExceptWhileTheCampaignIsOnAir() {
    LayoutChooser chooser = LayoutChooser.of(rules(null));
    assertThat(chooser.at(NINE.minusSeconds(1), null)).isNull();
    assertThat(roles(chooser.at(NINE, null))).containsExactly("MAIN", "HEADER", "TICKER");
    assertThat(chooser.at(NINE.plusSeconds(60), null)).isNull();
  }

  @Test
  void withAScreenLayoutTheCampaignsReplacesItForItsSlotsOnly() {
    LayoutSpec gate = new LayoutSpec("gate", Templates.MAIN_TICKER, ScreenShape.PORTRAIT_9_16, List.of(
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))));
    LayoutChooser chooser = LayoutChooser.of(rules(gate));
    assertThat(chooser.at(NINE.minusSeconds(1), null).shape()).isEqualTo("PORTRAIT_9_16");
    assertThat(chooser.at(NINE.plusSeconds(30), null).shape()).isEqualTo("LANDSCAPE_16_9");
    assertThat(roles(chooser.at(NINE.plusSeconds(59), null))).containsExactly("MAIN", "HEADER", "TICKER");
    assertThat(roles(chooser.at(NINE.plusSeconds(60), null))).containsExactly("MAIN", "TICKER");
    assertThat(LayoutChooser.of(rules(null).withCampaignLayouts(Map.of()))).as("no layout at all").isNull();
  }
}

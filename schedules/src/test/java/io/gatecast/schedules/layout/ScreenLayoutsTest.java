package io.gatecast.schedules.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A campaign's own layout for its time (issue 23), on one worked example. */
class ScreenLayoutsTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Screen HALL =
      new Screen("lc-hall-1", "lao-cai", Set.of(), Set.of("hall"), HANOI, List.of("vi", "zh-Hans"));
  private static final Instant NINE = LocalDateTime.parse("2026-12-02T09:00").atZone(HANOI).toInstant();

  private static final ContentItem NEWS = new ContentItem("news", "Border news", List.of(
      Variant.media("vi", "sha-news-vi", MediaKind.IMAGE, 10), Variant.media("zh-Hans", "sha-news-zh", MediaKind.IMAGE, 10)));
  private static final ContentItem FAIR = new ContentItem("fair", "Trade fair", List.of(
      Variant.media("vi", "sha-fair-vi", MediaKind.IMAGE, 20), Variant.media("zh-Hans", "sha-fair-zh", MediaKind.IMAGE, 20)));
  private static final ContentItem FAIR_LINE = new ContentItem("fair-line", "Fair line", List.of(
      Variant.text("vi", "Hội chợ Lào Cai", 10), Variant.text("zh-Hans", "老街交易会", 10)));

  private static final Layout HALL_LAYOUT = new Layout("hall", List.of(Region.widgets(RegionRole.HEADER, "CLOCK", "DATE"),
      Region.widgets(RegionRole.TICKER, "TICKER")));
  private static final Layout FAIR_LAYOUT = new Layout("fair-layout", List.of(
      Region.playlist(RegionRole.SIDE, Playlist.of("fair-side", FAIR_LINE)), Region.widgets(RegionRole.TICKER, "TICKER")));

  /** The fair's campaign from 09:00 to 09:01 every day of December; the default playlist before and after. */
  private static Rules rules() {
    Campaign fair = Campaign.builder("fair").targets(Targets.clusters("lao-cai"))
        .window(LocalDateTime.parse("2026-12-02T09:00"), LocalDateTime.parse("2026-12-02T09:01"))
        .playlist(Playlist.of("pl-fair", FAIR)).build();
    return Rules.of(List.of(fair), Playlist.of("default", NEWS));
  }

  @Test
  void theCampaignsLayoutAppliesForItsSlotsAndTheScreensLayoutBeforeAndAfter() {
    ScreenLayouts layouts = new ScreenLayouts(rules(), HALL, HALL_LAYOUT, Map.of("fair", FAIR_LAYOUT));

    assertThat(layouts.choiceAt(NINE.minusSeconds(1)).layout()).isSameAs(HALL_LAYOUT);
    ScreenLayouts.Choice during = layouts.choiceAt(NINE.plusSeconds(25));
    assertThat(during.layout()).isSameAs(FAIR_LAYOUT);
    assertThat(during.campaignId()).isEqualTo("fair");
    assertThat(during.start()).isEqualTo(NINE.plusSeconds(20)); // the fair's second slot: zh-Hans, 20 s
    assertThat(layouts.choiceAt(NINE.plusSeconds(60)).layout()).isSameAs(HALL_LAYOUT);

    // The side panel exists only in the fair's layout, and speaks the MAIN slot's language.
    RegionSlot side = layouts.resolve(RegionRole.SIDE, NINE.plusSeconds(25));
    assertThat(side.language()).isEqualTo("zh-Hans");
    assertThat(side.slot().item().id()).isEqualTo("fair-line");
    assertThatThrownBy(() -> layouts.resolve(RegionRole.SIDE, NINE.plusSeconds(60)))
        .hasMessageContaining("layout hall has no SIDE region");

    // Across the switches at 09:00 and 09:01, the ticker (in both layouts) runs on without a gap.
    List<ScreenLayouts.Stretch> stretches = layouts.timelines(NINE.minusSeconds(5), NINE.plusSeconds(65));
    assertThat(stretches).extracting(s -> s.choice().layout().id())
        .containsExactly("hall", "fair-layout", "fair-layout", "fair-layout", "hall");
    Instant t = stretches.get(0).regions().get(RegionRole.TICKER).get(0).start();
    for (ScreenLayouts.Stretch s : stretches) {
      for (RegionSlot slot : s.regions().get(RegionRole.TICKER)) {
        assertThat(slot.start()).isEqualTo(t);
        t = slot.end();
      }
    }
  }

  @Test
  void explainSaysWhichLayoutAppliesAndWhy() {
    ScreenLayouts layouts = new ScreenLayouts(rules(), HALL, HALL_LAYOUT, Map.of("fair", FAIR_LAYOUT));

    assertThat(layouts.explain(NINE.plusSeconds(5)).text())
        .startsWith("Layout fair-layout applies from " + NINE + " to " + NINE.plusSeconds(20))
        .contains("campaign fair is on air in the MAIN region and brings its own layout");
    assertThat(layouts.explain(NINE.minusSeconds(1)).text())
        .startsWith("The screen's layout hall applies")
        .contains("the MAIN region plays the default playlist default");
    assertThat(layouts.explain(RegionRole.SIDE, NINE.plusSeconds(5)).text())
        .contains("campaign fair is on air")
        .contains("plays its playlist fair-side: \"Fair line\" (fair-line) in vi");
  }

  @Test
  void withoutAScreenLayoutTheProgrammePlaysFullScreenOutsideTheCampaign() {
    ScreenLayouts layouts = new ScreenLayouts(rules(), HALL, null, Map.of("fair", FAIR_LAYOUT));

    assertThat(layouts.choiceAt(NINE.minusSeconds(1)).layout()).isNull();
    assertThat(layouts.resolve(RegionRole.MAIN, NINE.minusSeconds(1)).slot().item().id()).isEqualTo("news");
    assertThat(layouts.explain(NINE.minusSeconds(1)).text()).startsWith("The programme plays full screen");
    assertThat(layouts.choiceAt(NINE).layout()).isSameAs(FAIR_LAYOUT);
  }

  @Test
  void aScreenLayoutWhoseMainPlaysItsOwnPlaylistNeverShowsTheCampaignSoNeverItsLayout() {
    Layout ownMain = new Layout("own-main", List.of(Region.playlist(RegionRole.MAIN, Playlist.of("loop", NEWS)),
        Region.widgets(RegionRole.TICKER, "TICKER")));
    ScreenLayouts layouts = new ScreenLayouts(rules(), HALL, ownMain, Map.of("fair", FAIR_LAYOUT));

    assertThat(layouts.choices(NINE, NINE.plusSeconds(60))).allSatisfy(c -> assertThat(c.layout()).isSameAs(ownMain));
  }
}

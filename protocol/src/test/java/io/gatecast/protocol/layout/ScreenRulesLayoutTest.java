package io.gatecast.protocol.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code layout} of a screen's rules (issue 23): on the wire, for old agents, and checked. */
class ScreenRulesLayoutTest {
  private static final Header HEADER = new Header(1, "m-1", Instant.parse("2026-03-15T00:00:00Z"));
  private static final ScreenProfile PROFILE = new ScreenProfile("lc-hall-1", "lao-cai-intl", List.of(), List.of(),
      "Asia/Ho_Chi_Minh", List.of("vi", "zh-Hans"));
  private static final MediaRef POSTER = new MediaRef("c".repeat(64), "http://127.0.0.1:8080/media/" + "c".repeat(64),
      "image/png", 99L);
  private static final ItemSpec SLIDE = new ItemSpec("poster", "Poster", List.of(VariantSpec.media("vi", POSTER, 10)));

  /** The rules of the hall: the programme plays a slide, the layout names the approved widget texts. */
  private static ScreenRules hallRules() {
    List<ItemSpec> items = new ArrayList<>(List.of(SLIDE));
    items.addAll(LayoutSpecTest.approvedItems().values());
    return new ScreenRules(PROFILE, items, List.of(), new PlaylistSpec("default", List.of(EntrySpec.of("poster"))),
        LanguagePolicySpec.rotate(), List.of(), LayoutSpecTest.hall());
  }

  private static ScheduleMessage message(ScreenRules rules) {
    return new ScheduleMessage(HEADER, "lc-hall-1", 3L, rules);
  }

  @Test
  void aLayoutSurvivesTheWireInsideTheRules() {
    ScreenRules rules = hallRules();
    ScheduleMessage back = Codec.decode(Codec.encode(message(rules)), ScheduleMessage.class);
    assertThat(back.rules()).isEqualTo(rules);
    assertThat(back.rules().layout()).isEqualTo(LayoutSpecTest.hall());
    assertThat(back.rules().isEmpty()).isFalse();
  }

  @Test
  void rulesWithoutALayoutAreWrittenExactlyAsBeforeLayoutsExisted() {
    ScreenRules none = hallRules().withLayout(null);
    String json = new String(Codec.encode(none), StandardCharsets.UTF_8);
    // No "layout":null: a screen without a layout gets the same bytes as before, so nothing is resent to it.
    assertThat(json).doesNotContain("layout");
    assertThat(json).isEqualTo(new String(Codec.encode(new OldScreenRules(none.profile(), none.items(),
        none.campaigns(), none.defaultPlaylist(), none.defaultPolicy(), none.alerts())), StandardCharsets.UTF_8));
    assertThat(Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenRules.class).layout()).isNull();
  }

  @Test
  void anOldAgentReadsRulesWithALayoutAsTheProgrammeFullScreen() {
    ScreenRules rules = hallRules();
    // The agent of before decodes into the record as it was released: six fields, no layout.
    OldScreenRules old = Codec.decode(Codec.encode(rules), OldScreenRules.class);
    assertThat(old).isEqualTo(new OldScreenRules(rules.profile(), rules.items(), rules.campaigns(),
        rules.defaultPlaylist(), rules.defaultPolicy(), rules.alerts()));
  }

  @Test
  void aLayoutNamingAnItemTheRulesDoNotCarryIsRefusedOnConstructionAndOnDecoding() {
    ScreenRules rules = hallRules();
    List<ItemSpec> withoutUrl = rules.items().stream().filter(i -> !i.id().equals("portal-url")).toList();
    assertThatThrownBy(() -> new ScreenRules(PROFILE, withoutUrl, List.of(), rules.defaultPlaylist(), null, List.of(),
        LayoutSpecTest.hall())).hasMessageContaining("qr.urlItemId portal-url names no item in items");

    String json = new String(Codec.encode(message(rules)), StandardCharsets.UTF_8)
        .replace("\"urlItemId\":\"portal-url\"", "\"urlItemId\":\"draft-url\"");
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("draft-url names no item in items");
  }

  @Test
  void theMediaOfARegionsPlaylistIsFetchedWithTheRest() {
    MediaRef banner = new MediaRef("d".repeat(64), "http://127.0.0.1:8080/media/" + "d".repeat(64), "image/png", 7L);
    ItemSpec bannerItem = new ItemSpec("banner", "Banner", List.of(VariantSpec.media("vi", banner, 10)));
    LayoutSpec side = new LayoutSpec("side", Templates.MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.playlist(RegionRole.SIDE, new PlaylistSpec("side", List.of(EntrySpec.of("banner")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))));
    ScreenRules rules = new ScreenRules(PROFILE, List.of(SLIDE, bannerItem), List.of(),
        new PlaylistSpec("default", List.of(EntrySpec.of("poster"))), null, List.of(), side);
    assertThat(rules.media()).containsExactly(POSTER, banner);
    assertThat(rules.withLayout(null).media()).containsExactly(POSTER);
  }

  // --- a campaign's own layout (campaignLayouts) ---

  private static final MediaRef FAIR_POSTER = new MediaRef("e".repeat(64), "http://127.0.0.1:8080/media/" + "e".repeat(64),
      "image/png", 5L);

  private static CampaignSpec campaign(String id) {
    return new CampaignSpec(id, id, new PlaylistSpec(id, List.of(EntrySpec.of("poster"))),
        new TargetsSpec(List.of("lao-cai-intl"), List.of(), List.of(), List.of()),
        java.time.LocalDateTime.parse("2026-03-15T08:00"), java.time.LocalDateTime.parse("2026-03-16T08:00"),
        List.of(), List.of(), 1, 1, null);
  }

  /** The fair's layout: main + ticker, its side banner playing a poster of its own. */
  private static LayoutSpec fair() {
    return new LayoutSpec("fair", Templates.MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.playlist(RegionRole.SIDE, new PlaylistSpec("fair-side", List.of(EntrySpec.of("fair-banner")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("notice-1"))))));
  }

  /** The hall's rules with two campaigns, the fair bringing its own layout, the other not. */
  private static ScreenRules withCampaignLayout() {
    ScreenRules hall = hallRules();
    List<ItemSpec> items = new ArrayList<>(hall.items());
    items.add(new ItemSpec("fair-banner", "Fair banner", List.of(VariantSpec.media("vi", FAIR_POSTER, 10))));
    return new ScreenRules(hall.profile(), items, List.of(campaign("z-news"), campaign("fair")), hall.defaultPlaylist(),
        hall.defaultPolicy(), hall.alerts(), hall.layout(), java.util.Map.of("fair", fair()));
  }

  @Test
  void aCampaignsLayoutSurvivesTheWireKeyedByItsCampaign() {
    ScreenRules rules = withCampaignLayout();
    ScheduleMessage back = Codec.decode(Codec.encode(message(rules)), ScheduleMessage.class);
    assertThat(back.rules()).isEqualTo(rules);
    assertThat(back.rules().campaignLayouts()).containsOnlyKeys("fair").containsEntry("fair", fair());
    assertThat(new String(Codec.encode(rules), StandardCharsets.UTF_8)).contains("\"campaignLayouts\":{\"fair\":{\"id\":\"fair\"");
    // The banner of the campaign's side region is fetched with the rest, before the schedule is applied.
    assertThat(rules.media()).contains(FAIR_POSTER);
    assertThat(rules.withCampaignLayouts(java.util.Map.of()).media()).doesNotContain(FAIR_POSTER);
  }

  @Test
  void campaignLayoutsAreWrittenInCampaignOrderWhateverOrderTheyWereBuiltIn() {
    ScreenRules rules = withCampaignLayout();
    LayoutSpec news = new LayoutSpec("news", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))));
    java.util.Map<String, LayoutSpec> oneWay = new java.util.LinkedHashMap<>();
    oneWay.put("z-news", news);
    oneWay.put("fair", fair());
    java.util.Map<String, LayoutSpec> otherWay = new java.util.LinkedHashMap<>();
    otherWay.put("fair", fair());
    otherWay.put("z-news", news);
    String a = new String(Codec.encode(rules.withCampaignLayouts(oneWay)), StandardCharsets.UTF_8);
    assertThat(a).isEqualTo(new String(Codec.encode(rules.withCampaignLayouts(otherWay)), StandardCharsets.UTF_8));
    assertThat(a.indexOf("\"fair\":{")).isLessThan(a.indexOf("\"z-news\":{"));
  }

  @Test
  void rulesWithoutCampaignLayoutsAreWrittenExactlyAsBeforeCampaignLayoutsExisted() {
    ScreenRules none = withCampaignLayout().withCampaignLayouts(java.util.Map.of());
    String json = new String(Codec.encode(none), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("campaignLayouts");
    assertThat(json).isEqualTo(new String(Codec.encode(new LayoutOnlyScreenRules(none.profile(), none.items(),
        none.campaigns(), none.defaultPlaylist(), none.defaultPolicy(), none.alerts(), none.layout())),
        StandardCharsets.UTF_8));
    assertThat(Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScreenRules.class).campaignLayouts()).isEmpty();
  }

  @Test
  void anAgentThatKnowsOnlyOneLayoutReadsRulesWithCampaignLayoutsAsBefore() {
    ScreenRules rules = withCampaignLayout();
    LayoutOnlyScreenRules old = Codec.decode(Codec.encode(rules), LayoutOnlyScreenRules.class);
    assertThat(old).isEqualTo(new LayoutOnlyScreenRules(rules.profile(), rules.items(), rules.campaigns(),
        rules.defaultPlaylist(), rules.defaultPolicy(), rules.alerts(), rules.layout()));
    assertThat(Codec.decode(Codec.encode(rules), OldScreenRules.class).campaigns()).hasSize(2);
  }

  @Test
  void aCampaignLayoutForNoCampaignOfTheRulesOrNamingAnItemTheyDoNotCarryIsRefused() {
    ScreenRules rules = withCampaignLayout();
    assertThatThrownBy(() -> rules.withCampaignLayouts(java.util.Map.of("elsewhere", fair())))
        .hasMessageContaining("campaignLayouts.elsewhere names no campaign in campaigns");

    String json = new String(Codec.encode(message(rules)), StandardCharsets.UTF_8)
        .replace("\"itemId\":\"fair-banner\"", "\"itemId\":\"draft-banner\"");
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("campaignLayouts.fair")
        .hasMessageContaining("draft-banner");
  }

  /** {@link ScreenRules} as agents of the first layout release know it: one layout, no campaign layouts. */
  record LayoutOnlyScreenRules(ScreenProfile profile, List<ItemSpec> items, List<CampaignSpec> campaigns,
      PlaylistSpec defaultPlaylist, LanguagePolicySpec defaultPolicy, List<AlertSpec> alerts,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      LayoutSpec layout) {}

  /** {@link ScreenRules} as agents before issue 23 know it. */
  record OldScreenRules(ScreenProfile profile, List<ItemSpec> items, List<CampaignSpec> campaigns,
      PlaylistSpec defaultPlaylist, LanguagePolicySpec defaultPolicy, List<AlertSpec> alerts) {}
}

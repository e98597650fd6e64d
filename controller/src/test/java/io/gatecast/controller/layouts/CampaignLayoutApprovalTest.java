package io.gatecast.controller.layouts;

import static io.gatecast.controller.ServiceFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.QrSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.layout.WidgetType;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.schedules.layout.ScreenLayouts;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.wire.WireMapping;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A campaign's own layout (issue 23) on the wire, through the same approval gate as the screen's:
 * an unapproved ticker line or QR URL in the campaign's layout is absent from the rules the
 * controller signs, and appears once approved; a screen with its own layout gets no campaign
 * layouts (its override wins); the agent's engine switches to the campaign's layout for its slots.
 */
class CampaignLayoutApprovalTest {
  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z"); // 08:00 in Lào Cai
  private static final User AN = new User("an", Set.of(Role.CONTRIBUTOR), false, NOW);
  private static final User CHI = new User("chi", Set.of(Role.APPROVER), false, NOW);
  private static final String OPERATOR = "dung";
  private static final String FAIR_PORTAL = "https://hoicho.laocai.gov.vn/dang-ky";
  private static final String DRAFT_LINE = "Hội chợ kéo dài thêm một ngày (chưa duyệt)";
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Screen HALL = new Screen("hall-1", "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi"));
  private static final Screen KIOSK = new Screen("kiosk-2", "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi"));

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private ContentService content;
  private LayoutService layouts;
  private final RulesBuilder builder = new RulesBuilder((c, id) -> id.equals(HALL.id()) ? HALL : KIOSK,
      io.gatecast.controller.Repositories.create().rulesStores());

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    content = LayoutServices.content(db, clock);
    layouts = LayoutServices.layouts(db, clock);
  }

  private void text(String id, String text, boolean approve) {
    await(content.create(AN, id, id, List.of(new ContentVariant("vi", null, text, 10))));
    if (approve) {
      await(content.approve(CHI, id, 1));
    }
  }

  /**
   * The gate plays "welcome" full screen under a clock-and-date ticker; the fair's campaign runs
   * 09:00–10:00 and brings a layout with a QR code to its registration page and a ticker of two lines.
   */
  private void gateAndFair() {
    text("welcome", "Chào mừng đến Lào Cai", true);
    text("fair-poster", "Hội chợ thương mại Việt - Trung", true);
    text("fair-line", "Hội chợ mở cửa 8 giờ - 17 giờ", true);
    text("fair-draft", DRAFT_LINE, false);
    text("fair-url", FAIR_PORTAL, false);
    await(db.transaction(c -> {
      // Registered, orientation not said (landscape): a screen's layout is chosen for its shape.
      new io.gatecast.controller.screens.ScreenRepository().insert(c, HALL.id(), HALL.id(), NOW);
      new io.gatecast.controller.screens.ScreenRepository().insert(c, KIOSK.id(), KIOSK.id(), NOW);
      new NamedPlaylistRepository().insert(c, "fair-pl", "Fair", List.of(new NamedPlaylist.Entry("fair-poster", 1, null)), NOW);
      new CampaignRepository().insert(c, new CampaignDefinition("fair", "Trade fair", "fair-pl",
          new TargetsSpec(List.of("lao-cai"), List.of(), List.of(), List.of()),
          LocalDateTime.parse("2026-12-02T09:00"), LocalDateTime.parse("2026-12-02T10:00"),
          List.of(), List.of(), 5, 1, null), NOW);
      return null;
    }));
    await(layouts.create(OPERATOR, LayoutService.layout("gate", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))))));
    await(layouts.create(OPERATOR, LayoutService.layout("fair-layout", Templates.MAIN_SIDE_TICKER,
        ScreenShape.LANDSCAPE_16_9, List.of(
            RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.qr(new QrSpec("fair-url"))),
            RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("fair-line", "fair-draft"))))))));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "gate")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.CAMPAIGN, "fair", "fair-layout")));
  }

  private ScreenPlan plan(Screen screen) {
    return await(db.transaction(c -> builder.build(c, screen.id())));
  }

  /** The rules as signed: the wire form the publisher serialises, through the codec as an agent reads them. */
  private static ScreenRules signed(ScreenPlan plan) {
    return Codec.decode(Codec.encode(plan.toWire("http://10.0.0.5:8080/media/")), ScreenRules.class);
  }

  private static String json(ScreenRules rules) {
    return new String(Codec.encode(rules), StandardCharsets.UTF_8);
  }

  @Test
  void anUnapprovedTextInACampaignsLayoutIsNotCarriedAndAppearsOnceApproved() {
    gateAndFair();

    ScreenPlan before = plan(HALL);
    ScreenRules rules = signed(before);
    assertThat(rules.layout().id()).isEqualTo("gate");
    assertThat(rules.campaignLayouts()).containsOnlyKeys("fair");
    LayoutSpec fair = rules.campaignLayouts().get("fair");
    assertThat(fair.id()).isEqualTo("fair-layout");
    assertThat(json(rules)).doesNotContain(DRAFT_LINE, FAIR_PORTAL, "fair-draft", "fair-url");
    assertThat(fair.region(RegionRole.TICKER).orElseThrow().widgets().get(0).ticker().itemIds())
        .containsExactly("fair-line");
    // Its QR code had nothing approved to show: the panel shows the time and date, it does not go black.
    assertThat(fair.region(RegionRole.SIDE).orElseThrow().widgets()).extracting(WidgetSpec::type)
        .containsExactly(WidgetType.CLOCK, WidgetType.DATE);
    assertThat(before.withheld()).containsExactlyInAnyOrder("fair-draft", "fair-url");

    await(content.approve(CHI, "fair-draft", 1));
    await(content.approve(CHI, "fair-url", 1));

    ScreenRules approved = signed(plan(HALL));
    assertThat(json(approved)).contains(DRAFT_LINE, FAIR_PORTAL);
    assertThat(approved.campaignLayouts().get("fair").region(RegionRole.TICKER).orElseThrow().widgets().get(0)
        .ticker().itemIds()).containsExactly("fair-line", "fair-draft");
    assertThat(approved.campaignLayouts().get("fair").region(RegionRole.SIDE).orElseThrow().widgets())
        .containsExactly(WidgetSpec.qr(new QrSpec("fair-url")));
  }

  @Test
  void theAgentsEngineSwitchesToTheCampaignsLayoutForItsHourAndAScreensOwnLayoutWins() {
    gateAndFair();
    await(layouts.create(OPERATOR, LayoutService.layout("kiosk-own", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(false))))));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "kiosk-2", "kiosk-own")));

    WireMapping.Mapped hall = WireMapping.fromWire(signed(plan(HALL)));
    ScreenLayouts engine = new ScreenLayouts(hall.rules(), hall.screen(), hall.layout().engine(),
        Map.of("fair", hall.campaignLayouts().get("fair").engine()));
    Instant nine = LocalDateTime.parse("2026-12-02T09:00").atZone(HANOI).toInstant();
    assertThat(engine.choiceAt(nine.minusSeconds(1)).layout().id()).isEqualTo("gate");
    assertThat(engine.choiceAt(nine).layout().id()).isEqualTo("fair-layout");
    assertThat(engine.choiceAt(nine.plusSeconds(3599)).layout().id()).isEqualTo("fair-layout");
    assertThat(engine.choiceAt(nine.plusSeconds(3600)).layout().id()).isEqualTo("gate");

    ScreenRules kiosk = signed(plan(KIOSK));
    assertThat(kiosk.layout().id()).isEqualTo("kiosk-own");
    assertThat(kiosk.campaigns()).extracting(c -> c.id()).containsExactly("fair");
    assertThat(kiosk.campaignLayouts()).as("the screen's own layout wins over the campaign's").isEmpty();
    assertThat(json(kiosk)).doesNotContain("campaignLayouts");
  }
}

package io.gatecast.controller.layouts;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.OpeningDaySpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.QrSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.layout.WidgetType;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.wire.WireMapping;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 23's promise, where the rules are built: a layout cannot carry unapproved text or an
 * unapproved URL onto a screen. An unapproved ticker line and QR URL are absent from the rules the
 * controller signs (and the band they were in shows the clock and date instead), then appear once
 * approved. Also: which layout applies (screen over gate), and the gate's facts in its widgets.
 */
class LayoutApprovalTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final User AN = new User("an", Set.of(Role.CONTRIBUTOR), false, NOW);
  private static final User CHI = new User("chi", Set.of(Role.APPROVER), false, NOW);
  private static final String OPERATOR = "dung";
  private static final String PORTAL = "https://laocai.gov.vn/cong-thong-tin";
  private static final String DRAFT_LINE = "Giờ mở cửa thay đổi (chưa duyệt)";
  private static final Screen HALL = new Screen("hall-1", "lao-cai", Set.of(), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh"),
      List.of("vi", "zh-Hans"));
  private static final Screen KIOSK = new Screen("kiosk-2", "lao-cai", Set.of(), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh"),
      List.of("vi"));

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

  /** Main programme, a QR code to the portal beside it, a ticker of two lines below. */
  private static LayoutSpec hallLayout() {
    return LayoutService.layout("hall", Templates.MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.qr(new QrSpec("portal-url"))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("line-ok", "line-draft"))))));
  }

  private void text(String id, String text, boolean approve) {
    await(content.create(AN, id, id, List.of(new ContentVariant("vi", null, text, 10))));
    if (approve) {
      await(content.approve(CHI, id, 1));
    }
  }

  private ScreenPlan plan(Screen screen) {
    return await(db.transaction(c -> builder.build(c, screen.id())));
  }

  /** The rules as signed: the wire form the publisher serialises, through the codec as an agent reads them. */
  private static ScreenRules signed(ScreenPlan plan) {
    byte[] json = Codec.encode(plan.toWire("http://10.0.0.5:8080/media/"));
    return Codec.decode(json, ScreenRules.class);
  }

  private static String json(ScreenRules rules) {
    return new String(Codec.encode(rules), StandardCharsets.UTF_8);
  }

  @Test
  void anUnapprovedTickerLineOrQrUrlNeverReachesTheSignedRulesAndAppearsOnceApproved() {
    text("line-ok", "Xin xuất trình hộ chiếu", true);
    text("line-draft", DRAFT_LINE, false);
    text("portal-url", PORTAL, false);
    await(layouts.create(OPERATOR, hallLayout()));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));

    ScreenPlan before = plan(HALL);
    ScreenRules rules = signed(before);
    assertThat(json(rules)).doesNotContain(DRAFT_LINE, PORTAL, "line-draft", "portal-url");
    assertThat(rules.items()).extracting(ItemSpec::id).containsExactly("line-ok");
    assertThat(rules.layout().region(RegionRole.TICKER).orElseThrow().widgets().get(0).ticker().itemIds())
        .containsExactly("line-ok");
    // The QR code had nothing approved to show: the panel shows the time and date, it does not go black.
    assertThat(rules.layout().region(RegionRole.SIDE).orElseThrow().widgets()).extracting(WidgetSpec::type)
        .containsExactly(WidgetType.CLOCK, WidgetType.DATE);
    assertThat(before.withheld()).containsExactlyInAnyOrder("line-draft", "portal-url");
    assertThat(WireMapping.fromWire(rules).layout().engine().regions()).hasSize(3); // the agent's engine takes it

    await(content.approve(CHI, "line-draft", 1));
    await(content.approve(CHI, "portal-url", 1));

    ScreenPlan after = plan(HALL);
    ScreenRules approved = signed(after);
    assertThat(json(approved)).contains(DRAFT_LINE, PORTAL);
    assertThat(approved.layout().region(RegionRole.TICKER).orElseThrow().widgets().get(0).ticker().itemIds())
        .containsExactly("line-ok", "line-draft");
    assertThat(approved.layout().region(RegionRole.SIDE).orElseThrow().widgets())
        .containsExactly(WidgetSpec.qr(new QrSpec("portal-url")));
    assertThat(after.withheld()).isEmpty();
  }

  @Test
  void anEditAfterApprovalTakesTheLineOffAgainAndAnApprovedTextThatIsNoWebAddressIsNoQrCode() {
    text("line-ok", "Xin xuất trình hộ chiếu", true);
    text("line-draft", "Dòng hai", true);
    text("portal-url", "javascript:alert(1)", true);
    await(layouts.create(OPERATOR, hallLayout()));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    assertThat(json(signed(plan(HALL)))).doesNotContain("javascript:");

    await(content.edit(AN, "line-draft", "line-draft", List.of(new ContentVariant("vi", null, DRAFT_LINE, 10))));
    ScreenRules rules = signed(plan(HALL));
    assertThat(json(rules)).doesNotContain(DRAFT_LINE, "Dòng hai");
    assertThat(rules.layout().region(RegionRole.TICKER).orElseThrow().widgets().get(0).ticker().itemIds())
        .containsExactly("line-ok");
  }

  @Test
  void aScreensOwnLayoutWinsOverItsGatesAndTheGatesFactsFillTheWidgets() {
    text("line-ok", "Xin xuất trình hộ chiếu", true);
    text("line-draft", "Dòng hai", true);
    text("portal-url", PORTAL, true);
    await(layouts.create(OPERATOR, hallLayout()));
    LayoutSpec facts = LayoutService.layout("facts", Templates.HEADER_MAIN_TICKER, ScreenShape.PORTRAIT_9_16, List.of(
        RegionSpec.widgets(RegionRole.HEADER, WidgetSpec.clock(new ClockSpec(List.of(new ClockZoneSpec("UTC", null))))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.openingHours(new OpeningHoursSpec(List.of(), List.of())))));
    await(layouts.create(OPERATOR, facts));
    await(db.transaction(c -> {
      new io.gatecast.controller.organisation.ClusterRepository().insert(c, new io.gatecast.controller.organisation.Cluster(
          "lao-cai", "Lào Cai", "Lào Cai", "Asia/Ho_Chi_Minh", List.of("vi")), NOW);
      // The kiosk is a portrait totem: "facts" is drawn for its shape (a screen is refused another).
      new io.gatecast.controller.screens.ScreenRepository().insert(c, KIOSK.id(), KIOSK.id(), NOW);
      new io.gatecast.controller.screens.ScreenSetupRepository().update(c, KIOSK.id(),
          new io.gatecast.controller.screens.ScreenSetup("lao-cai", null, null, "PORTRAIT", null, List.of(), null), NOW);
      return null;
    }));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "kiosk-2", "facts")));
    ClockSpec border = new ClockSpec(List.of(new ClockZoneSpec("Asia/Ho_Chi_Minh", "line-ok"),
        new ClockZoneSpec("Asia/Shanghai", null)));
    OpeningHoursSpec hours = new OpeningHoursSpec(List.of(new OpeningDaySpec(DayOfWeek.MONDAY,
        List.of(new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(19, 0))))), List.of());
    await(layouts.putFacts(OPERATOR, "lao-cai", new GateFacts(hours, border)));

    assertThat(signed(plan(HALL)).layout().id()).isEqualTo("hall");
    ScreenRules kiosk = signed(plan(KIOSK));
    assertThat(kiosk.layout().id()).isEqualTo("facts");
    assertThat(kiosk.layout().region(RegionRole.HEADER).orElseThrow().widgets().get(0).clock()).isEqualTo(border);
    assertThat(kiosk.layout().region(RegionRole.TICKER).orElseThrow().widgets().get(0).openingHours()).isEqualTo(hours);
    assertThat(kiosk.items()).extracting(ItemSpec::id).containsExactly("line-ok"); // the clock's place name

    Refusal inUse = refused(layouts.delete(OPERATOR, "facts"));
    assertThat(inUse.code()).isEqualTo("LAYOUT_IN_USE");
    await(layouts.unassign(OPERATOR, LayoutTarget.SCREEN, "kiosk-2", null));
    assertThat(signed(plan(KIOSK)).layout()).as("the gate has no portrait default: full screen").isNull();
    await(db.transaction(c -> new io.gatecast.controller.screens.ScreenSetupRepository().update(c, KIOSK.id(),
        new io.gatecast.controller.screens.ScreenSetup("lao-cai", null, null, "LANDSCAPE", null, List.of(), null), NOW)));
    assertThat(signed(plan(KIOSK)).layout().id()).as("turned landscape: the gate's default").isEqualTo("hall");
  }

  @Test
  void aLayoutIsRefusedWithCodesTheConsoleTranslates() {
    assertThatThrownBy(() -> LayoutService.layout("x", "mosaic", ScreenShape.LANDSCAPE_16_9, List.of()))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("LAYOUT_TEMPLATE_UNKNOWN"));
    assertThatThrownBy(() -> LayoutService.layout("x", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of()))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("LAYOUT_REGION_MISSING"));
    assertThatThrownBy(() -> LayoutService.layout("x", Templates.FULL, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.date(true)))))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("LAYOUT_REGION_UNKNOWN"));
    Refusal unknownItem = refused(layouts.create(OPERATOR, hallLayout()));
    assertThat(unknownItem.code()).isEqualTo("LAYOUT_ITEM_UNKNOWN");
    assertThat(unknownItem.getMessage()).contains("line-ok", "line-draft", "portal-url");
  }
}

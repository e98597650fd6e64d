package io.gatecast.controller.layouts;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.publish.RulesBuilder;
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
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.schedules.layout.view.LayoutView;
import io.gatecast.schedules.layout.view.LayoutViewer;
import io.gatecast.schedules.model.Screen;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's layout preview (issue 23) is the screen's view: computed by the engine the agent's
 * page uses, with the gate's facts, so it shows the lunar date, the real QR code, today's opening
 * hours (a closed date) and the clock's place names — and, once everything is approved and the
 * layout attached, it equals the view of the rules the controller signs for a screen of the gate.
 */
class LayoutPreviewsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate TODAY = LocalDate.ofInstant(NOW, HANOI);
  private static final User AN = new User("an", Set.of(Role.CONTRIBUTOR), false, NOW);
  private static final User CHI = new User("chi", Set.of(Role.APPROVER), false, NOW);
  private static final String PORTAL = "https://laocai.gov.vn/cong-thong-tin";
  private static final Screen HALL = new Screen("hall-1", "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi", "zh-Hans"));

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private ContentService content;
  private LayoutService layouts;
  private LayoutPreviews previews;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    content = LayoutServices.content(db, clock);
    layouts = LayoutServices.layouts(db, clock);
    previews = new LayoutPreviews(db, clock, new LayoutPreviews.Sources(new ClusterRepository(), new LayoutRepository(),
        new ContentRepository(), new MediaRepository()));
    await(db.transaction(c -> {
      new ClusterRepository().insert(c, new Cluster("lao-cai", "Lào Cai", "Lào Cai", HANOI.getId(),
          List.of("vi", "zh-Hans")), NOW);
      return null;
    }));
    text("portal", Map.of("vi", PORTAL), false);
    text("place", Map.of("vi", "Lào Cai", "zh-Hans", "老街"), true);
    text("line", Map.of("vi", "Xin xuất trình hộ chiếu", "zh-Hans", "请出示护照"), true);
    // The gate's facts: closed today, open Monday to Sunday otherwise; the clock's places named.
    OpeningHoursSpec hours = new OpeningHoursSpec(java.util.Arrays.stream(DayOfWeek.values()).map(d ->
        new OpeningDaySpec(d, List.of(new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(22, 0))))).toList(),
        List.of(TODAY));
    await(layouts.putFacts("dung", "lao-cai", new GateFacts(hours, new ClockSpec(List.of(
        new ClockZoneSpec(HANOI.getId(), "place"), new ClockZoneSpec("Asia/Shanghai", null))))));
  }

  private void text(String id, Map<String, String> texts, boolean approve) {
    await(content.create(AN, id, id, texts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new ContentVariant(e.getKey(), null, e.getValue(), 10)).toList()));
    if (approve) {
      await(content.approve(CHI, id, 1));
    }
  }

  /** Header with a clock (the layout's own zone, replaced by the gate's) and a date; QR and hours aside; a ticker. */
  private static LayoutSpec hall() {
    return LayoutService.layout("hall", Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.HEADER, WidgetSpec.clock(new ClockSpec(List.of(new ClockZoneSpec("UTC", null)))),
            WidgetSpec.date(true)),
        RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.openingHours(new OpeningHoursSpec(List.of(), List.of())),
            WidgetSpec.qr(new QrSpec("portal"))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("line"))))));
  }

  @Test
  void thePreviewShowsTheLunarDateTheRealQrCodeAndTheGatesFactsInTheChosenLanguage() {
    LayoutPreviews.Preview preview = await(previews.preview(hall(), "lao-cai", "zh-Hans", null));
    LayoutView view = preview.view();
    assertThat(view.language()).isEqualTo("zh-Hans");
    LunarDate lunar = LunarCalendar.of(TODAY);
    assertThat(widget(view, "HEADER", 1).get("lunar")).isEqualTo(Map.of("day", lunar.day(), "month", lunar.month(),
        "leap", lunar.leap(), "stem", lunar.stem(), "branch", lunar.branch()));
    List<?> zones = (List<?>) widget(view, "HEADER", 0).get("zones");
    assertThat(zones.stream().map(z -> ((Map<?, ?>) z).get("label")).toList()).isEqualTo(List.of("老街", "中国"));
    assertThat(widget(view, "SIDE", 0).get("spans")).as("a closed date of the gate").isEqualTo(List.of());
    assertThat(widget(view, "SIDE", 1).get("modules")).isEqualTo(QrMatrix.of(PORTAL).rows());
    assertThat(widget(view, "TICKER", 0).get("lines")).isEqualTo(List.of("请出示护照"));
    assertThat(preview.pending()).as("shown in the preview, held back from screens until approved").containsExactly("portal");
  }

  @Test
  void onceApprovedAndAttachedThePreviewIsWhatTheSignedRulesShow() {
    await(content.approve(CHI, "portal", 1));
    await(layouts.create("dung", hall()));
    await(layouts.assign("dung", new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    RulesBuilder builder = new RulesBuilder((c, id) -> HALL, io.gatecast.controller.Repositories.create().rulesStores());
    ScreenRules signed = Codec.decode(Codec.encode(await(db.transaction(c -> builder.build(c, HALL.id())))
        .toWire("http://10.0.0.5:8080/media/")), ScreenRules.class);
    LayoutViewer screen = LayoutViewer.of(signed);
    for (String language : List.of("vi", "zh-Hans")) {
      LayoutPreviews.Preview preview = await(previews.preview(hall(), "lao-cai", language, NOW));
      assertThat(preview.pending()).isEmpty();
      assertThat(preview.view()).as(language).isEqualTo(screen.at(NOW, language, null));
    }
  }

  @Test
  void aLanguageTheGateDoesNotShowOrAnUnknownGateIsRefused() {
    assertThat(refused(previews.preview(hall(), "lao-cai", "km", null)).code()).isEqualTo("FIELD_INVALID_CHOICE");
    assertThat(refused(previews.preview(hall(), "mong-cai", "vi", null)).code()).isEqualTo("LAYOUT_TARGET_UNKNOWN");
  }

  private static Map<String, Object> widget(LayoutView view, String role, int index) {
    return view.regions().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow().widgets().get(index);
  }
}

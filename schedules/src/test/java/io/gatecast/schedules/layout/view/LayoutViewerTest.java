package io.gatecast.schedules.layout.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.CountdownSpec;
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
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.schedules.layout.view.LayoutView.SlideView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The view {@code layout.js} draws, computed from the signed rules alone (issue 23): what the agent's
 * page shows, and what the controller's preview shows in a language the operator picks.
 */
class LayoutViewerTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String PORTAL = "https://laocai.gov.vn/";

  private static ItemSpec text(String id, String vi, String zh) {
    return new ItemSpec(id, id, List.of(VariantSpec.text("vi", vi, 10), VariantSpec.text("zh-Hans", zh, 10)));
  }

  private static ScreenRules rules() {
    LayoutSpec hall = new LayoutSpec("hall", Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.HEADER, WidgetSpec.clock(new ClockSpec(List.of(
            new ClockZoneSpec("Asia/Ho_Chi_Minh", "label-vn"), new ClockZoneSpec("Asia/Shanghai", null)))),
            WidgetSpec.date(true)),
        RegionSpec.widgets(RegionRole.SIDE,
            WidgetSpec.openingHours(new OpeningHoursSpec(List.of(new OpeningDaySpec(DayOfWeek.SATURDAY, List.of(
                new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.MIDNIGHT)))), List.of())),
            WidgetSpec.qr(new QrSpec("portal")),
            WidgetSpec.countdown(new CountdownSpec("fair", Instant.parse("2027-02-07T00:00:00Z")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("n1", "n2"))))));
    List<ItemSpec> items = new ArrayList<>(List.of(
        text("slide", "Chào mừng", "欢迎"),
        text("label-vn", "Lào Cai", "老街"),
        text("n1", "Xuất trình hộ chiếu", "请出示护照"),
        text("n2", "Không mang hàng cấm", "禁止携带违禁品"),
        text("fair", "Hội chợ", "交易会"),
        new ItemSpec("portal", "Portal", List.of(VariantSpec.text("vi", PORTAL, 10)))));
    return new ScreenRules(new ScreenProfile("hall-1", "lao-cai", List.of(), List.of(), HANOI.getId(),
        List.of("vi", "zh-Hans")), items, List.of(), new PlaylistSpec("default", List.of(EntrySpec.of("slide"))),
        null, List.of(), hall);
  }

  @Test
  void everyRegionShowsTheLanguageOfTheMomentAndSwitchesWithTheOthers() {
    LayoutViewer compiled = LayoutViewer.of(rules());
    Set<String> seen = new HashSet<>();
    Instant start = Instant.parse("2027-02-06T02:00:00Z");
    for (int s = 0; s < 60; s++) {
      LayoutView view = compiled.at(start.plusSeconds(s), null);
      seen.add(view.language());
      boolean vi = view.language().equals("vi");
      assertThat(widget(view, "TICKER", 0).get("lines"))
          .isEqualTo(vi ? List.of("Xuất trình hộ chiếu", "Không mang hàng cấm") : List.of("请出示护照", "禁止携带违禁品"));
      assertThat(widget(view, "SIDE", 2).get("title")).isEqualTo(vi ? "Hội chợ" : "交易会");
      List<?> zones = (List<?>) widget(view, "HEADER", 0).get("zones");
      assertThat(((Map<?, ?>) zones.get(0)).get("label")).isEqualTo(vi ? "Lào Cai" : "老街");
      // The QR URL has only a Vietnamese variant: it falls back, in every language.
      assertThat(widget(view, "SIDE", 1).get("url")).isEqualTo(PORTAL);
    }
    assertThat(seen).as("the rotation went through both languages in a minute").containsExactlyInAnyOrder("vi", "zh-Hans");
  }

  @Test
  void theWidgetsDataIsComputedFromTheRulesAndTheClock() {
    Instant tet = LunarCalendar.tet(2027).atTime(9, 55).atZone(HANOI).toInstant();
    SlideView stage = new SlideView("slide", "slide", null, null, 10L, "vi", "Chào mừng");
    LayoutView view = LayoutViewer.of(rules()).at(tet, stage);

    assertThat(view.shape()).isEqualTo("LANDSCAPE_16_9");
    assertThat(view.regions()).extracting(LayoutView.RegionView::role).containsExactly("MAIN", "HEADER", "SIDE", "TICKER");
    assertThat(view.regions().get(0).item()).as("MAIN plays the programme: the stage's item").isEqualTo(stage);
    assertThat(view.regions().get(0).rect().area()).isGreaterThan(0.4);

    List<?> zones = (List<?>) widget(view, "HEADER", 0).get("zones");
    assertThat(zones.stream().map(z -> ((Map<?, ?>) z).get("time")).toList()).isEqualTo(List.of("09:55", "10:55"));
    assertThat(zones.stream().map(z -> ((Map<?, ?>) z).get("offset")).toList()).isEqualTo(List.of("UTC+7", "UTC+8"));
    assertThat(((Map<?, ?>) zones.get(1)).get("label")).as("the country it keeps time for, in the slide's language")
        .isEqualTo("Trung Quốc");

    Map<String, Object> date = widget(view, "HEADER", 1);
    assertThat(date.get("date")).isEqualTo(LunarCalendar.tet(2027).toString());
    assertThat(date.get("lunar")).isEqualTo(Map.of("day", 1, "month", 1, "leap", false,
        "stem", LunarCalendar.of(LunarCalendar.tet(2027)).stem(), "branch", LunarCalendar.of(LunarCalendar.tet(2027)).branch()));

    // Tết 2027 is a Saturday: open 07:00 to midnight.
    assertThat(widget(view, "SIDE", 0).get("spans")).isEqualTo(List.of(List.of("07:00", "24:00")));
    assertThat(widget(view, "SIDE", 1).get("modules")).isEqualTo(QrMatrix.of(PORTAL).rows());
    assertThat(widget(view, "SIDE", 2).get("seconds"))
        .isEqualTo(java.time.Duration.between(tet, Instant.parse("2027-02-07T00:00:00Z")).toSeconds());

    // Closed on a Sunday (not listed), and the countdown never goes below zero.
    LayoutView sunday = LayoutViewer.of(rules()).at(tet.plus(java.time.Duration.ofDays(1)), stage);
    assertThat(widget(sunday, "SIDE", 0).get("spans")).isEqualTo(List.of());
    assertThat(widget(sunday, "SIDE", 2).get("seconds")).isEqualTo(0L);
  }

  @Test
  void aPreviewShowsEveryRegionInTheChosenLanguageWithTheScreensLunarDateAndQrCode() {
    LayoutViewer viewer = LayoutViewer.of(rules());
    Instant tet = LunarCalendar.tet(2027).atTime(9, 55).atZone(HANOI).toInstant();
    for (String language : List.of("vi", "zh-Hans")) {
      // Whatever the rotation says at that instant, the preview asked for one language gets it in every region.
      for (int s = 0; s < 30; s++) {
        LayoutView view = viewer.at(tet.plusSeconds(s), language, null);
        assertThat(view.language()).isEqualTo(language);
        boolean vi = language.equals("vi");
        assertThat(widget(view, "TICKER", 0).get("lines"))
            .isEqualTo(vi ? List.of("Xuất trình hộ chiếu", "Không mang hàng cấm") : List.of("请出示护照", "禁止携带违禁品"));
        assertThat(((Map<?, ?>) widget(view, "HEADER", 1).get("lunar")).get("day")).isEqualTo(1);
        assertThat(widget(view, "SIDE", 1).get("modules")).isEqualTo(QrMatrix.of(PORTAL).rows());
      }
    }
    // Asked for the language of the moment, it is the same view as the screen's.
    Instant at = tet.plusSeconds(7);
    assertThat(viewer.at(at, viewer.languageAt(at), null)).isEqualTo(viewer.at(at, null));
  }

  @Test
  void aPlaylistRegionShowsTheEnginesSlideInTheChosenLanguage() {
    ScreenRules withSide = rules().withLayout(new LayoutSpec("side", Templates.MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.playlist(RegionRole.SIDE, new PlaylistSpec("side", List.of(EntrySpec.of("slide")))),
            RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("n1")))))));
    LayoutViewer viewer = LayoutViewer.of(withSide);
    Instant at = Instant.parse("2027-02-06T02:00:00Z");
    SlideView zh = viewer.at(at, "zh-Hans", null).regions().stream().filter(r -> r.role().equals("SIDE"))
        .findFirst().orElseThrow().item();
    assertThat(zh.contentId()).isEqualTo("slide");
    assertThat(zh.language()).isEqualTo("zh-Hans");
    assertThat(zh.text()).isEqualTo("欢迎");
    assertThat(viewer.at(at, "vi", null).regions().stream().filter(r -> r.role().equals("SIDE"))
        .findFirst().orElseThrow().item().text()).isEqualTo("Chào mừng");
  }

  @Test
  void rulesWithoutALayoutHaveNoView() {
    assertThat(LayoutViewer.of(rules().withLayout(null))).isNull();
  }

  private static Map<String, Object> widget(LayoutView view, String role, int index) {
    return view.regions().stream().filter(r -> r.role().equals(role)).findFirst().orElseThrow().widgets().get(index);
  }
}

package io.gatecast.protocol.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.VariantSpec;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutSpecTest {
  /** The border-gate hall screen of the issue: header with clocks and date, side facts, a ticker. */
  static LayoutSpec hall() {
    return new LayoutSpec("hall-default", Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.HEADER,
            WidgetSpec.clock(new ClockSpec(List.of(
                new ClockZoneSpec("Asia/Ho_Chi_Minh", "label-vn"), new ClockZoneSpec("Asia/Shanghai", "label-cn")))),
            WidgetSpec.date(true)),
        RegionSpec.widgets(RegionRole.SIDE,
            WidgetSpec.openingHours(new OpeningHoursSpec(
                List.of(new OpeningDaySpec(DayOfWeek.MONDAY, List.of(
                    new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(11, 30)),
                    new OpeningSpanSpec(LocalTime.of(13, 0), LocalTime.MIDNIGHT)))),
                List.of(LocalDate.of(2027, 2, 8)))),
            WidgetSpec.qr(new QrSpec("portal-url")),
            WidgetSpec.countdown(new CountdownSpec("fair-title", Instant.parse("2027-04-01T01:00:00Z")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("notice-1", "notice-2"))))));
  }

  static Map<String, ItemSpec> approvedItems() {
    Map<String, ItemSpec> items = new LinkedHashMap<>();
    text(items, "label-vn", "Hà Nội");
    text(items, "label-cn", "北京");
    text(items, "notice-1", "Cửa khẩu mở cửa từ 7 giờ");
    text(items, "notice-2", "Xin xuất trình hộ chiếu");
    text(items, "fair-title", "Hội chợ thương mại Việt - Trung");
    text(items, "portal-url", "https://laocai.gov.vn/");
    return items;
  }

  private static void text(Map<String, ItemSpec> items, String id, String text) {
    items.put(id, new ItemSpec(id, id, List.of(VariantSpec.text("vi", text, 10))));
  }

  @Test
  void everyBuiltInTemplateTilesItsScreenWithOneMainRegion() {
    assertThat(Templates.all()).hasSize(10);
    for (LayoutTemplate t : Templates.all()) {
      double area = t.regions().stream().mapToDouble(r -> r.rect().area()).sum();
      // no overlaps (checked by the constructor) and areas summing to 1: the screen is covered, no black strip
      assertThat(area).as(t.id() + " " + t.shape()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(t.roles()).contains(RegionRole.MAIN);
      assertThat(Templates.find(t.id(), t.shape() == ScreenShape.LANDSCAPE_16_9
          ? ScreenShape.PORTRAIT_9_16 : ScreenShape.LANDSCAPE_16_9)).as("portrait form of " + t.id()).isPresent();
    }
  }

  @Test
  void aLayoutSurvivesTheCodecAndIgnoresFieldsItDoesNotKnow() {
    LayoutSpec layout = hall();
    assertThat(Codec.decode(Codec.encode(layout), LayoutSpec.class)).isEqualTo(layout);

    String newer = "{\"id\":\"l\",\"template\":\"main-ticker\",\"shape\":\"PORTRAIT_9_16\",\"animation\":\"fade\","
        + "\"regions\":[{\"role\":\"TICKER\",\"speed\":3,\"widgets\":[{\"type\":\"TICKER\","
        + "\"ticker\":{\"itemIds\":[\"a\"],\"colour\":\"red\"}}]}]}";
    LayoutSpec decoded = Codec.decode(newer.getBytes(StandardCharsets.UTF_8), LayoutSpec.class);
    assertThat(decoded.region(RegionRole.MAIN).orElseThrow().playsProgramme()).isTrue();
    assertThat(decoded.itemIds()).containsExactly("a");
  }

  @Test
  void aLayoutMustFillItsTemplateAndNothingElse() {
    assertThatThrownBy(() -> new LayoutSpec("l", "mosaic", ScreenShape.LANDSCAPE_16_9, List.of()))
        .hasMessageContaining("template must be one of").hasMessageContaining("mosaic");
    assertThatThrownBy(() -> new LayoutSpec("l", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of()))
        .hasMessageContaining("must fill the TICKER region");
    assertThatThrownBy(() -> new LayoutSpec("l", Templates.FULL, ScreenShape.PORTRAIT_9_16,
        List.of(RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.date(true)))))
        .hasMessageContaining("SIDE is not a region of template full");
    assertThatThrownBy(() -> new RegionSpec(RegionRole.TICKER, null, List.of()))
        .hasMessageContaining("only MAIN may play the programme");
    assertThatThrownBy(() -> new WidgetSpec(WidgetType.QR, null, null, null, null, null, null))
        .hasMessageContaining("qr is required for a QR widget");
    assertThatThrownBy(() -> new WidgetSpec(WidgetType.QR, null, null, null, null, new QrSpec("u"),
        new CountdownSpec("t", Instant.EPOCH))).hasMessageContaining("countdown is only allowed for a COUNTDOWN widget");
    assertThatThrownBy(() -> new ClockZoneSpec("Asia/Hanoi_City", null)).hasMessageContaining("IANA time zone");
    assertThatThrownBy(() -> new OpeningSpanSpec(LocalTime.of(12, 0), LocalTime.of(8, 0)))
        .hasMessageContaining("close must be after open");
    assertThatThrownBy(() -> new Rect(0.5, 0, 0.6, 1)).hasMessageContaining("inside the screen");
  }

  @Test
  void openingHoursTodayComeFromTheWeekAndTheClosedDates() {
    OpeningHoursSpec hours = hall().region(RegionRole.SIDE).orElseThrow().widgets().get(0).openingHours();
    assertThat(hours.spansOn(LocalDate.of(2027, 2, 1))) // a Monday
        .extracting(OpeningSpanSpec::open).containsExactly(LocalTime.of(7, 0), LocalTime.of(13, 0));
    assertThat(hours.spansOn(LocalDate.of(2027, 2, 1)).get(1).closeSecondOfDay()).isEqualTo(86_400);
    assertThat(hours.spansOn(LocalDate.of(2027, 2, 2))).as("Tuesday is not listed: closed").isEmpty();
    assertThat(hours.spansOn(LocalDate.of(2027, 2, 8))).as("a closed Monday (a holiday)").isEmpty();
    assertThatThrownBy(() -> new OpeningDaySpec(DayOfWeek.MONDAY, List.of(
        new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(12, 0)),
        new OpeningSpanSpec(LocalTime.of(11, 0), LocalTime.of(17, 0)))))
        .hasMessageContaining("spans[1] of MONDAY must open after spans[0] closes");
  }

  @Test
  void theCodecRefusesABadLayoutNamingTheField() {
    String json = "{\"id\":\"l\",\"template\":\"full\",\"shape\":\"LANDSCAPE_16_9\",\"regions\":[{\"role\":\"MAIN\","
        + "\"widgets\":[{\"type\":\"CLOCK\",\"clock\":{\"zones\":[]}}]}]}";
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), LayoutSpec.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("zones must name at least one time zone");
  }

  @Test
  void aLayoutCarriesOnlyApprovedTextAndLinks() {
    LayoutSpec layout = hall();
    layout.requireResolvesIn(approvedItems());

    // The ticker line was not approved, so the rules builder left it out of the items: refused.
    Map<String, ItemSpec> withoutNotice = approvedItems();
    withoutNotice.remove("notice-2");
    assertThatThrownBy(() -> layout.requireResolvesIn(withoutNotice))
        .hasMessageContaining("regions[3].widgets[0].ticker.itemIds[1] notice-2 names no item in items");

    Map<String, ItemSpec> withoutUrl = approvedItems();
    withoutUrl.remove("portal-url");
    assertThatThrownBy(() -> layout.requireResolvesIn(withoutUrl)).hasMessageContaining("qr.urlItemId portal-url");

    Map<String, ItemSpec> scriptUrl = approvedItems();
    text(scriptUrl, "portal-url", "javascript:alert(1)");
    assertThatThrownBy(() -> layout.requireResolvesIn(scriptUrl)).hasMessageContaining("must be an http(s) URL");

    LayoutSpec withPlaylist = new LayoutSpec("p", Templates.MAIN_TICKER, ScreenShape.PORTRAIT_9_16, List.of(
        RegionSpec.playlist(RegionRole.TICKER, new PlaylistSpec("tick", List.of(EntrySpec.of("draft-line"))))));
    assertThatThrownBy(() -> withPlaylist.requireResolvesIn(approvedItems()))
        .hasMessageContaining("regions[1].playlist.entries[0].itemId draft-line names no item");
  }
}

package io.gatecast.schedules.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.schedules.checks.Finding;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

class LayoutScheduleTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Screen HALL =
      new Screen("lc-hall-1", "lao-cai", Set.of(), Set.of("hall"), HANOI, List.of("vi", "zh-Hans"));
  /** 08:00 in Hanoi; the default playlist's loop is anchored at midnight. */
  private static final Instant EIGHT = LocalDateTime.parse("2026-12-02T08:00").atZone(HANOI).toInstant();

  private static final ContentItem NEWS = new ContentItem("news", "Border news", List.of(
      Variant.media("vi", "sha-news-vi", MediaKind.IMAGE, 10), Variant.media("zh-Hans", "sha-news-zh", MediaKind.IMAGE, 10)));
  private static final ContentItem NOTICE = new ContentItem("notice", "Passport notice", List.of(
      Variant.text("vi", "Xin xuất trình hộ chiếu", 10), Variant.text("zh-Hans", "请出示护照", 10)));
  private static final ContentItem VI_ONLY = new ContentItem("vi-only", "Opening notice", List.of(
      Variant.text("vi", "Cửa khẩu mở cửa từ 7 giờ", 10)));

  private static final Layout HALL_LAYOUT = new Layout("hall", List.of(
      Region.widgets(RegionRole.HEADER, "CLOCK", "DATE"),
      Region.playlist(RegionRole.TICKER, Playlist.of("ticker", NOTICE, VI_ONLY))));

  @Test
  void theBandsFollowTheMainRegionsRotation() {
    LayoutSchedule s = new LayoutSchedule(Rules.of(List.of(), Playlist.of("default", NEWS)), HALL, HALL_LAYOUT);
    // The default playlist rotates news: vi for 10 s, zh-Hans for 10 s, ... from midnight.
    assertThat(s.resolve(RegionRole.MAIN, EIGHT).language()).isEqualTo("vi");
    assertThat(s.resolve(RegionRole.MAIN, EIGHT.plusSeconds(10)).language()).isEqualTo("zh-Hans");
    assertThat(s.resolve(RegionRole.HEADER, EIGHT.plusSeconds(10)).language()).isEqualTo("zh-Hans");
    assertThat(s.resolve(RegionRole.HEADER, EIGHT.plusSeconds(10)).slot()).isNull();

    RegionSlot ticker = s.resolve(RegionRole.TICKER, EIGHT.plusSeconds(10));
    assertThat(ticker.language()).isEqualTo("zh-Hans");
    assertThat(ticker.slot().item().id()).isEqualTo("vi-only");
    assertThat(ticker.slot().language()).as("no Chinese version: falls back").isEqualTo("vi");
    assertThat(s.explain(RegionRole.TICKER, EIGHT.plusSeconds(10)).text())
        .contains("plays its playlist ticker: \"Opening notice\" (vi-only) in vi")
        .contains("has no zh-Hans version, so it falls back to vi")
        .contains("follows the MAIN region's language of the moment, zh-Hans, set by \"Border news\" from default default");
    assertThat(s.explain(RegionRole.HEADER, EIGHT).text()).contains("shows CLOCK, DATE in vi");
    assertThat(s.explain(RegionRole.MAIN, EIGHT).text()).startsWith("The MAIN region plays the screen's programme.");
    assertThat(LayoutChecks.emptyMain(s, EIGHT, EIGHT.plusSeconds(86_400))).isEmpty();
  }

  @Test
  void anEmptyMainRegionIsABlackScreenFindingEvenWithTheBandsLit() {
    Campaign morning = Campaign.builder("morning").targets(Targets.clusters("lao-cai"))
        .window(LocalDateTime.parse("2026-12-02T06:00"), LocalDateTime.parse("2026-12-02T12:00"))
        .playlist(Playlist.of("pl-morning", NEWS)).build();
    LayoutSchedule s = new LayoutSchedule(Rules.of(List.of(morning), null), HALL, HALL_LAYOUT);

    List<Finding> findings = LayoutChecks.emptyMain(s, EIGHT, EIGHT.plusSeconds(6 * 3600));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(LayoutChecks.MAIN_REGION_EMPTY);
      assertThat(f.details()).containsEntry("from", "2026-12-02T12:00").containsEntry("to", "2026-12-02T14:00")
          .containsEntry("idleSeconds", "7200").containsEntry("layout", "hall");
    });
    Instant afternoon = EIGHT.plusSeconds(5 * 3600);
    assertThat(s.resolve(RegionRole.TICKER, afternoon).language()).as("the screen's first language").isEqualTo("vi");
    assertThat(s.explain(RegionRole.TICKER, afternoon).text()).contains("The MAIN region is empty now");

    Layout clockOnly = new Layout("clock", List.of(Region.widgets(RegionRole.MAIN, "CLOCK")));
    assertThat(LayoutChecks.emptyMain(new LayoutSchedule(Rules.of(List.of(), null), HALL, clockOnly), EIGHT,
        EIGHT.plusSeconds(3600))).as("a full-screen clock is never black").isEmpty();
  }
}

package io.gatecast.controller.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.layouts.LayoutChoice;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.schedules.checks.Severity;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import io.gatecast.schedules.wire.ScreenLayout;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks before publish know about regions: a zoned screen whose MAIN region has nothing to
 * play for some hours is an ERROR, MAIN_REGION_EMPTY (its bands stay lit, which would hide the
 * black hole from a passer-by), in place of the plain GAP, in the checks before publish and in a
 * screen's preview; a MAIN with a playlist of its own is never black; and a screen whose own layout
 * is not of its shape gets a warning.
 */
class PublishChecksLayoutTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Instant FROM = LocalDateTime.parse("2026-12-02T00:00").atZone(HANOI).toInstant();
  private static final Instant TO = FROM.plusSeconds(86_400);
  private static final ContentItem NEWS = new ContentItem("news", "Border news", List.of(Variant.text("vi", "Tin biên giới", 10)));
  private static final ContentItem LINE = new ContentItem("line", "Notice", List.of(Variant.text("vi", "Xin xuất trình hộ chiếu", 10)));

  /** Mornings only: 06:00–12:00, nothing else and no default playlist. */
  private static final Rules MORNINGS = Rules.of(List.of(Campaign.builder("morning").targets(Targets.clusters("lao-cai"))
      .window(LocalDateTime.parse("2026-12-01T06:00"), LocalDateTime.parse("2026-12-31T12:00"))
      .dayparts(Daypart.everyDay(LocalTime.of(6, 0), LocalTime.of(12, 0)))
      .playlist(Playlist.of("pl-morning", NEWS)).build()), null);

  private static Screen screen(String id) {
    return new Screen(id, "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi"));
  }

  private static ScreenPlan plan(Screen screen, Rules rules, ScreenLayout layout) {
    return new ScreenPlan(screen, rules, Map.of(), Set.of(), layout);
  }

  /** MAIN plays the programme, a ticker band of one line below. */
  private static ScreenLayout programmeMain() {
    return new ScreenLayout(new LayoutSpec("hall", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.playlist(RegionRole.TICKER, new PlaylistSpec("ticker-list", List.of(EntrySpec.of("line")))))),
        Map.of("line", LINE));
  }

  /** MAIN plays a playlist of its own, the date in the band below. */
  private static ScreenLayout ownMain() {
    return new ScreenLayout(new LayoutSpec("hall-own", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.playlist(RegionRole.MAIN, new PlaylistSpec("main-list", List.of(EntrySpec.of("news")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true)))), Map.of("news", NEWS));
  }

  @Test
  void aMainRegionThatThePlaylistsDoNotCoverAllDayIsAnErrorInPlaceOfTheGap() {
    PublishChecks.View view = PublishChecks.of(List.of(plan(screen("hall-1"), MORNINGS, programmeMain()),
        plan(screen("plain-2"), MORNINGS, null)), List.of(), List.of(), FROM, TO);

    assertThat(view.findings()).filteredOn(f -> f.code().equals("MAIN_REGION_EMPTY")).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.subjects()).containsExactly("hall");
      assertThat(f.screens()).containsExactly("hall-1");
      assertThat(f.details()).containsEntry("screen", "hall-1").containsEntry("layout", "hall")
          .containsEntry("from", "2026-12-02T00:00").containsEntry("to", "2026-12-02T06:00")
          .containsEntry("idleSeconds", String.valueOf(18 * 3600)).containsEntry("zone", "Asia/Ho_Chi_Minh");
    });
    // The screen without a layout keeps its GAP; the zoned one is not reported twice.
    assertThat(view.findings()).filteredOn(f -> f.code().equals("GAP")).singleElement()
        .satisfies(f -> assertThat(f.screens()).containsExactly("plain-2"));
  }

  @Test
  void aScreensPreviewSaysTheSame() {
    var zoned = io.gatecast.controller.preview.Preview.of(plan(screen("hall-1"), MORNINGS, programmeMain()), FROM, TO);
    assertThat(zoned.findings()).extracting(f -> f.code()).contains("MAIN_REGION_EMPTY").doesNotContain("GAP");
    var own = io.gatecast.controller.preview.Preview.of(plan(screen("hall-1"), MORNINGS, ownMain()), FROM, TO);
    assertThat(own.findings()).extracting(f -> f.code()).doesNotContain("MAIN_REGION_EMPTY", "GAP");
    var plain = io.gatecast.controller.preview.Preview.of(plan(screen("plain-2"), MORNINGS, null), FROM, TO);
    assertThat(plain.findings()).extracting(f -> f.code()).contains("GAP").doesNotContain("MAIN_REGION_EMPTY");
  }

  @Test
  void screensShowingTheSameLayoutShareOneFinding() {
    PublishChecks.View view = PublishChecks.of(List.of(plan(screen("hall-1"), MORNINGS, programmeMain()),
        plan(screen("hall-2"), MORNINGS, programmeMain())), List.of(), List.of(), FROM, TO);

    assertThat(view.findings()).filteredOn(f -> f.code().equals("MAIN_REGION_EMPTY")).singleElement().satisfies(f -> {
      assertThat(f.screens()).containsExactly("hall-1", "hall-2");
      assertThat(f.details()).containsEntry("screen", "hall-1");
    });
  }

  @Test
  void aMainRegionWithAPlaylistOfItsOwnIsCoveredAndNothingIsFound() {
    PublishChecks.View view = PublishChecks.of(List.of(plan(screen("hall-1"), MORNINGS, ownMain())), List.of(),
        List.of(), FROM, TO);

    assertThat(view.findings()).extracting(PublishChecks.Item::code).doesNotContain("MAIN_REGION_EMPTY", "GAP");
  }

  @Test
  void aMainRegionCoveredByADefaultPlaylistIsNotEmpty() {
    Rules covered = Rules.of(MORNINGS.campaigns(), Playlist.of("default", NEWS));
    PublishChecks.View view = PublishChecks.of(List.of(plan(screen("hall-1"), covered, programmeMain())), List.of(),
        List.of(), FROM, TO);

    assertThat(view.findings()).extracting(PublishChecks.Item::code).doesNotContain("MAIN_REGION_EMPTY", "GAP");
  }

  @Test
  void aScreensOwnLayoutOfTheOtherShapeIsAWarningNamingBoth() {
    PublishChecks.View view = PublishChecks.of(List.of(plan(screen("totem-3"), Rules.of(List.of(), Playlist.of("d", NEWS)),
        null)), List.of(), List.of(new LayoutChoice.Mismatch("totem-3", ScreenShape.PORTRAIT_9_16, "hall",
        ScreenShape.LANDSCAPE_16_9)), FROM, TO);

    assertThat(view.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(PublishChecks.LAYOUT_SHAPE_MISMATCH);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.screens()).containsExactly("totem-3");
      assertThat(f.details()).containsEntry("screen", "totem-3").containsEntry("orientation", "PORTRAIT")
          .containsEntry("layout", "hall").containsEntry("shape", "LANDSCAPE_16_9");
    });
  }
}

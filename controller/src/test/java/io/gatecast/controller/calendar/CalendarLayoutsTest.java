package io.gatecast.controller.calendar;

import static io.gatecast.controller.ServiceFutures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.layouts.LayoutAssignment;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.controller.layouts.LayoutServices;
import io.gatecast.controller.layouts.LayoutTarget;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScreenPlan;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.schedules.model.Screen;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * The calendar knows about regions (issue 23): a gate's layout and a campaign's own layout, built
 * by the publisher's {@link RulesBuilder} on a real SQLite file; the campaign's hour shows the
 * campaign's layout and its regions, the rest of the day the gate's, each with the engine's reason.
 */
class CalendarLayoutsTest {
  private static final Instant NOW = Instant.parse("2026-12-02T01:00:00Z"); // 08:00 in Lào Cai
  private static final User AN = new User("an", Set.of(Role.CONTRIBUTOR), false, NOW);
  private static final User CHI = new User("chi", Set.of(Role.APPROVER), false, NOW);
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final LocalDate DAY = LocalDate.parse("2026-12-02");
  private static final Screen HALL = new Screen("hall-1", "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi"));
  private static final CalendarView.Target TARGET = new CalendarView.Target("screen", HALL.id(), HALL.id());

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private ContentService content;
  private LayoutService layouts;
  private final RulesBuilder builder = new RulesBuilder((c, id) -> HALL,
      io.gatecast.controller.Repositories.create().rulesStores());

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    content = LayoutServices.content(db, clock);
    layouts = LayoutServices.layouts(db, clock);
  }

  private void text(String id, String text) {
    await(content.create(AN, id, id, List.of(new ContentVariant("vi", null, text, 10))));
    await(content.approve(CHI, id, 1));
  }

  /** The gate shows a date ticker; the fair (09:00–10:00) brings a layout with a side date and a ticker of its own. */
  private ScreenPlan gateAndFair() {
    text("fair-poster", "Hội chợ thương mại Việt - Trung");
    text("fair-line", "Hội chợ mở cửa 8 giờ - 17 giờ");
    await(db.transaction(c -> {
      new io.gatecast.controller.screens.ScreenRepository().insert(c, HALL.id(), HALL.id(), NOW);
      new NamedPlaylistRepository().insert(c, "fair-pl", "Fair", List.of(new NamedPlaylist.Entry("fair-poster", 1, null)), NOW);
      new CampaignRepository().insert(c, new CampaignDefinition("fair", "Trade fair", "fair-pl",
          new TargetsSpec(List.of("lao-cai"), List.of(), List.of(), List.of()),
          LocalDateTime.parse("2026-12-02T09:00"), LocalDateTime.parse("2026-12-02T10:00"),
          List.of(), List.of(), 5, 1, null), NOW);
      return null;
    }));
    await(layouts.create("dung", LayoutService.layout("gate", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9,
        List.of(RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.date(true))))));
    await(layouts.create("dung", LayoutService.layout("fair-layout", Templates.MAIN_SIDE_TICKER,
        ScreenShape.LANDSCAPE_16_9, List.of(
            RegionSpec.widgets(RegionRole.SIDE, WidgetSpec.date(false)),
            RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("fair-line"))))))));
    await(layouts.assign("dung", new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "gate")));
    await(layouts.assign("dung", new LayoutAssignment(LayoutTarget.CAMPAIGN, "fair", "fair-layout")));
    return await(db.transaction(c -> builder.build(c, HALL.id())));
  }

  private static CalendarView.LayoutBlock layoutAt(CalendarView.View view, String local) {
    LocalDateTime t = LocalDateTime.parse(local);
    return view.layouts().stream().filter(b -> !b.localStart().isAfter(t) && b.localEnd().isAfter(t))
        .findFirst().orElseThrow();
  }

  private static List<CalendarView.RegionBlock> regionsAt(CalendarView.View view, String local) {
    LocalDateTime t = LocalDateTime.parse(local);
    return view.regions().stream().filter(b -> !b.localStart().isAfter(t) && b.localEnd().isAfter(t)).toList();
  }

  @Test
  void theCampaignsHourShowsTheCampaignsLayoutAndItsRegionsAndTheRestOfTheDayTheGates() {
    ScreenPlan hall = gateAndFair();
    CalendarView.View view = CalendarView.of(TARGET, HANOI, DAY, DAY.plusDays(1), List.of(hall),
        List.of(), Set.of());

    CalendarView.LayoutBlock fair = layoutAt(view, "2026-12-02T09:30");
    assertThat(fair.layoutId()).isEqualTo("fair-layout");
    assertThat(fair.origin()).isEqualTo(CalendarView.LayoutOrigin.CAMPAIGN);
    assertThat(fair.campaignId()).isEqualTo("fair");
    assertThat(fair.localStart()).isEqualTo(LocalDateTime.parse("2026-12-02T09:00"));
    assertThat(fair.localEnd()).isEqualTo(LocalDateTime.parse("2026-12-02T10:00"));
    assertThat(fair.explanation().get(0)).contains("fair-layout", "campaign fair is on air");
    assertThat(regionsAt(view, "2026-12-02T09:30"))
        .extracting(CalendarView.RegionBlock::role, CalendarView.RegionBlock::layoutId, CalendarView.RegionBlock::content,
            CalendarView.RegionBlock::widgets)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("MAIN", "fair-layout", "PROGRAMME", List.of()),
            org.assertj.core.groups.Tuple.tuple("SIDE", "fair-layout", "WIDGETS", List.of("DATE")),
            org.assertj.core.groups.Tuple.tuple("TICKER", "fair-layout", "WIDGETS", List.of("TICKER")));
    assertThat(regionsAt(view, "2026-12-02T09:30")).allSatisfy(r ->
        assertThat(r.explanation().get(0)).contains("campaign fair is on air"));

    for (String outside : List.of("2026-12-02T08:59:59", "2026-12-02T10:00", "2026-12-02T00:00")) {
      CalendarView.LayoutBlock gate = layoutAt(view, outside);
      assertThat(gate.layoutId()).as(outside).isEqualTo("gate");
      assertThat(gate.origin()).isEqualTo(CalendarView.LayoutOrigin.GATE);
      assertThat(gate.campaignId()).isNull();
      assertThat(gate.explanation().get(0)).contains("The screen's layout gate applies");
      assertThat(regionsAt(view, outside))
          .extracting(CalendarView.RegionBlock::role, CalendarView.RegionBlock::layoutId, CalendarView.RegionBlock::widgets)
          .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("MAIN", "gate", List.of()),
              org.assertj.core.groups.Tuple.tuple("TICKER", "gate", List.of("DATE")));
    }
    // Merged like the programme's blocks: the gate's layout before, the fair's, the gate's after.
    assertThat(view.layouts()).extracting(CalendarView.LayoutBlock::layoutId)
        .containsExactly("gate", "fair-layout", "gate");
    assertThat(view.layouts()).allSatisfy(b -> assertThat(b.screens()).isNull());
    assertThat(view.truncated()).isFalse();

    CalendarView.View own = CalendarView.of(TARGET, HANOI, DAY, DAY.plusDays(1), List.of(hall), List.of(),
        Set.of(HALL.id()));
    assertThat(layoutAt(own, "2026-12-02T08:00").origin()).isEqualTo(CalendarView.LayoutOrigin.SCREEN);
  }

  @Test
  void aScreenWithoutALayoutGetsTheProgrammesAnswerAlone() {
    ScreenPlan hall = gateAndFair();
    ScreenPlan bare = new ScreenPlan(hall.screen(), hall.rules(), Map.of(), Set.of());
    CalendarView.View view = CalendarView.of(TARGET, HANOI, DAY, DAY.plusDays(1), List.of(bare), List.of(), Set.of());
    assertThat(view.layouts()).isNull();
    assertThat(view.regions()).isNull();
    assertThat(view.blocks()).isNotEmpty();
    String json = new String(Codec.encode(view), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("\"layouts\"", "\"regions\"");
  }
}

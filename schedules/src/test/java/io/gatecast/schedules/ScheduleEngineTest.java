package io.gatecast.schedules;

import static io.gatecast.schedules.Fixtures.HCM;
import static io.gatecast.schedules.Fixtures.at;
import static io.gatecast.schedules.Fixtures.campaign;
import static io.gatecast.schedules.Fixtures.hallScreen;
import static io.gatecast.schedules.Fixtures.item;
import static io.gatecast.schedules.Fixtures.playlist;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScheduleEngineTest {
  private static final LocalDateTime MAR_1 = LocalDateTime.parse("2026-03-01T00:00");
  private static final LocalDateTime MAR_31 = LocalDateTime.parse("2026-03-31T00:00");
  private final Screen screen = hallScreen();
  private final Playlist defaults = playlist("default", item("welcome", 20, "vi", "en"));

  @Test
  void defaultPlaylistFillsTimeWithoutCampaigns() {
    Rules rules = Rules.of(List.of(), defaults);

    Slot slot = Schedules.resolve(rules, screen, at("2026-03-02T10:00:05", HCM));

    assertThat(slot.kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(slot.sourceId()).isEqualTo("default");
    assertThat(slot.item().id()).isEqualTo("welcome");
    assertThat(slot.start()).isEqualTo(at("2026-03-02T10:00:00", HCM));
    assertThat(slot.end()).isEqualTo(at("2026-03-02T10:00:20", HCM));
  }

  @Test
  void withoutDefaultTheGapIsAnIdleSlot() {
    Rules rules = Rules.of(List.of(), null);

    Slot slot = Schedules.resolve(rules, screen, at("2026-03-02T10:00:05", HCM));

    assertThat(slot.kind()).isEqualTo(SlotKind.IDLE);
    assertThat(slot.item()).isNull();
    assertThat(slot.duration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void higherPriorityPreemptsWhileActiveThenLowerResumes() {
    Campaign low = campaign("low", "lao-cai-intl", MAR_1, MAR_31).priority(1).build();
    Campaign high = campaign("high", "lao-cai-intl", MAR_1, MAR_31).priority(5)
        .dayparts(Daypart.everyDay(LocalTime.of(12, 0), LocalTime.of(13, 0)))
        .build();
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(low, high), defaults), screen);

    assertThat(s.resolve(at("2026-03-02T11:59:59", HCM)).sourceId()).isEqualTo("low");
    assertThat(s.resolve(at("2026-03-02T12:00:00", HCM)).sourceId()).isEqualTo("high");
    assertThat(s.resolve(at("2026-03-02T12:59:59", HCM)).sourceId()).isEqualTo("high");
    Slot after = s.resolve(at("2026-03-02T13:00:00", HCM));
    assertThat(after.sourceId()).isEqualTo("low");
    assertThat(after.start()).as("the loop restarts when the campaign regains the screen")
        .isEqualTo(at("2026-03-02T13:00:00", HCM));
  }

  @Test
  void playlistLoopIsAlignedToTheSegmentStartNotToTheQuestion() {
    Campaign c = campaign("c", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", item("a", 7, "vi"), item("b", 13, "vi")))
        .build();
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(c), defaults), screen);

    // Each day restarts at local midnight; 10:00 is 36,000 s = 1,800 loops of 20 s after it.
    Slot slot = s.resolve(at("2026-03-05T10:00:08", HCM));

    assertThat(slot.item().id()).isEqualTo("b");
    assertThat(slot.start()).isEqualTo(at("2026-03-05T10:00:07", HCM));
    assertThat(slot.end()).isEqualTo(at("2026-03-05T10:00:20", HCM));
  }

  @Test
  void urgentAlertTakesOverItsClusterUntilItExpires() {
    Campaign c = campaign("c", "lao-cai-intl", MAR_1, MAR_31).priority(100).build();
    Alert closure = new Alert("closure", "lao-cai-intl", at("2026-03-02T09:00:00", HCM), at("2026-03-02T11:00:00", HCM),
        Map.of("vi", "Cửa khẩu tạm đóng", "zh-Hans", "口岸暂时关闭"));
    Alert elsewhere = new Alert("other", "mong-cai", at("2026-03-02T08:00:00", HCM), null, Map.of("vi", "Khác"));
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(c), defaults).withAlerts(List.of(closure, elsewhere)), screen);

    assertThat(s.resolve(at("2026-03-02T08:59:59", HCM)).kind()).isEqualTo(SlotKind.CAMPAIGN);
    List<Slot> during = s.timeline(at("2026-03-02T09:00:00", HCM), at("2026-03-02T09:01:00", HCM));
    assertThat(during).allSatisfy(x -> assertThat(x.kind()).isEqualTo(SlotKind.ALERT));
    assertThat(during).extracting(Slot::language).startsWith("vi", "zh-Hans", "vi", "zh-Hans");
    assertThat(during.get(0).variant().text()).isEqualTo("Cửa khẩu tạm đóng");
    assertThat(s.resolve(at("2026-03-02T10:59:59", HCM)).kind()).isEqualTo(SlotKind.ALERT);
    assertThat(s.resolve(at("2026-03-02T11:00:00", HCM)).kind()).isEqualTo(SlotKind.CAMPAIGN);
  }

  @Test
  void alertWithoutExpiryStaysUntilClearedByNewRules() {
    Alert storm = new Alert("storm", "lao-cai-intl", at("2026-03-02T09:00:00", HCM), null, Map.of("en", "Storm warning"));
    Rules withAlert = Rules.of(List.of(), defaults).withAlerts(List.of(storm));

    assertThat(Schedules.resolve(withAlert, screen, at("2026-03-20T09:00:00", HCM)).kind()).isEqualTo(SlotKind.ALERT);
    assertThat(Schedules.resolve(withAlert.withAlerts(List.of()), screen, at("2026-03-20T09:00:00", HCM)).kind())
        .isEqualTo(SlotKind.DEFAULT);
  }

  @Test
  void rotatePlaysOneLanguagePerPlayInTheScreensOrder() {
    Campaign c = campaign("c", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", item("a", 10, "en", "zh-Hans", "vi")))
        .languages(LanguagePolicy.rotate())
        .build();

    List<Slot> slots = Schedules.timeline(Rules.of(List.of(c), defaults), screen,
        at("2026-03-02T10:00:00", HCM), at("2026-03-02T10:01:00", HCM));

    assertThat(slots).extracting(Slot::language).containsExactly("vi", "zh-Hans", "en", "vi", "zh-Hans", "en");
  }

  @Test
  void rotateSkipsLanguagesTheItemLacksAndEveryPlaysAllInTurn() {
    ContentItem partial = item("a", 10, "vi", "en");
    Rules rotate = Rules.of(List.of(campaign("c", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", partial)).build()), defaults);
    Rules every = Rules.of(List.of(campaign("c", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", partial, item("b", 5, "zh-Hans", "vi"))).languages(LanguagePolicy.every()).build()),
        defaults);
    Instant from = at("2026-03-02T10:00:00", HCM);

    assertThat(Schedules.timeline(rotate, screen, from, from.plusSeconds(40))).extracting(Slot::language)
        .containsExactly("vi", "en", "vi", "en");
    assertThat(Schedules.timeline(every, screen, from, from.plusSeconds(30)))
        .extracting(x -> x.item().id() + ":" + x.language())
        .containsExactly("a:vi", "a:en", "b:vi", "b:zh-Hans");
  }

  @Test
  void fixedFallsBackAlongTheScreenListThenToAnyVariant() {
    Screen laoBorder = Fixtures.screen("tay-trang", "tay-trang", HCM, "vi", "lo", "en");
    Campaign c = Campaign.builder("c").targets(io.gatecast.schedules.model.Targets.clusters("tay-trang"))
        .window(MAR_1, MAR_31)
        .playlist(playlist("p", item("has-vi", 10, "fr", "vi"), item("only-ko", 10, "ko")))
        .languages(LanguagePolicy.fixed("lo"))
        .build();
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(c), defaults), laoBorder);
    Instant t = at("2026-03-02T10:00:00", HCM);

    assertThat(s.resolve(t).language()).isEqualTo("vi");
    assertThat(s.resolve(t.plusSeconds(10)).language()).isEqualTo("ko");
    assertThat(s.explain(t).text()).contains("has no lo variant, so it falls back to vi");
    assertThat(s.explain(t.plusSeconds(10)).text()).contains("plays its ko variant rather than nothing");
  }

  @Test
  void equalPrioritiesShareAirtimeByWeightOverALongWindow() {
    Campaign heavy = campaign("heavy", "lao-cai-intl", MAR_1, MAR_31).weight(3)
        .playlist(playlist("ph", item("h1", 10, "vi"), item("h2", 25, "vi"))).build();
    Campaign light = campaign("light", "lao-cai-intl", MAR_1, MAR_31).weight(1)
        .playlist(playlist("pl", item("l1", 15, "vi"))).build();

    List<Slot> day = Schedules.timeline(Rules.of(List.of(heavy, light), defaults), screen,
        at("2026-03-02T00:00:00", HCM), at("2026-03-03T00:00:00", HCM));
    Map<String, Long> airtime = day.stream()
        .collect(Collectors.groupingBy(Slot::sourceId, Collectors.summingLong(x -> x.duration().toMillis())));

    double ratio = (double) airtime.get("heavy") / airtime.get("light");
    assertThat(ratio).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void weightsSpreadItemsAndPinnedPositionsHoldInEveryCycle() {
    Playlist p = new Playlist("p", List.of(
        PlaylistEntry.weighted(item("a", 10, "vi"), 3),
        PlaylistEntry.of(item("b", 10, "vi")),
        PlaylistEntry.pinned(item("ident", 10, "vi"), 1)));
    Campaign c = campaign("c", "lao-cai-intl", MAR_1, MAR_31).playlist(p).build();

    List<Slot> slots = Schedules.timeline(Rules.of(List.of(c), defaults), screen,
        at("2026-03-02T00:00:00", HCM), at("2026-03-02T00:01:40", HCM));

    assertThat(slots).extracting(x -> x.item().id())
        .containsExactly("ident", "a", "a", "b", "a", "ident", "a", "a", "b", "a");
  }

  @Test
  void weeklyRecurrencePlaysOnlyInItsOccurrences() {
    Campaign briefing = campaign("brief", "lao-cai-intl", MAR_1, MAR_31).priority(3)
        .recurrences(Recurrence.of("FREQ=WEEKLY;BYDAY=MO", LocalTime.of(7, 0), Duration.ofHours(2)))
        .build();
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(briefing), defaults), screen);

    assertThat(s.resolve(at("2026-03-02T06:59:59", HCM)).kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(s.resolve(at("2026-03-02T07:00:00", HCM)).sourceId()).isEqualTo("brief"); // a Monday
    assertThat(s.resolve(at("2026-03-02T09:00:00", HCM)).kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(s.resolve(at("2026-03-03T07:30:00", HCM)).kind()).isEqualTo(SlotKind.DEFAULT); // Tuesday
  }

  @Test
  void overnightDaypartCrossesMidnightAndRestartsTheLoopThere() {
    Campaign night = campaign("night", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", item("n", 7, "vi")))
        .dayparts(Daypart.everyDay(LocalTime.of(22, 0), LocalTime.of(6, 0))).build();
    ScreenSchedule s = Schedules.forScreen(Rules.of(List.of(night), defaults), screen);

    assertThat(s.resolve(at("2026-03-02T23:59:59", HCM)).end()).isEqualTo(at("2026-03-03T00:00:00", HCM));
    assertThat(s.resolve(at("2026-03-03T00:00:00", HCM)).start()).isEqualTo(at("2026-03-03T00:00:00", HCM));
    assertThat(s.resolve(at("2026-03-03T05:59:59", HCM)).sourceId()).isEqualTo("night");
    assertThat(s.resolve(at("2026-03-03T06:00:00", HCM)).kind()).isEqualTo(SlotKind.DEFAULT);
  }

  @Test
  void campaignWindowIsInEachScreensOwnLocalTime() {
    Campaign c = campaign("c", "gate", LocalDateTime.parse("2026-03-02T08:00"), MAR_31)
        .targets(io.gatecast.schedules.model.Targets.tags("border")).build();
    Screen hanoi = new Screen("vn", "gate", java.util.Set.of(), java.util.Set.of("border"), HCM, List.of("vi"));
    Screen hekou = new Screen("cn", "gate", java.util.Set.of(), java.util.Set.of("border"), Fixtures.SHANGHAI, List.of("zh-Hans"));
    Rules rules = Rules.of(List.of(c), defaults);
    Instant sevenThirtyInVietnam = at("2026-03-02T07:30:00", HCM); // 08:30 in Shanghai

    assertThat(Schedules.resolve(rules, hanoi, sevenThirtyInVietnam).kind()).isEqualTo(SlotKind.DEFAULT);
    assertThat(Schedules.resolve(rules, hekou, sevenThirtyInVietnam).kind()).isEqualTo(SlotKind.CAMPAIGN);
  }

  @Test
  void explainSaysWhichCampaignWhichRuleAndWhichPriorityBeatWhich() {
    Campaign low = campaign("trade", "lao-cai-intl", MAR_1, MAR_31).name("Trade fair").priority(1).build();
    Campaign high = campaign("election", "lao-cai-intl", MAR_1, MAR_31).name("Elections 15 March").priority(5)
        .dayparts(Daypart.weekdays(LocalTime.of(6, 0), LocalTime.of(22, 0))).build();
    Campaign peer = campaign("apec", "lao-cai-intl", MAR_1, MAR_31).name("APEC 2027").priority(5).weight(2).build();

    Explanation e = Schedules.explain(Rules.of(List.of(low, high, peer), defaults), screen, at("2026-03-02T10:00:00", HCM));

    assertThat(e.slot().sourceId()).isIn("election", "apec");
    assertThat(e.text())
        .contains("priority 5")
        .contains("targets this screen by cluster lao-cai-intl")
        .contains("same priority 5")
        .contains("pre-empts campaign 'Trade fair' (trade)")
        .contains("Languages rotate");
    Explanation forElection = Schedules.explain(Rules.of(List.of(low, high), defaults), screen, at("2026-03-02T10:00:00", HCM));
    assertThat(forElection.text()).contains("because of its daypart Monday to Friday 06:00–22:00");
  }

  @Test
  void explainNamesAlertsDefaultsAndBlackScreens() {
    Alert a = new Alert("flood", "lao-cai-intl", at("2026-03-02T09:00:00", HCM), null, Map.of("vi", "Lũ"));
    Instant t = at("2026-03-02T10:00:00", HCM);

    assertThat(Schedules.explain(Rules.of(List.of(), defaults).withAlerts(List.of(a)), screen, t).text())
        .contains("Urgent alert flood").contains("until it is cleared");
    assertThat(Schedules.explain(Rules.of(List.of(), defaults), screen, t).text()).contains("default playlist 'default'");
    assertThat(Schedules.explain(Rules.of(List.of(), null), screen, t).text()).contains("the screen is black");
  }
}

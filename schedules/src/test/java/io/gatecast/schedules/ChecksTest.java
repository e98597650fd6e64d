package io.gatecast.schedules;

import static io.gatecast.schedules.Fixtures.HCM;
import static io.gatecast.schedules.Fixtures.at;
import static io.gatecast.schedules.Fixtures.campaign;
import static io.gatecast.schedules.Fixtures.item;
import static io.gatecast.schedules.Fixtures.playlist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.gatecast.schedules.checks.Checks;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.checks.Severity;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {
  private static final LocalDateTime MAR_1 = LocalDateTime.parse("2026-03-01T00:00");
  private static final LocalDateTime MAR_31 = LocalDateTime.parse("2026-03-31T00:00");
  private final Screen hall = Fixtures.screen("hall", "lao-cai-intl", HCM, "vi", "zh-Hans", "en");
  private final Screen laos = Fixtures.screen("tay-trang", "tay-trang", HCM, "vi", "lo");
  private final Instant from = at("2026-03-02T00:00:00", HCM);
  private final Instant to = at("2026-03-03T00:00:00", HCM);

  private static List<Finding> only(List<Finding> all, String code) {
    return all.stream().filter(f -> f.code().equals(code)).toList();
  }

  @Test
  void cleanRulesHaveNoFindings() {
    Rules rules = Rules.of(List.of(campaign("c", "lao-cai-intl", MAR_1, MAR_31).build()),
        playlist("default", item("d", 10, "vi")));

    assertThat(Checks.run(rules, List.of(hall, laos), from, to)).isEmpty();
  }

  @Test
  void gapsWithoutDefaultAreReportedPerScreenWithTheFirstBlackStretch() {
    Campaign daytime = campaign("day", "lao-cai-intl", MAR_1, MAR_31)
        .dayparts(Daypart.everyDay(LocalTime.of(6, 0), LocalTime.of(22, 0))).build();

    List<Finding> gaps = only(Checks.run(Rules.of(List.of(daytime), null), List.of(hall, laos), from, to), Finding.GAP);

    assertThat(gaps).hasSize(2);
    assertThat(gaps.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(gaps.get(0).message())
        .contains("Screen hall would be black for 8 h")
        .contains("first from 2026-03-02 00:00 to 2026-03-02 06:00");
    assertThat(gaps.get(1).message()).contains("Screen tay-trang would be black for 24 h");
    // The same in parts, local to the screen, for a console to say in its own language
    assertThat(gaps.get(0).details()).containsExactly(entry("screen", "hall"), entry("idleSeconds", "28800"),
        entry("from", "2026-03-02T00:00"), entry("to", "2026-03-02T06:00"), entry("zone", "Asia/Ho_Chi_Minh"));
  }

  @Test
  void campaignThatNeverMeetsItsRuleIsAnError() {
    Campaign never = campaign("sundays", "lao-cai-intl", LocalDateTime.parse("2026-03-02T00:00"),
        LocalDateTime.parse("2026-03-07T00:00")) // Monday to Friday only
        .recurrences(Recurrence.of("FREQ=WEEKLY;BYDAY=SU", LocalTime.of(7, 0), Duration.ofHours(2))).build();
    Campaign fine = campaign("weekdays", "lao-cai-intl", MAR_1, MAR_31)
        .dayparts(Daypart.weekdays(LocalTime.of(7, 0), LocalTime.of(8, 0))).build();

    List<Finding> found = only(Checks.run(Rules.of(List.of(never, fine), playlist("d", item("d", 5, "vi"))),
        List.of(hall), from, to), Finding.NEVER_PLAYS);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.subjects()).containsExactly("sundays");
      assertThat(f.message()).contains("can never play").contains("recurrence rules");
      assertThat(f.details()).containsExactly(entry("campaign", "sundays"), entry("campaignName", "Campaign sundays"));
    });
  }

  @Test
  void itemWithoutAnyOfAScreensLanguagesIsAWarningNamingTheScreens() {
    Campaign c = campaign("c", "x", MAR_1, MAR_31).targets(Targets.clusters("lao-cai-intl", "tay-trang"))
        .playlist(playlist("p", item("zh-only", 10, "zh-Hans"))).build();

    List<Finding> found = only(Checks.run(Rules.of(List.of(c), playlist("d", item("d", 5, "vi"))),
        List.of(hall, laos), from, to), Finding.MISSING_LANGUAGE);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.message()).contains("has no variant in vi, lo").contains("1 screen (tay-trang)")
          .contains("its zh-Hans variant instead");
      assertThat(f.details()).containsExactly(entry("source", "campaign"), entry("campaign", "c"),
          entry("campaignName", "Campaign c"), entry("item", "zh-only"), entry("itemTitle", "Title zh-only"),
          entry("languages", "vi,lo"), entry("fallback", "zh-Hans"), entry("screens", "1"));
    });
  }

  @Test
  void aCampaignItemLackingSomeOfAGatesLanguagesIsAWarningNamingThem() {
    // A vi-only notice on the international gate (vi, zh-Hans, en): it plays, but not for its
    // Chinese and English readers. The default fill (vi only) is not held to this.
    Campaign c = campaign("c", "lao-cai-intl", MAR_1, MAR_31)
        .playlist(playlist("p", item("vi-only", 10, "vi"), item("all-three", 10, "vi", "zh-Hans", "en"))).build();

    List<Finding> found = only(Checks.run(Rules.of(List.of(c), playlist("d", item("d", 5, "vi"))),
        List.of(hall, laos), from, to), Finding.INCOMPLETE_LANGUAGES);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.subjects()).containsExactly("vi-only", "hall");
      assertThat(f.message()).contains("has no variant in zh-Hans, en").contains("1 screen (hall)");
      assertThat(f.details()).containsExactly(entry("source", "campaign"), entry("campaign", "c"),
          entry("campaignName", "Campaign c"), entry("item", "vi-only"), entry("itemTitle", "Title vi-only"),
          entry("missing", "zh-Hans,en"), entry("languages", "vi,zh-Hans,en"), entry("screens", "1"));
    });
  }

  @Test
  void equalPrioritiesOverlappingOnSharedScreensAreAWarning() {
    Campaign a = campaign("a", "lao-cai-intl", MAR_1, MAR_31).priority(2).build();
    Campaign b = campaign("b", "lao-cai-intl", LocalDateTime.parse("2026-03-10T00:00"), MAR_31).priority(2)
        .dayparts(Daypart.weekdays(LocalTime.of(9, 0), LocalTime.of(10, 0))).build();
    Campaign other = campaign("o", "tay-trang", MAR_1, MAR_31).priority(2).build();
    Campaign higher = campaign("h", "lao-cai-intl", MAR_1, MAR_31).priority(3).build();

    List<Finding> found = only(Checks.run(Rules.of(List.of(a, b, other, higher), playlist("d", item("d", 5, "vi"))),
        List.of(hall, laos), from, to), Finding.SAME_PRIORITY_OVERLAP);

    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.subjects()).containsExactly("a", "b");
      assertThat(f.message()).contains("same priority 2").contains("from 2026-03-10 09:00").contains("share airtime");
      assertThat(f.details()).containsExactly(entry("campaign", "a"), entry("campaignName", "Campaign a"),
          entry("otherCampaign", "b"), entry("otherCampaignName", "Campaign b"), entry("priority", "2"),
          entry("at", "2026-03-10T09:00"), entry("screens", "1"));
    });
  }

  @Test
  void invalidOrUnsupportedRecurrenceRulesGetAClearError() {
    assertThat(Checks.recurrenceRule("rule", "RRULE:FREQ=WEEKLY;BYDAY=MO")).isEmpty();
    assertThat(Checks.recurrenceRule("rule", "FREQ=WEEKLY;BYDAY=MONDAY")).hasValueSatisfying(f -> {
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.code()).isEqualTo(Finding.INVALID_RRULE);
      assertThat(f.message()).contains("rule cannot be used").contains("not a valid RFC 5545 RRULE");
      assertThat(f.details()).containsOnlyKeys("field", "problem").containsEntry("field", "rule");
      assertThat(f.details().get("problem")).contains("not a valid RFC 5545 RRULE");
    });
    assertThat(Checks.recurrenceRule("rule", "FREQ=SECONDLY")).hasValueSatisfying(f ->
        assertThat(f.message()).contains("at most hourly"));
    assertThat(Checks.recurrenceRule("rule", "")).hasValueSatisfying(f -> assertThat(f.message()).contains("empty"));
  }
}

package io.gatecast.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.time.CampaignActivity;
import io.gatecast.schedules.time.LocalTimeLine;
import io.gatecast.schedules.time.Span;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of RFC 5545 section 3.8.5.3 that make sense for signage, run through the same path
 * the engine uses (a campaign whose window starts at DTSTART), with the instances the RFC lists.
 */
class RecurrenceExamplesTest {

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("Daily for 10 occurrences", "1997-09-02T09:00", "FREQ=DAILY;COUNT=10",
            "1997-09-02 1997-09-03 1997-09-04 1997-09-05 1997-09-06 1997-09-07 1997-09-08 1997-09-09 1997-09-10 1997-09-11"),
        Arguments.of("Every other day", "1997-09-02T09:00", "FREQ=DAILY;INTERVAL=2",
            "1997-09-02 1997-09-04 1997-09-06 1997-09-08 1997-09-10"),
        Arguments.of("Every 10 days, 5 occurrences", "1997-09-02T09:00", "FREQ=DAILY;INTERVAL=10;COUNT=5",
            "1997-09-02 1997-09-12 1997-09-22 1997-10-02 1997-10-12"),
        Arguments.of("Weekly for 10 occurrences", "1997-09-02T09:00", "FREQ=WEEKLY;COUNT=10",
            "1997-09-02 1997-09-09 1997-09-16 1997-09-23 1997-09-30 1997-10-07 1997-10-14 1997-10-21 1997-10-28 1997-11-04"),
        Arguments.of("Weekly on Tuesday and Thursday for five weeks", "1997-09-02T09:00",
            "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
            "1997-09-02 1997-09-04 1997-09-09 1997-09-11 1997-09-16 1997-09-18 1997-09-23 1997-09-25 1997-09-30 1997-10-02"),
        Arguments.of("Every other week on Monday, Wednesday and Friday", "1997-09-01T09:00",
            "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=MO,WE,FR;COUNT=9",
            "1997-09-01 1997-09-03 1997-09-05 1997-09-15 1997-09-17 1997-09-19 1997-09-29 1997-10-01 1997-10-03"),
        Arguments.of("Monthly on the first Friday for 10 occurrences", "1997-09-05T09:00",
            "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
            "1997-09-05 1997-10-03 1997-11-07 1997-12-05 1998-01-02 1998-02-06 1998-03-06 1998-04-03 1998-05-01 1998-06-05"),
        Arguments.of("Every other month on the first and last Sunday", "1997-09-07T09:00",
            "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
            "1997-09-07 1997-09-28 1997-11-02 1997-11-30 1998-01-04 1998-01-25 1998-03-01 1998-03-29 1998-05-03 1998-05-31"),
        Arguments.of("Monthly on the second-to-last Monday for 6 months", "1997-09-22T09:00",
            "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
            "1997-09-22 1997-10-20 1997-11-17 1997-12-22 1998-01-19 1998-02-16"),
        Arguments.of("Monthly on the last Monday (signage: last-Monday briefing)", "2026-01-01T09:00",
            "FREQ=MONTHLY;BYDAY=-1MO",
            "2026-01-26 2026-02-23 2026-03-30 2026-04-27"),
        Arguments.of("Monthly on the third-to-the-last day", "1997-09-28T09:00", "FREQ=MONTHLY;BYMONTHDAY=-3",
            "1997-09-28 1997-10-29 1997-11-28 1997-12-29 1998-01-29 1998-02-26"),
        Arguments.of("Monthly on the 2nd and 15th for 10 occurrences", "1997-09-02T09:00",
            "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
            "1997-09-02 1997-09-15 1997-10-02 1997-10-15 1997-11-02 1997-11-15 1997-12-02 1997-12-15 1998-01-02 1998-01-15"),
        Arguments.of("Yearly in June and July for 10 occurrences", "1997-06-10T09:00",
            "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
            "1997-06-10 1997-07-10 1998-06-10 1998-07-10 1999-06-10 1999-07-10 2000-06-10 2000-07-10 2001-06-10 2001-07-10"),
        Arguments.of("Yearly on National Day, 2 September", "2026-01-01T09:00", "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=2",
            "2026-09-02 2027-09-02 2028-09-02"),
        Arguments.of("Every Friday the 13th", "1997-09-02T09:00", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
            "1998-02-13 1998-03-13 1998-11-13 1999-08-13 2000-10-13"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void occurrencesMatchTheRfc(String name, String dtstart, String rule, String expectedDays) {
    LocalDateTime start = LocalDateTime.parse(dtstart);
    List<LocalDateTime> expected = Arrays.stream(expectedDays.split(" "))
        .map(d -> LocalDateTime.parse(d + "T09:00"))
        .toList();
    Campaign c = Campaign.builder("rfc")
        .playlist(Fixtures.playlist("p", Fixtures.item("i", 10, "vi")))
        .targets(Targets.clusters("c"))
        .window(start, expected.get(expected.size() - 1).plusHours(1))
        .recurrences(Recurrence.of(rule, LocalTime.of(9, 0), Duration.ofHours(1)))
        .build();

    List<Span> on = CampaignActivity.localSpans(
        c, LocalTimeLine.localSeconds(c.start()), LocalTimeLine.localSeconds(c.end()));

    assertThat(on).extracting(s -> LocalTimeLine.localDateTime(s.start())).containsExactlyElementsOf(expected);
    assertThat(on).allSatisfy(s -> assertThat(s.end() - s.start()).isEqualTo(3600));
  }
}

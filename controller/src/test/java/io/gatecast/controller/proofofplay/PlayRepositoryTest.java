package io.gatecast.controller.proofofplay;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.proofofplay.PlayRepository.Filter;
import io.gatecast.controller.proofofplay.PlayRepository.Group;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.PlayBatch.Play;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gates' play totals, on a real SQLite file: a report over whole quarter hours reads them and answers
 * exactly what counting every play answers (each dimension, one gate or all), a resent play is counted once,
 * and a period that is not whole quarter hours (or a screen's) is counted from the plays.
 */
class PlayRepositoryTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-01T12:00:00Z");
  /** A quarter hour's start (epoch milliseconds a multiple of 900,000). */
  private static final Instant QUARTER = Instant.parse("2026-11-30T17:00:00Z");
  private static final List<String> COLUMNS = List.of("cluster_id", "item_id", "campaign_id", "language", "quarterHour");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final PlayRepository plays = new PlayRepository();

  @BeforeEach
  void twoGatesPlay() {
    database.db().transaction(c -> {
      for (String screen : List.of("hall-1", "hall-2", "lane-1")) {
        Sql.update(c, "INSERT INTO screens (id, name, created_at) VALUES (?, ?, ?)", screen, screen, RECEIVED.toString());
      }
      // A play counts at the gate its batch names (where its screen was when it was received).
      plays.insertNew(c, "hall-1", "default", List.of(
          play("p1", "news", "tet", "vi", QUARTER, 10_000), // the quarter's first millisecond
          play("p2", "news", null, "zh-Hans", QUARTER.plusSeconds(60), 12_500),
          play("p3", "visa", "tet", "vi", QUARTER.plusSeconds(899), 30_000), // starts in this quarter, ends in the next
          play("p4", "news", "tet", "vi", QUARTER.plusSeconds(900), 10_000)), RECEIVED);
      plays.insertNew(c, "hall-2", "default", List.of(
          play("p1", "news", "tet", "vi", QUARTER.plusSeconds(5), 9_000),
          play("p2", "visa", null, "en", QUARTER.minusMillis(1), 7_000)), RECEIVED); // the quarter before's last
      plays.insertNew(c, "lane-1", "lane-gate", List.of(
          play("p1", "news", "tet", "lo", QUARTER.plusSeconds(2 * 3600), 20_000)), RECEIVED);
      return null;
    }).await();
  }

  @Test
  void aPeriodOfWholeQuarterHoursReadsTheTotalsAndAnswersWhatCountingEveryPlayAnswers() {
    for (String gate : new String[] {null, "default", "lane-gate"}) {
      for (Filter filter : List.of(new Filter(QUARTER.minusSeconds(86_400), QUARTER.plusSeconds(86_400), gate, null),
          new Filter(QUARTER, QUARTER.plusSeconds(900), gate, null))) {
        for (String column : COLUMNS) {
          List<Group> counted = read(c -> plays.groupedFromPlays(c, column, filter));
          assertThat(read(c -> plays.groupedFromTotals(c, column, filter))).as(column + " " + filter).isEqualTo(counted);
          assertThat(read(c -> plays.grouped(c, column, filter))).as(column + " " + filter).isEqualTo(counted);
        }
      }
    }
    // What the totals hold, spelled out: the default gate's one quarter hour.
    Filter quarter = new Filter(QUARTER, QUARTER.plusSeconds(900), "default", null);
    assertThat(read(c -> plays.groupedFromTotals(c, "campaign_id", quarter))).containsExactly(
        new Group(null, 1, 12_500), new Group("tet", 3, 49_000));
    assertThat(read(c -> plays.groupedFromTotals(c, "cluster_id", new Filter(QUARTER.minusSeconds(900),
        QUARTER.plusSeconds(3 * 3600), null, null)))).containsExactly(
        new Group("default", 6, 78_500), new Group("lane-gate", 1, 20_000));
  }

  @Test
  void aResentPlayIsCountedOnce() {
    database.db().transaction(c -> plays.insertNew(c, "hall-1", "default", List.of(
        play("p1", "news", "tet", "vi", QUARTER, 10_000),
        play("p5", "news", "tet", "vi", QUARTER.plusSeconds(30), 1_000)), RECEIVED)).await();

    Filter quarter = new Filter(QUARTER, QUARTER.plusSeconds(900), "default", null);
    assertThat(read(c -> plays.groupedFromTotals(c, "item_id", quarter))).containsExactly(
        new Group("news", 4, 32_500), new Group("visa", 1, 30_000));
    assertThat(read(c -> plays.groupedFromTotals(c, "item_id", quarter)))
        .isEqualTo(read(c -> plays.groupedFromPlays(c, "item_id", quarter)));
  }

  @Test
  void aPeriodNotOfWholeQuarterHoursOrOfOneScreenIsCountedFromThePlays() {
    // From one millisecond after the quarter's start: the play of its first millisecond is not counted.
    Filter offQuarter = new Filter(QUARTER.plusMillis(1), QUARTER.plusSeconds(900), "default", null);
    assertThat(read(c -> plays.grouped(c, "item_id", offQuarter))).containsExactly(
        new Group("news", 2, 21_500), new Group("visa", 1, 30_000));
    Filter oneScreen = new Filter(QUARTER, QUARTER.plusSeconds(900), null, "hall-2");
    assertThat(read(c -> plays.grouped(c, "item_id", oneScreen))).containsExactly(new Group("news", 1, 9_000));
    Filter nothing = new Filter(QUARTER.plusSeconds(86_400), QUARTER.plusSeconds(2 * 86_400), null, null);
    assertThat(read(c -> plays.grouped(c, "language", nothing))).isEmpty();
  }

  private List<Group> read(io.gatecast.controller.store.Database.Work<List<Group>> work) {
    return database.db().read(work).await();
  }

  private static Play play(String id, String item, String campaign, String language, Instant started, long millis) {
    return new Play(id, item, campaign, language, started, started.plusMillis(millis));
  }
}

package io.gatecast.bench;

import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.checks.Checks;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The scheduling engine under load: (a) a week's timeline for one screen facing 500 campaigns,
 * compiled from scratch each time as an agent does after a rules update; (b) every check over a
 * 1,000-screen fleet and 500 campaigns, without a default playlist so the gap search runs too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScheduleBench {
  private Rules rules;
  private Rules rulesWithoutDefault;
  private Screen screen;
  private List<Screen> fleet;
  private Instant weekStart;
  private Instant weekEnd;

  @Setup
  public void setUp() {
    rules = Fleet.rules(500, true);
    rulesWithoutDefault = Fleet.rules(500, false);
    screen = Fleet.screen(1);
    fleet = Fleet.screens(1000);
    weekStart = Fleet.WEEK_START.atZone(screen.zone()).toInstant();
    weekEnd = Fleet.WEEK_START.plusDays(7).atZone(screen.zone()).toInstant();
  }

  @Benchmark
  public List<Slot> weekTimelineOneScreen500Campaigns() {
    return new ScreenSchedule(rules, screen).timeline(weekStart, weekEnd);
  }

  @Benchmark
  public List<Finding> checks1000Screens500Campaigns() {
    return Checks.run(rulesWithoutDefault, fleet, weekStart, weekEnd);
  }
}

package io.gatecast.schedules;

import io.gatecast.schedules.checks.Checks;
import io.gatecast.schedules.checks.Finding;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * One-call entry points. For repeated questions about one screen, build a {@link ScreenSchedule}
 * once with {@link #forScreen} and reuse it.
 */
public final class Schedules {
  private Schedules() {}

  public static ScreenSchedule forScreen(Rules rules, Screen screen) {
    return new ScreenSchedule(rules, screen);
  }

  public static Slot resolve(Rules rules, Screen screen, Instant at) {
    return forScreen(rules, screen).resolve(at);
  }

  public static List<Slot> timeline(Rules rules, Screen screen, Instant from, Instant to) {
    return forScreen(rules, screen).timeline(from, to);
  }

  public static Explanation explain(Rules rules, Screen screen, Instant at) {
    return forScreen(rules, screen).explain(at);
  }

  public static List<Finding> check(Rules rules, Collection<Screen> screens, Instant from, Instant to) {
    return Checks.run(rules, screens, from, to);
  }
}

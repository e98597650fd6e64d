package io.gatecast.schedules.checks;

import io.gatecast.schedules.Messages;
import io.gatecast.schedules.ScreenSchedule;
import io.gatecast.schedules.Slot;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.time.RecurrenceRules;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operator checks over rules and a fleet of screens; see the individual checks for what each finds. */
public final class Checks {
  private Checks() {}

  /** All checks. Gaps are looked for in {@code [from, to)}; the others cover the whole rules. */
  public static List<Finding> run(Rules rules, Collection<Screen> screens, Instant from, Instant to) {
    List<Screen> fleet = List.copyOf(screens);
    List<BitSet> targeted = targetedScreens(rules.campaigns(), fleet);
    List<Finding> findings = new ArrayList<>();
    findings.addAll(CampaignChecks.neverPlays(rules.campaigns()));
    findings.addAll(CampaignChecks.noScreens(rules.campaigns(), targeted, fleet.isEmpty()));
    findings.addAll(gaps(rules, fleet, from, to));
    findings.addAll(LanguageChecks.missingVariants(rules, fleet, targeted));
    findings.addAll(OverlapChecks.samePriority(rules.campaigns(), targeted, fleet));
    return findings;
  }

  /** A recurrence rule typed by an operator, checked before it goes into a campaign. */
  public static Optional<Finding> recurrenceRule(String field, String rule) {
    String problem = rule == null || rule.isBlank()
        ? "it is empty"
        : RecurrenceRules.problem(RecurrenceRules.normalise(rule));
    return Optional.ofNullable(problem)
        .map(p -> new Finding(Severity.ERROR, Finding.INVALID_RRULE, Messages.invalidRule(field, p), List.of(field),
            Finding.details("field", field, "problem", p)));
  }

  /**
   * Black time per screen. Screens that see the same campaigns in the same zone and cluster have
   * the same timeline, so each such group is computed once.
   */
  static List<Finding> gaps(Rules rules, List<Screen> fleet, Instant from, Instant to) {
    if (rules.defaultPlaylist() != null) {
      return List.of();
    }
    Map<List<Object>, List<Slot>> idleByKind = new LinkedHashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Screen s : fleet) {
      List<Object> key = List.of(s.zone(), s.clusterId(), matching(rules.campaigns(), s));
      List<Slot> idle = idleByKind.computeIfAbsent(key, k -> new ScreenSchedule(rules, s).idleTime(from, to));
      if (!idle.isEmpty()) {
        Duration total = idle.stream().map(Slot::duration).reduce(Duration.ZERO, Duration::plus);
        Slot first = idle.get(0);
        out.add(new Finding(
            Severity.ERROR, Finding.GAP,
            Messages.gap(s.id(), total, first.start(), first.end(), s.zone()),
            List.of(s.id()),
            Finding.details("screen", s.id(), "idleSeconds", total.getSeconds(),
                "from", Finding.local(LocalDateTime.ofInstant(first.start(), s.zone())),
                "to", Finding.local(LocalDateTime.ofInstant(first.end(), s.zone())), "zone", s.zone().getId())));
      }
    }
    return out;
  }

  private static BitSet matching(List<Campaign> campaigns, Screen s) {
    BitSet b = new BitSet(campaigns.size());
    for (int i = 0; i < campaigns.size(); i++) {
      if (campaigns.get(i).targets().matches(s)) {
        b.set(i);
      }
    }
    return b;
  }

  /** For each campaign, the fleet indices of the screens it targets. */
  private static List<BitSet> targetedScreens(List<Campaign> campaigns, List<Screen> fleet) {
    List<BitSet> out = new ArrayList<>(campaigns.size());
    for (Campaign c : campaigns) {
      BitSet b = new BitSet(fleet.size());
      for (int i = 0; i < fleet.size(); i++) {
        if (c.targets().matches(fleet.get(i))) {
          b.set(i);
        }
      }
      out.add(b);
    }
    return out;
  }

  static List<String> ids(BitSet screens, List<Screen> fleet) {
    List<String> out = new ArrayList<>(screens.cardinality());
    screens.stream().forEach(i -> out.add(fleet.get(i).id()));
    return out;
  }
}

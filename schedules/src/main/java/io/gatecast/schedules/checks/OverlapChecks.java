package io.gatecast.schedules.checks;

import io.gatecast.schedules.Messages;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.time.CampaignActivity;
import io.gatecast.schedules.time.LocalTimeLine;
import io.gatecast.schedules.time.Span;
import io.gatecast.schedules.time.Spans;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Equal-priority campaigns that are on at the same time on the same screens. Not an error (they
 * share airtime by weight) but often a sign that one should have won. Campaigns are swept in
 * start order, so only pairs whose windows overlap are compared.
 */
final class OverlapChecks {
  private static final long CHUNK = 31L * 86_400;

  private OverlapChecks() {}

  static List<Finding> samePriority(List<Campaign> campaigns, List<BitSet> targeted, List<Screen> fleet) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < campaigns.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> campaigns.get(i).start()).thenComparing(i -> i));
    List<Finding> out = new ArrayList<>();
    for (int x = 0; x < order.size(); x++) {
      Campaign a = campaigns.get(order.get(x));
      for (int y = x + 1; y < order.size(); y++) {
        Campaign b = campaigns.get(order.get(y));
        if (!b.start().isBefore(a.end())) {
          break;
        }
        if (a.priority() != b.priority()) {
          continue;
        }
        BitSet both = (BitSet) targeted.get(order.get(x)).clone();
        both.and(targeted.get(order.get(y)));
        if (both.isEmpty()) {
          continue;
        }
        firstOverlap(a, b).ifPresent(at -> out.add(new Finding(
            Severity.WARNING, Finding.SAME_PRIORITY_OVERLAP,
            Messages.samePriority(a, b, Checks.ids(both, fleet), LocalTimeLine.localDateTime(at)),
            List.of(a.id(), b.id()),
            Finding.details("campaign", a.id(), "campaignName", a.name(),
                "otherCampaign", b.id(), "otherCampaignName", b.name(), "priority", a.priority(),
                "at", Finding.local(LocalTimeLine.localDateTime(at)), "screens", both.cardinality()))));
      }
    }
    return out;
  }

  /** First local second both are on, searched a month at a time to stop early. */
  private static Optional<Long> firstOverlap(Campaign a, Campaign b) {
    long from = LocalTimeLine.localSeconds(a.start().isAfter(b.start()) ? a.start() : b.start());
    long to = LocalTimeLine.localSeconds(a.end().isBefore(b.end()) ? a.end() : b.end());
    for (long s = from; s < to; s += CHUNK) {
      long e = Math.min(to, s + CHUNK);
      List<Span> common = Spans.intersect(CampaignActivity.localSpans(a, s, e), CampaignActivity.localSpans(b, s, e));
      if (!common.isEmpty()) {
        return Optional.of(common.get(0).start());
      }
    }
    return Optional.empty();
  }
}

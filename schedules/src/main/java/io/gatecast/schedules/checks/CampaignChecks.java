package io.gatecast.schedules.checks;

import io.gatecast.schedules.Messages;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.time.CampaignActivity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Checks of single campaigns: ones that can never play, ones aimed at no screen. */
final class CampaignChecks {
  private CampaignChecks() {}

  static List<Finding> neverPlays(List<Campaign> campaigns) {
    List<Finding> out = new ArrayList<>();
    for (Campaign c : campaigns) {
      if (!CampaignActivity.firstSpan(c).isPresent()) {
        out.add(new Finding(Severity.ERROR, Finding.NEVER_PLAYS, Messages.neverPlays(c), List.of(c.id()), about(c)));
      }
    }
    return out;
  }

  static List<Finding> noScreens(List<Campaign> campaigns, List<BitSet> targeted, boolean noFleet) {
    List<Finding> out = new ArrayList<>();
    if (noFleet) {
      return out;
    }
    for (int i = 0; i < campaigns.size(); i++) {
      if (targeted.get(i).isEmpty()) {
        Campaign c = campaigns.get(i);
        out.add(new Finding(Severity.WARNING, Finding.NO_SCREENS, Messages.noScreens(c), List.of(c.id()), about(c)));
      }
    }
    return out;
  }

  private static Map<String, String> about(Campaign c) {
    return Finding.details("campaign", c.id(), "campaignName", c.name());
  }
}

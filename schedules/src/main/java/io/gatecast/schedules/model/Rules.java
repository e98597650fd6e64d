package io.gatecast.schedules.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the engine needs to decide what a screen plays: campaigns, urgent alerts and the
 * default playlist that fills any gap (null means gaps are black, which the checks report).
 */
public record Rules(
    List<Campaign> campaigns, Playlist defaultPlaylist, LanguagePolicy defaultPolicy, List<Alert> alerts) {
  public Rules {
    campaigns = Require.list(campaigns, "campaigns");
    alerts = Require.list(alerts, "alerts");
    defaultPolicy = defaultPolicy == null ? LanguagePolicy.rotate() : defaultPolicy;
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < campaigns.size(); i++) {
      if (!ids.add(campaigns.get(i).id())) {
        throw new InvalidModelException("campaigns[" + i + "].id", "duplicate id " + campaigns.get(i).id());
      }
    }
    ids.clear();
    for (int i = 0; i < alerts.size(); i++) {
      if (!ids.add(alerts.get(i).id())) {
        throw new InvalidModelException("alerts[" + i + "].id", "duplicate id " + alerts.get(i).id());
      }
    }
  }

  public static Rules of(List<Campaign> campaigns, Playlist defaultPlaylist) {
    return new Rules(campaigns, defaultPlaylist, LanguagePolicy.rotate(), List.of());
  }

  public Rules withAlerts(List<Alert> newAlerts) {
    return new Rules(campaigns, defaultPlaylist, defaultPolicy, newAlerts);
  }
}

package io.gatecast.protocol;

import io.gatecast.protocol.rules.AlertSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every urgent alert in force for a cluster, sent retained in a {@link Signed} envelope of type
 * {@link Signed#ALERT} on {@link Topics#alert(String)}. Each message replaces the previous one
 * whole: an empty {@code alerts} list clears the cluster. A screen that (re)connects gets the
 * retained message, so it learns of an alert sent while it was away and of one cleared meanwhile.
 *
 * @param version grows with every alert message for this cluster; an agent refuses one not newer
 *     than the last it accepted, so a replayed old alert cannot come back after it was cleared
 */
public record AlertMessage(Header header, String clusterId, Long version, List<AlertSpec> alerts) {
  public AlertMessage {
    Check.required(header, "header");
    Check.id(clusterId, "clusterId");
    Check.atLeast(version, 1, "version");
    alerts = Check.list(alerts, "alerts", Limits.MAX_ALERTS);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < alerts.size(); i++) {
      AlertSpec alert = Check.required(alerts.get(i), "alerts[" + i + "]");
      if (!alert.clusterId().equals(clusterId)) {
        throw new IllegalArgumentException("alerts[" + i + "].clusterId is " + alert.clusterId() + ", not " + clusterId);
      }
      if (!ids.add(alert.id())) {
        throw new IllegalArgumentException("alerts[" + i + "].id repeats " + alert.id());
      }
    }
  }
}

package io.gatecast.controller.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An urgent alert as stored: its clusters, its text by language (in the order given), when it was
 * made, when it expires and when it was cleared (null: not cleared).
 */
public record Alert(String id, List<String> clusterIds, Map<String, String> text, Instant createdAt,
    Instant expiresAt, Instant clearedAt) {

  /** Where an alert stands at a given instant. */
  public enum Status { ACTIVE, CLEARED, EXPIRED }

  public Status statusAt(Instant now) {
    if (clearedAt != null && !clearedAt.isAfter(now)) {
      return Status.CLEARED;
    }
    return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
  }
}

package io.gatecast.controller.publish;

import java.util.List;
import java.util.Map;

/**
 * What one publish did: its id (for {@code GET /api/v1/publishes/{id}}), each screen sent a new
 * version (with an error if the broker or the signer refused it), per screen the items held
 * back because they are not approved, and how many screens it read to plan them (not every screen
 * when no setup changed since the last publish: {@link Publisher}).
 */
public record PublishResult(long publishId, List<Sent> sent, Map<String, List<String>> withheld, int screensRead) {
  public record Sent(String screenId, long version, String error) {}
}

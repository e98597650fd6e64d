package io.gatecast.controller.alerts;

import java.time.Instant;
import java.util.List;

/**
 * The last alert message made for a cluster: its version, the alerts it carried (null: it did not
 * reach the broker and must be sent again) and when its envelope expires.
 */
public record AlertPublication(String clusterId, long version, List<String> alertIds, Instant envelopeExpiresAt) {}

package io.gatecast.controller.publish;

import java.util.List;

/** What one publish sent: each screen's new version, or why the broker did not take it. */
public record PublishResult(List<Sent> sent) {
  public record Sent(String screenId, long version, String error) {}
}

package io.gatecast.agent.trust;

import io.gatecast.protocol.RejectedException;

/** Where refusals go: the agent logs them and reports them on its events topic. */
@FunctionalInterface
public interface RejectionReporter {
  /** @param topic the topic the refused message arrived on */
  void report(String topic, RejectedException refusal);
}

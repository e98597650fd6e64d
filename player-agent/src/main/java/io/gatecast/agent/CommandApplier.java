package io.gatecast.agent;

import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReporter;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Topics;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signed commands from the controller's commands topic. Today the only command is a key
 * rotation; anything else, or anything unsigned, is refused and reported. Runs on the apply
 * thread, so a rotation never races a schedule being verified.
 */
final class CommandApplier {
  private static final Logger LOG = LoggerFactory.getLogger(CommandApplier.class);

  private final String screenId;
  private final ControllerTrust trust;
  private final RejectionReporter rejections;

  CommandApplier(String screenId, ControllerTrust trust, RejectionReporter rejections) {
    this.screenId = screenId;
    this.trust = trust;
    this.rejections = rejections;
  }

  void apply(byte[] payload) {
    try {
      trust.acceptRotation(payload);
    } catch (RejectedException e) {
      rejections.report(Topics.commands(screenId), e);
    } catch (IOException e) {
      // Not trusting a key we could not save: after a restart we would have forgotten it anyway.
      LOG.error("key rotation not accepted: cannot save the trusted keys: {}", e.getMessage());
    }
  }
}

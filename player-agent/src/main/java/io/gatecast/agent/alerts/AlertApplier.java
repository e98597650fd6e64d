package io.gatecast.agent.alerts;

import io.gatecast.agent.playback.Playback;
import io.gatecast.agent.trust.ControllerTrust;
import io.gatecast.agent.trust.RejectionReporter;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Urgent alerts from the cluster's retained alert topic, on the screen at once: verify the
 * controller's signature, check the cluster and that the version is newer than the last accepted
 * (so a captured alert cannot be replayed after it was cleared), save, then hand to playback,
 * whose engine puts the alert over everything until it expires or a newer message clears it.
 * Runs on the agent's apply thread.
 */
public final class AlertApplier {
  private static final Logger LOG = LoggerFactory.getLogger(AlertApplier.class);

  private final AlertStore store;
  private final ControllerTrust trust;
  private final RejectionReporter rejections;
  private final Playback playback;
  private volatile AlertMessage accepted;

  public AlertApplier(AlertStore store, ControllerTrust trust, RejectionReporter rejections, Playback playback) {
    this.store = store;
    this.trust = trust;
    this.rejections = rejections;
    this.playback = playback;
    this.accepted = store.load().orElse(null);
    if (accepted != null) {
      playback.alerts(accepted);
      LOG.info("cluster {} alerts version {} restored ({} in force)", accepted.clusterId(), accepted.version(),
          accepted.alerts().size());
    }
  }

  /** The last accepted message, if any. */
  public Optional<AlertMessage> accepted() {
    return Optional.ofNullable(accepted);
  }

  /** One message from {@code Topics.alert(clusterId)}, the cluster this screen's rules name. */
  public void apply(String clusterId, byte[] payload) {
    String topic = Topics.alert(clusterId);
    AlertMessage message;
    try {
      message = trust.open(payload, Signed.ALERT, AlertMessage.class).message();
      try {
        if (!message.clusterId().equals(clusterId)) {
          throw new RejectedException(Rejection.MALFORMED,
              "alert message for cluster '" + message.clusterId() + "' arrived on " + topic);
        }
        AlertMessage last = accepted;
        if (last != null && last.clusterId().equals(clusterId)) {
          if (last.version().equals(message.version()) && last.equals(message)) {
            return; // the retained message again after a reconnect: already on screen
          }
          Freshness.requireNewer(last.version(), message.version());
        }
      } catch (RejectedException e) {
        throw e.withMessageId(message.header().messageId());
      }
    } catch (RejectedException e) {
      rejections.report(topic, e);
      return;
    }
    try {
      store.save(message);
    } catch (InterruptedIOException e) {
      // The agent is stopping; the cluster's retained alert message brings this version again at the next start.
      LOG.info("stopping: cluster {} alerts version {} not applied yet", clusterId, message.version());
      return;
    } catch (IOException e) {
      // Not shown unless saved: after a restart we would neither show it nor know its version.
      LOG.error("cluster {} alerts version {} not applied: cannot save them: {}", clusterId, message.version(), e.toString());
      return;
    }
    accepted = message;
    playback.alerts(message);
    LOG.info("cluster {} alerts version {} applied: {}", clusterId, message.version(),
        message.alerts().isEmpty() ? "cleared" : message.alerts().stream().map(a -> a.id()).toList());
  }
}

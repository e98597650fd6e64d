package io.gatecast.controller.proofofplay;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a screen its proof-of-play batch is stored: a {@link PlayReceipt} naming the batch, signed with
 * the controller's key, on the screen's commands topic (QoS 1, not retained). Sent only once the
 * transaction holding the batch has committed: the agent drops the plays when it hears it.
 *
 * <p>Best effort: a receipt that does not go out is only logged, never retried. The agent sends the
 * batch again when none comes, and the copy, stored once more as nothing new, gets its own receipt.
 */
public final class PlayReceipts {
  private static final Logger LOG = LoggerFactory.getLogger(PlayReceipts.class);

  private final MqttLink mqtt;
  private final MessageSigner signer;
  private final Clock clock;

  public PlayReceipts(MqttLink mqtt, MessageSigner signer, Clock clock) {
    this.mqtt = mqtt;
    this.signer = signer;
    this.clock = clock;
  }

  /** Sends the receipt for {@code batch}, whose plays are stored (committed). Never throws. */
  public void send(PlayBatch batch) {
    String screenId = batch.screenId();
    String batchId = batch.header().messageId();
    byte[] envelope;
    try {
      // No expiry: a late or replayed receipt can only release plays that are stored (see PlayReceipt).
      envelope = signer.signToBytes(Signed.PLAY_RECEIPT,
          new PlayReceipt(Header.now(clock.instant()), screenId, batchId), null);
    } catch (RuntimeException e) {
      LOG.warn("cannot sign the receipt for batch {} of screen {}; its agent will send it again: {}", batchId, screenId,
          e.toString());
      return;
    }
    // Best effort, and debug only: a stopping controller stores its last batches while or after its link
    // closes, and the agent sends a batch again when no receipt comes.
    mqtt.publishBestEffort(Topics.commands(screenId), envelope).onFailure(e -> LOG.debug(
        "receipt for batch {} of screen {} not sent; its agent will send the batch again: {}", batchId, screenId,
        e.toString()));
  }
}

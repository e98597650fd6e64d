package io.gatecast.protocol;

/**
 * The controller's word that a {@link PlayBatch} is stored: sent, once the transaction holding the
 * batch's plays has committed, to the screen that sent it, in a {@link Signed} envelope of type
 * {@link Signed#PLAY_RECEIPT} on that screen's commands topic (not retained). Only batches that ask
 * for one ({@link PlayBatch#receipt()}) get one.
 *
 * <p>Why: the broker's PUBACK says only that the broker has the batch. The controller may die before
 * its ingest commits (and with the embedded broker, the broker dies with it), so an agent that dropped
 * its plays at the PUBACK lost them. An agent that asks keeps the plays on disk until this names their
 * batch, and sends them again when no receipt comes; the controller stores each play once, by its
 * {@code playId}, and answers a batch sent again with a receipt again.
 *
 * <p>No expiry and no version: a receipt replayed or late can only release plays the controller
 * already stored (batch ids are random and used once), and a receipt queued for an offline screen is
 * still true when it arrives. The signature stops anyone else from releasing plays that are not stored.
 *
 * @param batchId the {@code header.messageId} of the stored batch
 */
public record PlayReceipt(Header header, String screenId, String batchId) {
  public PlayReceipt {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.text(batchId, "batchId", 64);
  }
}

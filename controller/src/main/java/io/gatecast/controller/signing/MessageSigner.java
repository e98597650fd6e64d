package io.gatecast.controller.signing;

import io.gatecast.protocol.Signer;
import java.time.Instant;
import java.util.List;

/**
 * Signs controller-to-agent messages with whatever key the controller signs with at this moment
 * ({@link KeyRing}: it changes when a rotation switches), so senders never hold a key themselves.
 */
public interface MessageSigner {
  /**
   * The signed envelope's wire bytes.
   *
   * @throws io.gatecast.protocol.ProtocolException when the message cannot be signed (for example
   *     the envelope would exceed the protocol's size limit)
   */
  byte[] signToBytes(String type, Object message, Instant expiresAt);

  /**
   * Each message's signed envelope, all under ONE signature with the same key (a publish's screens;
   * see protocol's {@code BatchProof}); a message that cannot be signed comes back with its failure.
   */
  List<Signer.BatchItem> signBatch(String type, List<?> messages, Instant expiresAt);
}

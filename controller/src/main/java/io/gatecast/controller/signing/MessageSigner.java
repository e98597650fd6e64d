package io.gatecast.controller.signing;

import java.time.Instant;

/**
 * Signs controller-to-agent messages with whatever key the controller signs with at this moment
 * ({@link KeyRing}: it changes when a rotation switches), so senders never hold a key themselves.
 */
@FunctionalInterface
public interface MessageSigner {
  /**
   * The signed envelope's wire bytes.
   *
   * @throws io.gatecast.protocol.ProtocolException when the message cannot be signed (for example
   *     the envelope would exceed the protocol's size limit)
   */
  byte[] signToBytes(String type, Object message, Instant expiresAt);
}

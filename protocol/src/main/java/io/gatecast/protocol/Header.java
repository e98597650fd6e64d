package io.gatecast.protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * What every message carries: the protocol version it was written for, a unique id (for
 * de-duplication and correlation) and the sender's clock at sending.
 */
public record Header(Integer protocolVersion, String messageId, Instant sentAt) {
  public static final int CURRENT_VERSION = 1;

  public Header {
    Check.required(protocolVersion, "header.protocolVersion");
    if (protocolVersion < 1) {
      throw new IllegalArgumentException("header.protocolVersion must be at least 1, got " + protocolVersion);
    }
    Check.text(messageId, "header.messageId", 64);
    Check.required(sentAt, "header.sentAt");
  }

  /** A fresh header for a message sent now by this side. */
  public static Header now(Instant now) {
    return new Header(CURRENT_VERSION, UUID.randomUUID().toString(), now);
  }
}

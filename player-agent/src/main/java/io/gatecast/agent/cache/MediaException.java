package io.gatecast.agent.cache;

import java.io.IOException;

/** A media file could not be fetched or did not verify; the message is fit for a FAILED ack. */
public class MediaException extends IOException {
  private static final long serialVersionUID = 1L;

  public MediaException(String message) {
    super(message);
  }

  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}

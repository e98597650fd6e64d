package io.gatecast.controller.media;

/** An upload whose bytes are not a file a screen can show; the message says what was found. */
public final class UnsupportedMediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedMediaException(String message) {
    super(message, null, false, false);
  }
}

package io.gatecast.controller.broker;

/** A port the controller was told to listen on is taken; the message says how to choose another. */
public final class PortInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PortInUseException(String message) {
    super(message);
  }
}

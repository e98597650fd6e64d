package io.gatecast.protocol;

/**
 * The one error type the protocol raises for a message or topic it cannot accept. The message
 * says what was wrong in words a person can act on, naming the field where there is one.
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}

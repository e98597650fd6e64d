package io.gatecast.controller.media;

import java.util.Map;

/** An upload whose bytes are not a file a screen can show; the message says what was found. */
public final class UnsupportedMediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;
  private final transient Map<String, Object> details;

  public UnsupportedMediaException(String message) {
    this(null, message, Map.of());
  }

  /** @param code a stable refusal code (e.g. {@code SVG_UNSAFE}), null for the generic one */
  public UnsupportedMediaException(String code, String message, Map<String, Object> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  /** The specific refusal code, or null. */
  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}

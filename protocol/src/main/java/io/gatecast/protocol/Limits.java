package io.gatecast.protocol;

/** Hard limits of the wire contract. Anything over them is refused, never truncated. */
public final class Limits {
  /** Largest MQTT payload either side accepts. */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;
  /** Most items one screen's schedule may carry. */
  public static final int MAX_SCHEDULE_ITEMS = 500;
  /** Longest title or other free text field. */
  public static final int MAX_TEXT_LENGTH = 500;
  /** Longest URL. */
  public static final int MAX_URL_LENGTH = 2048;

  private Limits() {}
}

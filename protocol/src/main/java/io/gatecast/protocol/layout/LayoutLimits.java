package io.gatecast.protocol.layout;

/** Hard limits of a layout on the wire; anything over them is refused, never truncated. */
public final class LayoutLimits {
  /** Most widgets one region shows side by side (a header: place, clocks, date). */
  public static final int MAX_WIDGETS_PER_REGION = 4;
  /** Most zones one clock shows. */
  public static final int MAX_CLOCK_ZONES = 4;
  /** Most lines one ticker crawls through. */
  public static final int MAX_TICKER_ITEMS = 50;
  /** Most opening spans of one weekday (morning and afternoon, say). */
  public static final int MAX_SPANS_PER_DAY = 4;
  /** Most extra closed dates (holidays) one opening-hours widget carries. */
  public static final int MAX_CLOSED_DATES = 400;

  private LayoutLimits() {}
}

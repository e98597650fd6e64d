package io.gatecast.protocol.layout;

/** The shape of a screen a layout is drawn for; a template fits exactly one shape. */
public enum ScreenShape {
  /** 16:9, e.g. 1920x1080: hall screens. */
  LANDSCAPE_16_9(1920, 1080),
  /** 9:16, e.g. 1080x1920: totems. */
  PORTRAIT_9_16(1080, 1920);

  private final int width;
  private final int height;

  ScreenShape(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The nominal width in pixels (region rectangles are fractions, so any size of this shape works). */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }
}

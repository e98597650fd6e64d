package io.gatecast.protocol.layout;

/**
 * A region's rectangle in fractions of the screen: {@code x, y} its top-left corner, {@code w, h}
 * its size, all in [0, 1] and inside the screen. Fractions, so one template fits any resolution of
 * its shape.
 */
public record Rect(double x, double y, double w, double h) {
  /** Rounding slack when adding fractions such as 0.1 + 0.9. */
  private static final double EPSILON = 1e-9;

  public Rect {
    fraction(x, "x");
    fraction(y, "y");
    fraction(w, "w");
    fraction(h, "h");
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("w and h must be above 0, got w " + w + ", h " + h);
    }
    if (x + w > 1 + EPSILON || y + h > 1 + EPSILON) {
      throw new IllegalArgumentException("rectangle must lie inside the screen, got x+w " + (x + w) + ", y+h " + (y + h));
    }
  }

  /** True when the two rectangles share area (touching edges do not count). */
  public boolean overlaps(Rect other) {
    return x < other.x + other.w - EPSILON && other.x < x + w - EPSILON
        && y < other.y + other.h - EPSILON && other.y < y + h - EPSILON;
  }

  public double area() {
    return w * h;
  }

  private static void fraction(double value, String field) {
    if (!(value >= 0 && value <= 1)) { // also refuses NaN
      throw new IllegalArgumentException(field + " must be a fraction of the screen between 0 and 1, got " + value);
    }
  }
}

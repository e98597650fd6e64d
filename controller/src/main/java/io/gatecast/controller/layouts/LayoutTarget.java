package io.gatecast.controller.layouts;

/**
 * What a layout is attached to. A screen's override wins over the layout its campaign brings,
 * which wins over its gate's default ({@link #PRECEDENCE}).
 */
public enum LayoutTarget {
  GATE, CAMPAIGN, SCREEN;

  /** Strongest first. */
  public static final java.util.List<LayoutTarget> PRECEDENCE = java.util.List.of(SCREEN, CAMPAIGN, GATE);
}

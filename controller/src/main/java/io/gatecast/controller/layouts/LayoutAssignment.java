package io.gatecast.controller.layouts;

import io.gatecast.protocol.layout.ScreenShape;

/**
 * One attachment of a layout: to a gate (cluster id), a campaign or a screen, by id. {@code shape}
 * is the attached layout's own shape: a gate holds one default per shape, a campaign or a screen
 * one layout. Null when the attachment is asked for (the service takes the layout's shape).
 */
public record LayoutAssignment(LayoutTarget target, String targetId, String layoutId, ScreenShape shape) {
  /** An attachment asked for: the layout's own shape is filled in by {@link LayoutService#assign}. */
  public LayoutAssignment(LayoutTarget target, String targetId, String layoutId) {
    this(target, targetId, layoutId, null);
  }
}

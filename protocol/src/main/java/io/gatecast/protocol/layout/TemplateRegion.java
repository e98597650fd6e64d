package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;

/** One region of a template: its role and where it sits on the screen. */
public record TemplateRegion(RegionRole role, Rect rect) {
  public TemplateRegion {
    Check.required(role, "role");
    Check.required(rect, "rect");
  }
}

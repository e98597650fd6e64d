package io.gatecast.controller.layouts;

import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.WidgetSpec;

/**
 * What a gate's widgets show that is a fact of the gate, not of a layout: its opening hours and
 * the zones of its clock (here and across the border). Set, they replace the settings of every
 * OPENING_HOURS and CLOCK widget of a layout shown at the gate, so one layout serves every gate.
 * Either may be null (not set: the layout's own settings apply).
 */
public record GateFacts(OpeningHoursSpec openingHours, ClockSpec clock) {
  public static final GateFacts NONE = new GateFacts(null, null);

  /** The widget as it shows at this gate: its opening hours or clock zones replaced when set. */
  public WidgetSpec applyTo(WidgetSpec w) {
    return switch (w.type()) {
      case OPENING_HOURS -> openingHours == null ? w : WidgetSpec.openingHours(openingHours);
      case CLOCK -> clock == null ? w : WidgetSpec.clock(clock);
      default -> w;
    };
  }
}

package io.gatecast.controller.http;

import io.gatecast.controller.refusal.Refusal;
import io.gatecast.protocol.Check;
import java.util.Map;

/**
 * New screen, cluster and group ids must be portable ({@link Check#PORTABLE_ID_FORM}): they become
 * MQTT topic levels, and a '.' or an upper-case letter breaks the NATS and RabbitMQ topic mappings
 * (on NATS one such screen dropped the controller's whole connection at every publish). Ids already
 * stored keep working (the controller warns about them at start); only new ones are held to this.
 */
public final class PortableIds {
  static final String CODE = "ID_FORM";

  private PortableIds() {}

  /** {@code value} if it is portable; otherwise a refusal naming the field, the value and the allowed form. */
  public static String require(String value, String field) {
    if (!Check.isPortableId(value)) {
      String shown = value == null ? "null" : value.length() <= 80 ? value : value.substring(0, 80) + "...";
      throw Refusal.badInput(CODE, field + " '" + shown + "' is not allowed: an id must be " + Check.PORTABLE_ID_FORM
          + " (for example 'kt-hall-1'), so that every MQTT broker and the NATS and RabbitMQ mappings carry it;"
          + " nothing was stored", Map.of("field", field, "value", shown, "allowed", Check.PORTABLE_ID_PATTERN));
    }
    return value;
  }
}

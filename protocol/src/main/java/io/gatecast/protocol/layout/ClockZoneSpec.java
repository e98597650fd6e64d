package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * One zone of a clock: an IANA zone and, optionally, the id of an approved text item naming the
 * place in each language ("Hà Nội", "河口"). Without a label the clock shows the UTC offset.
 */
public record ClockZoneSpec(String zone, String labelItemId) {
  public ClockZoneSpec {
    zone(zone, "zone");
    if (labelItemId != null) {
      Check.id(labelItemId, "labelItemId");
    }
  }

  static void zone(String zone, String field) {
    Check.text(zone, field, 64);
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(field + " must be an IANA time zone such as Asia/Shanghai, got '" + zone + "'");
    }
  }
}

package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.time.Instant;

/** Days, hours and minutes to {@code target}, under a title that is an approved text item. */
public record CountdownSpec(String titleItemId, Instant target) {
  public CountdownSpec {
    Check.id(titleItemId, "titleItemId");
    Check.required(target, "target");
  }
}

package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.time.DayOfWeek;
import java.util.List;

/** A weekday's opening spans in order; none means closed that weekday. */
public record OpeningDaySpec(DayOfWeek day, List<OpeningSpanSpec> spans) {
  public OpeningDaySpec {
    Check.required(day, "day");
    spans = Check.optionalList(spans, "spans", LayoutLimits.MAX_SPANS_PER_DAY);
    for (int i = 1; i < spans.size(); i++) {
      if (spans.get(i).open().toSecondOfDay() < spans.get(i - 1).closeSecondOfDay()) {
        throw new IllegalArgumentException("spans[" + i + "] of " + day + " must open after spans[" + (i - 1)
            + "] closes (" + spans.get(i - 1).close() + "), got " + spans.get(i).open());
      }
    }
  }
}

package io.gatecast.schedules;

import java.util.List;

/** What plays and why, as sentences an operator can read (English for now; see Messages). */
public record Explanation(Slot slot, List<String> sentences) {
  public Explanation {
    sentences = List.copyOf(sentences);
  }

  public String text() {
    return String.join(" ", sentences);
  }
}

package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.util.List;
import java.util.TreeSet;

/** Sets of ids (groups, tags, targets) on the wire: optional, each an id, sorted and de-duplicated so equal sets encode equally. */
final class Names {
  private Names() {}

  static List<String> of(List<String> values, String field) {
    List<String> checked = Check.optionalList(values, field, Limits.MAX_NAMES);
    for (int i = 0; i < checked.size(); i++) {
      Check.id(checked.get(i), field + "[" + i + "]");
    }
    return List.copyOf(new TreeSet<>(checked));
  }
}

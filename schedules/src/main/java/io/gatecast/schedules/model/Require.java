package io.gatecast.schedules.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Constructor checks shared by the model records; every failure names the field. */
final class Require {
  private Require() {}

  static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidModelException(field, "is required");
    }
    return value;
  }

  static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidModelException(field, "must not be blank");
    }
    return value;
  }

  static int positive(int value, String field) {
    if (value < 1) {
      throw new InvalidModelException(field, "must be at least 1, was " + value);
    }
    return value;
  }

  /**
   * Well-formed BCP 47 tag as the JDK understands it ({@code vi}, {@code zh-Hans}, {@code hmn}).
   * Ill-formed tags come back from {@link Locale#forLanguageTag} as {@code und}.
   */
  static String languageTag(String tag, String field) {
    text(tag, field);
    if (!"und".equals(tag) && "und".equals(Locale.forLanguageTag(tag).toLanguageTag())) {
      throw new InvalidModelException(field, "'" + tag + "' is not a BCP 47 language tag");
    }
    return tag;
  }

  /** Null is read as empty so JSON with a missing array maps cleanly. */
  static <T> List<T> list(List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      present(values.get(i), field + "[" + i + "]");
    }
    return Collections.unmodifiableList(new ArrayList<>(values));
  }

  static Set<String> names(Set<String> values, String field) {
    if (values == null) {
      return Set.of();
    }
    for (String v : values) {
      text(v, field + "[]");
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }

  static <V> Map<String, V> map(Map<String, V> values, String field) {
    if (values == null) {
      return Map.of();
    }
    values.forEach((k, v) -> present(v, field + "[" + k + "]"));
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}

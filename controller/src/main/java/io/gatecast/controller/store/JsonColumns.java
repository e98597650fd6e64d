package io.gatecast.controller.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.protocol.Codec;
import java.util.List;

/** Lists of names kept as a JSON array in one TEXT column (languages, tags). */
public final class JsonColumns {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private JsonColumns() {}

  public static String write(List<String> values) {
    if (values == null) {
      return null;
    }
    try {
      return Codec.mapper().writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The list in {@code json}, or null for a NULL column. */
  public static List<String> read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return List.copyOf(Codec.mapper().readValue(json, STRINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored list is not a JSON array of strings: " + json, e);
    }
  }
}

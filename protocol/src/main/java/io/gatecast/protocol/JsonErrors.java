package io.gatecast.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into one sentence that names the field, for messages and APIs alike. */
public final class JsonErrors {
  private JsonErrors() {}

  public static String describe(IOException e, Class<?> type) {
    String name = type.getSimpleName();
    if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
      // A nested record's constructor names its own field; the path says which nested record.
      String where = vie.getPath().isEmpty() ? "" : path(vie) + ": ";
      return "invalid " + name + ": " + where + vie.getCause().getMessage();
    }
    if (e instanceof UnrecognizedPropertyException upe) {
      return "invalid " + name + ": unknown field '" + upe.getPropertyName() + "' (known fields: "
          + upe.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }
    if (e instanceof InvalidFormatException ife) {
      Class<?> target = ife.getTargetType();
      return "invalid " + name + ": " + path(ife) + " has an invalid value '" + ife.getValue() + "'"
          + (target != null && target.isEnum() ? " (expected one of " + Arrays.toString(target.getEnumConstants()) + ")" : "");
    }
    if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
      return "invalid " + name + ": " + path(mie) + " has the wrong type (" + firstLine(mie.getOriginalMessage()) + ")";
    }
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      return "invalid " + name + ": " + path(jme) + ": " + firstLine(jme.getOriginalMessage());
    }
    if (e instanceof JsonProcessingException jpe) {
      return "not a valid " + name + " (malformed JSON: " + firstLine(jpe.getOriginalMessage()) + ")";
    }
    return "cannot read " + name + ": " + e.getMessage();
  }

  /** Where in the document the mapping failed, e.g. {@code variants[0].language}. */
  public static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.split("\n")[0];
  }
}

package io.gatecast.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical byte form of a JSON value: the exact bytes a signature covers.
 *
 * <p>Why a canonical form at all: a signature is over bytes, but JSON that means the same can be
 * written in many byte sequences (key order, whitespace, escapes). Signing the canonical form of
 * the tree lets the verifier recompute the signed bytes from whatever it received, so signatures
 * survive re-serialisation by a broker, a log or a debugging tool, and the bytes that were
 * verified are the bytes that are then decoded (see {@link Verifier}).
 *
 * <p>The form:
 * <ul>
 *   <li>UTF-8, no whitespace outside strings;
 *   <li>object members sorted by name, recursively, in UTF-16 code-unit order
 *       ({@link String#compareTo}), which is the order RFC 8785 (JCS) uses;
 *   <li>strings escaped as Jackson writes them: {@code \"}, {@code \\}, the short escapes
 *       {@code \b \f \n \r \t}, {@code \}{@code u00XX} for other control characters, everything
 *       else as raw UTF-8 (the same as JCS);
 *   <li>integers in plain decimal; fractional numbers as Jackson writes a double
 *       ({@link Double#toString}). This differs from JCS, which is why the wire contract carries
 *       no fractional numbers; non-finite numbers (NaN, overflowing {@code 1e999}) are refused,
 *       because Jackson would write them as strings and two different trees would share a form;
 *   <li>{@code true}, {@code false}, {@code null} as literals; binary nodes are refused.
 * </ul>
 * Trees deeper than {@link Limits#MAX_NESTING_DEPTH} and strings with unpaired surrogates are
 * refused with a {@link ProtocolException}.
 */
public final class Canonical {
  private Canonical() {}

  /** The canonical bytes of {@code node}; throws {@link ProtocolException} for a tree it cannot represent. */
  public static byte[] bytes(JsonNode node) {
    return form(node).bytes();
  }

  /**
   * Canonical bytes, and whether they hold a number written through a conversion: a fractional one
   * (written as a double) or an integer beyond a long (written in full, however many digits). Only
   * such a number's text can read back as something else, or not at all (a parser's limit on digits);
   * names, strings, integers that fit a long, booleans and null read back exactly as written (unpaired
   * surrogates and non-finite numbers are refused while writing).
   */
  record Form(byte[] bytes, boolean convertedNumbers) {}

  /** {@link #bytes} with what {@link Form} says about the numbers in it. */
  static Form form(JsonNode node) {
    Check.required(node, "node");
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    boolean converted;
    try (JsonGenerator gen = Codec.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      converted = write(gen, node, 0);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // Jackson reports unpaired surrogates and similar as generation errors.
      throw new ProtocolException("cannot write the canonical form: " + e.getMessage(), e);
    }
    return new Form(out.toByteArray(), converted);
  }

  /** Writes {@code node}; true when it holds a number written through a conversion (see {@link Form}). */
  private static boolean write(JsonGenerator gen, JsonNode node, int depth) throws IOException {
    boolean converted = false;
    switch (node.getNodeType()) {
      case OBJECT -> {
        enter(depth);
        List<String> names = new ArrayList<>(node.size());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          names.add(it.next());
        }
        names.sort(String::compareTo);
        gen.writeStartObject();
        for (String name : names) {
          gen.writeFieldName(name);
          converted |= write(gen, node.get(name), depth + 1);
        }
        gen.writeEndObject();
      }
      case ARRAY -> {
        enter(depth);
        gen.writeStartArray();
        for (JsonNode element : node) {
          converted |= write(gen, element, depth + 1);
        }
        gen.writeEndArray();
      }
      case STRING -> gen.writeString(node.textValue());
      case NUMBER -> {
        if (node.isIntegralNumber()) {
          gen.writeNumber(node.bigIntegerValue());
          converted = !node.canConvertToLong();
        } else {
          double value = node.doubleValue();
          if (!Double.isFinite(value)) {
            throw new ProtocolException("a number is not finite; the canonical form has no place for it");
          }
          gen.writeNumber(value);
          converted = true;
        }
      }
      case BOOLEAN -> gen.writeBoolean(node.booleanValue());
      case NULL -> gen.writeNull();
      default -> throw new ProtocolException("a " + node.getNodeType() + " node has no canonical JSON form");
    }
    return converted;
  }

  private static void enter(int depth) {
    if (depth >= Limits.MAX_NESTING_DEPTH) {
      throw new ProtocolException("JSON is nested deeper than " + Limits.MAX_NESTING_DEPTH + " levels");
    }
  }
}

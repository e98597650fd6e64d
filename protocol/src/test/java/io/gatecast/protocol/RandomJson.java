package io.gatecast.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Random JSON trees and random spellings of them, from a seed. QuickTheories generates the seed,
 * so a failing case is reported (and reproduced) as one number.
 */
final class RandomJson {
  private static final String[] KEYS = {"a", "b", "A", "é", "header", "payload", "screenId", "版本", "ລາວ", "z", "aa", "a\u0000", "😀", "\"q\""};
  private static final String[] STRINGS = {"", "x", "Bầu cử 15/3 · 选举 · Election", "ខ្មែរ", "H'Mông", "line\nbreak\ttab",
      "quote\"back\\slash/", "\u0001\u001f\u007f", "😀🇻🇳", "\u2028\u2029", "</script>"};

  private RandomJson() {}

  static JsonNode tree(long seed) {
    Random random = new Random(seed);
    return object(random, 0);
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    int size = random.nextInt(depth == 0 ? 8 : 5);
    for (int i = 0; i < size; i++) {
      node.set(KEYS[random.nextInt(KEYS.length)] + (random.nextInt(4) == 0 ? random.nextInt(100) : ""), value(random, depth + 1));
    }
    return node;
  }

  private static JsonNode value(Random random, int depth) {
    int choice = random.nextInt(depth >= 5 ? 7 : 9);
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (choice) {
      case 0 -> f.textNode(STRINGS[random.nextInt(STRINGS.length)]);
      case 1 -> f.textNode(randomString(random));
      case 2 -> f.numberNode(random.nextInt());
      case 3 -> f.numberNode(random.nextLong());
      case 4 -> f.numberNode(new BigInteger(100, random).negate());
      case 5 -> random.nextBoolean() ? f.booleanNode(random.nextBoolean()) : f.nullNode();
      case 6 -> f.numberNode(random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(1000));
      case 7 -> object(random, depth);
      default -> {
        ArrayNode array = f.arrayNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          array.add(value(random, depth + 1));
        }
        yield array;
      }
    };
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      int cp = switch (random.nextInt(4)) {
        case 0 -> 0x20 + random.nextInt(0x5f);
        case 1 -> random.nextInt(0x20);
        case 2 -> 0xa0 + random.nextInt(0xd7ff - 0xa0);
        default -> 0x10000 + random.nextInt(0x10000);
      };
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  /** The same tree spelled differently: members shuffled, random whitespace, some characters \\u-escaped. */
  static String respell(JsonNode node, Random random) {
    StringBuilder out = new StringBuilder();
    write(node, random, out);
    return out.toString();
  }

  private static void write(JsonNode node, Random random, StringBuilder out) {
    ws(random, out);
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.shuffle(names, random);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        ws(random, out);
        string(names.get(i), random, out);
        ws(random, out);
        out.append(':');
        write(node.get(names.get(i)), random, out);
      }
      ws(random, out);
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), random, out);
      }
      ws(random, out);
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), random, out);
    } else {
      out.append(node.toString());
    }
    ws(random, out);
  }

  private static void string(String s, Random random, StringBuilder out) {
    out.append('"');
    // Per code point, so a surrogate pair is escaped whole or not at all.
    s.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\' || cp < 0x20 || random.nextInt(5) == 0) {
        for (char c : Character.toChars(cp)) {
          out.append(String.format("\\u%04x", (int) c));
        }
      } else {
        out.appendCodePoint(cp);
      }
    });
    out.append('"');
  }

  private static void ws(Random random, StringBuilder out) {
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.append(" \n\t\r".charAt(random.nextInt(4)));
    }
  }
}

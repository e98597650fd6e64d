package io.gatecast.bench.harness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} arguments of a benchmark, with defaults; an unknown name is refused. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  public Args(String[] args, Map<String, String> defaults) {
    values.putAll(defaults);
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].replaceFirst("^--", "");
      if (!defaults.containsKey(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown or incomplete option " + args[i] + "; options: " + defaults);
      }
      values.put(name, args[i + 1]);
    }
  }

  public String get(String name) {
    return values.get(name);
  }

  public int integer(String name) {
    return Integer.parseInt(values.get(name));
  }

  /** The value as one of {@code kind}'s constants, named in any case; any other word is refused, naming them. */
  public <E extends Enum<E>> E oneOf(String name, Class<E> kind) {
    String value = values.get(name);
    for (E constant : kind.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("--" + name + " must be one of " + java.util.Arrays.stream(kind.getEnumConstants())
        .map(c -> c.name().toLowerCase()).toList() + "; got " + value);
  }

  /** The value split on whitespace: none when it is blank (e.g. {@code --controller-jvm "-Xmx1g -XX:+UseZGC"}). */
  public List<String> words(String name) {
    String value = values.get(name).trim();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }
}

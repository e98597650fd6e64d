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

  /** The value split on whitespace: none when it is blank (e.g. {@code --controller-jvm "-Xmx1g -XX:+UseZGC"}). */
  public List<String> words(String name) {
    String value = values.get(name).trim();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }
}

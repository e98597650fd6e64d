package io.gatecast.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One or more MQTT broker addresses, {@code tcp://host:port} or {@code ssl://host:port}: the nodes
 * of one clustered broker (or a single broker). On a command line and in a config they are written
 * as one comma-separated string ({@code tcp://a:1883,tcp://b:1883}); in an enrollment identity as
 * a JSON list. Clients connect to the first that answers, in the order given, and move to the next
 * when their node goes away.
 */
public final class BrokerUrls {
  /** More would only make a failed round longer; a cluster of 3 to 7 nodes is the case this is for. */
  public static final int MAX = 16;
  private static final String ONE = "(tcp|ssl)://[^/,\\s]+:\\d{1,5}";

  private BrokerUrls() {}

  /** Whether {@code url} is one well-formed broker address. */
  public static boolean isUrl(String url) {
    return url != null && url.matches(ONE);
  }

  /**
   * Parses a comma-separated list (spaces around commas allowed).
   *
   * @throws IllegalArgumentException naming {@code field} and the bad entry, for an empty list, a
   *     malformed address, a repeated one or more than {@value #MAX}
   */
  public static List<String> parse(String commaSeparated, String field) {
    Check.required(commaSeparated, field);
    List<String> urls = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      urls.add(part.trim());
    }
    return check(urls, field);
  }

  /** Checks a list of addresses as {@link #parse} does; returns it unmodifiable. */
  public static List<String> check(List<String> urls, String field) {
    Check.required(urls, field);
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(field + " needs at least one broker address");
    }
    if (urls.size() > MAX) {
      throw new IllegalArgumentException(field + " holds " + urls.size() + " broker addresses; at most " + MAX);
    }
    for (String url : urls) {
      if (!isUrl(url)) {
        throw new IllegalArgumentException(field + " must be tcp://host:port or ssl://host:port (several separated"
            + " by commas), got '" + url + "'");
      }
    }
    if (new LinkedHashSet<>(urls).size() != urls.size()) {
      throw new IllegalArgumentException(field + " names a broker address twice: " + urls);
    }
    return List.copyOf(urls);
  }

  /** The list as one comma-separated string, the form {@link #parse} reads. */
  public static String join(List<String> urls) {
    return String.join(",", urls);
  }
}

package io.gatecast.testkit;

/**
 * The seed of a randomised test: new on every run so each run explores other inputs, printed so a
 * failure can be replayed with {@code -D}{@value #PROPERTY}{@code =<seed>}.
 */
public final class FuzzSeed {
  /** The system property that replays a seed. */
  public static final String PROPERTY = "gatecast.fuzz.seed";

  private FuzzSeed() {}

  /** The seed to use for {@code test}: {@code -Dgatecast.fuzz.seed} if given, else a fresh one; printed either way. */
  public static long of(String test) {
    long seed = Long.getLong(PROPERTY, System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    System.out.println(test + " seed=" + seed + " (replay with -D" + PROPERTY + "=" + seed + ")");
    return seed;
  }

  /** How to replay, for a failure message. */
  public static String replay(long seed) {
    return "seed " + seed + " (replay with -D" + PROPERTY + "=" + seed + ")";
  }
}

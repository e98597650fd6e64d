package io.gatecast.bench.fleet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in milliseconds and the figures a benchmark reports: count, p50, p99, max. */
public final class Latencies {
  private final double[] sorted;

  public Latencies(double[] millis) {
    this.sorted = millis.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /** The nearest-rank percentile ({@code p} in 0..100); NaN when there are no samples. */
  public double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  /** {count, min, p50, p99, max} rounded to 0.1 ms, for a result file. */
  public Map<String, Object> summary() {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("count", count());
    figures.put("minMs", round(sorted.length == 0 ? Double.NaN : sorted[0]));
    figures.put("p50Ms", round(percentile(50)));
    figures.put("p99Ms", round(percentile(99)));
    figures.put("maxMs", round(max()));
    return figures;
  }

  @Override
  public String toString() {
    return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count(), percentile(50), percentile(99), max());
  }

  /** Milliseconds rounded to 0.1, as the result files hold them. */
  public static double roundMs(double value) {
    return round(value);
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
  }
}

package io.gatecast.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds of a few processes (and of the whole machine), read every {@value #EVERY_MS} ms while a
 * round runs, so the CPU each spent in a part of the round — an alert's fan-out, which is over long
 * before its screens finish verifying — can be told afterwards. Reading {@code /proc} that often costs
 * the machine well under a percent.
 */
public final class CpuTimeline implements AutoCloseable {
  private static final long EVERY_MS = 20;
  /** The name under which the whole machine's busy seconds are kept. */
  public static final String MACHINE = "machine";

  private record Sample(long nanos, Map<String, Double> seconds) {}

  private final Map<String, Long> pids;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread reader;
  private volatile boolean running = true;

  /** Starts reading the processes {@code pids} (name to pid) at once, until closed. */
  public CpuTimeline(Map<String, Long> pids) {
    this.pids = new LinkedHashMap<>(pids);
    this.reader = new Thread(this::readUntilClosed, "cpu-timeline");
    reader.setDaemon(true);
    sample();
    reader.start();
  }

  private void readUntilClosed() {
    while (running) {
      try {
        Thread.sleep(EVERY_MS); // the sampling period, not a wait for something to happen
      } catch (InterruptedException e) {
        return;
      }
      sample();
    }
  }

  private void sample() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    pids.forEach((name, pid) -> seconds.put(name, ProcessStats.cpuSeconds(pid)));
    seconds.put(MACHINE, ProcessStats.machineBusySeconds());
    long now = System.nanoTime();
    synchronized (samples) {
      samples.add(new Sample(now, seconds));
    }
  }

  /**
   * CPU seconds each process (and the machine) spent from {@code fromNanos} to {@code toNanos}, read at
   * the samples nearest outside that span (so a little more than the span, never less, for a span that has
   * ended), rounded to 0.01 s.
   */
  public Map<String, Double> between(long fromNanos, long toNanos) {
    sample(); // one at least as late as any span that has ended
    Sample first;
    Sample last;
    synchronized (samples) {
      first = samples.get(0);
      last = samples.get(samples.size() - 1);
      for (Sample s : samples) {
        if (s.nanos() <= fromNanos) {
          first = s;
        }
        if (s.nanos() >= toNanos) {
          last = s;
          break;
        }
      }
    }
    Map<String, Double> spent = new LinkedHashMap<>();
    spent.put("windowMs", Math.round((last.nanos() - first.nanos()) / 1e5) / 10.0);
    for (String name : first.seconds().keySet()) {
      spent.put(name, Math.round((last.seconds().get(name) - first.seconds().get(name)) * 100) / 100.0);
    }
    return spent;
  }

  @Override
  public void close() {
    running = false;
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.gatecast.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time and resident memory of a process from {@code /proc}, and a JVM's heap after a full GC from {@code jcmd}. */
public final class ProcessStats {
  /** Linux reports CPU time in clock ticks; 100 per second on every distribution kernel. */
  private static final double TICKS_PER_SECOND = 100.0;
  private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private ProcessStats() {}

  /** User + system CPU seconds the process has used so far. */
  public static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name (field 2) may hold spaces; count fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /**
   * CPU seconds per kind of thread of a process, from {@code /proc/<pid>/task/*}: each thread's name
   * (the kernel keeps its first 15 characters) with its digits dropped, so the event loops, the
   * database thread, the signing pool and the broker's threads are told apart. Threads that ended are
   * not counted: take it before and after the work, and subtract.
   */
  public static java.util.Map<String, Double> cpuSecondsByThreadKind(long pid) {
    java.util.Map<String, Double> kinds = new java.util.TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/" + pid + "/task").listFiles();
    if (tasks == null) {
      return kinds;
    }
    for (java.io.File task : tasks) {
      try {
        String stat = Files.readString(task.toPath().resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "#");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        kinds.merge(name, seconds, Double::sum);
      } catch (IOException | RuntimeException e) {
        // the thread ended while being read
      }
    }
    return kinds;
  }

  public static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  /** Heap in use right after a full collection (what the live data needs), in bytes; -1 if jcmd fails. */
  public static long heapUsedAfterGc(long pid) {
    try {
      run(List.of("jcmd", Long.toString(pid), "GC.run"));
      String info = run(List.of("jcmd", Long.toString(pid), "GC.heap_info"));
      Matcher m = HEAP_USED.matcher(info);
      return m.find() ? Long.parseLong(m.group(2)) * 1024 : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The machine's CPU seconds (all cores, busy time) so far, from /proc/stat. */
  public static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static String run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }
}

package io.gatecast.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A main class of the test's own class path in a JVM of its own, as a kiosk or server runs it:
 * output to a log file, stopped politely or with SIGKILL (a power cut, as far as it can tell), or
 * frozen with SIGSTOP. Closing kills what is still alive.
 */
public final class JavaProcess implements AutoCloseable {
  private final Process process;
  /** Whether the process leads a process group of its own, which then holds whatever it started. */
  private final boolean ownGroup;

  private JavaProcess(Process process, boolean ownGroup) {
    this.process = process;
    this.ownGroup = ownGroup;
  }

  /**
   * Starts {@code mainClass} with {@code jvmOptions} and {@code args}; its output (stdout and
   * stderr) is appended to {@code log}. The test JVM's own {@code gatecast.test.*} properties (set by
   * the build, e.g. the test-only password cost) go along, so a process runs as an in-JVM part would,
   * and so do the build's options for test JVMs ({@value #JVM_OPTIONS_PROPERTY}; {@code jvmOptions}
   * come after them, so a test's own choice wins).
   */
  public static JavaProcess start(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
    return start(false, jvmOptions, mainClass, args, log);
  }

  /**
   * {@link #start}, the process leading a process group of its own (setsid(1)), as a terminal's job or a
   * service is: {@link #stopGroup} signals it and every process it started at once, as Ctrl-C or
   * systemd's stop does, and {@link #close} kills them all.
   */
  public static JavaProcess startInOwnGroup(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
    return start(true, jvmOptions, mainClass, args, log);
  }

  private static JavaProcess start(boolean ownGroup, List<String> jvmOptions, String mainClass, List<String> args,
      Path log) {
    List<String> command = new ArrayList<>(ownGroup ? List.of("setsid") : List.of());
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("gatecast.test.")).sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.addAll(buildJvmOptions());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", testClassPath(), mainClass));
    command.addAll(args);
    try {
      return new JavaProcess(new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start(), ownGroup);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM options the build gives its test JVMs (the parent pom's {@code test.jvmOptions}), space-separated. */
  public static final String JVM_OPTIONS_PROPERTY = "gatecast.test.jvmOptions";

  /** {@value #JVM_OPTIONS_PROPERTY} as a list (none when unset). */
  static List<String> buildJvmOptions() {
    String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  /** The class path the tests run with: surefire and failsafe put it here; java.class.path may be only their booter jar. */
  public static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * The CPU time (user + system) the process has used so far, where the platform tells it (Linux
   * does). Against the time it has run, this tells a starved process (little CPU: the machine is
   * busy) from a stuck one that spins, or from one that waits on something while CPU is free.
   */
  public Optional<Duration> cpuTime() {
    return process.info().totalCpuDuration();
  }

  /** Waits for the process to end by itself (e.g. a test hook that halts it); true when it ended in time. */
  public boolean waitFor(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
    return process.waitFor(timeout, unit);
  }

  /** The exit status of an ended process. */
  public int exitValue() {
    return process.exitValue();
  }

  /** SIGKILL, then waits for the end: no shutdown hook, no goodbye on the network, buffers as they are. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGKILL; true when the process ended within {@code seconds}. */
  public boolean kill(long seconds) throws InterruptedException {
    return Ending.kill(process, seconds);
  }

  /** SIGTERM (shutdown hooks run); true when the process ended within {@code seconds}. */
  public boolean stop(long seconds) throws InterruptedException {
    return Ending.stop(process, seconds);
  }

  /**
   * SIGTERM to the process and everything it started, at once (a process started {@link #startInOwnGroup});
   * true when the process ended within {@code seconds}.
   */
  public boolean stopGroup(long seconds) throws InterruptedException {
    if (!ownGroup) {
      throw new IllegalStateException("the process was not started in a group of its own");
    }
    Signals.sendToGroup(process.pid(), "TERM");
    return process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Sends a signal by name ("STOP" freezes, "CONT" thaws, "HUP" ...) and waits for kill(1) to return. */
  public void signal(String name) {
    Signals.send(process, name);
  }

  /**
   * Kills a process still alive, after thawing it (a frozen process would not die until thawed on some systems),
   * and what is left of its group when it has one.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      signal("CONT");
      kill();
    }
    if (ownGroup) {
      Signals.sendToGroup(process.pid(), "KILL");
    }
  }
}

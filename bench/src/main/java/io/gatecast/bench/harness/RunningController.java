package io.gatecast.bench.harness;

import java.nio.file.Path;

/** A controller the benchmarks talk to: in its own JVM ({@link ControllerProcess}) or in this one (tests). */
public interface RunningController extends AutoCloseable {
  int httpPort();

  /** Where screens connect: the embedded broker, or the external one the controller uses. */
  String brokerHost();

  int brokerPort();

  Path dataDir();

  @Override
  void close();
}

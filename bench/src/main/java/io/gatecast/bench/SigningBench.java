package io.gatecast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.bench.harness.Args;
import io.gatecast.controller.signing.ControllerKeys;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Signer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The controller's signer alone: signs the payload of one signed envelope (by default the protocol's
 * example schedule) {@code --signatures} times a round, and prints the thread CPU per signature. A
 * publish signs one schedule per screen, so this is the part of a publish's CPU that grows with the
 * message. {@code bench/run SigningBench --rounds 8 --signatures 20000}; compare commits by running it
 * on each (the first rounds warm the JIT up).
 */
public final class SigningBench {
  private SigningBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("envelope", "protocol/src/test/resources/examples/signed-schedule.json",
        "signatures", "20000", "rounds", "8"));
    JsonNode payload = Codec.mapper().readTree(Files.readAllBytes(Path.of(args.get("envelope")))).get("payload");
    Path keys = Files.createTempDirectory("signing-bench-");
    Signer signer = ControllerKeys.loadOrCreate(keys).signer(); // the controller's own signer (Bouncy Castle)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int signatures = args.integer("signatures");
    for (int round = 0; round < args.integer("rounds"); round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < signatures; i++) {
        signer.signToBytes("schedule", payload, null);
      }
      double micros = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / signatures;
      System.out.printf("round %d: %.1f us of CPU per signature%n", round, micros);
    }
  }
}

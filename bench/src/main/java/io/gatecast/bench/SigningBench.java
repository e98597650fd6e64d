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
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Verifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The controller's signer alone: signs the payload of one signed envelope (by default the protocol's
 * example schedule) {@code --signatures} times a round, and prints the thread CPU per message. A
 * publish signs one schedule per screen, so this is the part of a publish's CPU that grows with the
 * message. With {@code --per-signature N} (the controller's publish uses 32) the messages are signed
 * N under one signature ({@code Signer.signBatch}); then the last round's envelopes are opened by the
 * agent's {@code Verifier} (the JDK's Ed25519, as on a kiosk) and the CPU per opened message printed.
 * {@code bench/run SigningBench --rounds 8 --signatures 20000 [--per-signature 32]}; compare commits by
 * running it on each (the first rounds warm the JIT up).
 */
public final class SigningBench {
  private SigningBench() {}

  public static void main(String[] raw) throws Exception {
    Args args = new Args(raw, Map.of("envelope", "protocol/src/test/resources/examples/signed-schedule.json",
        "signatures", "20000", "rounds", "8", "per-signature", "1", "opened", "2000"));
    JsonNode payload = Codec.mapper().readTree(Files.readAllBytes(Path.of(args.get("envelope")))).get("payload");
    Path keys = Files.createTempDirectory("signing-bench-");
    ControllerKeys controllerKeys = ControllerKeys.loadOrCreate(keys);
    Signer signer = controllerKeys.signer(); // the controller's own signer (Bouncy Castle)
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int signatures = args.integer("signatures");
    int perSignature = args.integer("per-signature");
    List<JsonNode> group = Collections.nCopies(perSignature, payload);
    List<byte[]> last = new ArrayList<>();
    for (int round = 0; round < args.integer("rounds"); round++) {
      last.clear();
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < signatures; i += perSignature) {
        if (perSignature == 1) {
          last.add(signer.signToBytes("schedule", payload, null));
        } else {
          signer.signBatch("schedule", group, null, List.of()).forEach(item -> last.add(item.envelope()));
        }
      }
      double micros = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / last.size();
      System.out.printf("round %d: %.1f us of CPU per message signed, %d under one signature, %d bytes each%n", round,
          micros, perSignature, last.get(last.size() - 1).length);
    }
    Verifier agent = new Verifier(new Freshness(Clock.systemUTC(), Duration.ZERO), List.of(controllerKeys.pinned()));
    int opened = Math.min(args.integer("opened"), last.size());
    long cpu0 = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < opened; i++) {
      agent.open(last.get(i), "schedule", JsonNode.class);
    }
    System.out.printf("opened %d with the agent's Verifier: %.1f us of CPU per message%n", opened,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / opened);
  }
}

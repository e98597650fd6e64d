package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: 100,000+ random and mutated payloads (mutations of the golden examples and of
 * signed envelopes) go through every decoder an agent or the controller exposes to the broker.
 * Only {@link ProtocolException} may come out; anything else fails the test with the payload as
 * base64 and the seed. The seed is new on every run, so each run explores other payloads, and
 * printed; -Dgatecast.fuzz.seed=N replays one (protocol sits below the test kit, so this test
 * draws its seed itself, as io.gatecast.testkit.FuzzSeed does for the others). Only a hang fails it
 * (one payload in the decoders for a minute), never slowness: the run takes minutes on a loaded machine.
 * Memory stays bounded because no payload is larger than the limit plus a little.
 */
// The integration tier (mvn verify) by its tag: protocol sits below the test kit and its @IntegrationTest.
@Tag("integration")
class DecoderFuzzTest {
  private static final int PAYLOADS = 100_000;
  private static final Duration HANG = Duration.ofSeconds(60);
  private static final List<Class<?>> TYPES = List.of(
      StatusMessage.class, ScheduleAck.class, ScheduleMessage.class, RejectionEvent.class, KeyRotation.class,
      Command.class, CommandResult.class, PlayBatch.class, PlayReceipt.class, AlertMessage.class, ClusterSchedule.class,
      Placement.class);

  /**
   * Fuzzers run side by side, each on its share of the payloads with a random of its own (the run's
   * seed plus its number, so a seed still replays the whole run): the test is CPU-bound, and every
   * other module's build waits for protocol's tests.
   */
  private static final int FUZZERS = 2;

  @Test
  void nothingButProtocolExceptionEscapesAnyDecoder() throws Exception {
    long seed = Long.getLong("gatecast.fuzz.seed", new SecureRandom().nextLong());
    System.out.println("DecoderFuzzTest seed=" + seed + " (rerun with -Dgatecast.fuzz.seed=" + seed + ")");
    Signer controller = new Signer("ctl-2026", Fixtures.privateKey("ctl-2026"));

    List<byte[]> seeds = new ArrayList<>();
    for (var file : Fixtures.exampleFiles()) {
      byte[] bytes = Fixtures.example(file.getFileName().toString());
      seeds.add(bytes);
      if (!file.getFileName().toString().startsWith("signed-")) {
        // The same example as a validly signed envelope, so mutations reach the checks behind the signature.
        seeds.add(controller.signToBytes(Signed.SCHEDULE, readTree(bytes), null));
      }
    }
    List<Fuzzer> fuzzers = new ArrayList<>();
    for (int number = 0; number < FUZZERS; number++) {
      fuzzers.add(new Fuzzer(seed, number, seeds));
    }
    runWatchingForAHang(fuzzers, seed);
    long accepted = fuzzers.stream().mapToLong(f -> f.accepted).sum();
    long refused = fuzzers.stream().mapToLong(f -> f.refused).sum();
    System.out.println("DecoderFuzzTest: " + PAYLOADS + " payloads, " + accepted + " decodes accepted, " + refused + " refused");
    assertThat(accepted + refused).isEqualTo((long) PAYLOADS * fuzzers.get(0).decoders.size());
  }

  /**
   * One fuzzer: payloads {@code number}, {@code number + FUZZERS}, ... through every decoder, with its
   * own random and its own agent's verifier (a key rotation one accepts changes no other's).
   */
  private static final class Fuzzer implements Runnable {
    final long seed;
    final int number;
    final Random random;
    final List<byte[]> seeds;
    final List<Consumer<byte[]>> decoders = new ArrayList<>();
    /** The payload in the decoders now (-1 before the first), watched for a hang. */
    final AtomicInteger current = new AtomicInteger(-1);
    long accepted;
    long refused;

    Fuzzer(long seed, int number, List<byte[]> seeds) {
      this.seed = seed;
      this.number = number;
      this.random = new Random(seed + number);
      this.seeds = seeds;
      Verifier agent = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-2026", Fixtures.publicKey("ctl-2026"));
      for (Class<?> type : TYPES) {
        decoders.add(p -> Codec.decode(p, type));
      }
      decoders.add(p -> agent.open(p, Signed.SCHEDULE, ScheduleMessage.class));
      decoders.add(agent::acceptRotation);
      decoders.add(p -> agent.open(p, Signed.COMMAND, Command.class));
      decoders.add(p -> agent.open(p, Signed.ALERT, AlertMessage.class));
      decoders.add(p -> EventKind.of(Codec.decode(p, com.fasterxml.jackson.databind.JsonNode.class)));
      decoders.add(Signed::typeOf); // the routing hint read before verifying: nothing may come out of it
    }

    @Override
    public void run() {
      for (int i = number; i < PAYLOADS; i += FUZZERS) {
        byte[] payload = i % 50 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
        current.set(i);
        for (Consumer<byte[]> decoder : decoders) {
          try {
            decoder.accept(payload);
            accepted++;
          } catch (ProtocolException expected) {
            refused++;
          } catch (Throwable unexpected) {
            fail("seed " + seed + ", payload " + i + " (base64): " + Base64.getEncoder().encodeToString(payload), unexpected);
          }
        }
      }
    }
  }

  /**
   * Runs the fuzzers on threads of their own and fails only if one payload stays in a fuzzer's
   * decoders for a whole {@link #HANG} (its payload number has not moved between two looks): a hang,
   * not slowness — the whole run takes minutes on a loaded machine, which is no failure.
   */
  private static void runWatchingForAHang(List<Fuzzer> fuzzers, long seed) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(fuzzers.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      fuzzers.forEach(fuzzer -> runs.add(threads.submit(fuzzer)));
      int[] seen = new int[fuzzers.size()];
      Arrays.fill(seen, -2);
      for (int waitingFor = 0; waitingFor < runs.size(); ) {
        try {
          runs.get(waitingFor).get(HANG.toSeconds(), TimeUnit.SECONDS);
          waitingFor++;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw e;
        } catch (TimeoutException stillRunning) {
          for (int f = 0; f < fuzzers.size(); f++) {
            int now = fuzzers.get(f).current.get();
            if (!runs.get(f).isDone() && now == seen[f]) {
              fail("seed " + seed + ": payload " + now + " has been in the decoders for over " + HANG.toSeconds() + " s");
            }
            seen[f] = now;
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] bytes) {
    try {
      return Codec.mapper().readTree(bytes);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(2000)];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] mutate(byte[] original, List<byte[]> seeds, Random random) {
    byte[] p = original.clone();
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      p = switch (random.nextInt(11)) {
        case 0 -> flipBits(p, random);
        case 1 -> p.length == 0 ? p : Arrays.copyOf(p, random.nextInt(p.length));
        case 2 -> duplicateSlice(p, random);
        case 3 -> insert(p, random, randomBytes(random).length > 0 ? Arrays.copyOf(randomBytes(random), 1 + random.nextInt(16)) : new byte[] {0});
        case 4 -> insert(p, random, deep(random));
        case 5 -> insert(p, random, ("\"" + "ẞ水".repeat(size(random)) + "\"").getBytes(StandardCharsets.UTF_8));
        case 6 -> insert(p, random, token(random).getBytes(StandardCharsets.UTF_8));
        case 7 -> replaceValue(p, random);
        case 8 -> splice(p, seeds.get(random.nextInt(seeds.size())), random);
        case 9 -> insert(p, random, ("[" + "0,".repeat(size(random)) + "0]").getBytes(StandardCharsets.UTF_8));
        default -> setByte(p, random);
      };
      if (p.length > Limits.MAX_MESSAGE_BYTES + 16) {
        p = Arrays.copyOf(p, Limits.MAX_MESSAGE_BYTES + 1 + random.nextInt(16));
      }
    }
    return p;
  }

  private static byte[] flipBits(byte[] p, Random random) {
    if (p.length == 0) {
      return p;
    }
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips; i++) {
      p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return p;
  }

  private static byte[] setByte(byte[] p, Random random) {
    if (p.length == 0) {
      return p;
    }
    byte[] interesting = {'{', '}', '[', ']', '"', '\\', ',', ':', '0', '-', 'e', '.', 'n', 't', 0, (byte) 0xff, (byte) 0xc3, (byte) 0xed};
    p[random.nextInt(p.length)] = interesting[random.nextInt(interesting.length)];
    return p;
  }

  private static byte[] duplicateSlice(byte[] p, Random random) {
    if (p.length == 0) {
      return p;
    }
    int from = random.nextInt(p.length);
    int to = from + random.nextInt(p.length - from + 1);
    return insert(p, random, Arrays.copyOfRange(p, from, to));
  }

  private static byte[] insert(byte[] p, Random random, byte[] piece) {
    int at = p.length == 0 ? 0 : random.nextInt(p.length + 1);
    byte[] out = new byte[p.length + piece.length];
    System.arraycopy(p, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(p, at, out, at + piece.length, p.length - at);
    return out;
  }

  private static byte[] splice(byte[] a, byte[] b, Random random) {
    int cutA = a.length == 0 ? 0 : random.nextInt(a.length);
    int cutB = b.length == 0 ? 0 : random.nextInt(b.length);
    byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
    System.arraycopy(b, cutB, out, cutA, b.length - cutB);
    return out;
  }

  /** Mostly small, sometimes up to the limit: large inputs are what limits are for, but they are slow to make. */
  private static int size(Random random) {
    return random.nextInt(20) == 0 ? random.nextInt(60_000) : random.nextInt(300);
  }

  private static byte[] deep(Random random) {
    int depth = random.nextInt(5000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    return (open.repeat(depth) + (random.nextBoolean() ? "1" : "")).getBytes(StandardCharsets.UTF_8);
  }

  private static String token(Random random) {
    String[] tokens = {"null", "true", "-0", "1e999", "-1", "0.5", "9".repeat(2000), "\"\\ud800\"", "\"\\u0000\"",
        "{}", "[]", "\"signature\":null", "\"expiresAt\":\"not-a-date\"", "\"keyId\":\"../../etc\"", "NaN", "\"" + "\\u00e9".repeat(500) + "\"",
        "\"header\":{\"protocolVersion\":0}", "\"version\":-9223372036854775808", "\"state\":\"ONLINE \""};
    return tokens[random.nextInt(tokens.length)];
  }

  /** Replaces the first number or string found after a random position with a hostile value. */
  private static byte[] replaceValue(byte[] p, Random random) {
    String s = new String(p, StandardCharsets.ISO_8859_1);
    int from = s.isEmpty() ? 0 : random.nextInt(s.length());
    int colon = s.indexOf(':', from);
    if (colon < 0) {
      return p;
    }
    int end = colon + 1;
    while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
      end++;
    }
    String replaced = s.substring(0, colon + 1) + token(random) + s.substring(end);
    return replaced.getBytes(StandardCharsets.ISO_8859_1);
  }
}

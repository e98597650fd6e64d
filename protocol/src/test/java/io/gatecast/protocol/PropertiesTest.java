package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Property-based tests (QuickTheories). Each property runs a few hundred generated cases with a fixed seed. */
class PropertiesTest {
  private static final long SEED = 20260315L;
  private static final KeyPair KEY = Keys.generate();
  private static final Signer SIGNER = new Signer("ctl-p", KEY.getPrivate());
  private static final Verifier AGENT = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-p", KEY.getPublic());
  private static final List<String> PUBLIC_KEYS = List.of(
      Keys.encodePublic(Keys.generate().getPublic()), Keys.encodePublic(Keys.generate().getPublic()));

  private static Gen<String> ids() {
    Gen<String> first = strings().betweenCodePoints('a', 'z').ofLength(1);
    Gen<String> rest = strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 40)
        .map(s -> s.replaceAll("[^A-Za-z0-9_.-]", "x"));
    return first.zip(rest, String::concat);
  }

  private static Gen<String> texts() {
    Gen<String> bmp = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 200);
    Gen<String> astral = strings().betweenCodePoints(0x1F300, 0x1F64F).ofLengthBetween(1, 20);
    return bmp.mix(astral).assuming(s -> !s.isBlank() && s.length() <= Limits.MAX_TEXT_LENGTH);
  }

  private static Gen<Instant> instants() {
    return longs().between(0, 4_102_444_800L).zip(integers().between(0, 999_999_999), Instant::ofEpochSecond);
  }

  private static Gen<Header> headers() {
    return integers().between(1, 5).zip(ids(), instants(), Header::new);
  }

  @Test
  void everyGeneratedMessageSurvivesEncodeAndDecode() {
    Gen<StatusMessage> statuses = headers().zip(ids(), arbitrary().enumValues(ScreenState.class), longs().between(1, Long.MAX_VALUE),
        (h, id, state, v) -> new StatusMessage(h, id, state, v % 3 == 0 ? null : v, v % 2 == 0 ? id : null, v % 5 == 0 ? null : 1 + v % 3600));
    Gen<ScheduleAck> acks = headers().zip(ids(), longs().between(1, Long.MAX_VALUE), texts(),
        (h, id, v, error) -> v % 2 == 0
            ? new ScheduleAck(h, id, v, ScheduleAck.Outcome.APPLIED, null)
            : new ScheduleAck(h, id, v, ScheduleAck.Outcome.FAILED, error));
    Gen<RejectionEvent> rejections = headers().zip(ids(), arbitrary().enumValues(Rejection.class), texts(),
        (h, id, reason, detail) -> new RejectionEvent(h, id, Topics.schedule(id), reason, detail, h.messageId()));
    Gen<KeyRotation> rotations = headers().zip(ids(), arbitrary().pick(PUBLIC_KEYS), instants(), KeyRotation::new);
    Gen<StatusMessage> healthy = headers().zip(ids(), longs().between(0, Long.MAX_VALUE), instants(),
        (h, id, n, at) -> new StatusMessage(h, id, ScreenState.ONLINE, 1 + n % 1000, id, 30L,
            new ScreenHealth(n % 2 == 0 ? "vi" : "km", ScreenHealth.Display.values()[(int) (n % 3)], n % 3 == 1 ? "browser exited" : null,
                n, n / 2, n % 86_400, -n % 5_000, "0.1." + n % 10, n % 4 == 0 ? null : at)));
    Gen<Command> commands = headers().zip(ids(), longs().between(1, Long.MAX_VALUE), arbitrary().enumValues(Command.Kind.class),
        (h, id, seq, kind) -> new Command(h, id, seq, kind, kind == Command.Kind.IDENTIFY ? (int) (1 + seq % 600) : null));
    Gen<CommandResult> results = headers().zip(ids(), longs().between(1, Long.MAX_VALUE), texts(),
        (h, id, seq, detail) -> seq % 2 == 0
            ? new CommandResult(h, id, seq, Command.Kind.SCREENSHOT, CommandResult.Outcome.DONE, null, "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef")
            : new CommandResult(h, id, seq, Command.Kind.RELOAD, CommandResult.Outcome.FAILED, detail, null));
    Gen<PlayBatch> batches = headers().zip(ids(), integers().between(0, 40), instants(),
        (h, id, n, at) -> new PlayBatch(h, id, java.util.stream.IntStream.range(0, n)
            .mapToObj(i -> new PlayBatch.Play(id + "-" + i, id, i % 2 == 0 ? null : "c-" + i, i % 3 == 0 ? "lo" : "zh-Hant",
                at.plusSeconds(10L * i), at.plusSeconds(10L * i + 10)))
            .toList(), n % 2 == 0 ? Boolean.TRUE : null));
    Gen<PlayReceipt> receipts = headers().zip(ids(), ids(), PlayReceipt::new);
    Gen<AlertMessage> alerts = headers().zip(ids(), longs().between(1, Long.MAX_VALUE), texts(),
        (h, cluster, version, text) -> new AlertMessage(h, cluster, version, version % 3 == 0 ? List.of()
            : List.of(new io.gatecast.protocol.rules.AlertSpec("a-" + version % 100, cluster, h.sentAt(),
                version % 2 == 0 ? null : h.sentAt().plusSeconds(3600), java.util.Map.of("vi", text, "km", text)))));
    qt().withFixedSeed(SEED).withExamples(300).forAll(statuses).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(healthy).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(commands).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(results).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(batches).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(alerts).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(acks).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(rejections).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(rotations).checkAssert(PropertiesTest::roundTrips);
    qt().withFixedSeed(SEED).withExamples(300).forAll(receipts).checkAssert(PropertiesTest::roundTrips);
  }

  private static void roundTrips(Object message) {
    assertThat(Codec.decode(Codec.encode(message), message.getClass())).isEqualTo(message);
  }

  @Test
  void canonicalBytesIgnoreKeyOrderWhitespaceAndEscapes() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(longs().all(), longs().all()).checkAssert((treeSeed, spellingSeed) -> {
      JsonNode tree = RandomJson.tree(treeSeed);
      byte[] canonical = Canonical.bytes(tree);
      String respelled = RandomJson.respell(tree, new Random(spellingSeed));
      JsonNode reparsed = read(respelled.getBytes(StandardCharsets.UTF_8));
      assertThat(Canonical.bytes(reparsed)).as(respelled).isEqualTo(canonical);
      assertThat(Canonical.bytes(read(canonical))).as("idempotent").isEqualTo(canonical);
    });
  }

  @Test
  void canonicalSortsKeysAndDropsWhitespace() {
    JsonNode node = read("{ \"b\" : [ 1 , {\"z\":true, \"a\":null} ], \"a\" : \"\\u00e9\" }".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(Canonical.bytes(node), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\",\"b\":[1,{\"a\":null,\"z\":true}]}");
    assertThatThrownBy(() -> Canonical.bytes(read("{\"a\":1e999}".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("not finite");
  }

  @Test
  void signThenVerifyAlwaysSucceedsAndEverySingleByteMutationOfTheSignedBytesFails() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(longs().all(), integers().allPositive(), integers().between(1, 255))
        .checkAssert((treeSeed, position, flip) -> {
          byte[] canonical = Canonical.bytes(RandomJson.tree(treeSeed));
          byte[] signature = SIGNER.signBytes(canonical);
          assertThat(Verifier.verifies(KEY.getPublic(), canonical, signature)).isTrue();
          byte[] mutated = canonical.clone();
          mutated[position % mutated.length] ^= (byte) (int) flip;
          assertThat(Verifier.verifies(KEY.getPublic(), mutated, signature)).isFalse();
        });
  }

  @Test
  void anEnvelopeWithAnySingleByteChangedIsRefusedOrMeansExactlyWhatWasSigned() {
    qt().withFixedSeed(SEED).withExamples(300)
        .forAll(longs().all(), integers().allPositive(), integers().between(1, 255))
        .checkAssert((treeSeed, position, flip) -> {
          JsonNode payload = RandomJson.tree(treeSeed);
          byte[] envelope = SIGNER.signToBytes("test", payload, null);
          assertThat(AGENT.open(envelope, "test", JsonNode.class).message()).isEqualTo(read(Canonical.bytes(payload)));
          byte[] mutated = envelope.clone();
          mutated[position % mutated.length] ^= (byte) (int) flip;
          try {
            Verified<JsonNode> opened = AGENT.open(mutated, "test", JsonNode.class);
            // Only a respelling of the same value may pass (e.g. 1.0E10 written as 1.0e10).
            assertThat(Canonical.bytes(opened.message())).as(new String(mutated, StandardCharsets.UTF_8)).isEqualTo(Canonical.bytes(payload));
          } catch (RejectedException expected) {
            // refused: fine
          }
        });
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return Codec.mapper().readTree(bytes);
    } catch (java.io.IOException e) {
      throw new AssertionError(new String(bytes, StandardCharsets.UTF_8), e);
    }
  }

  @SuppressWarnings("unused")
  private static boolean same(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }
}

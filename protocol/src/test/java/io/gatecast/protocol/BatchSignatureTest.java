package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One signature over a batch of envelopes ({@link BatchProof}): every envelope of the batch opens
 * on its own to its own message, and anything changed in one — its payload, its proof, the proof of
 * another screen's envelope, the signature alone — is refused as a bad signature.
 */
class BatchSignatureTest {
  private final KeyPair controller = Keys.generate();
  private final Signer signer = new Signer("ctl-1", controller.getPrivate());
  private final Verifier agent = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-1", controller.getPublic());

  private static StatusMessage message(int i) {
    return new StatusMessage(Fixtures.header("m-" + i), "screen-" + i, ScreenState.ONLINE, i + 1L, null, 30L);
  }

  private static List<StatusMessage> messages(int count) {
    return IntStream.range(0, count).mapToObj(BatchSignatureTest::message).toList();
  }

  private List<byte[]> signed(int count) {
    return signer.signBatch("status", messages(count), null, List.of()).stream().map(Signer.BatchItem::envelope).toList();
  }

  private StatusMessage open(byte[] envelope) {
    return agent.open(envelope, "status", StatusMessage.class).message();
  }

  private Rejection reasonFor(ObjectNode envelope) {
    return catchThrowableOfType(RejectedException.class, () -> open(Codec.encode(envelope))).reason();
  }

  private static ObjectNode tree(byte[] envelope) {
    return (ObjectNode) Codec.decode(envelope, com.fasterxml.jackson.databind.JsonNode.class);
  }

  @Test
  void everyEnvelopeOfABatchOfAnySizeOpensToItsOwnMessage() {
    for (int count : new int[] {1, 2, 3, 5, 8, 33}) {
      List<byte[]> envelopes = signed(count);
      for (int i = 0; i < count; i++) {
        assertThat(open(envelopes.get(i))).as("envelope %d of %d", i, count).isEqualTo(message(i));
      }
      // One signature for the whole batch; a batch of one is signed on its own, with no proof.
      assertThat(envelopes.stream().map(e -> tree(e).get("signature").asText()).distinct()).hasSize(1);
      assertThat(tree(envelopes.get(0)).has(BatchProof.MEMBER)).isEqualTo(count > 1);
    }
  }

  @Test
  void aChangedPayloadDoesNotOpen() {
    ObjectNode envelope = tree(signed(5).get(2));
    ((ObjectNode) envelope.get("payload")).put("screenId", "screen-4");
    assertThat(reasonFor(envelope)).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void aProofDoesNotCarryOverToAnotherEnvelope() {
    List<byte[]> envelopes = signed(5);
    ObjectNode third = tree(envelopes.get(2));
    third.set(BatchProof.MEMBER, tree(envelopes.get(3)).get(BatchProof.MEMBER));
    assertThat(reasonFor(third)).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void theBatchSignatureAloneOpensNothing() {
    ObjectNode withoutProof = tree(signed(4).get(1));
    withoutProof.remove(BatchProof.MEMBER);
    assertThat(reasonFor(withoutProof)).isEqualTo(Rejection.BAD_SIGNATURE);
    // and a single signature does not become a batch one by adding a proof
    ObjectNode single = tree(signer.signToBytes("status", message(1), null));
    single.set(BatchProof.MEMBER, tree(signed(2).get(1)).get(BatchProof.MEMBER));
    assertThat(reasonFor(single)).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void aProofHasOneSpelling() {
    ObjectNode envelope = tree(signed(3).get(1));
    ObjectNode proof = (ObjectNode) envelope.get(BatchProof.MEMBER);
    assertThat(open(Codec.encode(envelope))).isEqualTo(message(1));
    String siblings = proof.get("siblings").asText();

    assertThat(reasonFor(with(envelope, proof.deepCopy().put("index", 0)))).as("another index").isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("index", 5)))).as("beyond the tree").isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("index", -1)))).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("index", 1.0)))).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("index", "1")))).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("siblings", siblings.replace("=", "")))))
        .as("unpadded base64").isEqualTo(Rejection.BAD_SIGNATURE);
    byte[] shorter = Base64.getDecoder().decode(siblings);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("siblings",
        Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(shorter, shorter.length - 1))))))
        .as("not whole hashes").isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(with(envelope, proof.deepCopy().put("extra", 1)))).isEqualTo(Rejection.BAD_SIGNATURE);
    ObjectNode nullProof = envelope.deepCopy();
    nullProof.putNull(BatchProof.MEMBER);
    assertThat(reasonFor(nullProof)).isEqualTo(Rejection.BAD_SIGNATURE);
    ObjectNode tooDeep = proof.deepCopy().put("siblings", Base64.getEncoder().encodeToString(new byte[32 * 17]));
    assertThat(reasonFor(with(envelope, tooDeep))).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  private static ObjectNode with(ObjectNode envelope, ObjectNode proof) {
    ObjectNode copy = envelope.deepCopy();
    copy.set(BatchProof.MEMBER, proof);
    return copy;
  }

  @Test
  void aMessageThatCannotBeSignedFailsAloneAndTheRestOpen() {
    ObjectNode tooLarge = Codec.mapper().createObjectNode().put("text", "x".repeat(Limits.MAX_MESSAGE_BYTES));
    List<Object> batch = new ArrayList<>(messages(3));
    batch.add(1, tooLarge);
    List<Signer.BatchItem> items = signer.signBatch("status", batch, null, List.of());
    assertThat(items.get(1).envelope()).isNull();
    assertThat(items.get(1).failure()).hasMessageContaining("limit");
    assertThat(open(items.get(0).envelope())).isEqualTo(message(0));
    assertThat(open(items.get(2).envelope())).isEqualTo(message(1));
    assertThat(open(items.get(3).envelope())).isEqualTo(message(2));
  }

  @Test
  void aBatchCarriesKeyRotationsToAScreenThatMissedThem() {
    KeyPair next = Keys.generate();
    byte[] announcement = signer.signToBytes(Signed.KEY_ROTATION, new KeyRotation(Fixtures.header("rot-1"), "ctl-2",
        Keys.encodePublic(next.getPublic()), Fixtures.NOW.plus(Duration.ofDays(1))), null);
    Signer nextSigner = new Signer("ctl-2", next.getPrivate());
    List<Signer.BatchItem> items = nextSigner.signBatch("status", messages(3), null, List.of(tree(announcement)));
    byte[] second = items.get(1).envelope();
    Verifier learned = agent.withCarriedRotations(second);
    assertThat(learned.open(second, "status", StatusMessage.class).message()).isEqualTo(message(1));
  }
}

package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The story of one agent and its controller: what it accepts, and every way a message it must
 * not show is refused with its reason. Key rotations and status messages stand in for signed
 * controller messages here because their shape is settled; the schedule's is covered by ExamplesTest.
 */
class SignatureTest {
  private final KeyPair controller = Keys.generate();
  private final Signer signer = new Signer("ctl-1", controller.getPrivate());
  private final Freshness freshness = Fixtures.freshness(Fixtures.NOW);
  private final Verifier agent = Verifier.pinning(freshness, "ctl-1", controller.getPublic());

  private static KeyRotation rotationTo(String keyId, KeyPair next) {
    return new KeyRotation(Fixtures.header("rot-" + keyId), keyId, Keys.encodePublic(next.getPublic()), Fixtures.NOW.plus(Duration.ofDays(1)));
  }

  private static StatusMessage aMessage() {
    return new StatusMessage(Fixtures.header("m-1"), "lc-hall-1", ScreenState.ONLINE, 7L, null, 30L);
  }

  private Rejection reasonFor(byte[] envelope) {
    return catchThrowableOfType(RejectedException.class, () -> agent.open(envelope, "status", StatusMessage.class)).reason();
  }

  @Test
  void aSignedMessageOpensToTheSameMessage() {
    Verified<StatusMessage> v = agent.open(signer.signToBytes("status", aMessage(), null), "status", StatusMessage.class);
    assertThat(v.message()).isEqualTo(aMessage());
    assertThat(v.keyId()).isEqualTo("ctl-1");
    assertThat(v.expiresAt()).isNull();
  }

  @Test
  void anEnvelopesTypeIsReadBeforeVerifyingAndOnlyAsAHint() {
    byte[] signed = signer.signToBytes("status", aMessage(), null);
    assertThat(Signed.typeOf(signed)).isEqualTo("status");
    // A hint chooses how to open a message; it proves nothing: a forged envelope says what it likes.
    byte[] forged = new String(signed, StandardCharsets.UTF_8).replace("lc-hall-1", "lc-hall-2")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Signed.typeOf(forged)).isEqualTo("status");
    assertThat(reasonFor(forged)).isEqualTo(Rejection.BAD_SIGNATURE);
    // Bytes that are no readable envelope have no type; the verifier says what is wrong with them.
    assertThat(Signed.typeOf(null)).isNull();
    assertThat(Signed.typeOf(new byte[0])).isNull();
    assertThat(Signed.typeOf("{\"type\":".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Signed.typeOf("[\"status\"]".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(Signed.typeOf("{\"type\":7}".getBytes(StandardCharsets.UTF_8))).isNull();
    byte[] oversized = ("{\"type\":\"status\",\"pad\":\"" + "x".repeat(Limits.MAX_MESSAGE_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Signed.typeOf(oversized)).isNull();
  }

  @Test
  void signaturesSurviveReformattingAndReordering() throws Exception {
    ObjectNode env = (ObjectNode) Codec.mapper().readTree(signer.signToBytes("status", aMessage(), null));
    ObjectNode reordered = Codec.mapper().createObjectNode();
    reordered.set("signature", env.get("signature"));
    reordered.set("payload", env.get("payload"));
    reordered.set("keyId", env.get("keyId"));
    reordered.set("type", env.get("type"));
    byte[] pretty = Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered);
    assertThat(agent.open(pretty, "status", StatusMessage.class).message()).isEqualTo(aMessage());
  }

  @Test
  void aMessageWhoseNumbersWouldNotReadBackIsNotSigned() {
    // An integer of 1,001 digits is written in full, but no agent's parser reads it back (Jackson's
    // limit on a number's digits): the signer's round trip, which runs for such numbers, refuses it.
    ObjectNode payload = Codec.mapper().createObjectNode();
    payload.put("count", new java.math.BigInteger("9".repeat(1001)));
    assertThatThrownBy(() -> signer.signToBytes("status", payload, null))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("does not parse back");
    // Fractional and long-sized numbers that do read back are signed, and open to the same values.
    ObjectNode fine = Codec.mapper().createObjectNode();
    fine.put("ratio", 0.1).put("big", Long.MAX_VALUE).put("small", -3);
    assertThat(Verifier.pinning(freshness, "ctl-1", controller.getPublic())
        .open(signer.signToBytes("status", fine, null), "status", ObjectNode.class).message()).isEqualTo(fine);
  }

  @Test
  void anUnsignedMessageIsRefused() {
    assertThat(reasonFor(Codec.encode(aMessage()))).isEqualTo(Rejection.UNSIGNED);
    String nullSignature = new String(signer.signToBytes("status", aMessage(), null), StandardCharsets.UTF_8)
        .replaceFirst("\"signature\":\"[^\"]*\"", "\"signature\":null");
    assertThat(reasonFor(nullSignature.getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.UNSIGNED);
  }

  @Test
  void aTamperedPayloadIsRefused() {
    String tampered = new String(signer.signToBytes("status", aMessage(), null), StandardCharsets.UTF_8)
        .replace("\"appliedVersion\":7", "\"appliedVersion\":8");
    RejectedException e = catchThrowableOfType(RejectedException.class,
        () -> agent.open(tampered.getBytes(StandardCharsets.UTF_8), "status", StatusMessage.class));
    assertThat(e.reason()).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(e.messageId()).as("the id is reported as a hint").isEqualTo("m-1");
  }

  @Test
  void aStrippedOrExtendedExpiryIsTampering() {
    String signed = new String(signer.signToBytes("status", aMessage(), Fixtures.NOW.plusSeconds(600)), StandardCharsets.UTF_8);
    String stripped = signed.replaceFirst("\"expiresAt\":\"[^\"]*\",", "");
    String extended = signed.replace(Fixtures.NOW.plusSeconds(600).toString(), "2099-01-01T00:00:00Z");
    assertThat(stripped).isNotEqualTo(signed);
    assertThat(reasonFor(stripped.getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(reasonFor(extended.getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void aMessageSignedWithAnotherKeyUnderThePinnedIdIsRefused() {
    Signer impostor = new Signer("ctl-1", Keys.generate().getPrivate());
    assertThat(reasonFor(impostor.signToBytes("status", aMessage(), null))).isEqualTo(Rejection.BAD_SIGNATURE);
  }

  @Test
  void aMessageSignedWithAnUnknownKeyIdIsRefused() {
    Signer stranger = new Signer("ctl-stranger", Keys.generate().getPrivate());
    assertThat(reasonFor(stranger.signToBytes("status", aMessage(), null))).isEqualTo(Rejection.UNKNOWN_KEY);
  }

  @Test
  void aSignatureSpelledDifferentlyIsRefused() {
    Signed s = signer.sign("status", aMessage(), null);
    byte[] raw = Base64.getDecoder().decode(s.signature());
    String unpadded = Base64.getEncoder().withoutPadding().encodeToString(raw);
    String short1 = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 63));
    for (String sig : new String[] {unpadded, short1, "not base64!", ""}) {
      ObjectNode env = s.content();
      env.put("signature", sig);
      assertThat(reasonFor(Codec.encode(env))).as(sig).isEqualTo(Rejection.BAD_SIGNATURE);
    }
  }

  @Test
  void anExpiredMessageIsRefusedAndTheSkewIsAllowed() {
    byte[] expired = signer.signToBytes("status", aMessage(), Fixtures.NOW.minus(Duration.ofMinutes(3)));
    assertThat(reasonFor(expired)).isEqualTo(Rejection.EXPIRED);
    byte[] withinSkew = signer.signToBytes("status", aMessage(), Fixtures.NOW.minus(Duration.ofMinutes(1)));
    assertThat(agent.open(withinSkew, "status", StatusMessage.class).expiresAt()).isEqualTo(Fixtures.NOW.minus(Duration.ofMinutes(1)));
  }

  @Test
  void aReplayedOrOlderVersionIsRefused() {
    assertThatThrownBy(() -> Freshness.requireNewer(7L, 7L))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.REPLAYED_OR_OLDER));
    assertThatThrownBy(() -> freshness.check(7L, 6L, null))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.REPLAYED_OR_OLDER));
    freshness.check(7L, 8L, Fixtures.NOW.plusSeconds(1));
    freshness.check(null, 1L, null);
  }

  @Test
  void aMessageForAnotherScreenIsRefused() {
    assertThatThrownBy(() -> Freshness.requireScreen("lc-hall-1", "lc-hall-2"))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.WRONG_SCREEN));
  }

  @Test
  void aGenuineMessageOfAnotherTypeIsRefused() {
    assertThat(reasonFor(signer.signToBytes("key-rotation", aMessage(), null))).isEqualTo(Rejection.MALFORMED);
  }

  @Test
  void oversizedMalformedAndDuplicatedEnvelopesAreRefused() {
    assertThat(reasonFor(new byte[Limits.MAX_MESSAGE_BYTES + 1])).isEqualTo(Rejection.TOO_LARGE);
    assertThat(reasonFor("[1,2]".getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.MALFORMED);
    assertThat(reasonFor("{} {}".getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.MALFORMED);
    assertThat(reasonFor(" ".getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.MALFORMED);
    String signed = new String(signer.signToBytes("status", aMessage(), null), StandardCharsets.UTF_8);
    String duplicated = signed.replaceFirst("\\{", "{\"keyId\":\"ctl-stranger\",");
    assertThat(reasonFor(duplicated.getBytes(StandardCharsets.UTF_8))).isEqualTo(Rejection.MALFORMED);
  }

  @Test
  void aSignedButInvalidPayloadIsMalformed() {
    ObjectNode content = Signed.content("status", "ctl-1", null, Codec.mapper().createObjectNode().put("screenId", "x"));
    content.put("signature", Base64.getEncoder().encodeToString(signer.signBytes(Canonical.bytes(content))));
    RejectedException e = catchThrowableOfType(RejectedException.class, () -> agent.open(Codec.encode(content), "status", StatusMessage.class));
    assertThat(e.reason()).isEqualTo(Rejection.MALFORMED);
    assertThat(e.detail()).contains("header is required");
  }

  @Test
  void aRotationSignedByThePinnedKeyIsAcceptedAndTheOldKeyRetiresAtValidFrom() {
    KeyPair next = Keys.generate();
    Verifier rotated = agent.acceptRotation(signer.signToBytes(Signed.KEY_ROTATION, rotationTo("ctl-2", next), null));
    Signer nextSigner = new Signer("ctl-2", next.getPrivate());

    assertThat(rotated.open(nextSigner.signToBytes("status", aMessage(), null), "status", StatusMessage.class).keyId()).isEqualTo("ctl-2");
    assertThat(rotated.open(signer.signToBytes("status", aMessage(), null), "status", StatusMessage.class).keyId())
        .as("the old key signs until validFrom").isEqualTo("ctl-1");
    assertThat(reasonFor(nextSigner.signToBytes("status", aMessage(), null))).as("the original verifier is unchanged").isEqualTo(Rejection.UNKNOWN_KEY);

    Verifier dayAfter = new Verifier(Fixtures.freshness(Fixtures.NOW.plus(Duration.ofDays(2))), rotated.pinnedKeys());
    assertThatThrownBy(() -> dayAfter.open(signer.signToBytes("status", aMessage(), null), "status", StatusMessage.class))
        .isInstanceOfSatisfying(RejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Rejection.UNKNOWN_KEY);
          assertThat(e.detail()).contains("retired");
        });
    assertThat(dayAfter.open(nextSigner.signToBytes("status", aMessage(), null), "status", StatusMessage.class).keyId()).isEqualTo("ctl-2");
  }

  @Test
  void aRotationSignedByAStrangerIsRefused() {
    Signer stranger = new Signer("ctl-stranger", Keys.generate().getPrivate());
    Signer impostor = new Signer("ctl-1", Keys.generate().getPrivate());
    KeyRotation rotation = rotationTo("ctl-evil", Keys.generate());
    assertThatThrownBy(() -> agent.acceptRotation(stranger.signToBytes(Signed.KEY_ROTATION, rotation, null)))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.UNKNOWN_KEY));
    assertThatThrownBy(() -> agent.acceptRotation(impostor.signToBytes(Signed.KEY_ROTATION, rotation, null)))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.BAD_SIGNATURE));
    assertThatThrownBy(() -> agent.acceptRotation(Codec.encode(rotation)))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.UNSIGNED));
  }

  @Test
  void aReplayedRotationIsRefused() {
    byte[] rotation = signer.signToBytes(Signed.KEY_ROTATION, rotationTo("ctl-2", Keys.generate()), null);
    Verifier rotated = agent.acceptRotation(rotation);
    assertThatThrownBy(() -> rotated.acceptRotation(rotation))
        .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.REPLAYED_OR_OLDER));
  }

  @Test
  void theGoldenRotationExampleVerifiesWithTheExampleKey() {
    Verifier example = Verifier.pinning(Fixtures.freshness(Instant.parse("2026-12-15T00:00:00Z")), "ctl-2026", Fixtures.publicKey("ctl-2026"));
    Verifier rotated = example.acceptRotation(Fixtures.example("signed-key-rotation.json"));
    assertThat(rotated.pinnedKeys()).extracting(PinnedKey::keyId).containsExactlyInAnyOrder("ctl-2026", "ctl-2027");
    assertThat(example.acceptRotation(Fixtures.example("signed-key-rotation-from-a-newer-controller.json")).pinnedKeys()).hasSize(2);
  }

  @Test
  void keysRoundTripThroughTheirEncodings() {
    KeyPair pair = Keys.generate();
    assertThat(Keys.decodePublic(Keys.encodePublic(pair.getPublic()))).isEqualTo(pair.getPublic());
    assertThat(Keys.publicFromRaw(Keys.rawPublic(pair.getPublic()))).isEqualTo(pair.getPublic());
    assertThat(Keys.rawPublic(pair.getPublic())).hasSize(32);
    assertThat(Keys.decodePrivate(Keys.encodePrivate(pair.getPrivate())).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    assertThat(Keys.fingerprint(pair.getPublic())).matches("ed25519-[0-9a-f]{16}");
    assertThatThrownBy(() -> Keys.decodePublic("AAAA")).isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> Keys.decodePublic("%%%")).isInstanceOf(ProtocolException.class);
  }

  @Test
  void aRejectionBecomesAnEventThatFitsTheLimits() {
    RejectedException e = new RejectedException(Rejection.BAD_SIGNATURE, "x".repeat(5000), "m-9", null);
    RejectionEvent event = RejectionEvent.of(Fixtures.header("ev-1"), "lc-hall-1", "t".repeat(1000), e);
    assertThat(event.reason()).isEqualTo(Rejection.BAD_SIGNATURE);
    assertThat(event.detail()).hasSizeLessThanOrEqualTo(Limits.MAX_DETAIL_LENGTH);
    assertThat(event.topic()).hasSizeLessThanOrEqualTo(Limits.MAX_TOPIC_LENGTH);
    assertThat(event.messageId()).isEqualTo("m-9");
    assertThat(new String(Codec.encode(event), StandardCharsets.UTF_8)).contains("\"event\":\"rejection\"");
    assertThat(RejectionEvent.of(Fixtures.header("ev-2"), "lc-hall-1", "t", new ProtocolException("bad")).reason()).isEqualTo(Rejection.MALFORMED);
  }

  @Test
  void aScreenThatMissedTheAnnouncementLearnsTheKeyFromTheRotationTheMessageCarries() {
    KeyPair next = Keys.generate();
    Signer nextSigner = new Signer("ctl-2", next.getPrivate());
    ObjectNode rotation = signer.sign(Signed.KEY_ROTATION, rotationTo("ctl-2", next), null).tree();
    byte[] schedule = nextSigner.signToBytes("status", aMessage(), null, List.of(rotation));

    assertThat(reasonFor(schedule)).as("without the carried rotation the key is unknown").isEqualTo(Rejection.UNKNOWN_KEY);
    Verifier caughtUp = agent.withCarriedRotations(schedule);
    assertThat(caughtUp.open(schedule, "status", StatusMessage.class).keyId()).isEqualTo("ctl-2");
    assertThat(caughtUp.pinnedKeys()).extracting(PinnedKey::keyId, PinnedKey::retiredAt)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ctl-1", Fixtures.NOW.plus(Duration.ofDays(1))),
            org.assertj.core.groups.Tuple.tuple("ctl-2", null));
    assertThat(caughtUp.withCarriedRotations(schedule)).as("already known: nothing changes").isSameAs(caughtUp);
    assertThat(caughtUp.pins(rotationTo("ctl-2", next))).isTrue();
    assertThat(caughtUp.pins(rotationTo("ctl-2", Keys.generate()))).as("same id, other key").isFalse();
  }

  @Test
  void aChainOfCarriedRotationsIsFollowedInOrderEvenLongAfterValidFrom() {
    KeyPair second = Keys.generate();
    KeyPair third = Keys.generate();
    Signer secondSigner = new Signer("ctl-2", second.getPrivate());
    Signer thirdSigner = new Signer("ctl-3", third.getPrivate());
    List<ObjectNode> chain = List.of(signer.sign(Signed.KEY_ROTATION, rotationTo("ctl-2", second), null).tree(),
        secondSigner.sign(Signed.KEY_ROTATION, rotationTo("ctl-3", third), null).tree());
    byte[] message = thirdSigner.signToBytes("status", aMessage(), null, chain);

    Verifier monthLater = new Verifier(Fixtures.freshness(Fixtures.NOW.plus(Duration.ofDays(30))), agent.pinnedKeys());
    Verifier caughtUp = monthLater.withCarriedRotations(message);
    assertThat(caughtUp.open(message, "status", StatusMessage.class).keyId()).isEqualTo("ctl-3");
    assertThat(reasonFor(caughtUp, signer.signToBytes("status", aMessage(), null))).as("ctl-1 retired").isEqualTo(Rejection.UNKNOWN_KEY);
  }

  @Test
  void aCarriedRotationFromAStrangerIsIgnoredAndTheMessageStillRefused() {
    KeyPair evil = Keys.generate();
    Signer stranger = new Signer("ctl-stranger", Keys.generate().getPrivate());
    Signer evilSigner = new Signer("ctl-evil", evil.getPrivate());
    byte[] forged = evilSigner.signToBytes("status", aMessage(), null,
        List.of(stranger.sign(Signed.KEY_ROTATION, rotationTo("ctl-evil", evil), null).tree()));

    assertThat(agent.withCarriedRotations(forged)).isSameAs(agent);
    assertThat(reasonFor(forged)).isEqualTo(Rejection.UNKNOWN_KEY);
    assertThat(agent.withCarriedRotations("not json".getBytes(StandardCharsets.UTF_8))).isSameAs(agent);
  }

  @Test
  void anEnvelopeCarryingRotationsKeepsThemUnderItsSignature() throws Exception {
    ObjectNode rotation = signer.sign(Signed.KEY_ROTATION, rotationTo("ctl-2", Keys.generate()), null).tree();
    ObjectNode env = (ObjectNode) Codec.mapper().readTree(signer.signToBytes("status", aMessage(), null, List.of(rotation)));
    env.remove("keyRotations");
    assertThat(reasonFor(Codec.encode(env))).as("stripping the carried rotations breaks the signature").isEqualTo(Rejection.BAD_SIGNATURE);
    assertThatThrownBy(() -> signer.sign("status", aMessage(), null, List.of(signer.sign("status", aMessage(), null).tree())))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("keyRotations");
  }

  private static Rejection reasonFor(Verifier verifier, byte[] envelope) {
    return catchThrowableOfType(RejectedException.class, () -> verifier.open(envelope, "status", StatusMessage.class)).reason();
  }
}

package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bytes a fixed key signs for a fixed message never change when the signer's work is cut
 * (issue 21: fewer copies per screen): the wire envelope and its signature are pinned here by their
 * SHA-256, for a schedule alone, with an expiry, and carrying a key rotation. Ed25519 is deterministic,
 * so the same key and bytes give the same signature. A change here breaks every agent's check of what it holds.
 */
class SignedBytesGoldenTest {
  private static final Signer SIGNER = new Signer("ctl-2026", Fixtures.privateKey("ctl-2026"));
  private static final ScheduleMessage SCHEDULE = Codec.decode(Fixtures.example("schedule.json"), ScheduleMessage.class);
  private static final Instant EXPIRES = Instant.parse("2026-12-16T00:00:00Z");

  @Test
  void aScheduleSignsToTheSameBytes() {
    byte[] wire = SIGNER.signToBytes(Signed.SCHEDULE, SCHEDULE, null);
    assertThat(sha256(wire)).isEqualTo("c45e79053ae52a5d50418156941e31d57afd651e391ab15acd7b2ba108577e79");
    assertThat(wire).isEqualTo(SIGNER.sign(Signed.SCHEDULE, SCHEDULE, null).toBytes());
    assertOpens(wire);
  }

  @Test
  void aScheduleWithAnExpirySignsToTheSameBytes() {
    byte[] wire = SIGNER.signToBytes(Signed.SCHEDULE, SCHEDULE, EXPIRES);
    assertThat(sha256(wire)).isEqualTo("db6411591e103b7caec723be304eaf4763bbfde64b563782725d31d96c59f93d");
    assertThat(wire).isEqualTo(SIGNER.sign(Signed.SCHEDULE, SCHEDULE, EXPIRES).toBytes());
  }

  @Test
  void aScheduleCarryingAKeyRotationSignsToTheSameBytes() throws Exception {
    List<ObjectNode> carried = List.of((ObjectNode) Codec.mapper().readTree(Fixtures.example("signed-key-rotation.json")));
    byte[] wire = SIGNER.signToBytes(Signed.SCHEDULE, SCHEDULE, null, carried);
    assertThat(sha256(wire)).isEqualTo("9b0df763f3f4978db3419c206703b4e55c5077aedc3aacba0f8c27674ac5b32c");
    assertThat(wire).isEqualTo(SIGNER.sign(Signed.SCHEDULE, SCHEDULE, null, carried).toBytes());
  }

  /** The agent's own check accepts it and reads back the same message. */
  private static void assertOpens(byte[] wire) {
    Verifier agent = Verifier.pinning(Fixtures.freshness(Fixtures.NOW), "ctl-2026", Fixtures.publicKey("ctl-2026"));
    assertThat(agent.open(wire, Signed.SCHEDULE, ScheduleMessage.class).message()).isEqualTo(SCHEDULE);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

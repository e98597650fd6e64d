package io.gatecast.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One signature for a batch of envelopes (issue 21): a publish signs one schedule per screen, 10,000
 * Ed25519 signatures for 10,000 screens (bench/BENCHMARKS.md says what a batch saves). The signer
 * puts the envelopes' canonical forms as the leaves of a binary hash tree (SHA-256) and signs its root once;
 * each envelope carries, in {@value #MEMBER}, its leaf's index and the sibling hashes on the way up.
 * The verifier hashes the envelope it received, folds the siblings in and checks the one signature
 * against the root it computed: a changed envelope gives another root, so the signature fails as it
 * would for a single signature. The agent's cost is one Ed25519 check as before, plus a few hashes.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>Leaves are hashed as {@code SHA-256(0x00 || canonical form)} and inner nodes as
 *       {@code SHA-256(0x01 || left || right)} (as RFC 6962 does), so no inner node can pass for a
 *       leaf. The tree is padded to a power of two with an all-zero node that no leaf can hash to,
 *       so the index's bits alone say on which side each sibling is.
 *   <li>What is signed is {@value #ROOT_LABEL} followed by the 32 root bytes. A single signature is
 *       over canonical JSON, which starts with <code>{</code>: neither can stand for the other.
 *   <li>The proof is not itself under the signature; it only leads to the root. A wrong one gives
 *       a wrong root. It has one spelling: an index below 2^depth, the siblings as one standard base64
 *       string of 32 bytes each, at most {@value #MAX_DEPTH} of them (65,536 envelopes a batch).
 * </ul>
 */
public final class BatchProof {
  /** The envelope member that holds the proof, next to {@code signature}. */
  public static final String MEMBER = "batchProof";
  /** At most this many siblings: a batch of 2^16 envelopes. */
  public static final int MAX_DEPTH = 16;
  static final String ROOT_LABEL = "gatecast-batch-root-v1:";
  private static final int HASH_BYTES = 32;
  /** Stands for the missing leaves of a batch that is not a power of two: SHA-256 gives it for no known input. */
  private static final byte[] EMPTY = new byte[HASH_BYTES];

  private BatchProof() {}

  /** A batch's tree: its root and, for each leaf in order, the proof that leads from it to the root. */
  record Tree(byte[] root, List<ObjectNode> proofs) {}

  /** The tree over {@code canonicalForms}, in order (at least one). */
  static Tree over(List<byte[]> canonicalForms) {
    int count = canonicalForms.size();
    int depth = depthFor(count);
    byte[][] level = new byte[1 << depth][];
    for (int i = 0; i < level.length; i++) {
      level[i] = i < count ? leaf(canonicalForms.get(i)) : EMPTY;
    }
    List<byte[][]> levels = new ArrayList<>();
    while (level.length > 1) {
      levels.add(level);
      byte[][] up = new byte[level.length / 2][];
      for (int i = 0; i < up.length; i++) {
        up[i] = node(level[2 * i], level[2 * i + 1]);
      }
      level = up;
    }
    List<ObjectNode> proofs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] siblings = new byte[depth * HASH_BYTES];
      for (int l = 0; l < depth; l++) {
        System.arraycopy(levels.get(l)[(i >> l) ^ 1], 0, siblings, l * HASH_BYTES, HASH_BYTES);
      }
      ObjectNode proof = Codec.mapper().createObjectNode();
      proof.put("index", i);
      proof.put("siblings", Base64.getEncoder().encodeToString(siblings));
      proofs.add(proof);
    }
    return new Tree(level[0], proofs);
  }

  /** The bytes whose signature stands for every envelope of the batch with this root. */
  static byte[] signedBytes(byte[] root) {
    byte[] label = ROOT_LABEL.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[label.length + root.length];
    System.arraycopy(label, 0, bytes, 0, label.length);
    System.arraycopy(root, 0, bytes, label.length, root.length);
    return bytes;
  }

  /**
   * The root that {@code proof} leads to from the envelope whose canonical form (without signature
   * and proof) is {@code canonicalForm}.
   *
   * @throws RejectedException BAD_SIGNATURE when the proof is not in its one spelling
   */
  static byte[] rootOf(byte[] canonicalForm, JsonNode proof) {
    if (!(proof instanceof ObjectNode object) || object.size() != 2) {
      throw bad("must be an object of 'index' and 'siblings'");
    }
    JsonNode indexNode = object.get("index");
    JsonNode siblingsNode = object.get("siblings");
    if (indexNode == null || !indexNode.canConvertToInt() || !indexNode.isIntegralNumber() || indexNode.intValue() < 0) {
      throw bad("'index' must be a whole number from 0");
    }
    if (siblingsNode == null || !siblingsNode.isTextual()
        || siblingsNode.textValue().length() > 4 * ((MAX_DEPTH * HASH_BYTES + 2) / 3)) {
      throw bad("'siblings' must be base64 of at most " + MAX_DEPTH + " hashes");
    }
    byte[] siblings;
    try {
      siblings = Base64.getDecoder().decode(siblingsNode.textValue());
    } catch (IllegalArgumentException e) {
      throw bad("'siblings' is not base64");
    }
    if (siblings.length % HASH_BYTES != 0 || !Base64.getEncoder().encodeToString(siblings).equals(siblingsNode.textValue())) {
      throw bad("'siblings' is not the base64 of whole 32-byte hashes");
    }
    int depth = siblings.length / HASH_BYTES;
    int index = indexNode.intValue();
    if (index >= 1 << depth) {
      throw bad("'index' " + index + " is beyond a tree of depth " + depth);
    }
    byte[] hash = leaf(canonicalForm);
    byte[] sibling = new byte[HASH_BYTES];
    for (int l = 0; l < depth; l++) {
      System.arraycopy(siblings, l * HASH_BYTES, sibling, 0, HASH_BYTES);
      hash = ((index >> l) & 1) == 0 ? node(hash, sibling) : node(sibling, hash);
    }
    return hash;
  }

  /** The smallest depth whose tree holds {@code count} leaves. */
  static int depthFor(int count) {
    if (count < 1 || count > 1 << MAX_DEPTH) {
      throw new IllegalArgumentException("a batch holds 1 to " + (1 << MAX_DEPTH) + " envelopes, not " + count);
    }
    return 32 - Integer.numberOfLeadingZeros(count - 1);
  }

  private static byte[] leaf(byte[] canonicalForm) {
    MessageDigest sha = sha256();
    sha.update((byte) 0);
    return sha.digest(canonicalForm);
  }

  private static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 1);
    sha.update(left);
    return sha.digest(right);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static RejectedException bad(String why) {
    return new RejectedException(Rejection.BAD_SIGNATURE, "'" + MEMBER + "': " + why);
  }
}

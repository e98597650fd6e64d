package io.gatecast.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The controller's half: signs messages with its private key under a key id the agents pinned.
 * Thread-safe (a fresh {@link Signature} per call; Ed25519 signing is cheap).
 */
public final class Signer {
  private final String keyId;
  private final PrivateKey key;
  private final java.security.Provider provider;

  public Signer(String keyId, PrivateKey key) {
    this(keyId, key, null);
  }

  /**
   * Signs with {@code provider}'s Ed25519 ({@code key} must be that provider's key), or the JDK's
   * when null. Ed25519 signatures are deterministic: any correct provider gives the same bytes.
   */
  public Signer(String keyId, PrivateKey key, java.security.Provider provider) {
    this.keyId = Check.id(keyId, "keyId");
    this.key = Check.required(key, "key");
    this.provider = provider;
  }

  public String keyId() {
    return keyId;
  }

  /**
   * Signs {@code message} (any message record) as {@code type}; {@code expiresAt} may be null.
   * Throws {@link ProtocolException} when the message would not survive the trip unchanged (for
   * example a fractional number) or the envelope would exceed {@link Limits#MAX_MESSAGE_BYTES}.
   */
  public Signed sign(String type, Object message, Instant expiresAt) {
    return sign(type, message, expiresAt, List.of());
  }

  /**
   * {@link #sign(String, Object, Instant)}, carrying {@code keyRotations} (signed key-rotation
   * envelopes as {@link Signed#tree()} gives them, oldest first) in the envelope, so an agent that
   * missed a rotation learns the key this message is signed with (see {@link Signed}).
   */
  public Signed sign(String type, Object message, Instant expiresAt, List<ObjectNode> keyRotations) {
    Signed signed = toSigned(type, expiresAt, keyRotations, signContent(type, message, expiresAt, keyRotations));
    signed.toBytes(); // fails here, naming the size, if the envelope is over the limit
    return signed;
  }

  /**
   * The envelope of {@code message} without its signature, as one tree the caller owns (the payload
   * made from the message for it alone, not copied), and its signature over the canonical form.
   */
  private record SignedContent(ObjectNode content, String signature) {}

  /** The envelope of a message without its signature, and the canonical bytes a signature covers. */
  private record Prepared(ObjectNode content, byte[] canonicalForm) {}

  private SignedContent signContent(String type, Object message, Instant expiresAt, List<ObjectNode> keyRotations) {
    Prepared prepared = prepare(type, message, expiresAt, keyRotations);
    return new SignedContent(prepared.content(), Base64.getEncoder().encodeToString(signBytes(prepared.canonicalForm())));
  }

  private Prepared prepare(String type, Object message, Instant expiresAt, List<ObjectNode> keyRotations) {
    Check.required(message, "message");
    Check.required(keyRotations, "keyRotations");
    try {
      Signed.checkCarried(keyRotations);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(e.getMessage(), e);
    }
    JsonNode tree = Codec.mapper().valueToTree(message);
    if (!(tree instanceof ObjectNode payload)) {
      throw new ProtocolException("only JSON objects can be signed, got " + tree.getNodeType());
    }
    ObjectNode content = Signed.owning(Check.id(type, "type"), keyId, expiresAt, payload, keyRotations);
    Canonical.Form form = Canonical.form(content);
    byte[] bytes = form.bytes();
    // The verifier recomputes these bytes from the text it receives; make sure it will get the same.
    // Only a converted number can read back otherwise (Canonical.Form): the full round trip (a fifth
    // of a schedule's signing) runs for those alone; the wire contract's messages carry none.
    try {
      if (form.convertedNumbers() && !Arrays.equals(bytes, Canonical.bytes(Codec.mapper().readTree(bytes)))) {
        throw new ProtocolException("the message does not survive a JSON round trip unchanged; it cannot be signed");
      }
    } catch (java.io.IOException e) {
      throw new ProtocolException("the canonical form does not parse back: " + e.getMessage(), e);
    }
    return new Prepared(content, bytes);
  }

  /** One message of a batch: its envelope's wire bytes, or why it could not be signed (the others are signed all the same). */
  public record BatchItem(byte[] envelope, ProtocolException failure) {}

  /**
   * Signs {@code messages} (each as {@link #signToBytes(String, Object, Instant, List)} would) with
   * ONE signature: the root of a hash tree over them, each envelope carrying its {@link BatchProof}.
   * A message that cannot be signed (too large, not an object, ...) is left out of the tree and
   * comes back with its failure; when a single message is left, it gets a signature of its own.
   * Opened by {@link Verifier#open} like any envelope.
   */
  public List<BatchItem> signBatch(String type, List<?> messages, Instant expiresAt, List<ObjectNode> keyRotations) {
    List<BatchItem> items = new ArrayList<>(messages.size());
    List<Integer> positions = new ArrayList<>(); // where each prepared message is in messages
    List<Prepared> prepared = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      try {
        prepared.add(prepare(type, messages.get(i), expiresAt, keyRotations));
        positions.add(i);
        items.add(null); // set once signed
      } catch (ProtocolException e) {
        items.add(new BatchItem(null, e));
      }
    }
    if (prepared.size() == 1) {
      items.set(positions.get(0), encoded(prepared.get(0).content(), signBytes(prepared.get(0).canonicalForm()), null));
    } else if (prepared.size() > 1) {
      BatchProof.Tree tree = BatchProof.over(prepared.stream().map(Prepared::canonicalForm).toList());
      byte[] signature = signBytes(BatchProof.signedBytes(tree.root()));
      for (int leaf = 0; leaf < prepared.size(); leaf++) {
        items.set(positions.get(leaf), encoded(prepared.get(leaf).content(), signature, tree.proofs().get(leaf)));
      }
    }
    return items;
  }

  private static BatchItem encoded(ObjectNode content, byte[] signature, ObjectNode proof) {
    try {
      return new BatchItem(wireBytes(content, signature, proof), null);
    } catch (ProtocolException e) {
      return new BatchItem(null, e);
    }
  }

  /**
   * The envelope's wire bytes: the signed tree itself, with its signature (and batch proof, if any)
   * added. Fails, naming the size, if the envelope is over the limit.
   */
  private static byte[] wireBytes(ObjectNode content, byte[] signature, ObjectNode proof) {
    content.put("signature", Base64.getEncoder().encodeToString(signature));
    if (proof != null) {
      content.set(BatchProof.MEMBER, proof);
    }
    return Codec.encode(content);
  }

  private Signed toSigned(String type, Instant expiresAt, List<ObjectNode> keyRotations, SignedContent signed) {
    try {
      return new Signed(type, keyId, expiresAt, (ObjectNode) signed.content().get("payload"), signed.signature(),
          keyRotations);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(e.getMessage(), e);
    }
  }

  /** {@link #sign} straight to wire bytes. */
  public byte[] signToBytes(String type, Object message, Instant expiresAt) {
    return signToBytes(type, message, expiresAt, List.of());
  }

  /**
   * {@link #sign(String, Object, Instant, List)} straight to wire bytes: the signed tree itself,
   * with its signature added, is written out — the same bytes as {@link Signed#toBytes} of the
   * signed envelope (pinned by a golden test), without the three copies of the payload a
   * {@link Signed} makes (a publish signs one message per screen). Fails, naming the size, if the
   * envelope is over the limit.
   */
  public byte[] signToBytes(String type, Object message, Instant expiresAt, List<ObjectNode> keyRotations) {
    Prepared prepared = prepare(type, message, expiresAt, keyRotations);
    return wireBytes(prepared.content(), signBytes(prepared.canonicalForm()), null);
  }

  /** The raw Ed25519 signature of {@code bytes}. */
  public byte[] signBytes(byte[] bytes) {
    try {
      Signature signature = provider == null ? Signature.getInstance(Keys.ALGORITHM)
          : Signature.getInstance(Keys.ALGORITHM, provider);
      signature.initSign(key);
      signature.update(bytes);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new ProtocolException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
    }
  }
}

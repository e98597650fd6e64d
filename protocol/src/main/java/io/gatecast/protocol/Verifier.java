package io.gatecast.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's half: opens {@link Signed} envelopes with the controller keys it pins, and nothing
 * else. A border-gate screen must never show anything the controller did not sign, so every
 * path out of {@link #open} is either a {@link Verified} message or a {@link RejectedException}
 * with its {@link Rejection}; no other exception escapes for any input (the fuzz test holds us to it).
 *
 * <p>Order of checks, and why: size before parsing (TOO_LARGE, nothing read); then the signature
 * (UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE) before anything else is believed; only then type,
 * expiry and the payload's own validation (MALFORMED, EXPIRED). The payload that is decoded is
 * the canonical form of the very tree whose signature was checked, so what was verified is what
 * is played. Version and screen checks need the agent's state: {@link Freshness}.
 *
 * <p>Immutable: {@link #rotate} returns a new Verifier, so the agent swaps one reference
 * (e.g. an AtomicReference) after persisting {@link #pinnedKeys()}; a half-applied rotation
 * cannot exist.
 */
public final class Verifier {
  private static final int SIGNATURE_BYTES = 64;
  /** Codec's mapper (limits, tolerance) plus refusal of duplicate keys: one envelope, one meaning. */
  private static final ObjectReader READER =
      Codec.mapper().reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Freshness freshness;
  private final Map<String, PinnedKey> keys;
  private final Map<String, PublicKey> decoded;

  public Verifier(Freshness freshness, Collection<PinnedKey> keys) {
    this.freshness = Check.required(freshness, "freshness");
    Check.required(keys, "keys");
    Map<String, PinnedKey> byId = new LinkedHashMap<>();
    Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
    for (PinnedKey key : keys) {
      Check.required(key, "keys[]");
      if (byId.put(key.keyId(), key) != null) {
        throw new IllegalArgumentException("key id " + key.keyId() + " is pinned twice");
      }
      publicKeys.put(key.keyId(), Keys.decodePublic(key.publicKey()));
    }
    if (byId.values().stream().noneMatch(k -> k.retiredAt() == null)) {
      throw new IllegalArgumentException("at least one pinned key must be current (not retired)");
    }
    this.keys = Map.copyOf(byId);
    this.decoded = Map.copyOf(publicKeys);
  }

  /** A verifier trusting exactly one key: the agent's configuration at first start. */
  public static Verifier pinning(Freshness freshness, String keyId, PublicKey key) {
    return new Verifier(freshness, List.of(new PinnedKey(keyId, Keys.encodePublic(key), null)));
  }

  /** Every key known, current and retired, for the agent to persist. */
  public List<PinnedKey> pinnedKeys() {
    return List.copyOf(keys.values());
  }

  /**
   * Verifies an envelope of {@code expectedType} and decodes its payload as {@code type}.
   *
   * @throws RejectedException with the reason; its messageId is set when the payload's header
   *     could be read, even for an unauthentic message (it is then only a hint)
   */
  public <T> Verified<T> open(byte[] envelope, String expectedType, Class<T> type) {
    if (envelope == null || envelope.length == 0) {
      throw new RejectedException(Rejection.MALFORMED, "empty payload");
    }
    if (envelope.length > Limits.MAX_MESSAGE_BYTES) {
      throw new RejectedException(Rejection.TOO_LARGE,
          "payload is " + envelope.length + " bytes; the limit is " + Limits.MAX_MESSAGE_BYTES);
    }
    ObjectNode env = parse(envelope);
    String messageId = messageIdHint(env);
    try {
      return open(env, expectedType, type);
    } catch (RejectedException e) {
      throw messageId != null && e.messageId() == null ? e.withMessageId(messageId) : e;
    }
  }

  private <T> Verified<T> open(ObjectNode env, String expectedType, Class<T> type) {
    JsonNode signatureNode = env.remove("signature");
    if (signatureNode == null || signatureNode.isNull()) {
      throw new RejectedException(Rejection.UNSIGNED, "no 'signature' member");
    }
    JsonNode batchProof = env.remove(BatchProof.MEMBER);
    String keyId = idMember(env, "keyId");
    String actualType = idMember(env, "type");
    JsonNode payload = env.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new RejectedException(Rejection.MALFORMED, "'payload' must be a JSON object");
    }
    Instant expiresAt = instantMember(env, "expiresAt");

    PinnedKey pinned = keys.get(keyId);
    if (pinned == null) {
      throw new RejectedException(Rejection.UNKNOWN_KEY, "key id '" + keyId + "' is not pinned");
    }
    if (!pinned.acceptedAt(freshness.now())) {
      throw new RejectedException(Rejection.UNKNOWN_KEY, "key id '" + keyId + "' was retired at " + pinned.retiredAt());
    }
    byte[] signature = signatureBytes(signatureNode);
    byte[] content;
    try {
      content = Canonical.bytes(env);
    } catch (ProtocolException e) {
      throw new RejectedException(Rejection.MALFORMED, e.getMessage(), null, e);
    }
    // Signed alone, or with a batch (BatchProof): then the signature is over the root the proof leads to.
    byte[] signedBytes = batchProof == null ? content
        : BatchProof.signedBytes(BatchProof.rootOf(content, batchProof));
    if (!verifies(decoded.get(keyId), signedBytes, signature)) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "signature does not verify with key '" + keyId + "'");
    }

    // Authentic from here on.
    if (!actualType.equals(expectedType)) {
      throw new RejectedException(Rejection.MALFORMED, "expected a '" + expectedType + "' message, got '" + actualType + "'");
    }
    freshness.requireNotExpired(expiresAt);
    T message;
    try {
      message = Codec.decode(Canonical.bytes(payload), type);
    } catch (ProtocolException e) {
      throw new RejectedException(Rejection.MALFORMED, e.getMessage(), null, e);
    }
    return new Verified<>(actualType, keyId, expiresAt, message);
  }

  /**
   * Trusts the rotation's new key and retires the key that signed it at
   * {@link KeyRotation#validFrom()}. Returns the new verifier; this one is unchanged.
   *
   * @throws RejectedException UNKNOWN_KEY when the signer is not (or no longer) pinned here,
   *     REPLAYED_OR_OLDER when the new key id was ever pinned (a replayed rotation)
   */
  public Verifier rotate(Verified<KeyRotation> rotation) {
    Check.required(rotation, "rotation");
    if (!Signed.KEY_ROTATION.equals(rotation.type())) {
      throw new RejectedException(Rejection.MALFORMED, "not a key rotation: " + rotation.type());
    }
    PinnedKey signer = keys.get(rotation.keyId());
    if (signer == null || !signer.acceptedAt(freshness.now())) {
      throw new RejectedException(Rejection.UNKNOWN_KEY, "rotation signed by '" + rotation.keyId() + "', which is not a current key here");
    }
    KeyRotation r = rotation.message();
    if (keys.containsKey(r.newKeyId())) {
      throw new RejectedException(Rejection.REPLAYED_OR_OLDER, "key id '" + r.newKeyId() + "' is already known here");
    }
    List<PinnedKey> next = new ArrayList<>();
    for (PinnedKey key : keys.values()) {
      next.add(key.keyId().equals(signer.keyId()) ? new PinnedKey(key.keyId(), key.publicKey(), r.validFrom()) : key);
    }
    next.add(new PinnedKey(r.newKeyId(), r.publicKey(), null));
    return new Verifier(freshness, next);
  }

  /**
   * True when this verifier already pins the rotation's new key under the same id with the same
   * public key: accepting it again would change nothing (an agent may treat the repeat as done).
   */
  public boolean pins(KeyRotation rotation) {
    Check.required(rotation, "rotation");
    PinnedKey known = keys.get(rotation.newKeyId());
    return known != null && known.publicKey().equals(rotation.publicKey());
  }

  /**
   * Accepts, in order, the key rotations an envelope carries in {@code keyRotations} (see
   * {@link Signed}) that introduce a key this verifier does not pin yet; returns the resulting
   * verifier, or this one when nothing changed (the agent persists {@link #pinnedKeys()} before
   * using a new one). Call it before {@link #open}, so a screen that missed an announcement can
   * open a message signed with the new key.
   *
   * <p>Never throws. A carried rotation is only a hint to be checked like one from the commands
   * topic ({@link #rotate}): one that does not verify with a current key here, or names a key
   * already pinned, is skipped silently, and the envelope itself is then judged by {@link #open}
   * as usual. Accepting a genuine rotation carried by a forged envelope is harmless: it is a
   * statement the controller signed and will act on anyway (announced rotations are never withdrawn).
   */
  public Verifier withCarriedRotations(byte[] envelope) {
    if (envelope == null || envelope.length == 0 || envelope.length > Limits.MAX_MESSAGE_BYTES) {
      return this;
    }
    JsonNode carried;
    try {
      carried = parse(envelope).get("keyRotations");
    } catch (RejectedException e) {
      return this;
    }
    if (carried == null || !carried.isArray()) {
      return this;
    }
    Verifier current = this;
    int seen = 0;
    for (JsonNode rotation : carried) {
      if (++seen > Limits.MAX_CARRIED_ROTATIONS) {
        break;
      }
      if (!(rotation instanceof ObjectNode envelopeNode)) {
        continue;
      }
      try {
        Verified<KeyRotation> verified = current.open(envelopeNode.deepCopy(), Signed.KEY_ROTATION, KeyRotation.class);
        if (!current.keys.containsKey(verified.message().newKeyId())) {
          current = current.rotate(verified);
        }
      } catch (RejectedException | IllegalArgumentException e) {
        // skipped: see above
      }
    }
    return current;
  }

  /** {@link #open} as a key rotation, then {@link #rotate}. */
  public Verifier acceptRotation(byte[] envelope) {
    return rotate(open(envelope, Signed.KEY_ROTATION, KeyRotation.class));
  }

  private static ObjectNode parse(byte[] envelope) {
    JsonNode tree;
    try {
      tree = READER.readTree(envelope);
    } catch (IOException e) {
      throw new RejectedException(Rejection.MALFORMED, JsonErrors.describe(e, Signed.class), null, e);
    } catch (RuntimeException e) {
      throw new RejectedException(Rejection.MALFORMED, "cannot read the envelope: " + e.getMessage(), null, e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new RejectedException(Rejection.MALFORMED, "no JSON value in the payload");
    }
    if (!(tree instanceof ObjectNode env)) {
      throw new RejectedException(Rejection.MALFORMED, "the envelope must be a JSON object, got " + tree.getNodeType());
    }
    return env;
  }

  private static String messageIdHint(ObjectNode env) {
    JsonNode id = env.path("payload").path("header").path("messageId");
    return id.isTextual() && Check.isId(id.textValue()) ? id.textValue() : null;
  }

  private static String idMember(ObjectNode env, String name) {
    JsonNode node = env.get(name);
    if (node == null || !node.isTextual() || !Check.isId(node.textValue())) {
      throw new RejectedException(Rejection.MALFORMED, "'" + name + "' must be an id string");
    }
    return node.textValue();
  }

  private static Instant instantMember(ObjectNode env, String name) {
    JsonNode node = env.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().length() > 40) {
      throw new RejectedException(Rejection.MALFORMED, "'" + name + "' must be an ISO-8601 instant string");
    }
    try {
      return Instant.parse(node.textValue());
    } catch (DateTimeParseException e) {
      throw new RejectedException(Rejection.MALFORMED, "'" + name + "' is not an ISO-8601 instant", null, e);
    }
  }

  private static byte[] signatureBytes(JsonNode node) {
    if (!node.isTextual() || node.textValue().length() > 200) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "'signature' must be a base64 string");
    }
    String text = node.textValue();
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "'signature' is not base64", null, e);
    }
    // Exactly one spelling per signature: no unpadded or non-zero-trailing-bit variants.
    if (bytes.length != SIGNATURE_BYTES || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new RejectedException(Rejection.BAD_SIGNATURE, "'signature' is not the base64 of a 64-byte Ed25519 signature");
    }
    return bytes;
  }

  /** Raw Ed25519 verification; false for any failure, including malformed signatures or keys. */
  public static boolean verifies(PublicKey key, byte[] content, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(Keys.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(content);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}

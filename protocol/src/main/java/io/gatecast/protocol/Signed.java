package io.gatecast.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The signed envelope every controller-to-agent message travels in.
 *
 * <pre>
 * {"type":"schedule","keyId":"ctl-2026","expiresAt":"2026-03-15T01:00:00Z",
 *  "payload":{...the message as JSON...},"keyRotations":[...]?,"signature":"base64 of 64 bytes"}
 * </pre>
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>The payload is a JSON object, not base64 of bytes, so {@code mosquitto_sub} and the logs
 *       show a readable message. Bytes are fixed by signing the {@link Canonical} form instead.
 *   <li>The signature covers the canonical form of the whole envelope object with the
 *       {@code signature} member removed: type, keyId, expiresAt, payload and any member a newer
 *       controller adds. So a relay cannot strip or extend expiresAt, re-label the type, or point
 *       at another key without breaking the signature.
 *   <li>{@code type} says which message class the payload is ({@link #SCHEDULE},
 *       {@link #KEY_ROTATION}, ...), so a genuine message of one kind replayed on another
 *       topic is refused before decoding.
 *   <li>{@code expiresAt} is optional: schedules are retained and protected by their growing
 *       version, while commands and alerts should expire (see {@link Freshness}).
 *   <li>{@code keyRotations} is optional: signed {@link KeyRotation} envelopes (oldest first) the
 *       controller carries along, so a screen that missed a rotation announcement learns the new
 *       key from the next message it receives — typically the retained schedule — before that
 *       message's own signature is checked ({@link Verifier#withCarriedRotations}). Each carries its
 *       own signature; absent (not an empty list) when there are none, so older envelopes keep
 *       their exact bytes.
 * </ul>
 * The signature is standard base64 with padding of the 64-byte Ed25519 signature; any other
 * spelling of the same bytes is refused, so one message has exactly one valid envelope text.
 */
public record Signed(
    String type, String keyId, Instant expiresAt, ObjectNode payload, String signature, List<ObjectNode> keyRotations) {
  /** {@code type} of a {@link ScheduleMessage}. */
  public static final String SCHEDULE = "schedule";
  /** {@code type} of a {@link KeyRotation}. */
  public static final String KEY_ROTATION = "key-rotation";
  /** {@code type} of a {@link Command}. */
  public static final String COMMAND = "command";
  /** {@code type} of an {@link AlertMessage}. */
  public static final String ALERT = "alert";
  /** {@code type} of a {@link ClusterSchedule}. */
  public static final String CLUSTER_SCHEDULE = "cluster-schedule";
  /** {@code type} of a {@link Placement}. */
  public static final String PLACEMENT = "placement";
  /** {@code type} of a {@link PlayReceipt}. */
  public static final String PLAY_RECEIPT = "play-receipt";

  public Signed {
    Check.id(type, "type");
    Check.id(keyId, "keyId");
    Check.required(payload, "payload");
    payload = payload.deepCopy();
    Check.text(signature, "signature", 200);
    keyRotations = keyRotations == null ? List.of() : keyRotations.stream().map(ObjectNode::deepCopy).toList();
    checkCarried(keyRotations);
  }

  /** What an envelope may carry: at most {@link Limits#MAX_CARRIED_ROTATIONS} signed key rotations. */
  static void checkCarried(List<ObjectNode> keyRotations) {
    if (keyRotations.size() > Limits.MAX_CARRIED_ROTATIONS) {
      throw new IllegalArgumentException("keyRotations: at most " + Limits.MAX_CARRIED_ROTATIONS + " may be carried");
    }
    for (ObjectNode rotation : keyRotations) {
      if (!KEY_ROTATION.equals(rotation.path("type").asText(null))) {
        throw new IllegalArgumentException("keyRotations[]: only signed '" + KEY_ROTATION + "' envelopes may be carried");
      }
    }
  }

  /**
   * The type an envelope on the wire says it is, read before anything is verified; null when the bytes are
   * no readable envelope (empty, over {@link Limits#MAX_MESSAGE_BYTES}, not JSON, no textual type). Only a
   * hint for choosing how to open a message that shares its topic with others: the verifier checks the type
   * again under the signature, and says what is wrong with bytes this cannot read.
   */
  public static String typeOf(byte[] envelope) {
    try {
      JsonNode type = Codec.decode(envelope, JsonNode.class).path("type");
      return type.isTextual() ? type.textValue() : null;
    } catch (ProtocolException e) {
      return null;
    }
  }

  /** An envelope that carries no key rotations. */
  public Signed(String type, String keyId, Instant expiresAt, ObjectNode payload, String signature) {
    this(type, keyId, expiresAt, payload, signature, List.of());
  }

  @Override
  public ObjectNode payload() {
    return payload.deepCopy();
  }

  @Override
  public List<ObjectNode> keyRotations() {
    return keyRotations.stream().map(ObjectNode::deepCopy).toList();
  }

  /** The envelope without its signature: the object whose {@link Canonical} bytes are signed. */
  public ObjectNode content() {
    return content(type, keyId, expiresAt, payload, keyRotations);
  }

  /** The envelope as a JSON object, signature included (what {@link #toBytes} writes). */
  public ObjectNode tree() {
    ObjectNode node = content();
    node.put("signature", signature);
    return node;
  }

  /** The envelope as it goes on the wire. */
  public byte[] toBytes() {
    return Codec.encode(tree());
  }

  static ObjectNode content(String type, String keyId, Instant expiresAt, JsonNode payload) {
    return content(type, keyId, expiresAt, payload, List.of());
  }

  static ObjectNode content(String type, String keyId, Instant expiresAt, JsonNode payload, List<ObjectNode> keyRotations) {
    return owning(type, keyId, expiresAt, payload.deepCopy(), keyRotations.stream().map(ObjectNode::deepCopy).toList());
  }

  /**
   * {@link #content} holding {@code payload} and {@code keyRotations} themselves, not copies: for a
   * signer that made the payload for this envelope only and writes it out at once (no copy per message).
   */
  static ObjectNode owning(String type, String keyId, Instant expiresAt, JsonNode payload, List<ObjectNode> keyRotations) {
    ObjectNode node = Codec.mapper().createObjectNode();
    node.put("type", type);
    node.put("keyId", keyId);
    if (expiresAt != null) {
      node.put("expiresAt", expiresAt.toString());
    }
    node.set("payload", payload);
    if (!keyRotations.isEmpty()) {
      ArrayNode carried = node.putArray("keyRotations");
      keyRotations.forEach(carried::add);
    }
    return node;
  }
}

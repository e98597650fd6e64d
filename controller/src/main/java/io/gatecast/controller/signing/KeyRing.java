package io.gatecast.controller.signing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.KeyRotation;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's signing keys on disk and in memory: the current key ({@link ControllerKeys},
 * {@code signing.key|.pub}), an announced next key ({@value #NEXT_FILE}) and the signed rotations
 * carried in every message ({@value #HISTORY_FILE}), all in {@code <dataDir>/keys/}, owner-only.
 *
 * <p>A rotation moves through three stages, each a state of the files a restart can resume from:
 * <ol>
 *   <li>{@link Stage#STEADY}: no {@value #NEXT_FILE}; sign with {@code signing.key}.
 *   <li>{@link Stage#ANNOUNCED}: {@link #announce} wrote {@value #NEXT_FILE} (the next pair and the
 *       rotation signed by the current key) in one atomic write — the commit point: nothing is sent
 *       before it exists, and once it exists the rotation is never withdrawn (the signed
 *       announcement is a genuine statement anyone could replay to agents, so the controller must
 *       be ready to sign with that key). Still signing with the current key.
 *   <li>{@link Stage#SWITCHED}: at {@code validFrom}, {@link #switchIfDue} appends the announcement
 *       to {@value #HISTORY_FILE}, then writes the next pair over {@code signing.pub}, then
 *       {@code signing.key}; from then on the controller signs with the new key. {@value #NEXT_FILE}
 *       stays until {@link #finishSwitch} (after every retained schedule was re-signed), so a crash
 *       before that re-signs them again on the next start.
 * </ol>
 * A crash between the two key files leaves a mixed pair; {@link #open} sees one half equal to
 * {@value #NEXT_FILE}'s key and completes the switch, so no crash point leaves the controller
 * without a consistent key. Thread-safe.
 */
public final class KeyRing implements MessageSigner {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
  static final String NEXT_FILE = "next.json";
  static final String HISTORY_FILE = "rotations.json";
  private static final TypeReference<List<ObjectNode>> ENVELOPES = new TypeReference<>() {};

  /** Where a rotation stands. */
  public enum Stage {
    /** One key, nothing announced. */
    STEADY,
    /** A next key is announced; the current key still signs. */
    ANNOUNCED,
    /** The next key signs; re-signing the retained schedules may still be due. */
    SWITCHED
  }

  /** What {@code GET /api/v1/signing-key} shows: the key that signs now, and the announced next one (or null). */
  public record State(PinnedKey current, NextKey next, Stage stage) {}

  /** An announced key, before the controller signs with it. */
  public record NextKey(String keyId, String publicKey, Instant validFrom) {}

  /** What {@link #announce} made: the next key, the key that signed its rotation, and the rotation's wire bytes. */
  public record Announcement(NextKey next, String signedBy, byte[] envelope) {}

  private final Path dir;
  private ControllerKeys current;
  private PendingRotation pending;
  private List<ObjectNode> history;

  private KeyRing(Path dir, ControllerKeys current, PendingRotation pending, List<ObjectNode> history) {
    this.dir = dir;
    this.current = current;
    this.pending = pending;
    this.history = history;
  }

  /**
   * Loads the keys in {@code dir} (making the first pair on a first start) and completes a switch a
   * crash interrupted. Blocking.
   *
   * @throws IllegalStateException when the files contradict each other; the message says what to restore
   */
  public static KeyRing open(Path dir) {
    try {
      List<ObjectNode> history = readHistory(dir.resolve(HISTORY_FILE));
      Path nextFile = dir.resolve(NEXT_FILE);
      if (!Files.exists(nextFile)) {
        return new KeyRing(dir, ControllerKeys.loadOrCreate(dir), null, history);
      }
      PendingRotation pending = readPending(nextFile);
      String publicText = readIfExists(dir.resolve(ControllerKeys.PUBLIC_FILE));
      String privateText = readIfExists(dir.resolve(ControllerKeys.PRIVATE_FILE));
      if (pending.publicKey().equals(publicText) || pending.privateKey().equals(privateText)) {
        // The switch had begun (one or both key files hold the next key): complete it.
        history = withAnnouncement(history, pending);
        writeHistory(dir, history);
        pending.keys().saveAsCurrent(dir);
        LOG.info("completed the switch to signing key {} that a stop interrupted", pending.keyId());
        return new KeyRing(dir, ControllerKeys.loadExisting(dir), pending, history);
      }
      ControllerKeys current = ControllerKeys.loadExisting(dir);
      if (!pending.signedBy().equals(current.keyId())) {
        throw new IllegalStateException(nextFile + " announces key " + pending.keyId() + " signed by "
            + pending.signedBy() + ", but the current key is " + current.keyId() + "; restore the keys folder from a backup");
      }
      return new KeyRing(dir, current, pending, history);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing keys in " + dir + ": " + e.getMessage(), e);
    }
  }

  public synchronized Stage stage() {
    if (pending == null) {
      return Stage.STEADY;
    }
    return pending.keyId().equals(current.keyId()) ? Stage.SWITCHED : Stage.ANNOUNCED;
  }

  /** The key that signs now, as agents pin it. */
  public synchronized PinnedKey current() {
    return current.pinned();
  }

  public synchronized State state() {
    Stage stage = stage();
    NextKey next = stage == Stage.ANNOUNCED
        ? new NextKey(pending.keyId(), pending.publicKey(), pending.validFrom())
        : null;
    return new State(current.pinned(), next, stage);
  }

  /** The announcement's wire bytes while a rotation is {@link Stage#ANNOUNCED}; null otherwise. */
  public synchronized byte[] announcement() {
    return stage() == Stage.ANNOUNCED ? Codec.encode(pending.announcement()) : null;
  }

  /**
   * Makes the next key, signs its {@link KeyRotation} with the current key and saves both
   * ({@value #NEXT_FILE}). Blocking. The caller sends the returned envelope.
   *
   * @throws RotationUnderWayException when a rotation is already announced and not yet complete
   */
  public synchronized Announcement announce(Instant now, Duration grace) {
    if (pending != null) {
      throw new RotationUnderWayException("a rotation to key " + pending.keyId() + " (valid from "
          + pending.validFrom() + ") is still under way; announce the next one after it is complete");
    }
    ControllerKeys next = ControllerKeys.generate();
    KeyRotation rotation = new KeyRotation(Header.now(now), next.keyId(), next.publicKeyText(), now.plus(grace));
    // No expiresAt: the announcement is carried in retained schedules and must still open for a
    // screen back after months; a replay is harmless (agents never pin a key id twice).
    ObjectNode announcement = current.signer().sign(Signed.KEY_ROTATION, rotation, null).tree();
    PendingRotation announced = new PendingRotation(next.keyId(), next.publicKeyText(), next.privateKeyText(),
        rotation.validFrom(), announcement);
    try {
      OwnerOnlyFiles.write(dir.resolve(NEXT_FILE), Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(announced));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the next signing key in " + dir + ": " + e.getMessage(), e);
    }
    pending = announced;
    LOG.info("announced signing key {} (valid from {}), signed by {}", next.keyId(), rotation.validFrom(), current.keyId());
    return new Announcement(new NextKey(next.keyId(), next.publicKeyText(), rotation.validFrom()), current.keyId(),
        Codec.encode(announcement));
  }

  /**
   * Signs with the announced key from its {@code validFrom} on (saving it as the current key first).
   * Blocking.
   *
   * @return true when the controller now signs with the announced key (switched now or earlier) and
   *     {@link #finishSwitch} is still due; false when nothing is announced or it is not time yet
   */
  public synchronized boolean switchIfDue(Instant now) {
    Stage stage = stage();
    if (stage == Stage.STEADY || (stage == Stage.ANNOUNCED && now.isBefore(pending.validFrom()))) {
      return false;
    }
    if (stage == Stage.ANNOUNCED) {
      try {
        List<ObjectNode> extended = withAnnouncement(history, pending);
        writeHistory(dir, extended);
        history = extended;
        ControllerKeys next = pending.keys();
        next.saveAsCurrent(dir);
        LOG.info("switched from signing key {} to {}", current.keyId(), next.keyId());
        current = next;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot save the new signing key in " + dir + ": " + e.getMessage(), e);
      }
    }
    return true;
  }

  /** Ends a switch once nothing retained is signed only by the retired key. Blocking. */
  public synchronized void finishSwitch() {
    if (stage() != Stage.SWITCHED) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(NEXT_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir.resolve(NEXT_FILE) + ": " + e.getMessage(), e);
    }
    pending = null;
  }

  /**
   * Signs with the current key, carrying the last rotations (and an announced one) so a screen that
   * missed an announcement learns the key from this very message (see protocol's {@code Signed}).
   */
  @Override
  public byte[] signToBytes(String type, Object message, Instant expiresAt) {
    Signing signing = signing();
    return signing.keys().signer().signToBytes(type, message, expiresAt, signing.carried());
  }

  /** {@link #signToBytes} for a batch under one signature, carrying the same rotations. */
  @Override
  public List<Signer.BatchItem> signBatch(String type, List<?> messages, Instant expiresAt) {
    Signing signing = signing();
    return signing.keys().signer().signBatch(type, messages, expiresAt, signing.carried());
  }

  /** The key to sign with now and the rotations to carry with it, read together. */
  private record Signing(ControllerKeys keys, List<ObjectNode> carried) {}

  private synchronized Signing signing() {
    return new Signing(current, stage() == Stage.ANNOUNCED ? withAnnouncement(history, pending) : history);
  }

  /** {@code history} plus the pending announcement unless it is already last; at most the protocol's limit, newest kept. */
  private static List<ObjectNode> withAnnouncement(List<ObjectNode> history, PendingRotation pending) {
    List<ObjectNode> all = new ArrayList<>(history);
    boolean known = all.stream().anyMatch(r -> pending.keyId().equals(r.path("payload").path("newKeyId").asText()));
    if (!known) {
      all.add(pending.announcement());
    }
    return List.copyOf(all.subList(Math.max(0, all.size() - Limits.MAX_CARRIED_ROTATIONS), all.size()));
  }

  private static void writeHistory(Path dir, List<ObjectNode> history) throws IOException {
    OwnerOnlyFiles.write(dir.resolve(HISTORY_FILE), Codec.mapper().writerFor(ENVELOPES).withDefaultPrettyPrinter()
        .writeValueAsString(history));
  }

  private static List<ObjectNode> readHistory(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<ObjectNode> history = Codec.mapper().readValue(file.toFile(), ENVELOPES);
      return history == null ? List.of() : List.copyOf(history);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the past key rotations in " + file + ": " + e.getMessage()
          + "; restore it from a backup", e);
    }
  }

  private static PendingRotation readPending(Path file) {
    try {
      return Codec.mapper().readValue(file.toFile(), PendingRotation.class);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the announced signing key in " + file + ": " + e.getMessage()
          + "; restore it from a backup (agents may already trust that key)", e);
    }
  }

  private static String readIfExists(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : null;
  }

  /** A second rotation asked for while one is under way. */
  public static final class RotationUnderWayException extends IllegalStateException {
    RotationUnderWayException(String message) {
      super(message);
    }
  }
}

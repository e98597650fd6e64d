package io.gatecast.agent.trust;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.agent.cache.AtomicFiles;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.KeyRotation;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Verified;
import io.gatecast.protocol.Verifier;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller keys this agent trusts, kept in {@code <dataDir>/pinned-keys.json} so an accepted
 * rotation survives a restart (otherwise the agent would fall back to its configured key and
 * refuse everything the controller signs with the new one).
 *
 * <p>The configured key ({@code --controller-key}) is the operator's statement of trust: while it
 * is among the saved keys (current or retired by a rotation) the saved set wins; when it is not,
 * the operator pinned a different controller on purpose and the saved set is replaced by it.
 *
 * <p>Used from the agent's single apply thread; the verifier is swapped only after the new set is
 * on disk, so a crash never leaves a rotation trusted but forgotten.
 */
public final class ControllerTrust {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerTrust.class);
  public static final String FILE_NAME = "pinned-keys.json";
  private static final TypeReference<List<PinnedKey>> KEY_LIST = new TypeReference<>() {};

  private final Path file;
  private volatile Verifier verifier;

  private ControllerTrust(Path file, Verifier verifier) {
    this.file = file;
    this.verifier = verifier;
  }

  /**
   * Loads the saved keys, or pins {@code configured} and saves it.
   *
   * @throws IOException when the saved file cannot be read or written; the agent must not guess
   *     which keys to trust then
   */
  public static ControllerTrust load(Path dataDir, PinnedKey configured, Freshness freshness) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    List<PinnedKey> saved = Files.exists(file) ? read(file) : List.of();
    boolean configuredKnown = saved.stream().anyMatch(k -> k.keyId().equals(configured.keyId())
        && k.publicKey().equals(configured.publicKey()));
    if (configuredKnown) {
      return new ControllerTrust(file, new Verifier(freshness, saved));
    }
    if (!saved.isEmpty()) {
      LOG.warn("{} does not contain the configured controller key {}; trusting only the configured key from now on",
          file, configured.keyId());
    }
    ControllerTrust trust = new ControllerTrust(file, new Verifier(freshness, List.of(configured)));
    trust.save(trust.verifier.pinnedKeys());
    return trust;
  }

  /**
   * {@link Verifier#open}: the message if the controller signed it, else a {@link RejectedException}.
   * First accepts the key rotations the envelope carries ({@link Verifier#withCarriedRotations}), so
   * a screen that was offline when a rotation was announced can open the retained schedule the
   * controller re-signed with the new key. When the new key set cannot be saved it is not trusted
   * (it would be forgotten at the next restart) and the message is judged by the saved keys.
   */
  public <T> Verified<T> open(byte[] envelope, String type, Class<T> messageClass) {
    Verifier current = verifier;
    Verifier caughtUp = current.withCarriedRotations(envelope);
    if (caughtUp != current) {
      try {
        save(caughtUp.pinnedKeys());
        verifier = caughtUp;
        current = caughtUp;
        LOG.info("controller key rotation carried by a {} message accepted; trusted keys now {}", type, keyIds(caughtUp));
      } catch (InterruptedIOException e) {
        LOG.info("stopping: the key rotation a {} message carries is not accepted yet; it comes again with it", type);
      } catch (IOException e) {
        LOG.error("carried key rotation not accepted: cannot save the trusted keys: {}", e.getMessage());
      }
    }
    return current.open(envelope, type, messageClass);
  }

  /**
   * Accepts a signed key rotation: saves the new key set, then trusts it. A genuine rotation to a
   * key already pinned with the same public key is a repeat (the controller announces again after a
   * restart, and carries the rotation in schedules too): it changes nothing and is not refused, so
   * repeats raise no alarm on the controller's console.
   *
   * @return false when it was such a repeat
   * @throws RejectedException when the rotation is not genuine, or names a known key id with
   *     another public key
   */
  public boolean acceptRotation(byte[] envelope) throws IOException {
    Verified<KeyRotation> rotation = verifier.open(envelope, Signed.KEY_ROTATION, KeyRotation.class);
    if (verifier.pins(rotation.message())) {
      LOG.debug("key rotation to {} repeated; already trusted", rotation.message().newKeyId());
      return false;
    }
    Verifier next = verifier.rotate(rotation);
    save(next.pinnedKeys());
    verifier = next;
    LOG.info("controller key rotation accepted; trusted keys now {}", keyIds(next));
    return true;
  }

  private static List<String> keyIds(Verifier verifier) {
    return verifier.pinnedKeys().stream().map(PinnedKey::keyId).toList();
  }

  public List<PinnedKey> pinnedKeys() {
    return verifier.pinnedKeys();
  }

  private void save(List<PinnedKey> keys) throws IOException {
    AtomicFiles.write(file, Codec.mapper().writerFor(KEY_LIST).withDefaultPrettyPrinter().writeValueAsBytes(keys));
  }

  private static List<PinnedKey> read(Path file) throws IOException {
    try {
      List<PinnedKey> keys = Codec.mapper().readValue(file.toFile(), KEY_LIST);
      if (keys == null || keys.isEmpty()) {
        throw new IOException("it lists no keys");
      }
      return keys;
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read the trusted controller keys in " + file + " (" + e.getMessage()
          + "); delete it to trust only the key given with " + ControllerKeyArgument.OPTION, e);
    }
  }
}

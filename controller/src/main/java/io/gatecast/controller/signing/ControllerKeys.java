package io.gatecast.controller.signing;

import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's Ed25519 signing key, in {@code <dataDir>/keys/}: {@value #PRIVATE_FILE} (base64
 * PKCS#8, owner-only) and {@value #PUBLIC_FILE} (base64 X.509). Made on first start, loaded after.
 *
 * <p>Every agent pins this key, so losing or silently replacing it would make the whole fleet
 * refuse every new schedule. Hence: written atomically (temp file, fsync, rename, fsync of the
 * directory) so a power cut leaves no half key; and a half-present or mismatched pair stops the
 * controller with a sentence instead of a fresh key being made over it.
 */
public final class ControllerKeys {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerKeys.class);
  static final String PRIVATE_FILE = "signing.key";
  static final String PUBLIC_FILE = "signing.pub";

  private final String keyId;
  private final PublicKey publicKey;
  private final PrivateKey privateKey;
  private volatile Signer signer;

  private ControllerKeys(PublicKey publicKey, PrivateKey privateKey) {
    this.keyId = Keys.fingerprint(publicKey);
    this.publicKey = publicKey;
    this.privateKey = privateKey;
  }

  /** Loads the key in {@code dir}, or makes and saves one when there is none. Blocking. */
  public static ControllerKeys loadOrCreate(Path dir) {
    try {
      Path privateFile = dir.resolve(PRIVATE_FILE);
      Path publicFile = dir.resolve(PUBLIC_FILE);
      if (Files.exists(privateFile)) {
        return load(privateFile, publicFile);
      }
      OwnerOnlyFiles.createDirectory(dir);
      KeyPair pair = Keys.generate();
      // Public first: a crash between the two writes leaves no private key, so the next start
      // makes a fresh pair instead of finding a private key without its public half.
      OwnerOnlyFiles.write(publicFile, Keys.encodePublic(pair.getPublic()));
      OwnerOnlyFiles.write(privateFile, Keys.encodePrivate(pair.getPrivate()));
      ControllerKeys keys = new ControllerKeys(pair.getPublic(), pair.getPrivate());
      LOG.info("made the controller signing key {} in {}; agents must be started with --controller-key {}",
          keys.keyId, dir, keys.keyId + ":" + Keys.encodePublic(pair.getPublic()));
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the signing key in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads the key pair that must be in {@code dir}; never makes one (during a rotation a missing
   * key is damage, not a first start). Blocking.
   */
  static ControllerKeys loadExisting(Path dir) {
    Path privateFile = dir.resolve(PRIVATE_FILE);
    if (!Files.exists(privateFile)) {
      throw new IllegalStateException(privateFile + " is missing while a key rotation is under way in " + dir
          + "; restore it from a backup");
    }
    try {
      return load(privateFile, dir.resolve(PUBLIC_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A fresh key pair, not saved anywhere. */
  static ControllerKeys generate() {
    KeyPair pair = Keys.generate();
    return new ControllerKeys(pair.getPublic(), pair.getPrivate());
  }

  /** The pair from its text forms (as {@link #publicKeyText()} and {@link #privateKeyText()} give them), checked to match. */
  static ControllerKeys fromText(String publicKey, String privateKey) {
    ControllerKeys keys = new ControllerKeys(Keys.decodePublic(publicKey), Keys.decodePrivate(privateKey));
    byte[] probe = "gatecast key pair check".getBytes(StandardCharsets.US_ASCII);
    if (!Verifier.verifies(keys.publicKey, probe, keys.signer().signBytes(probe))) {
      throw new IllegalStateException("the public key of " + keys.keyId + " is not the half of its private key");
    }
    return keys;
  }

  /**
   * Makes this pair the one in {@code dir}: public file first, then private. A crash between the two
   * leaves a mismatched pair, which {@link KeyRing} recognises and completes from {@code next.json}.
   */
  void saveAsCurrent(Path dir) throws IOException {
    OwnerOnlyFiles.createDirectory(dir);
    OwnerOnlyFiles.write(dir.resolve(PUBLIC_FILE), publicKeyText());
    OwnerOnlyFiles.write(dir.resolve(PRIVATE_FILE), privateKeyText());
  }

  String publicKeyText() {
    return Keys.encodePublic(publicKey);
  }

  /** Keep it out of logs. */
  String privateKeyText() {
    return Keys.encodePrivate(privateKey);
  }

  private static ControllerKeys load(Path privateFile, Path publicFile) throws IOException {
    if (!Files.exists(publicFile)) {
      throw new IllegalStateException(publicFile + " is missing beside " + privateFile
          + "; restore it from a backup (a new key would make every agent refuse this controller)");
    }
    PrivateKey privateKey;
    PublicKey publicKey;
    try {
      privateKey = Keys.decodePrivate(Files.readString(privateFile, StandardCharsets.US_ASCII));
      publicKey = Keys.decodePublic(Files.readString(publicFile, StandardCharsets.US_ASCII));
    } catch (ProtocolException e) {
      throw new IllegalStateException("cannot read the signing key in " + privateFile.getParent() + ": " + e.getMessage(), e);
    }
    byte[] probe = "gatecast key pair check".getBytes(StandardCharsets.US_ASCII);
    ControllerKeys keys = new ControllerKeys(publicKey, privateKey);
    if (!Verifier.verifies(publicKey, probe, keys.signer().signBytes(probe))) {
      throw new IllegalStateException(publicFile + " is not the public half of " + privateFile
          + "; restore the matching pair from a backup");
    }
    return keys;
  }

  public String keyId() {
    return keyId;
  }

  /** The key as agents pin it: the id and the base64 X.509 public key. */
  public PinnedKey pinned() {
    return new PinnedKey(keyId, Keys.encodePublic(publicKey), null);
  }

  /** Signs with {@link FastEd25519} (same signatures as the JDK's, an order of magnitude faster). */
  public Signer signer() {
    Signer made = signer;
    if (made == null) {
      made = FastEd25519.signer(keyId, privateKey);
      signer = made;
    }
    return made;
  }
}

package io.gatecast.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys as text. Public keys travel as base64 of their X.509 SubjectPublicKeyInfo (44
 * bytes, the DER inside {@code openssl pkey -pubout}'s PEM), private keys as base64 of PKCS#8
 * (the DER inside {@code openssl genpkey -algorithm ed25519}'s PEM). Reading and writing key files
 * is the controller's and agent's concern; this class only converts.
 *
 * <p>We use the JDK's Ed25519 (Java 15+): no extra dependency, deterministic signatures (same
 * key and bytes give the same signature, so golden files stay stable), 64-byte signatures.
 */
public final class Keys {
  public static final String ALGORITHM = "Ed25519";
  /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final int RAW_LENGTH = 32;

  private Keys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Base64 of the X.509 encoding. */
  public static String encodePublic(PublicKey key) {
    return Base64.getEncoder().encodeToString(x509(key));
  }

  /** The inverse of {@link #encodePublic}; throws {@link ProtocolException} for anything but an Ed25519 key. */
  public static PublicKey decodePublic(String base64) {
    byte[] der = base64(base64, "public key");
    if (der.length != X509_PREFIX.length + RAW_LENGTH
        || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new ProtocolException("public key is not an Ed25519 X.509 key (expected 44 bytes starting 302a3005...)");
    }
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ProtocolException("public key cannot be read: " + e.getMessage(), e);
    }
  }

  /** The raw 32 bytes of an Ed25519 public key (RFC 8032 encoding). */
  public static byte[] rawPublic(PublicKey key) {
    byte[] der = x509(key);
    return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
  }

  public static PublicKey publicFromRaw(byte[] raw) {
    if (raw == null || raw.length != RAW_LENGTH) {
      throw new ProtocolException("a raw Ed25519 public key is 32 bytes");
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_LENGTH);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, RAW_LENGTH);
    return decodePublic(Base64.getEncoder().encodeToString(der));
  }

  /** Base64 of the PKCS#8 encoding. Keep it out of logs. */
  public static String encodePrivate(PrivateKey key) {
    if (!isEd25519(key.getAlgorithm())) {
      throw new ProtocolException("not an Ed25519 private key: " + key.getAlgorithm());
    }
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  public static PrivateKey decodePrivate(String base64) {
    byte[] der = base64(base64, "private key");
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new ProtocolException("private key is not an Ed25519 PKCS#8 key", e);
    }
  }

  /**
   * A key id derived from the key itself ("ed25519-" + 16 hex digits of SHA-256 over the raw key),
   * for operators who do not want to invent names. Any {@link Check#id} string is a valid key id.
   */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublic(key));
      return "ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] x509(PublicKey key) {
    Check.required(key, "key");
    byte[] der = key.getEncoded();
    if (!isEd25519(key.getAlgorithm()) || der == null || der.length != X509_PREFIX.length + RAW_LENGTH) {
      throw new ProtocolException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return der;
  }

  private static boolean isEd25519(String algorithm) {
    return "Ed25519".equalsIgnoreCase(algorithm) || "EdDSA".equalsIgnoreCase(algorithm);
  }

  private static byte[] base64(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new ProtocolException(what + " is missing");
    }
    try {
      return Base64.getDecoder().decode(text.strip().getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(what + " is not base64", e);
    }
  }
}

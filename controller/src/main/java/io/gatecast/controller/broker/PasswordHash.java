package io.gatecast.controller.broker;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * MQTT passwords: generated at random, stored only as a salted PBKDF2-HMAC-SHA512 hash written in
 * Mosquitto 2's password-file encoding, {@code $7$<iterations>$<base64 salt>$<base64 hash>}. Keeping
 * the stored form equal to Mosquitto's lets {@code export-mosquitto} copy hashes into a password
 * file without ever knowing a screen's password.
 *
 * <p>Iterations: 10,000, not the hundreds of thousands advised for human passwords. These passwords
 * are 192 random bits, so a stolen hash cannot be brute-forced at any iteration count; the cost
 * only matters on the broker, which hashes once per CONNECT on its own threads (10–20 ms measured
 * here), so a fleet reconnecting at once after an outage is not held up.
 * Mosquitto itself defaults to 101 and reads the count from each line, so it accepts ours.
 */
public final class PasswordHash {
  private static final int ITERATIONS = 10_000;
  // Mosquitto 2 refuses $7$ lines whose salt is not 12 bytes; its hash is SHA-512's 64.
  private static final int SALT_BYTES = 12;
  private static final int HASH_BYTES = 64;
  private static final int PASSWORD_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new random password: 24 bytes, base64url without padding (32 characters, safe on a command line). */
  public static String newPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of {@code password}, with a fresh salt. */
  public static String hash(String password) {
    return hash(password, ITERATIONS);
  }

  /**
   * The stored form with a chosen work factor: people's passwords (guessable, unlike the random
   * MQTT ones) take far more iterations; {@link #matches} reads the count from the stored form.
   */
  public static String hash(String password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(iterations, salt, pbkdf2(password, salt, iterations));
  }

  /** Whether {@code password} matches {@code stored}; false for anything not in the $7$ form. */
  public static boolean matches(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[2]);
      byte[] salt = Base64.getDecoder().decode(parts[3]);
      byte[] expected = Base64.getDecoder().decode(parts[4]);
      if (iterations < 1 || expected.length != HASH_BYTES) {
        return false;
      }
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String encode(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder();
    return "$7$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
  }

  private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}

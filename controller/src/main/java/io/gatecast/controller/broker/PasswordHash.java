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
 * <p>Iterations for these generated passwords: {@value #RANDOM_PASSWORD_ITERATIONS}, Mosquitto 2's own
 * default for {@code $7$} ({@code PW_DEFAULT_ITERATIONS} in its {@code common/password_mosq.h}). An
 * iteration count only slows down guessing, and there is nothing to guess here: a password is 192
 * random bits ({@link #newPassword}), so even a stolen hash at one iteration leaves 2^191 tries on
 * average. What the count does cost is every login: the broker hashes once per CONNECT, and at the
 * 10,000 iterations used before, Mosquitto (one thread) checked ~60 logins/s, so 10,000 screens
 * reconnecting after a broker restart waited ~170 s for their turn (bench/BENCHMARKS.md). Hashes stored
 * with another count keep working ({@link #matches} reads the count from each hash) and are replaced
 * with the current count the next time the screen logs in ({@link #isCurrent}, {@link BrokerAuth}).
 * People's passwords CAN be guessed and are not hashed with this count: see {@code auth/Passwords}.
 */
public final class PasswordHash {
  /** The work factor of generated (random, 192-bit) passwords; see the class comment. */
  public static final int RANDOM_PASSWORD_ITERATIONS = 101;
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

  /** The stored form of a generated {@code password} ({@link #newPassword}), with a fresh salt. */
  public static String hash(String password) {
    return hash(password, RANDOM_PASSWORD_ITERATIONS);
  }

  /**
   * Whether {@code stored} is a generated password's hash at today's work factor; false for one made
   * with another count (a screen registered before the count was lowered), which a login replaces.
   */
  public static boolean isCurrent(String stored) {
    return iterations(stored) == RANDOM_PASSWORD_ITERATIONS;
  }

  /** The iteration count written in {@code stored}; 0 for anything not in the $7$ form. */
  static int iterations(String stored) {
    if (stored == null) {
      return 0;
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("7")) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      return 0;
    }
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

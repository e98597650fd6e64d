package io.gatecast.controller.auth;

import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.protocol.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.LoggerFactory;

/**
 * People's passwords and session tokens. Passwords use {@link PasswordHash} (salted
 * PBKDF2-HMAC-SHA512) at 210,000 iterations, OWASP's advice for that function, since people's
 * passwords can be guessed; hashing is slow on purpose, so callers run it off the event loop.
 * Tokens are 256 random bits and kept only as their SHA-256: unguessable values need no slow hash.
 *
 * <p>Integration tests sign in hundreds of times, each check costing seconds on a loaded machine, so
 * they lower the count with {@value #TEST_ITERATIONS_PROPERTY} (set by the build's failsafe
 * configuration). Production cannot pick that up by accident: the property is obeyed only when the
 * test kit ({@value #TEST_KIT_CLASS}) is on the class path, which the controller's own artifact never
 * has, and a warning says so in the log. Stored hashes carry their count, so a test hash is checked as
 * made; a production hash is always made at {@link #ITERATIONS}.
 */
public final class Passwords {
  public static final int ITERATIONS = 210_000;
  static final String TEST_ITERATIONS_PROPERTY = "gatecast.test.passwordIterations";
  static final String TEST_KIT_CLASS = "io.gatecast.testkit.IntegrationTest";
  /** The count new hashes are made with: {@link #ITERATIONS} unless a test lowered it. */
  private static final int IN_EFFECT = inEffect(System.getProperty(TEST_ITERATIONS_PROPERTY), testKitPresent());
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(String password) {
    return PasswordHash.hash(password, IN_EFFECT);
  }

  /**
   * The count to hash with: {@link #ITERATIONS}, unless {@code testProperty} names a lower positive
   * count and {@code testKitPresent}; anything else (absent, not a number, not lower) keeps it.
   */
  static int inEffect(String testProperty, boolean testKitPresent) {
    if (testProperty == null || !testKitPresent) {
      return ITERATIONS;
    }
    try {
      int lowered = Integer.parseInt(testProperty.trim());
      if (lowered < 1 || lowered >= ITERATIONS) {
        return ITERATIONS;
      }
      LoggerFactory.getLogger(Passwords.class).warn("People's passwords are hashed with {} iterations, not {}: {} is"
          + " set and the test kit is on the class path (tests only)", lowered, ITERATIONS, TEST_ITERATIONS_PROPERTY);
      return lowered;
    } catch (NumberFormatException e) {
      return ITERATIONS;
    }
  }

  private static boolean testKitPresent() {
    try {
      Class.forName(TEST_KIT_CLASS, false, Passwords.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  public static boolean matches(String password, String stored) {
    return PasswordHash.matches(password, stored);
  }

  /** Refuses passwords a person could be talked out of in seconds; names the field. */
  public static String check(String password, String field) {
    if (password == null) {
      throw FieldError.of("FIELD_REQUIRED", field, field + " is required");
    }
    if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw FieldError.of("PASSWORD_LENGTH", field, field + " must be " + MIN_LENGTH + " to " + MAX_LENGTH
          + " characters long", "min", MIN_LENGTH, "max", MAX_LENGTH);
    }
    return password;
  }

  /** A new random password for a generated account (the first admin). */
  public static String generate() {
    return PasswordHash.newPassword();
  }

  /** A new bearer token: 32 random bytes, base64url. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What is stored of a token. */
  public static String tokenHash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

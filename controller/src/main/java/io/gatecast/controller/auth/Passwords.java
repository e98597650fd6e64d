package io.gatecast.controller.auth;

import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.protocol.FieldError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * People's passwords and session tokens. Passwords use {@link PasswordHash} (salted
 * PBKDF2-HMAC-SHA512) at 210,000 iterations, OWASP's advice for that function, since people's
 * passwords can be guessed; hashing is slow on purpose, so callers run it off the event loop.
 * Tokens are 256 random bits and kept only as their SHA-256: unguessable values need no slow hash.
 */
public final class Passwords {
  public static final int ITERATIONS = 210_000;
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(String password) {
    return PasswordHash.hash(password, ITERATIONS);
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

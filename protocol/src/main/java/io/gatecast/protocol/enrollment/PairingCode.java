package io.gatecast.protocol.enrollment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short code a new agent shows on its screen for an operator to type, and the long secret only
 * the agent knows. The code names the enrollment; only the secret lets the agent pick up its
 * identity, so guessing codes yields nothing.
 *
 * <p>Codes are {@value #LENGTH} characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown as {@code ABC-123}; typed in any case, with or without the dash.
 */
public final class PairingCode {
  public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  public static final int LENGTH = 6;
  private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
  /** 32 random bytes, base64url without padding: 43 characters. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PairingCode() {}

  public static String newCode() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The code in its stored form (upper case, no dash or spaces).
   *
   * @throws IllegalArgumentException naming {@code field} when it is not a pairing code
   */
  public static String normalise(String code, String field) {
    if (code == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    String plain = code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (!CODE.matcher(plain).matches()) {
      throw new IllegalArgumentException(field + " must be " + LENGTH + " characters from " + ALPHABET
          + " (a dash in the middle is allowed), got '" + (code.length() > 20 ? code.substring(0, 20) + "..." : code) + "'");
    }
    return plain;
  }

  /** As shown on the screen: {@code ABC-123}. */
  public static String display(String code) {
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  public static String checkSecret(String secret, String field) {
    if (secret == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (!SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException(field + " must be 43-128 base64url characters (32 random bytes or more)");
    }
    return secret;
  }
}

package io.gatecast.controller.broker;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * MQTT passwords in bcrypt's {@code $2a$} form, the one hash form nats-server reads in its
 * configuration (it cannot read Mosquitto's {@code $7$}, see {@link PasswordHash}). The controller
 * stores this beside the {@code $7$} hash when it makes a screen password, and hashes its own
 * generated password with it for {@code export-nats}.
 *
 * <p>Cost {@value #COST}, bcrypt's lowest, for the reason {@link PasswordHash} gives for its
 * iteration count: these passwords are 192 random bits, so a slower hash protects nothing, while
 * NATS pays it on every CONNECT of every screen when a node restarts.
 */
public final class BcryptHash {
  static final int COST = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private BcryptHash() {}

  /** {@code password} hashed with a fresh 16-byte salt, as {@code $2a$04$...}. */
  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, COST);
  }

  /** Whether {@code password} matches a bcrypt {@code stored} hash; false for anything else. */
  public static boolean matches(String password, String stored) {
    if (password == null || stored == null || !stored.startsWith("$2")) {
      return false;
    }
    try {
      return OpenBSDBCrypt.checkPassword(stored, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

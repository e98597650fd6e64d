package io.gatecast.agent.trust;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.PinnedKey;

/**
 * Reads the controller key an operator pins on the command line, {@code <keyId>:<base64 public key>}
 * (the two values {@code GET /api/v1/signing-key} returns). One line, so it can be pasted from the
 * controller's answer or kept in a provisioning script.
 */
public final class ControllerKeyArgument {
  public static final String OPTION = "--controller-key";

  private ControllerKeyArgument() {}

  /** @throws IllegalArgumentException naming the option and what is wrong with the value */
  public static PinnedKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(OPTION + " is required: <keyId>:<base64 public key>, as GET /api/v1/signing-key"
          + " on the controller shows them");
    }
    int colon = text.indexOf(':');
    if (colon < 1 || colon == text.length() - 1) {
      throw new IllegalArgumentException(OPTION + " must be <keyId>:<base64 public key>, got '" + abbreviate(text) + "'");
    }
    String keyId = text.substring(0, colon).strip();
    if (!Check.isId(keyId)) {
      throw new IllegalArgumentException(OPTION + ": '" + abbreviate(keyId) + "' is not a key id (1-64 of [A-Za-z0-9_.-])");
    }
    try {
      return new PinnedKey(keyId, text.substring(colon + 1).strip(), null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(OPTION + ": " + e.getMessage(), e);
    }
  }

  /** The option's value for {@code key}: what a provisioning script or test passes to an agent. */
  public static String format(PinnedKey key) {
    return key.keyId() + ":" + key.publicKey();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}

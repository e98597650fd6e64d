package io.gatecast.controller.broker;

import io.gatecast.controller.files.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The controller's own MQTT login: username {@value #USERNAME} and a random password made on first
 * start and kept in {@code <dataDir>/broker/controller-password}. The file is readable by its owner
 * only and written whole (temporary file, then rename), so a crash never leaves a half password
 * that would lock the controller out of its own broker.
 */
public record ControllerCredentials(String username, String password) {
  public static final String USERNAME = "gatecast-controller";

  public ControllerCredentials {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the controller's MQTT username and password must not be empty");
    }
  }

  /** Where the generated password lives under a data folder. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("broker").resolve("controller-password");
  }

  /** Reads the generated credentials of {@code dataDir}, creating them on first use. Blocking. */
  public static ControllerCredentials loadOrCreate(Path dataDir) {
    Path file = file(dataDir);
    try {
      if (!Files.exists(file)) {
        OwnerOnlyFiles.write(file, PasswordHash.newPassword() + "\n");
      }
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (password.isEmpty()) {
        throw new IllegalStateException(file + " is empty; delete it to have a new controller password made");
      }
      return new ControllerCredentials(USERNAME, password);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the controller's MQTT password " + file, e);
    }
  }

  /**
   * The controller's MQTT client id: the same on every start of this installation (derived from the
   * password, so nothing more is stored), different between installations (controllers of several
   * tests or sites on one broker do not take over each other's session). Stable, so the broker can
   * keep the controller's session while it is away or moving between cluster nodes.
   */
  public String clientId() {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(("gatecast controller client id\n" + password).getBytes(StandardCharsets.UTF_8));
      return USERNAME + "-" + java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  @Override
  public String toString() {
    return "ControllerCredentials[username=" + username + ", password=***]";
  }
}

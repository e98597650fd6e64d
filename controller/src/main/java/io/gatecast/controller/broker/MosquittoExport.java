package io.gatecast.controller.broker;

import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.protocol.MosquittoAcl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The embedded broker's logins and rules as files for an external Mosquitto 2: {@code acl}
 * ({@link MosquittoAcl}, from the same {@code AccessRules}) and {@code passwd} (Mosquitto's
 * password-file format). Screen hashes are copied as stored: {@link PasswordHash} keeps them in
 * Mosquitto's {@code $7$} form, so no screen password is needed. The controller's line is hashed
 * here from its generated password. {@code gatecast.conf} holds the settings that go with them,
 * among them {@code use_username_as_clientid true}: Mosquitto then replaces each client's id by its
 * username, so a screen is only ever itself — it cannot take another screen's session (its queued
 * commands) or kick it off, as the embedded broker refuses a screen whose client id is not its id.
 */
public final class MosquittoExport {
  /** What was written, for the command to report. */
  public record Result(Path acl, Path passwd, Path conf, int screens, List<String> screensWithoutPassword) {}

  /** The settings file's name: include it from mosquitto.conf, or copy its lines there. */
  public static final String CONF = "gatecast.conf";

  private MosquittoExport() {}

  /**
   * @param passwordHashes every registered screen id to its stored hash, or to null for a screen that
   *     has none yet (it gets its ACL lines but no login until its password is rotated)
   * @param clusterOfScreen the cluster of every screen in {@code passwordHashes}
   */
  public static Result write(Path outDir, ControllerCredentials controller, Map<String, String> passwordHashes,
      Map<String, String> clusterOfScreen) throws IOException {
    StringBuilder passwd = new StringBuilder();
    passwd.append(controller.username()).append(':').append(PasswordHash.hash(controller.password())).append('\n');
    List<String> withoutPassword = new ArrayList<>();
    for (Map.Entry<String, String> screen : new TreeMap<>(passwordHashes).entrySet()) {
      if (screen.getValue() == null) {
        withoutPassword.add(screen.getKey());
      } else {
        passwd.append(screen.getKey()).append(':').append(screen.getValue()).append('\n');
      }
    }
    Path acl = outDir.resolve("acl");
    Path passwdFile = outDir.resolve("passwd");
    OwnerOnlyFiles.write(acl, MosquittoAcl.render(controller.username(), clusterOfScreen));
    OwnerOnlyFiles.write(passwdFile, passwd.toString());
    Path conf = outDir.resolve(CONF);
    OwnerOnlyFiles.write(conf, settings(acl.toAbsolutePath(), passwdFile.toAbsolutePath()));
    return new Result(acl, passwdFile, conf, passwordHashes.size(), withoutPassword);
  }

  /** The Mosquitto 2 settings that hold it to the embedded broker's rules (global: per_listener_settings false). */
  static String settings(Path acl, Path passwd) {
    return String.join("\n",
        "# Written by 'controller export-mosquitto': include it in mosquitto.conf (or copy these lines there).",
        "# Every client logs in; none anonymously.",
        "allow_anonymous false",
        "# A client's id is replaced by its username: a screen is only ever itself and cannot take",
        "# another screen's session (its queued commands) or kick it off. Not reloaded on SIGHUP: restart.",
        "use_username_as_clientid true",
        "password_file " + passwd,
        "acl_file " + acl,
        "");
  }
}

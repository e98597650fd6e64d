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
 * here from its generated password.
 */
public final class MosquittoExport {
  /** What was written, for the command to report. */
  public record Result(Path acl, Path passwd, int screens, List<String> screensWithoutPassword) {}

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
    return new Result(acl, passwdFile, passwordHashes.size(), withoutPassword);
  }
}

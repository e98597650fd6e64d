package io.gatecast.controller.auth;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller with no users gets one: {@value #ADMIN}, with the password given on the command
 * line ({@code --admin-password}) or a random one written owner-only to
 * {@code <data-dir>/}{@value #PASSWORD_FILE}. Only on a first start: later starts change nothing.
 */
public final class AdminBootstrap {
  public static final String ADMIN = "admin";
  public static final String PASSWORD_FILE = "admin-password";
  private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

  private AdminBootstrap() {}

  /** Where a generated admin password is written. */
  public static Path passwordFile(Path dataDir) {
    return dataDir.resolve(PASSWORD_FILE);
  }

  /** The generated admin password of a controller's data folder (for the demo and tests). */
  public static String readPassword(Path dataDir) {
    try {
      return Files.readString(passwordFile(dataDir)).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("no generated admin password in " + passwordFile(dataDir), e);
    }
  }

  /** Creates the first admin if there are no users: hashing and the file write off the event loop. */
  public static Future<Void> ensureAdmin(Vertx vertx, Database db, UserRepository users, AuditLog audit, Path dataDir,
      String configuredPassword, Clock clock) {
    return db.transaction(users::any).compose(any -> {
      if (any) {
        if (configuredPassword != null) {
          LOG.info("--admin-password ignored: the controller already has users");
        }
        return Future.succeededFuture();
      }
      return vertx.executeBlocking(() -> {
        String password = configuredPassword != null ? Passwords.check(configuredPassword, "--admin-password")
            : Passwords.generate();
        if (configuredPassword == null) {
          // Written before the user exists: a crash in between leaves a file that the next start replaces.
          OwnerOnlyFiles.write(passwordFile(dataDir), password + "\n");
        }
        return Passwords.hash(password);
      }, false).compose(hash -> db.transaction(c -> {
        users.insert(c, ADMIN, hash, Set.of(Role.ADMIN), clock.instant());
        audit.record(c, "system", "create", "user", ADMIN, null, Map.of("username", ADMIN, "roles", Set.of(Role.ADMIN)));
        return null;
      })).map(v -> {
        if (configuredPassword == null) {
          LOG.info("Created the user '{}'. Its password is in {} (readable by its owner only); sign in and change it.",
              ADMIN, passwordFile(dataDir).toAbsolutePath());
        } else {
          LOG.info("Created the user '{}' with the password given by --admin-password.", ADMIN);
        }
        return null;
      });
    });
  }
}

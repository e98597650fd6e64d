package io.gatecast.controller.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of a controller's data folder that can be started as it is ({@code --data-dir <backup>}):
 * the database, the signing keys (without them every agent would refuse the restored controller's
 * schedules), the broker login of the controller, and the media files.
 *
 * <p>Safe while the controller runs: the database is copied with SQLite's {@code VACUUM INTO},
 * which reads one consistent snapshot even while the controller writes (WAL). It is taken before
 * the media, so every file a copied row names was already on disk (uploads write the file before
 * the row). The backup is built in a {@code .partial} folder and renamed when complete and
 * checked, so a crash never leaves something that looks like a backup and is not one.
 */
public final class Backup {
  static final String DB_FILE = "gatecast.db";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What was written: the backup folder and how many media files it holds. */
  public record Result(Path folder, int mediaFiles) {}

  private Backup() {}

  /** Writes {@code <outDir>/gatecast-backup-<UTC time>} from {@code dataDir}. Blocking. */
  public static Result write(Path dataDir, Path outDir, Clock clock) throws IOException {
    Path database = dataDir.resolve(DB_FILE);
    if (!Files.isRegularFile(database)) {
      throw new IllegalArgumentException("no controller database at " + database + "; is --data-dir the controller's data folder?");
    }
    Path target = outDir.resolve("gatecast-backup-" + STAMP.format(clock.instant()));
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target + " exists already; wait a second or choose another --out");
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    copyDatabase(database, partial.resolve(DB_FILE));
    copyTree(dataDir.resolve("keys"), partial.resolve("keys"));
    copyIfPresent(dataDir.resolve("broker").resolve("controller-password"), partial.resolve("broker").resolve("controller-password"));
    int media = copyTree(dataDir.resolve("media"), partial.resolve("media"));
    check(partial.resolve(DB_FILE));
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    return new Result(target, media);
  }

  private static void copyDatabase(Path database, Path copy) throws IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(60);
      statement.execute("PRAGMA busy_timeout=10000");
      // The path is ours (a folder we just made), but quote it as SQL requires anyway.
      statement.execute("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new IOException("cannot copy the database " + database + ": " + e.getMessage(), e);
    }
  }

  /** Refuses to call a copy a backup unless SQLite finds it whole. */
  static void check(Path database) throws IOException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      String answer = result.next() ? result.getString(1) : "no answer";
      if (!"ok".equals(answer)) {
        throw new IOException("the database copy " + database + " failed its integrity check: " + answer);
      }
    } catch (SQLException e) {
      throw new IOException("cannot check the database copy " + database + ": " + e.getMessage(), e);
    }
  }

  private static int copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return 0;
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(from)) {
      walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tmp")).forEach(files::add);
    }
    for (Path file : files) {
      copyIfPresent(file, to.resolve(from.relativize(file).toString()));
    }
    return files.size();
  }

  private static void copyIfPresent(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      return;
    }
    Files.createDirectories(to.getParent());
    // COPY_ATTRIBUTES keeps owner-only permissions on keys and passwords.
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}

package io.gatecast.controller;

import io.gatecast.controller.store.Database;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real controller database (SQLite file, migrated) in a fresh temporary directory for each test,
 * and nothing else: what a service test needs instead of a whole controller. Register with
 * {@code @RegisterExtension}; it is open before the test's own {@code @BeforeEach} runs.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
  private Path dir;
  private Vertx vertx;
  private Database db;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("gatecast-db");
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("gatecast.db"));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    db.close();
    vertx.close().await();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  public Database db() {
    return db;
  }

  /** The Vert.x the database runs on, for a service that also needs worker threads. */
  public Vertx vertx() {
    return vertx;
  }
}

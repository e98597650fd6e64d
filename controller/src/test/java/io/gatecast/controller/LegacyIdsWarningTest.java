package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gatecast.testkit.IntegrationTest;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A store made before ids had to be portable still starts, and says which ids are not and how to
 * rename them — once, at start, as a warning.
 */
@IntegrationTest
class LegacyIdsWarningTest {
  @TempDir Path dataDir;

  @Test
  void aStoreHoldingIdsThatAreNotPortableStartsWithAWarningNamingThem() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ControllerConfig config = ControllerConfig.defaults(dataDir).withPorts(0, 0);
      Controller.start(vertx, config, Clock.systemUTC()).await().close(); // makes the store
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Composition.DB_FILE))) {
        c.createStatement().executeUpdate("INSERT INTO screens (id, name, created_at) VALUES ('KT.Hall-1', 'Hall', '"
            + Instant.now() + "')");
      }
      ListAppender<ILoggingEvent> log = new ListAppender<>();
      log.start();
      Logger backend = (Logger) LoggerFactory.getLogger(Composition.class);
      backend.addAppender(log);
      try {
        Controller restarted = Controller.start(vertx, config, Clock.systemUTC()).await();
        try {
          await().atMost(Duration.ofSeconds(30)).until(() -> log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
              && e.getFormattedMessage().contains("not portable")));
          String warning = log.list.stream().filter(e -> e.getFormattedMessage().contains("not portable")).findFirst()
              .orElseThrow().getFormattedMessage();
          assertThat(warning).contains("screens=[KT.Hall-1]", "lower-case letters a-z", "To rename",
              "DELETE /api/v1/screens/{id}");
        } finally {
          restarted.close();
        }
      } finally {
        backend.detachAppender(log);
      }
    } finally {
      vertx.close().await();
    }
  }
}

package io.gatecast.controller.profile;

import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.TestUsers;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Not a test: times an in-process publish to N screens, to see where the controller's time goes.
 * Screens are written straight into the database (registering through the API costs a PBKDF2 hash
 * each); schedules are handed to a sender that accepts at once, so the figure is the controller's
 * own work (record, sign, mark handed). Run with the test class path:
 * {@code java -cp ... io.gatecast.controller.profile.PublishProfile 1000}.
 */
public final class PublishProfile {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dataDir = Files.createTempDirectory("gatecast-profile-");
    Vertx vertx = Vertx.vertx();
    UnaryOperator<io.gatecast.controller.publish.ScheduleSender> instant = real -> (id, envelope) -> Future.succeededFuture();
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(dataDir).withPorts(0, 0), Clock.systemUTC(),
        instant).await();
    ApiClient admin = TestUsers.admin(controller.httpPort(), dataDir);
    ApiClient approver = TestUsers.user(admin, controller.httpPort(), "profile-approver", "approver");
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gatecast.db") + "?busy_timeout=20000")) {
      c.setAutoCommit(false);
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO screens (id, name, created_at, cluster_id, tags) VALUES (?, ?, ?, 'default', ?)")) {
        for (int i = 0; i < n; i++) {
          String id = String.format("profile-%05d", i);
          ids.add(id);
          insert.setString(1, id);
          insert.setString(2, id);
          insert.setString(3, Instant.now().toString());
          insert.setString(4, "[\"lane-" + (i % 4) + "\"]");
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
    for (int k = 0; k < 2 + rounds; k++) {
      admin.postJson("/api/v1/content", Map.of("id", "item-" + k, "title", "Item " + k,
          "variants", List.of(Map.of("language", "vi", "text", "Thông báo " + k, "seconds", 10))));
      TestUsers.approve(approver, "item-" + k);
    }
    admin.postJson("/api/v1/playlists", Map.of("id", "lanes", "entries",
        List.of(Map.of("contentId", "item-0"), Map.of("contentId", "item-1"))));
    admin.postJson("/api/v1/campaigns", Map.of("id", "c-lanes", "playlistId", "lanes",
        "targets", Map.of("tags", List.of("lane-1", "lane-2")), "start", "2026-01-01T00:00", "end", "2027-01-01T00:00"));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int round = 0; round < rounds; round++) {
      String item = "item-" + (2 + round);
      admin.postJson("/api/v1/schedule", Map.of("contentId", item, "screenIds", ids));
      long t0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      var answer = admin.publishAndAwait();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      // The process's CPU (every thread, the JIT and GC included; no broker, no fleet in this JVM): less
      // moved by other work on the machine than the time taken.
      double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
      System.out.printf("round %d: publish to %d screens answered %d in %d ms (sent %d), process CPU %.0f ms = %.3f ms"
          + " per screen%n", round, n, answer.status(), ms, answer.body().get("sent").size(), cpuMs, cpuMs / n);
    }
    controller.close();
    vertx.close().await();
  }
}

package io.gatecast.demo;

import io.gatecast.testkit.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.testkit.ApiClient;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the demo seeds on a fresh controller, read back through the API, and what it prints: Lào
 * Cai's three road gates by their Vietnamese names with vi/zh-Hans/en and their zone, screens named
 * in Vietnamese, nothing left with the old English "Default cluster" name, a named user for every
 * role who can sign in with the printed password, and the console's address as the first line.
 */
@IntegrationTest
class DemoSeedTest {
  @TempDir Path tmp;

  @Test
  void aFreshDemoIsLaoCaiInVietnameseWithEveryPersonsPasswordAndTheConsoleFirst() {
    Vertx vertx = Vertx.vertx();
    Path controllerDir = tmp.resolve("controller");
    Controller controller = Controller.start(vertx, ControllerConfig.defaults(controllerDir).withPorts(0, 0),
        Clock.systemUTC()).await();
    try {
      String adminPassword = AdminBootstrap.readPassword(controllerDir);
      ApiClient admin = ApiClient.signedIn(controller.httpPort(), AdminBootstrap.ADMIN, adminPassword);
      List<String> screenIds = List.of("kim-thanh-hall-1", "kim-thanh-hall-2");
      Map<String, String> people = DemoContent.people(admin);
      DemoContent.seed(admin, controller.httpPort(), people, screenIds);

      JsonNode gates = admin.get("/api/v1/clusters").body();
      List<String> names = new ArrayList<>();
      gates.forEach(g -> names.add(g.get("name").asText()));
      assertThat(names).contains("Cửa khẩu quốc tế đường bộ Lào Cai", "Cửa khẩu Kim Thành", "Cửa khẩu Mường Khương")
          .doesNotContain("Default cluster");
      gates.forEach(g -> {
        if (!g.get("id").asText().equals("default")) {
          assertThat(g.get("province").asText()).isEqualTo("Lào Cai");
          assertThat(g.get("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
          assertThat(g.get("languages").toString()).isEqualTo("[\"vi\",\"zh-Hans\",\"en\"]");
        }
      });
      for (String screenId : screenIds) {
        JsonNode screen = admin.get("/api/v1/screens/" + screenId).body();
        assertThat(screen.get("name").asText()).startsWith("Kim Thành — màn hình sảnh chờ số ");
        assertThat(screen.get("clusterId").asText()).isEqualTo("kim-thanh");
      }

      List<String> roles = new ArrayList<>();
      for (DemoContent.Person person : DemoContent.PEOPLE) {
        roles.add(person.role());
        ApiClient signedIn = ApiClient.signedIn(controller.httpPort(), person.username(), people.get(person.username()));
        assertThat(signedIn.get("/api/v1/me").body().path("roles").toString()).contains(person.role());
      }
      assertThat(roles).contains("approver", "operator", "technician", "contributor", "viewer");

      List<String> banner = DemoMain.banner(controller.httpPort(), adminPassword,
          AdminBootstrap.passwordFile(controllerDir), people, screenIds,
          List.of("http://127.0.0.1:1/", "http://127.0.0.1:2/"), controller.brokerUrl());
      assertThat(banner.get(0)).contains("http://127.0.0.1:" + controller.httpPort() + "/console/");
      assertThat(String.join("\n", banner)).contains(DemoContent.APPROVER + " / " + people.get(DemoContent.APPROVER))
          .contains("admin / " + adminPassword);
    } finally {
      controller.close();
      vertx.close().await();
    }
  }
}

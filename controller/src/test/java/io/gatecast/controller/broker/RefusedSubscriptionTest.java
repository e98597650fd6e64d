package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.Controller;
import io.gatecast.controller.ControllerConfig;
import io.gatecast.controller.ScrapedMetrics;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Topics;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.Ports;
import io.gatecast.moquette.PatchedMoquette;
import io.moquette.broker.Server;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker whose rules refuse the controller's subscription to every screen's status (SUBACK
 * 0x80, as NATS with rights copied from the Mosquitto ACL did) no longer leaves the controller
 * silently "healthy" while every screen stays PENDING/OFFLINE: {@code /health} answers DEGRADED
 * with the reason in words, {@code /metrics} counts it, and once the rule is fixed the controller's
 * back-off retry is granted and {@code /health} is UP again — no restart. The broker is a real
 * Moquette whose authorisation the test switches.
 */
@IntegrationTest
class RefusedSubscriptionTest {
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path tmp;

  @Test
  void aRefusedSubscriptionMakesHealthDegradedWithASentenceAndFixingTheRuleRecovers() throws Exception {
    AtomicBoolean refuseStatus = new AtomicBoolean(true);
    String statusFilter = Topics.everyOne(Topics.Kind.STATUS);
    IAuthenticator anyLogin = (clientId, username, password) -> true;
    IAuthorizatorPolicy rules = new IAuthorizatorPolicy() {
      @Override
      public boolean canWrite(Topic topic, String user, String client) {
        return true;
      }

      @Override
      public boolean canRead(Topic topic, String user, String client) {
        return !(refuseStatus.get() && topic.toString().equals(statusFilter));
      }
    };
    int port = Ports.free();
    Server broker = PatchedMoquette.start(TestMoquette.config(port, tmp.resolve("broker"), false), null, anyLogin, rules);
    Vertx vertx = Vertx.vertx();
    try {
      await().atMost(DEADLINE).ignoreExceptions().until(() -> broker.getPort() > 0); // getPort may throw while Netty binds
      Controller controller = Controller.start(vertx, ControllerConfig.defaults(tmp.resolve("controller"))
          .withPorts(0, 0).withExternalBroker("tcp://127.0.0.1:" + port), Clock.systemUTC()).await();
      try {
        HttpResponse<String> degraded = get(controller, "/health");
        assertThat(degraded.statusCode()).isEqualTo(503);
        JsonNode body = Codec.mapper().readTree(degraded.body());
        assertThat(body.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(body.get("problems")).hasSize(1);
        assertThat(body.get("problems").get(0).get("reason").asText())
            .contains("refused the controller's subscription to " + statusFilter)
            .contains("does not arrive");
        assertThat(refusals(controller)).isPositive();

        refuseStatus.set(false); // the operator fixes the broker's rule
        await().atMost(DEADLINE).until(() -> get(controller, "/health").statusCode() == 200);
        assertThat(Codec.mapper().readTree(get(controller, "/health").body()).get("status").asText()).isEqualTo("UP");
      } finally {
        controller.close();
      }
    } finally {
      vertx.close().await();
      PatchedMoquette.stop(broker);
    }
  }

  private static double refusals(Controller controller) throws Exception {
    java.util.OptionalDouble refusals = ScrapedMetrics.value(controller, "gatecast_broker_refusals_total(?:\\{[^}]*})?");
    assertThat(refusals).as("gatecast_broker_refusals_total in /metrics").isPresent();
    return refusals.getAsDouble();
  }

  private static HttpResponse<String> get(Controller controller, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

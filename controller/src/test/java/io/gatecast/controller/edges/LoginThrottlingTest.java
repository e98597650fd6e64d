package io.gatecast.controller.edges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.controller.RunningController;
import io.gatecast.controller.TestUsers;
import io.gatecast.controller.throttle.LoginThrottle;
import io.gatecast.protocol.Codec;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 4: password guessing is throttled per account and per address with growing
 * delays, told as a 429 with when to retry, audited, and the owner signing in from an address
 * they used before is not locked out by an attack from another. Addresses are real: the attacker
 * connects from 127.0.0.2, the owner from 127.0.0.3. Time is the controller's clock, moved by hand.
 */
@IntegrationTest
class LoginThrottlingTest {
  private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-05-04T08:00:00Z"));
  private static final String ATTACKER = "127.0.0.2";
  private static final String OWNER = "127.0.0.3";

  @RegisterExtension static final RunningController RUNNING = new RunningController(config -> config, CLOCK);

  private RawHttp.Response login(String from, String username, String password) {
    try (RawHttp connection = new RawHttp(RUNNING.controller().httpPort(), from)) {
      return connection.send(RawHttp.request("POST", "/api/v1/login", null,
          "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).read();
    }
  }

  private static JsonNode json(RawHttp.Response response) throws Exception {
    return Codec.mapper().readTree(response.body());
  }

  @Test
  void guessesAreHeldBackWithGrowingDelaysWhileTheOwnerStillSignsIn() throws Exception {
    TestUsers.user(RUNNING.api(), RUNNING.controller().httpPort(), "duty-officer", "operator");
    // The owner's usual address.
    assertThat(login(OWNER, "duty-officer", TestUsers.PASSWORD).status()).isEqualTo(200);

    // The free tries, then one more: every one a plain 401.
    for (int i = 0; i <= LoginThrottle.FREE_PER_ACCOUNT; i++) {
      assertThat(login(ATTACKER, "duty-officer", "guess-" + i).status()).isEqualTo(401);
    }
    long previous = 0;
    for (int round = 0; round < 3; round++) {
      RawHttp.Response held = login(ATTACKER, "duty-officer", "guess-again");
      assertThat(held.status()).isEqualTo(429);
      JsonNode body = json(held);
      assertThat(body.get("code").asText()).isEqualTo("LOGIN_THROTTLED");
      long retryAfter = body.get("details").get("retryAfterSeconds").asLong();
      assertThat(held.header("retry-after")).isEqualTo(Long.toString(retryAfter));
      assertThat(retryAfter).isGreaterThan(previous); // the delay grows
      previous = retryAfter;
      // Even the right password waits: it is not checked at all.
      assertThat(login(ATTACKER, "duty-officer", TestUsers.PASSWORD).status()).isEqualTo(429);
      // The owner, from the address they used before, signs in during the attack.
      assertThat(login(OWNER, "duty-officer", TestUsers.PASSWORD).status()).isEqualTo(200);
      // Once the wait is over, the next wrong guess is answered again, and lengthens the wait.
      CLOCK.advance(Duration.ofSeconds(retryAfter));
      assertThat(login(ATTACKER, "duty-officer", "guess-later").status()).isEqualTo(401);
    }

    // Every wait that started is in the audit log, with the address it came from.
    JsonNode audit = RUNNING.api().get("/api/v1/audit?subjectType=user&subjectId=duty-officer").body();
    long throttled = 0;
    for (JsonNode entry : audit.has("entries") ? audit.get("entries") : audit) {
      if (entry.get("action").asText().equals("login-throttled")) {
        throttled++;
        assertThat(entry.get("after").get("address").asText()).isEqualTo(ATTACKER);
      }
    }
    assertThat(throttled).isGreaterThanOrEqualTo(4);
  }

  @Test
  void oneAddressGuessingManyAccountsIsHeldBackToo() throws Exception {
    String from = "127.0.0.4";
    for (int i = 0; i < LoginThrottle.FREE_PER_ADDRESS + 1; i++) {
      assertThat(login(from, "nobody-" + i, "guess").status()).isEqualTo(401);
    }
    RawHttp.Response held = login(from, "someone-else", "guess");
    assertThat(held.status()).isEqualTo(429);
    assertThat(json(held).get("details").get("scope").asText()).isEqualTo("address");
    // Another address is not affected.
    assertThat(login("127.0.0.5", "someone-else", "guess").status()).isEqualTo(401);
  }
}

package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayBatch.Play;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verified;
import io.gatecast.protocol.Verifier;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof-of-play receipts, as a screen's agent sees them on its commands topic: a batch that asks is
 * answered with a receipt signed by the published key, naming it, only once its plays are stored; a
 * copy sent again is answered again and stored once; a batch that does not ask gets none.
 */
@IntegrationTest
class PlayReceiptTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final Instant START = Instant.parse("2026-03-15T08:00:00Z");
  private static final String PERIOD = "from=2026-03-15T00:00:00Z&to=2026-03-16T00:00:00Z";

  @RegisterExtension static final RunningController RUNNING = new RunningController();

  static PinnedKey key;

  @BeforeAll
  static void theKeyAgentsArePinnedTo() {
    key = SignedAlerts.publishedKey(RUNNING.api());
  }

  @Test
  void aBatchThatAsksIsAnsweredOnceStoredAndACopySentAgainIsAnsweredAgainButStoredOnce() throws Exception {
    String screenId = "receipt-hall-1";
    try (ScreenClient screen = screen(screenId)) {
      PlayBatch batch = new PlayBatch(Header.now(Instant.now()), screenId,
          List.of(play("r-1", 0), play("r-2", 10)), true);
      screen.publish(Topics.events(screenId), Codec.encode(batch));

      await().atMost(DEADLINE).until(() -> screen.received.size() == 1);
      // Read at once, no waiting: the receipt goes out only after the plays' transaction committed.
      assertThat(storedPlays(screenId)).as("plays stored when the receipt arrives").isEqualTo(2);
      Verified<PlayReceipt> first = open(screen.received.get(0));
      assertThat(first.keyId()).isEqualTo(key.keyId());
      assertThat(first.expiresAt()).as("a receipt never expires").isNull();
      assertThat(first.message().screenId()).isEqualTo(screenId);
      assertThat(first.message().batchId()).isEqualTo(batch.header().messageId());

      // The same batch again (its receipt lost, say): nothing new to store, answered all the same.
      screen.publish(Topics.events(screenId), Codec.encode(batch));
      await().atMost(DEADLINE).until(() -> screen.received.size() == 2);
      Verified<PlayReceipt> second = open(screen.received.get(1));
      assertThat(second.message().screenId()).isEqualTo(screenId);
      assertThat(second.message().batchId()).isEqualTo(batch.header().messageId());
      assertThat(second.message().header().messageId()).as("a receipt of its own")
          .isNotEqualTo(first.message().header().messageId());
      assertThat(storedPlays(screenId)).as("each play stored once").isEqualTo(2);
    }
  }

  @Test
  void aBatchThatDoesNotAskGetsNoReceipt() throws Exception {
    String screenId = "receipt-hall-2";
    try (ScreenClient screen = screen(screenId)) {
      PlayBatch silent = new PlayBatch(Header.now(Instant.now()), screenId, List.of(play("s-1", 0)));
      PlayBatch asking = new PlayBatch(Header.now(Instant.now()), screenId, List.of(play("s-2", 10)), true);
      screen.publish(Topics.events(screenId), Codec.encode(silent));
      screen.publish(Topics.events(screenId), Codec.encode(asking));

      // The ingest keeps the order they came in, so a receipt for the first would be here before the second's.
      await().atMost(DEADLINE).until(() -> !screen.received.isEmpty());
      assertThat(screen.received).hasSize(1);
      assertThat(open(screen.received.get(0)).message().batchId()).isEqualTo(asking.header().messageId());
      assertThat(storedPlays(screenId)).as("the batch that did not ask is stored all the same").isEqualTo(2);
    }
  }

  /** A registered screen's MQTT login, subscribed to its commands topic as its agent is. */
  private static ScreenClient screen(String screenId) throws Exception {
    Answer registered = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + screenId + "\"}");
    assertThat(registered.status()).isEqualTo(201);
    ScreenClient screen = new ScreenClient(RUNNING.controller().brokerUrl(), screenId,
        registered.body().get("mqttPassword").asText());
    screen.subscribe(Topics.commands(screenId));
    return screen;
  }

  /** Opens a receipt as an agent does: only if the published key signed it and it is of type play-receipt. */
  private static Verified<PlayReceipt> open(byte[] payload) {
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ZERO), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    return verifier.open(payload, Signed.PLAY_RECEIPT, PlayReceipt.class);
  }

  private static long storedPlays(String screenId) {
    Answer answer = RUNNING.api().get("/api/v1/reports/plays?" + PERIOD + "&groupBy=screen&screenId=" + screenId);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body().get("totalPlays").asLong();
  }

  private static Play play(String playId, int offsetSeconds) {
    Instant started = START.plusSeconds(offsetSeconds);
    return new Play(playId, "receipt-item", null, "vi", started, started.plusSeconds(10));
  }
}

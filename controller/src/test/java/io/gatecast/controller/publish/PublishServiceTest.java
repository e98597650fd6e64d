package io.gatecast.controller.publish;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.refusal.Refusal;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rollout views on a real SQLite file, without a controller: recent publishes newest first, one
 * by id, an unknown id refused. (Starting one is the publisher's, tested with a controller.)
 */
class PublishServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private final PublishRepository publishes = new PublishRepository();
  private PublishService service;

  @BeforeEach
  void open() {
    service = new PublishService(database.db(), null, publishes);
  }

  @Test
  void recentPublishesAreNewestFirstAndOneIsFoundByItsId() {
    assertThat(await(service.recent())).isEmpty();
    long first = await(database.db().transaction(c -> publishes.insert(c, "ana", NOW)));
    long second = await(database.db().transaction(c -> publishes.insert(c, "binh", NOW.plusSeconds(1))));

    assertThat(await(service.recent())).extracting(Rollout.Summary::id).containsExactly(second, first);
    Rollout.View view = await(service.find(first));
    assertThat(view.requestedBy()).isEqualTo("ana");
    assertThat(view.state()).isEqualTo(Rollout.State.QUEUED);
  }

  @Test
  void anUnknownPublishIsNotFound() {
    Refusal unknown = refused(service.find(7));
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(unknown.getMessage()).isEqualTo("no publish 7");
  }
}

package io.gatecast.controller.publish;

import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.util.List;

/** Publishing as the API asks for it: start one, and the rollout view of the recent ones or of one. */
public final class PublishService {
  /** The most recent publishes listed. */
  public static final int LIST_LIMIT = 100;

  private final Database db;
  private final Publisher publisher;
  private final PublishRepository publishes;

  public PublishService(Database db, Publisher publisher, PublishRepository publishes) {
    this.db = db;
    this.publisher = publisher;
    this.publishes = publishes;
  }

  /**
   * Publishes to every screen for {@code actor}; completes with the publish id once it is recorded,
   * the screens follow in batches (the publisher tells each step on the event bus).
   */
  public Future<Long> publishAll(String actor) {
    return publisher.publishAll(actor).map(Publisher.Started::publishId);
  }

  /** The last {@link #LIST_LIMIT} publishes, newest first. */
  public Future<List<Rollout.Summary>> recent() {
    return db.transaction(c -> publishes.recent(c, LIST_LIMIT));
  }

  /** One publish's rollout; NOT_FOUND for an unknown id. */
  public Future<Rollout.View> find(long id) {
    return db.transaction(c -> publishes.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no publish " + id)));
  }
}

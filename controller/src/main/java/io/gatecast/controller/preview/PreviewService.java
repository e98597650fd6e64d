package io.gatecast.controller.preview;

import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;

/**
 * What one screen will show over {@code [from, to)} (at most {@link Preview#MAX_WINDOW}), and the
 * engine's checks for it: the rules the next publish would send, built in one transaction, then
 * the engine's work off the event loop and off the database thread.
 */
public final class PreviewService {
  private final Vertx vertx;
  private final Database db;
  private final ScreenRepository screens;
  private final RulesBuilder rules;

  public PreviewService(Vertx vertx, Database db, ScreenRepository screens, RulesBuilder rules) {
    this.vertx = vertx;
    this.db = db;
    this.screens = screens;
    this.rules = rules;
  }

  public Future<Preview.View> preview(String screenId, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "to (" + to + ") must be after from (" + from + ")"));
    }
    if (Duration.between(from, to).compareTo(Preview.MAX_WINDOW) > 0) {
      return Future.failedFuture(Refusal.of(Kind.BAD_INPUT, "to is more than " + Preview.MAX_WINDOW.toDays()
          + " days after from; preview at most " + Preview.MAX_WINDOW.toDays() + " days at a time"));
    }
    return db.transaction(c -> {
      if (!screens.exists(c, screenId)) {
        throw Refusal.of(Kind.NOT_FOUND, "no screen " + screenId);
      }
      return rules.build(c, screenId);
    })
        // The engine's work is CPU-bound: off the event loop and off the database thread.
        .compose(plan -> vertx.executeBlocking(() -> Preview.of(plan, from, to), false));
  }
}

package io.gatecast.controller.notices;

import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.FleetLoaded;
import io.gatecast.controller.events.FleetSwept;
import io.gatecast.controller.events.ScreenUpChanged;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.store.Database;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the fleet's up/down changes, as the fleet tells them on the event bus, to the
 * {@link NoticePolicy} and hands its notices to a sender.
 *
 * <p>Each event is decided in a transaction of its own on the database thread, after the fleet's has
 * committed: that reads what the policy needs (a gate's operating hours) and serialises the policy,
 * which is not thread-safe. The bus delivers in publish order and the database runs the decisions in
 * the order they were asked, so the policy hears the fleet in the order it was stored, and its
 * notices leave in the order it decided them.
 */
public final class TechnicianNotices {
  private static final Logger LOG = LoggerFactory.getLogger(TechnicianNotices.class);
  private final Database db;
  private final NoticePolicy policy;
  private final ClusterDirectory clusters;
  private final Consumer<Notice> sender;

  public TechnicianNotices(Database db, NoticePolicy policy, ClusterDirectory clusters, Consumer<Notice> sender) {
    this.db = db;
    this.policy = policy;
    this.clusters = clusters;
    this.sender = sender;
  }

  /**
   * Notices as configured: to the webhook and by e-mail, each if set ({@code accepted} is told of each
   * one a sender delivered, for metrics); logged either way.
   */
  public static TechnicianNotices configured(Database db, NoticeSettings settings, ClusterDirectory clusters,
      Runnable accepted) {
    Consumer<Notice> sender = notice -> { };
    if (settings.webhookUrl() != null) {
      sender = sender.andThen(new WebhookSender(settings.webhookUrl(), accepted));
    }
    if (settings.mail() != null) {
      sender = sender.andThen(new MailSender(settings.mail(), accepted));
    }
    return new TechnicianNotices(db, new NoticePolicy(settings), clusters, sender);
  }

  /** Hears the fleet from now on: its state at start, each screen going down or up, the silence sweep. */
  public void subscribeTo(DomainEvents events) {
    events.subscribe(FleetLoaded.class, this::know);
    events.subscribe(ScreenUpChanged.class, this::observe);
    events.subscribe(FleetSwept.class, this::tick);
  }

  /** The fleet as it is at start-up: known, not news. */
  private void know(FleetLoaded loaded) {
    decide(c -> {
      for (FleetLoaded.Screen screen : loaded.screens()) {
        policy.know(screen.screenId(), screen.clusterId(), screen.up(), screen.reason(), screen.since());
      }
      return List.of();
    });
  }

  private void observe(ScreenUpChanged change) {
    decide(c -> policy.observe(change.screenId(), change.clusterId(), change.up(), change.reason(), change.at(),
        operating(c)));
  }

  /** Time passed: what was waiting for a grace period or a gate's hours may be due. */
  private void tick(FleetSwept swept) {
    decide(c -> policy.tick(swept.at(), operating(c)));
  }

  /** Decides and hands the notices over on the database thread, so they leave in the order decided (senders do not block). */
  private void decide(Database.Work<List<Notice>> decision) {
    db.<Void>transaction(c -> {
      send(decision.run(c));
      return null;
    }).onFailure(e -> LOG.error("technicians' notices: cannot decide what the fleet's change means", e));
  }

  private BiPredicate<String, Instant> operating(Connection c) {
    return (cluster, at) -> {
      try {
        return clusters.isOperating(c, cluster, at);
      } catch (SQLException e) {
        throw new UncheckedIOException(new java.io.IOException("cannot read the operating hours of " + cluster, e));
      }
    };
  }

  private void send(List<Notice> notices) {
    for (Notice notice : notices) {
      LOG.info("alert {}: {}", notice.kind(), notice.text());
      sender.accept(notice);
    }
  }
}

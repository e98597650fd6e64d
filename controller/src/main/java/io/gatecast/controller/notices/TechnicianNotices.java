package io.gatecast.controller.notices;

import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth.Recorded;
import io.gatecast.controller.fleet.HealthWatcher;
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
 * Feeds the fleet's up/down changes to the {@link NoticePolicy} and hands its notices to a sender.
 * Called inside database transactions (the single database thread serialises the policy).
 */
public final class TechnicianNotices implements HealthWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(TechnicianNotices.class);
  private final NoticePolicy policy;
  private final ClusterDirectory clusters;
  private final Consumer<Notice> sender;

  public TechnicianNotices(NoticePolicy policy, ClusterDirectory clusters, Consumer<Notice> sender) {
    this.policy = policy;
    this.clusters = clusters;
    this.sender = sender;
  }

  /**
   * Notices as configured: to the webhook and by e-mail, each if set ({@code accepted} is told of each
   * one a sender delivered, for metrics); logged either way.
   */
  public static TechnicianNotices configured(NoticeSettings settings, ClusterDirectory clusters, Runnable accepted) {
    Consumer<Notice> sender = notice -> { };
    if (settings.webhookUrl() != null) {
      sender = sender.andThen(new WebhookSender(settings.webhookUrl(), accepted));
    }
    if (settings.mail() != null) {
      sender = sender.andThen(new MailSender(settings.mail(), accepted));
    }
    return new TechnicianNotices(new NoticePolicy(settings), clusters, sender);
  }

  /** The fleet as it is at start-up: known, not news. */
  @Override
  public void know(List<Recorded> screens) {
    for (Recorded screen : screens) {
      policy.know(screen.screenId(), screen.clusterId(), screen.upAfter(), screen.reason(), screen.at());
    }
  }

  @Override
  public void onChange(Connection c, Recorded recorded) {
    if (recorded.upChanged()) {
      send(policy.observe(recorded.screenId(), recorded.clusterId(), recorded.upAfter(), recorded.reason(), recorded.at(),
          operating(c)));
    }
  }

  @Override
  public void tick(Connection c, Instant now) {
    send(policy.tick(now, operating(c)));
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

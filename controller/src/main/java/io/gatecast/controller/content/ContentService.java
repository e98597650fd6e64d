package io.gatecast.controller.content;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.media.Media;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Content items and their review: creating and editing submit an item (PENDING), an approver
 * approves or rejects the revision they saw ({@link Workflow}), retiring takes an approved item off
 * the air (and republishes the screens carrying it), deleting is only for an item nothing uses.
 * Every write is audited in the transaction that makes it.
 */
public final class ContentService {
  /** Makes a publish of every screen as {@code actor} and answers with its id (the publish feature does it). */
  @FunctionalInterface
  public interface Republish {
    Future<Long> publishAll(String actor);
  }

  /**
   * The layouts that name an item (a ticker line, a QR link, ...). Asked through this, not the layouts'
   * repository: layouts already depend on content (their previews read items), so content must not
   * depend back on them.
   */
  @FunctionalInterface
  public interface LayoutsNaming {
    List<String> of(java.sql.Connection c, String contentId) throws java.sql.SQLException;
  }

  /** A retired item; when screens were carrying it, the publish that took it off them and those screens. */
  public record Retired(Content content, Long publishId, List<String> screens) {
    public boolean republished() {
      return publishId != null;
    }
  }

  private final Database db;
  private final Clock clock;
  private final ContentRepository content;
  private final MediaRepository media;
  private final OnAir onAir;
  private final AuditLog audit;
  private final Republish republish;
  private final LayoutsNaming layouts;

  public ContentService(Database db, Clock clock, ContentRepository content, MediaRepository media,
      OnAir onAir, LayoutsNaming layouts, AuditLog audit, Republish republish) {
    this.onAir = onAir;
    this.layouts = layouts;
    this.db = db;
    this.clock = clock;
    this.content = content;
    this.media = media;
    this.audit = audit;
    this.republish = republish;
  }

  public Future<Content> create(User author, String id, String title, List<ContentVariant> variants) {
    return db.transaction(c -> {
      requireMedia(c, variants);
      if (content.exists(c, id)) {
        throw Refusal.conflict("CONTENT_EXISTS", "a content item with id " + id + " already exists",
            Map.of("field", "id", "value", id));
      }
      content.insert(c, id, title, variants, author.username(), clock.instant());
      Content created = content.find(c, id).orElseThrow();
      audit.record(c, author.username(), "submit", "content", created.id(), null, created);
      return created;
    });
  }

  /** A new revision, by its author or an operator; it goes back to PENDING whatever it was. */
  public Future<Content> edit(User editor, String id, String title, List<ContentVariant> variants) {
    return db.transaction(c -> {
      Content before = existing(c, id);
      Workflow.checkEdit(before, editor);
      requireMedia(c, variants);
      content.revise(c, id, title, variants, editor.username(), clock.instant());
      Content after = content.find(c, id).orElseThrow();
      audit.record(c, editor.username(), "edit", "content", id, before, after);
      return after;
    });
  }

  public Future<Content> approve(User approver, String id, long revision) {
    return db.transaction(c -> {
      Content before = existing(c, id);
      Workflow.checkApprove(before, approver, revision);
      return reviewed(c, before, ContentStatus.APPROVED, approver, null, "approve");
    });
  }

  public Future<Content> reject(User approver, String id, long revision, String reason) {
    return db.transaction(c -> {
      Content before = existing(c, id);
      Workflow.checkReject(before, revision);
      return reviewed(c, before, ContentStatus.REJECTED, approver, reason, "reject");
    });
  }

  /**
   * Takes an approved item off the air without losing it: the workflow's withdrawal (RETIRED with a
   * reason, so it can be edited and resubmitted). When a screen's last published schedule still
   * carries it, a publish is made at once (as the one who retired it) so those screens get a
   * schedule without it; like any publish it sends every screen whose schedule changed.
   */
  public Future<Retired> retire(User actor, String id, long revision, String reason) {
    return db.transaction(c -> {
      Content before = existing(c, id);
      if (before.status() != ContentStatus.APPROVED) {
        throw Refusal.conflict("CONTENT_NOT_ON_AIR", "content " + id + " is " + before.status()
            + "; only an APPROVED item can be retired", Map.of("id", id, "status", before.status().name()));
      }
      Workflow.checkReject(before, revision);
      Content after = reviewed(c, before, ContentStatus.RETIRED, actor, reason, "retire");
      return new Retired(after, null, onAir.screensCarrying(c, id));
    }).compose(retired -> retired.screens().isEmpty() ? Future.succeededFuture(retired)
        : republish.publishAll(actor.username())
            .map(publishId -> new Retired(retired.content(), publishId, retired.screens())));
  }

  /** Deletes an item nothing uses; one in use is refused naming its playlists, campaigns, screens and layouts. */
  public Future<Void> delete(String actor, String id) {
    return db.transaction(c -> {
      Content before = content.find(c, id).orElseThrow(() -> Refusal.notFound("NO_SUCH_CONTENT",
          "no content item " + id, Map.of("id", id)));
      ContentUsage usage = ContentUsage.of(c, id, layouts.of(c, id));
      if (!usage.unused()) {
        throw Refusal.conflict("CONTENT_IN_USE", "content " + id + " is in the playlists " + usage.playlists()
            + " (played by the campaigns " + usage.campaigns() + "), on the screens' own playlists "
            + usage.screens() + " and named by the layouts " + usage.layouts()
            + "; take it out of them first, or retire it; nothing was deleted",
            Map.of("id", id, "playlists", usage.playlists(), "campaigns", usage.campaigns(),
                "screens", usage.screens(), "layouts", usage.layouts(), "names", usage.names()));
      }
      content.delete(c, id);
      audit.record(c, actor, "delete", "content", id, before, null);
      return null;
    });
  }

  public Future<Content> find(String id) {
    return db.transaction(c -> existing(c, id));
  }

  /** Every item, or those with {@code status} (null: all), narrowed by {@code search} (null: none). */
  public Future<List<Content>> list(ContentStatus status, ContentSearch search) {
    return db.transaction(c -> search == null ? content.all(c, status)
        : search.filter(content.all(c, status), mimeTypes(c)));
  }

  private Content reviewed(Connection c, Content before, ContentStatus outcome, User reviewer, String reason,
      String action) throws SQLException {
    content.review(c, before.id(), before.revision(), outcome, reviewer.username(), reason, clock.instant());
    Content after = content.find(c, before.id()).orElseThrow();
    audit.record(c, reviewer.username(), action, "content", before.id(), before, after);
    return after;
  }

  private Content existing(Connection c, String id) throws SQLException {
    return content.find(c, id).orElseThrow(() -> Refusal.of(Kind.NOT_FOUND, "no content item " + id));
  }

  private void requireMedia(Connection c, List<ContentVariant> variants) throws SQLException {
    for (int i = 0; i < variants.size(); i++) {
      String sha = variants.get(i).mediaSha256();
      if (sha != null && media.find(c, sha).isEmpty()) {
        throw Refusal.of(Kind.BAD_INPUT, "variants[" + i + "].mediaSha256 " + sha
            + " names no uploaded media; upload the file first with POST /api/v1/media");
      }
    }
  }

  private Map<String, String> mimeTypes(Connection c) throws SQLException {
    Map<String, String> types = new HashMap<>();
    for (Media file : media.all(c)) {
      types.put(file.sha256(), file.mimeType());
    }
    return types;
  }
}

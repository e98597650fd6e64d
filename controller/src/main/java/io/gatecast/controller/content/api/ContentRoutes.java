package io.gatecast.controller.content.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.content.Content;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentSearch;
import io.gatecast.controller.content.ContentStatus;
import io.gatecast.controller.content.ContentUsage;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.live.LiveEvents;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.media.Media;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.workflow.Workflow;
import io.gatecast.protocol.Codec;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;

/** Content items (language variants, text slides), their edits, and their review. */
public final class ContentRoutes {
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  /** Retiring an item that screens carry publishes, so that it stops playing. */
  private final Publisher publisher;
  private final ContentRepository content = new ContentRepository();
  private final MediaRepository media = new MediaRepository();

  private static final int MAX_SEARCH_CHARS = 200;
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  public ContentRoutes(Database db, Clock clock, AuditLog audit, Publisher publisher) {
    this.db = db;
    this.publisher = publisher;
    this.clock = clock;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/content").handler(ctx -> {
      ContentRequests.CreateContent request = Json.read(ctx, ContentRequests.CreateContent.class);
      User author = AuthHandler.user(ctx);
      db.transaction(c -> {
        List<ContentVariant> variants = request.checked();
        requireMedia(c, variants);
        if (content.exists(c, request.id())) {
          throw new ApiException(409, "a content item with id " + request.id() + " already exists");
        }
        content.insert(c, request.id(), request.title(), variants, author.username(), clock.instant());
        Content created = content.find(c, request.id()).orElseThrow();
        audit.record(c, author.username(), "submit", "content", created.id(), null, created);
        return created;
      }).onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.get("/api/v1/content").handler(ctx -> {
      ContentStatus status = status(ctx.queryParams().get("status"));
      ContentSearch search = search(ctx);
      db.transaction(c -> search == null ? content.all(c, status)
              : search.filter(content.all(c, status), mimeTypes(c)))
          .onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail);
    });
    router.get("/api/v1/content/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> existing(c, id)).onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail);
    });
    router.put("/api/v1/content/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.EditContent request = Json.read(ctx, ContentRequests.EditContent.class);
      User editor = AuthHandler.user(ctx);
      db.transaction(c -> {
        Content before = existing(c, id);
        Workflow.checkEdit(before, editor);
        List<ContentVariant> variants = request.checked();
        requireMedia(c, variants);
        content.revise(c, id, request.title(), variants, editor.username(), clock.instant());
        Content after = content.find(c, id).orElseThrow();
        audit.record(c, editor.username(), "edit", "content", id, before, after);
        return after;
      }).onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.post("/api/v1/content/:id/approve").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Approve request = Json.read(ctx, ContentRequests.Approve.class);
      User approver = AuthHandler.user(ctx);
      db.transaction(c -> {
        Content before = existing(c, id);
        Workflow.checkApprove(before, approver, request.revision());
        return reviewed(c, before, ContentStatus.APPROVED, approver, null, "approve");
      }).onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.post("/api/v1/content/:id/reject").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Reject request = Json.read(ctx, ContentRequests.Reject.class);
      User approver = AuthHandler.user(ctx);
      db.transaction(c -> {
        Content before = existing(c, id);
        Workflow.checkReject(before, request.revision());
        return reviewed(c, before, ContentStatus.REJECTED, approver, request.reason(), "reject");
      }).onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    mountRemoval(router);
  }

  /**
   * Retiring and deleting. Retiring takes an approved item off the air without losing it: it is the
   * workflow's withdrawal (RETIRED with a reason, so it can be edited and resubmitted), open to the
   * operators who run the air as well as to approvers. Deleting is only for an item nothing plays.
   */
  private void mountRemoval(Router router) {
    router.post("/api/v1/content/:id/retire").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Reject request = Json.read(ctx, ContentRequests.Reject.class);
      User actor = AuthHandler.user(ctx);
      db.transaction(c -> {
        Content before = existing(c, id);
        if (before.status() != ContentStatus.APPROVED) {
          throw Refusal.conflict("CONTENT_NOT_ON_AIR", "content " + id + " is " + before.status()
              + "; only an APPROVED item can be retired", Map.of("id", id, "status", before.status().name()));
        }
        Workflow.checkReject(before, request.revision());
        Content after = reviewed(c, before, ContentStatus.RETIRED, actor, request.reason(), "retire");
        return new Retired(after, OnAir.screensCarrying(c, id));
      }).compose(retired -> republish(retired, actor.username()))
          .onSuccess(answer -> {
            if (answer.has("republished")) {
              LiveEvents.publishChanged(ctx.vertx(), answer.get("republished").get("publishId").asLong());
            }
            Json.send(ctx, 200, answer);
          }).onFailure(ctx::fail);
    });
    router.delete("/api/v1/content/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        Content before = content.find(c, id).orElseThrow(() -> Refusal.notFound("NO_SUCH_CONTENT",
            "no content item " + id, Map.of("id", id)));
        ContentUsage usage = ContentUsage.of(c, id);
        if (!usage.unused()) {
          throw Refusal.conflict("CONTENT_IN_USE", "content " + id + " is in the playlists " + usage.playlists()
              + " (played by the campaigns " + usage.campaigns() + ") and on the screens' own playlists "
              + usage.screens() + "; take it out of them first, or retire it; nothing was deleted",
              Map.of("id", id, "playlists", usage.playlists(), "campaigns", usage.campaigns(),
                  "screens", usage.screens()));
        }
        content.delete(c, id);
        audit.record(c, actor, "delete", "content", id, before, null);
        return null;
      }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    });
  }

  /** A retired item, and the screens whose last published schedule still carries it. */
  private record Retired(Content content, List<String> screens) {}

  /**
   * A retired item stops playing: when a screen's last published schedule still carries it, a
   * publish is made at once (as the one who retired it) so those screens get a schedule without it.
   * Like any publish it sends every screen whose schedule changed. The answer is the item, with
   * {@code republished} naming the publish and the screens that were carrying it.
   */
  private Future<ObjectNode> republish(Retired retired, String actor) {
    ObjectNode answer = Codec.mapper().valueToTree(retired.content());
    if (retired.screens().isEmpty()) {
      return Future.succeededFuture(answer);
    }
    return publisher.publishAll(actor).map(result -> {
      ObjectNode republished = answer.putObject("republished");
      republished.put("publishId", result.publishId());
      retired.screens().forEach(republished.putArray("screens")::add);
      return answer;
    });
  }

  private Content reviewed(Connection c, Content before, ContentStatus outcome, User approver, String reason,
      String action) throws SQLException {
    content.review(c, before.id(), before.revision(), outcome, approver.username(), reason, clock.instant());
    Content after = content.find(c, before.id()).orElseThrow();
    audit.record(c, approver.username(), action, "content", before.id(), before, after);
    return after;
  }

  private Content existing(Connection c, String id) throws SQLException {
    return content.find(c, id).orElseThrow(() -> ApiException.notFound("no content item " + id));
  }

  private void requireMedia(Connection c, List<ContentVariant> variants) throws SQLException {
    for (int i = 0; i < variants.size(); i++) {
      String sha = variants.get(i).mediaSha256();
      if (sha != null && media.find(c, sha).isEmpty()) {
        throw ApiException.badRequest("variants[" + i + "].mediaSha256 " + sha
            + " names no uploaded media; upload the file first with POST /api/v1/media");
      }
    }
  }

  /** The library's search ({@code q}, {@code language}, {@code type}); null when none is given. */
  private static ContentSearch search(RoutingContext ctx) {
    String words = QueryParams.optional(ctx, "q");
    String language = QueryParams.optional(ctx, "language");
    String typeName = QueryParams.optional(ctx, "type");
    if (words == null && language == null && typeName == null) {
      return null;
    }
    if (words != null && words.length() > MAX_SEARCH_CHARS) {
      throw ApiException.badRequest("q must be at most " + MAX_SEARCH_CHARS + " characters, got " + words.length());
    }
    if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
      throw ApiException.badRequest("language must be a BCP 47 language tag such as vi, en or zh-Hans, got '"
          + QueryParams.shortened(language) + "'");
    }
    ContentSearch.Type type = typeName == null ? null : ContentSearch.Type.of(typeName);
    if (typeName != null && type == null) {
      throw ApiException.badRequest("type must be one of image, video, text, html, got '"
          + QueryParams.shortened(typeName) + "'");
    }
    return new ContentSearch(words, language, type);
  }

  private Map<String, String> mimeTypes(Connection c) throws SQLException {
    Map<String, String> types = new HashMap<>();
    for (Media file : media.all(c)) {
      types.put(file.sha256(), file.mimeType());
    }
    return types;
  }

  private static ContentStatus status(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ContentStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("status must be one of PENDING, APPROVED, REJECTED, RETIRED, got '"
          + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
    }
  }
}

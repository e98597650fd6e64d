package io.gatecast.controller.content.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.content.ContentSearch;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentStatus;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;
import io.gatecast.controller.http.QueryParams;
import io.gatecast.protocol.Codec;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Content items (language variants, text slides), their edits, their review, retiring and deleting;
 * the rules are {@link ContentService}'s.
 */
public final class ContentRoutes {
  private final ContentService service;

  private static final int MAX_SEARCH_CHARS = 200;
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

  public ContentRoutes(ContentService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/content").handler(ctx -> {
      ContentRequests.CreateContent request = Json.read(ctx, ContentRequests.CreateContent.class);
      service.create(AuthHandler.user(ctx), request.id(), request.title(), request.checked())
          .onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.get("/api/v1/content").handler(ctx -> {
      ContentStatus status = status(ctx.queryParams().get("status"));
      ContentSearch search = search(ctx);
      service.list(status, search).onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail);
    });
    router.get("/api/v1/content/:id").handler(ctx ->
        service.find(ctx.pathParam("id")).onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail));
    router.put("/api/v1/content/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.EditContent request = Json.read(ctx, ContentRequests.EditContent.class);
      service.edit(AuthHandler.user(ctx), id, request.title(), request.checked())
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.post("/api/v1/content/:id/approve").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Approve request = Json.read(ctx, ContentRequests.Approve.class);
      service.approve(AuthHandler.user(ctx), id, request.revision())
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.post("/api/v1/content/:id/reject").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Reject request = Json.read(ctx, ContentRequests.Reject.class);
      service.reject(AuthHandler.user(ctx), id, request.revision(), request.reason())
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    router.post("/api/v1/content/:id/retire").handler(ctx -> {
      String id = ctx.pathParam("id");
      ContentRequests.Reject request = Json.read(ctx, ContentRequests.Reject.class);
      // The republish it may start is told to the live view by the publisher itself.
      service.retire(AuthHandler.user(ctx), id, request.revision(), request.reason())
          .onSuccess(retired -> Json.send(ctx, 200, retiredAnswer(retired))).onFailure(ctx::fail);
    });
    router.delete("/api/v1/content/:id").handler(ctx ->
        service.delete(AuthHandler.user(ctx).username(), ctx.pathParam("id"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
  }

  /** The item, with {@code republished} naming the publish and the screens that were carrying it, if any. */
  private static ObjectNode retiredAnswer(ContentService.Retired retired) {
    ObjectNode answer = Codec.mapper().valueToTree(retired.content());
    if (retired.republished()) {
      ObjectNode republished = answer.putObject("republished");
      republished.put("publishId", retired.publishId());
      retired.screens().forEach(republished.putArray("screens")::add);
    }
    return answer;
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
      throw Refusal.of(Kind.BAD_INPUT, "q must be at most " + MAX_SEARCH_CHARS + " characters, got " + words.length());
    }
    if (language != null && !LANGUAGE_TAG.matcher(language).matches()) {
      throw Refusal.of(Kind.BAD_INPUT, "language must be a BCP 47 language tag such as vi, en or zh-Hans, got '"
          + QueryParams.shortened(language) + "'");
    }
    ContentSearch.Type type = typeName == null ? null : ContentSearch.Type.of(typeName);
    if (typeName != null && type == null) {
      throw Refusal.of(Kind.BAD_INPUT, "type must be one of image, video, text, html, got '"
          + QueryParams.shortened(typeName) + "'");
    }
    return new ContentSearch(words, language, type);
  }

  private static ContentStatus status(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ContentStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw Refusal.of(Kind.BAD_INPUT, "status must be one of PENDING, APPROVED, REJECTED, RETIRED, got '"
          + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + "'");
    }
  }
}

package io.gatecast.controller.playlists.api;

import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.PlaylistService;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Variant;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/** Named playlists for campaigns and gates; the rules are {@link PlaylistService}'s. */
public final class PlaylistRoutes {
  public record EntryRequest(String contentId, Integer weight, Integer position) {}

  public record PlaylistRequest(String id, String name, List<EntryRequest> entries) {
    public PlaylistRequest {
      if (id != null) {
        Check.id(id, "id");
      }
      name = name == null ? id : Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
      entries = Check.list(entries, "entries", Limits.MAX_PLAYLIST_ENTRIES);
      if (entries.isEmpty()) {
        throw new IllegalArgumentException("entries must hold at least one item");
      }
      List<PlaylistEntry> model = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        EntryRequest e = entries.get(i);
        Check.id(e.contentId(), "entries[" + i + "].contentId");
        int weight = e.weight() == null ? 1 : Check.between(e.weight(), 1, Limits.MAX_WEIGHT, "entries[" + i + "].weight");
        if (e.position() != null) {
          Check.between(e.position(), 1, Limits.MAX_PLAYLIST_ENTRIES, "entries[" + i + "].position");
        }
        ContentItem stand = new ContentItem(e.contentId(), e.contentId(), List.of(Variant.text("vi", "x", 1)));
        model.add(new PlaylistEntry(stand, weight, e.position()));
      }
      try {
        new Playlist(id == null ? "playlist" : id, model); // the engine's rules: no repeats, positions within the cycle
      } catch (InvalidModelException ex) {
        throw new IllegalArgumentException(ex.getMessage(), ex);
      }
    }

    List<NamedPlaylist.Entry> checked() {
      return entries.stream().map(e -> new NamedPlaylist.Entry(e.contentId(), e.weight() == null ? 1 : e.weight(),
          e.position())).toList();
    }
  }

  private final PlaylistService service;

  public PlaylistRoutes(PlaylistService service) {
    this.service = service;
  }

  public void mount(Router router) {
    router.post("/api/v1/playlists").handler(ctx -> {
      PlaylistRequest request = Json.read(ctx, PlaylistRequest.class);
      String actor = AuthHandler.user(ctx).username();
      if (request.id() == null) {
        throw Refusal.of(Kind.BAD_INPUT, "id is required");
      }
      service.create(actor, request.id(), request.name(), request.checked())
          .onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.put("/api/v1/playlists/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      PlaylistRequest request = Json.read(ctx, PlaylistRequest.class);
      if (request.id() != null && !request.id().equals(id)) {
        throw Refusal.of(Kind.BAD_INPUT, "id " + request.id() + " in the body differs from " + id + " in the path");
      }
      String actor = AuthHandler.user(ctx).username();
      service.edit(actor, id, request.name(), request.checked())
          .onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    // Deleted only when unused (by a campaign, or as a gate's default fill). The refusal names the users.
    router.delete("/api/v1/playlists/:id").handler(ctx ->
        service.delete(AuthHandler.user(ctx).username(), ctx.pathParam("id"))
            .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
    router.get("/api/v1/playlists").handler(ctx ->
        service.all().onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/playlists/:id").handler(ctx ->
        service.find(ctx.pathParam("id")).onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail));
  }
}

package io.gatecast.controller.playlists.api;

import io.gatecast.controller.organisation.ClusterRepository;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Variant;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.http.ApiException;
import io.gatecast.controller.http.AuthHandler;
import io.gatecast.controller.http.Json;

/**
 * Named playlists for campaigns. A playlist may name items still in review: only approved ones are
 * ever sent (see {@code RulesBuilder}), and the publish answer lists the ones held back.
 */
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

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final NamedPlaylistRepository playlists = new NamedPlaylistRepository();
  private final ContentRepository content = new ContentRepository();
  private final CampaignRepository campaigns = new CampaignRepository();

  public PlaylistRoutes(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  public void mount(Router router) {
    router.post("/api/v1/playlists").handler(ctx -> {
      PlaylistRequest request = Json.read(ctx, PlaylistRequest.class);
      String actor = AuthHandler.user(ctx).username();
      if (request.id() == null) {
        throw ApiException.badRequest("id is required");
      }
      db.transaction(c -> {
        requireContent(c, request);
        if (playlists.exists(c, request.id())) {
          throw new ApiException(409, "a playlist with id " + request.id() + " already exists");
        }
        playlists.insert(c, request.id(), request.name(), request.checked(), clock.instant());
        NamedPlaylist created = playlists.find(c, request.id()).orElseThrow();
        audit.record(c, actor, "create", "playlist", created.id(), null, created);
        return created;
      }).onSuccess(created -> Json.send(ctx, 201, created)).onFailure(ctx::fail);
    });
    router.put("/api/v1/playlists/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      PlaylistRequest request = Json.read(ctx, PlaylistRequest.class);
      if (request.id() != null && !request.id().equals(id)) {
        throw ApiException.badRequest("id " + request.id() + " in the body differs from " + id + " in the path");
      }
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        NamedPlaylist before = playlists.find(c, id).orElseThrow(() -> ApiException.notFound("no playlist " + id));
        requireContent(c, request);
        playlists.replace(c, id, request.name() == null ? before.name() : request.name(), request.checked(),
            clock.instant());
        NamedPlaylist after = playlists.find(c, id).orElseThrow();
        audit.record(c, actor, "edit", "playlist", id, before, after);
        return after;
      }).onSuccess(after -> Json.send(ctx, 200, after)).onFailure(ctx::fail);
    });
    // Deleted only when unused: a campaign that plays it would have nothing to play. The refusal names them.
    router.delete("/api/v1/playlists/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      String actor = AuthHandler.user(ctx).username();
      db.transaction(c -> {
        NamedPlaylist before = playlists.find(c, id).orElseThrow(() -> Refusal.notFound("NO_SUCH_PLAYLIST",
            "no playlist " + id, Map.of("id", id)));
        List<String> using = campaigns.using(c, id);
        if (!using.isEmpty()) {
          throw Refusal.conflict("PLAYLIST_IN_USE", "playlist " + id + " is played by the campaigns " + using
              + "; change or delete them first; nothing was deleted", Map.of("id", id, "campaigns", using));
        }
        // A gate's default fill is in use too: deleting it would turn the gate's idle screens black.
        List<String> gates = new ClusterRepository().defaultPlaylists(c).entrySet().stream()
            .filter(gate -> gate.getValue().equals(id)).map(Map.Entry::getKey).sorted().toList();
        if (!gates.isEmpty()) {
          throw Refusal.conflict("PLAYLIST_IS_GATE_DEFAULT", "playlist " + id + " is the default playlist of the gates "
              + gates + "; choose another default for them first; nothing was deleted", Map.of("id", id, "gates", gates));
        }
        playlists.delete(c, id);
        audit.record(c, actor, "delete", "playlist", id, before, null);
        return null;
      }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    });
    router.get("/api/v1/playlists").handler(ctx ->
        db.transaction(playlists::all).onSuccess(all -> Json.send(ctx, 200, all)).onFailure(ctx::fail));
    router.get("/api/v1/playlists/:id").handler(ctx -> {
      String id = ctx.pathParam("id");
      db.transaction(c -> playlists.find(c, id).orElseThrow(() -> ApiException.notFound("no playlist " + id)))
          .onSuccess(found -> Json.send(ctx, 200, found)).onFailure(ctx::fail);
    });
  }

  private void requireContent(Connection c, PlaylistRequest request) throws SQLException {
    for (int i = 0; i < request.entries().size(); i++) {
      String contentId = request.entries().get(i).contentId();
      if (!content.exists(c, contentId)) {
        throw ApiException.badRequest("entries[" + i + "].contentId " + contentId + " names no content item");
      }
    }
  }
}

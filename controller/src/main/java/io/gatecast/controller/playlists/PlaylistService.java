package io.gatecast.controller.playlists;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.layouts.LayoutRepository;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Named playlists for campaigns and gates: the rules (ids unique, every entry names a stored item, a
 * playlist in use by a campaign, as a gate's default or by a layout's region is not deleted), the writes and the audit
 * entries. A playlist may name items still in review: only approved ones are ever sent (see
 * {@code RulesBuilder}), and the publish answer lists the ones held back.
 */
public final class PlaylistService {
  private final Database db;
  private final Clock clock;
  private final NamedPlaylistRepository playlists;
  private final ContentRepository content;
  private final CampaignRepository campaigns;
  private final ClusterRepository gates;
  private final LayoutRepository layouts;
  private final AuditLog audit;

  public PlaylistService(Database db, Clock clock, NamedPlaylistRepository playlists, ContentRepository content,
      CampaignRepository campaigns, ClusterRepository gates, LayoutRepository layouts, AuditLog audit) {
    this.layouts = layouts;
    this.db = db;
    this.clock = clock;
    this.playlists = playlists;
    this.content = content;
    this.campaigns = campaigns;
    this.gates = gates;
    this.audit = audit;
  }

  public Future<NamedPlaylist> create(String actor, String id, String name, List<NamedPlaylist.Entry> entries) {
    return db.transaction(c -> {
      requireContent(c, entries);
      if (playlists.exists(c, id)) {
        throw Refusal.conflict("PLAYLIST_EXISTS", "a playlist with id " + id + " already exists",
            Map.of("field", "id", "value", id));
      }
      playlists.insert(c, id, name, entries, clock.instant());
      NamedPlaylist created = playlists.find(c, id).orElseThrow();
      audit.record(c, actor, "create", "playlist", created.id(), null, created);
      return created;
    });
  }

  /** Replaces the entries; a null name keeps the playlist's name. */
  public Future<NamedPlaylist> edit(String actor, String id, String name, List<NamedPlaylist.Entry> entries) {
    return db.transaction(c -> {
      NamedPlaylist before = playlists.find(c, id).orElseThrow(() -> refusal(Kind.NOT_FOUND, "no playlist " + id));
      requireContent(c, entries);
      playlists.replace(c, id, name == null ? before.name() : name, entries, clock.instant());
      NamedPlaylist after = playlists.find(c, id).orElseThrow();
      audit.record(c, actor, "edit", "playlist", id, before, after);
      return after;
    });
  }

  /** Deleted only when unused: a campaign that plays it would have nothing to play. The refusal names them. */
  public Future<Void> delete(String actor, String id) {
    return db.transaction(c -> {
      NamedPlaylist before = playlists.find(c, id).orElseThrow(() -> Refusal.notFound("NO_SUCH_PLAYLIST",
          "no playlist " + id, Map.of("id", id)));
      List<String> using = campaigns.using(c, id);
      if (!using.isEmpty()) {
        throw Refusal.conflict("PLAYLIST_IN_USE", "playlist " + id + " is played by the campaigns " + using
            + "; change or delete them first; nothing was deleted", Map.of("id", id, "campaigns", using));
      }
      // A gate's default fill is in use too: deleting it would turn the gate's idle screens black.
      List<String> defaultOf = gates.defaultPlaylists(c).entrySet().stream()
          .filter(gate -> gate.getValue().equals(id)).map(Map.Entry::getKey).sorted().toList();
      if (!defaultOf.isEmpty()) {
        throw Refusal.conflict("PLAYLIST_IS_GATE_DEFAULT", "playlist " + id + " is the default playlist of the gates "
            + defaultOf + "; choose another default for them first; nothing was deleted",
            Map.of("id", id, "gates", defaultOf));
      }
      // A layout's region that plays it names it: the layout editor would lose what the region plays.
      List<String> layoutsPlaying = layouts.playing(c, id);
      if (!layoutsPlaying.isEmpty()) {
        throw Refusal.conflict("PLAYLIST_IN_LAYOUT", "playlist " + id + " is played by a region of the layouts "
            + layoutsPlaying + "; give those regions something else first; nothing was deleted",
            Map.of("id", id, "layouts", layoutsPlaying));
      }
      playlists.delete(c, id);
      audit.record(c, actor, "delete", "playlist", id, before, null);
      return null;
    });
  }

  public Future<List<NamedPlaylist>> all() {
    return db.transaction(playlists::all);
  }

  public Future<NamedPlaylist> find(String id) {
    return db.transaction(c -> playlists.find(c, id).orElseThrow(() -> refusal(Kind.NOT_FOUND, "no playlist " + id)));
  }

  private void requireContent(Connection c, List<NamedPlaylist.Entry> entries) throws SQLException {
    for (int i = 0; i < entries.size(); i++) {
      String contentId = entries.get(i).contentId();
      if (!content.exists(c, contentId)) {
        throw refusal(Kind.BAD_INPUT, "entries[" + i + "].contentId " + contentId + " names no content item");
      }
    }
  }

  /** Coded by kind, as these refusals always were (the console translates BAD_INPUT, NOT_FOUND, CONFLICT). */
  private static Refusal refusal(Kind kind, String message) {
    return new Refusal(kind, kind.name(), message);
  }
}

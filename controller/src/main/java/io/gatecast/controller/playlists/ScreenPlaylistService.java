package io.gatecast.controller.playlists;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Screens' own playlists (what they play when no campaign is on): an item is put on several screens
 * all or nothing, or taken off one; every change is audited per screen. Items in review may be
 * listed; only approved ones are sent. The next publish sends the change.
 */
public final class ScreenPlaylistService {
  private final Database db;
  private final ScreenPlaylistRepository playlists;
  private final ContentRepository content;
  private final ScreenRepository screens;
  private final AuditLog audit;

  public ScreenPlaylistService(Database db, ScreenPlaylistRepository playlists, ContentRepository content,
      ScreenRepository screens, AuditLog audit) {
    this.db = db;
    this.playlists = playlists;
    this.content = content;
    this.screens = screens;
    this.audit = audit;
  }

  /** Appends {@code contentId} to the playlist of every screen named, or to none. */
  public Future<Void> schedule(String actor, String contentId, List<String> screenIds) {
    return db.transaction(c -> {
      if (!content.exists(c, contentId)) {
        throw refusal("contentId " + contentId + " names no content item");
      }
      List<String> unknown = screens.unknown(c, screenIds);
      if (!unknown.isEmpty()) {
        throw refusal("screenIds name screens that are not registered: " + unknown + "; nothing was scheduled");
      }
      for (String screenId : screenIds) {
        List<String> before = playlists.of(c, screenId);
        playlists.append(c, screenId, contentId);
        audit.record(c, actor, "schedule", "screen-playlist", screenId, Map.of("playlist", before),
            Map.of("playlist", playlists.of(c, screenId)));
      }
      return null;
    });
  }

  /** Takes {@code contentId} off the screen's playlist; answers the playlist as it now is. */
  public Future<List<String>> unschedule(String actor, String screenId, String contentId) {
    return db.transaction(c -> {
      List<String> before = playlists.of(c, screenId);
      if (!playlists.remove(c, screenId, contentId)) {
        throw Refusal.notFound("NOT_ON_PLAYLIST", "content " + contentId + " is not on the playlist of screen "
            + screenId, Map.of("screenId", screenId, "contentId", contentId));
      }
      List<String> after = playlists.of(c, screenId);
      audit.record(c, actor, "unschedule", "screen-playlist", screenId, Map.of("playlist", before),
          Map.of("playlist", after));
      return after;
    });
  }

  /** Coded by kind, as these refusals always were (the console translates BAD_INPUT). */
  private static Refusal refusal(String message) {
    return new Refusal(Kind.BAD_INPUT, Kind.BAD_INPUT.name(), message);
  }
}

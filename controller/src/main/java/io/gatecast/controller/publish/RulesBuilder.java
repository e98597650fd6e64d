package io.gatecast.controller.publish;

import io.gatecast.controller.store.Cluster;
import io.gatecast.controller.store.ClusterRepository;
import io.gatecast.controller.store.Content;
import io.gatecast.controller.store.GroupRepository;
import io.gatecast.controller.store.Media;
import io.gatecast.controller.store.MediaRepository;
import io.gatecast.controller.store.PlaylistRepository;
import io.gatecast.controller.store.ScreenSetup;
import io.gatecast.controller.store.ScreenSetupRepository;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The seam between what the controller stores and the scheduling engine: turns the store into
 * each screen's rules in the engine's model. The screen's profile (cluster, groups, tags, zone,
 * languages) comes from the organisation tables ({@link #profile}); its playlist becomes the
 * default playlist (each item one variant in {@value #LANGUAGE}). Campaigns and alerts from the
 * store are added here, and only here, when the controller learns them.
 *
 * <p>Why the engine model first: the preview asks the engine, and the screen's message is derived
 * from the same model by {@link WireRules} (engine to wire); the agent maps wire to engine in its
 * {@code RulesMapper}. Each direction is written once, and neither lives in {@code protocol} or
 * {@code schedules}, which must not depend on each other.
 */
public final class RulesBuilder {
  public static final String LANGUAGE = "vi";
  public static final String DEFAULT_PLAYLIST = "default";

  private final PlaylistRepository playlists = new PlaylistRepository();
  private final MediaRepository media = new MediaRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();

  public ScreenPlan build(Connection c, String screenId) throws SQLException {
    Screen screen = profile(c, screenId);
    Map<String, Media> files = new LinkedHashMap<>();
    List<PlaylistEntry> entries = new ArrayList<>();
    for (Content content : playlists.of(c, screenId)) {
      Media file = media.find(c, content.mediaSha256()).orElseThrow(() -> new IllegalStateException(
          "content " + content.id() + " names media " + content.mediaSha256() + " that is not stored"));
      files.put(file.sha256(), file);
      // The API caps durations at a day, so the int cast cannot overflow.
      Variant variant = Variant.media(LANGUAGE, file.sha256(), kindOf(file.mimeType()), (int) content.durationSeconds());
      entries.add(PlaylistEntry.of(new ContentItem(content.id(), content.title(), List.of(variant))));
    }
    Playlist defaultPlaylist = entries.isEmpty() ? null : new Playlist(DEFAULT_PLAYLIST, entries);
    return new ScreenPlan(screen, Rules.of(List.of(), defaultPlaylist), files);
  }

  /**
   * The screen as the engine and the wire see it, from the organisation tables: its cluster, the
   * cluster's zone, its groups and tags, and its own languages or else its cluster's. A change to
   * any of these changes the rules, so the next publish sends the screen new ones.
   */
  Screen profile(Connection c, String screenId) throws SQLException {
    ScreenSetup setup = setups.find(c, screenId)
        .orElseThrow(() -> new IllegalStateException("no screen " + screenId));
    Cluster cluster = clusters.find(c, setup.clusterId())
        .orElseThrow(() -> new IllegalStateException("screen " + screenId + " is in unknown cluster " + setup.clusterId()));
    List<String> languages = setup.languages() != null ? setup.languages() : cluster.languages();
    return new Screen(screenId, cluster.id(), new HashSet<>(groups.groupsOf(c, screenId)), new HashSet<>(setup.tags()),
        ZoneId.of(cluster.zone()), languages);
  }

  /** What the agent renders for a file of this type; uploads are limited to these families. */
  static MediaKind kindOf(String mimeType) {
    String type = mimeType.toLowerCase(Locale.ROOT);
    if (type.startsWith("video/")) {
      return MediaKind.VIDEO;
    }
    if (type.startsWith("text/html")) {
      return MediaKind.HTML;
    }
    return MediaKind.IMAGE;
  }
}

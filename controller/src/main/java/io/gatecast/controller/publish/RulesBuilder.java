package io.gatecast.controller.publish;

import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.Content;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.content.NamedPlaylist;
import io.gatecast.controller.store.Media;
import io.gatecast.controller.store.MediaRepository;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seam between what the controller stores and the scheduling engine: turns the store into
 * each screen's rules in the engine's model — the campaigns aimed at it (by its profile from the
 * {@link ScreenDirectory}) and its own playlist as the default.
 *
 * <p><b>Only approved content gets past this class.</b> Every item is read through
 * {@link ContentRepository#approved}; an item in review or rejected is left out of every playlist
 * it is on (and listed in the plan's {@code withheld}); a playlist left empty drops its campaign.
 * Publishing and the preview both build here, so neither can show what no approver passed.
 *
 * <p>Why the engine model first: the preview asks the engine, and the screen's message is derived
 * from the same model by {@link WireRules} (engine to wire); the agent maps wire to engine in its
 * {@code RulesMapper}.
 */
public final class RulesBuilder {
  public static final String DEFAULT_PLAYLIST = "default";

  private final ScreenDirectory directory;
  private final io.gatecast.controller.store.PlaylistRepository screenPlaylists =
      new io.gatecast.controller.store.PlaylistRepository();
  private final io.gatecast.controller.content.PlaylistRepository playlists =
      new io.gatecast.controller.content.PlaylistRepository();
  private final CampaignRepository campaigns = new CampaignRepository();
  private final ContentRepository content = new ContentRepository();
  private final MediaRepository media = new MediaRepository();

  public RulesBuilder(ScreenDirectory directory) {
    this.directory = directory;
  }

  public ScreenPlan build(Connection c, String screenId) throws SQLException {
    Screen screen = directory.profile(c, screenId);
    Build build = new Build(c);
    List<NamedPlaylist.Entry> own = screenPlaylists.of(c, screenId).stream()
        .map(id -> new NamedPlaylist.Entry(id, 1, null)).toList();
    Playlist defaultPlaylist = build.playlist(DEFAULT_PLAYLIST, own);
    List<Campaign> aimed = new ArrayList<>();
    for (CampaignDefinition campaign : campaigns.all(c)) {
      if (!campaign.engineTargets().matches(screen)) {
        continue;
      }
      NamedPlaylist playlist = playlists.find(c, campaign.playlistId()).orElseThrow(() -> new IllegalStateException(
          "campaign " + campaign.id() + " names playlist " + campaign.playlistId() + " that is not stored"));
      Playlist approvedPart = build.playlist(playlist.id(), playlist.entries());
      if (approvedPart != null) {
        aimed.add(campaign.toEngine(approvedPart));
      }
    }
    return new ScreenPlan(screen, new Rules(aimed, defaultPlaylist, LanguagePolicy.rotate(), List.of()), build.files,
        build.withheld);
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

  /** One screen's build: the approved items met so far, the files they need, and what was held back. */
  private final class Build {
    final Connection c;
    final Map<String, Media> files = new LinkedHashMap<>();
    final Set<String> withheld = new TreeSet<>();

    Build(Connection c) {
      this.c = c;
    }

    /** The playlist with its unapproved entries left out; null when none is left. */
    Playlist playlist(String id, List<NamedPlaylist.Entry> entries) throws SQLException {
      Map<String, Content> approved = content.approved(c, entries.stream().map(NamedPlaylist.Entry::contentId).toList());
      List<PlaylistEntry> kept = new ArrayList<>();
      for (NamedPlaylist.Entry entry : entries) {
        Content item = approved.get(entry.contentId());
        if (item == null) {
          withheld.add(entry.contentId());
          continue;
        }
        kept.add(new PlaylistEntry(item(item), entry.weight(), entry.position()));
      }
      if (kept.isEmpty()) {
        return null;
      }
      try {
        return new Playlist(id, kept);
      } catch (InvalidModelException e) {
        // A pinned position beyond the cycle that remains once held-back items are gone: play them unpinned.
        return new Playlist(id, kept.stream().map(k -> new PlaylistEntry(k.item(), k.weight(), null)).toList());
      }
    }

    private ContentItem item(Content item) throws SQLException {
      List<Variant> variants = new ArrayList<>();
      for (ContentVariant v : item.variants()) {
        if (v.isText()) {
          variants.add(Variant.text(v.language(), v.text(), v.seconds()));
          continue;
        }
        Media file = media.find(c, v.mediaSha256()).orElseThrow(() -> new IllegalStateException(
            "content " + item.id() + " names media " + v.mediaSha256() + " that is not stored"));
        files.put(file.sha256(), file);
        variants.add(Variant.media(v.language(), file.sha256(), kindOf(file.mimeType()), v.seconds()));
      }
      return new ContentItem(item.id(), item.title(), variants);
    }
  }
}

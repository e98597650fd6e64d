package io.gatecast.controller.publish;

import io.gatecast.controller.layouts.LayoutRepository;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.Content;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.media.Media;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.LanguagePolicy;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seam between what the controller stores and the scheduling engine: turns the store into
 * each screen's rules in the engine's model — the campaigns aimed at it (by its profile from the
 * {@link ScreenDirectory}) and its own playlist as the default, or, when it has none (or none of its
 * items is approved), its gate's default playlist ({@code defaultPlaylistId} on the cluster): the
 * lowest-priority fill, so a screen with nothing else scheduled is never black.
 *
 * <p><b>Only approved content gets past this class.</b> Every item is read through
 * {@link ContentRepository#approved}; an item in review or rejected is left out of every playlist
 * it is on (and listed in the plan's {@code withheld}); a playlist left empty drops its campaign.
 * Publishing and the preview both build here, so neither can show what no approver passed.
 *
 * <p>The same holds for a screen's layout (issue 23, {@link LayoutBuild}): a widget text, a QR
 * code's URL or a region's playlist entry that is not approved is left out and listed in
 * {@code withheld}; a band left empty shows the built-in clock and date instead of going black.
 *
 * <p>Why the engine model first: the preview asks the engine, and the screen's message is derived
 * from the same model ({@link ScreenPlan#toWire}); the agent maps it back with the same
 * {@code schedules.wire.WireMapping}.
 */
public final class RulesBuilder {
  public static final String DEFAULT_PLAYLIST = "default";

  private final ScreenDirectory directory;
  private final ScreenPlaylistRepository screenPlaylists;
  private final NamedPlaylistRepository playlists;
  private final CampaignRepository campaigns;
  private final ClusterRepository clusters;
  private final ContentRepository content;
  private final MediaRepository media;
  private final LayoutRepository layoutRepository;

  /** The repositories the rules are read from (built once, by the composition root). */
  public record Stores(ScreenPlaylistRepository screenPlaylists, NamedPlaylistRepository playlists,
      CampaignRepository campaigns, ClusterRepository clusters, ContentRepository content, MediaRepository media,
      LayoutRepository layouts) {}

  public RulesBuilder(ScreenDirectory directory, Stores stores) {
    this.directory = directory;
    this.screenPlaylists = stores.screenPlaylists();
    this.playlists = stores.playlists();
    this.campaigns = stores.campaigns();
    this.clusters = stores.clusters();
    this.content = stores.content();
    this.media = stores.media();
    this.layoutRepository = stores.layouts();
  }

  public ScreenPlan build(Connection c, String screenId) throws SQLException {
    return session(c).build(directory.profile(c, screenId), screenPlaylists.of(c, screenId));
  }

  /**
   * The plans of many screens in one session, with their profiles and own playlists read in a few
   * queries: what the calendar and the checks before publish need for a whole gate or fleet.
   */
  public List<ScreenPlan> buildAll(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    Map<String, Screen> profiles = profiles(c, screenIds);
    Map<String, List<String>> own = ownPlaylists(c);
    Session session = session(c);
    List<ScreenPlan> plans = new ArrayList<>(screenIds.size());
    for (String id : screenIds) {
      plans.add(session.build(profiles.get(id), own.getOrDefault(id, List.of())));
    }
    return plans;
  }

  /** The profiles of these screens, read in a few queries (for a publish to the whole fleet). */
  public Map<String, Screen> profiles(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    return directory.profiles(c, screenIds);
  }

  /** {@link #profiles(Connection, java.util.Collection)} of screens whose setups the caller has read already. */
  public Map<String, Screen> profiles(Connection c, Map<String, io.gatecast.controller.screens.ScreenSetup> setups)
      throws SQLException {
    return directory.profiles(c, setups);
  }

  /** Every gate's (cluster's) name, by cluster id, for the screens' profiles on the wire. */
  public Map<String, String> gateNames(Connection c) throws SQLException {
    return directory.gateNames(c);
  }

  /** Every screen's own playlist (content ids in order), by screen id; screens without one are absent. */
  public Map<String, List<String>> ownPlaylists(Connection c) throws SQLException {
    return screenPlaylists.all(c);
  }

  /** The own playlists of these screens only (a page of a streamed publish); screens without one are absent. */
  public Map<String, List<String>> ownPlaylists(Connection c, java.util.Collection<String> screenIds) throws SQLException {
    return screenPlaylists.of(c, screenIds);
  }

  /**
   * A build session inside one transaction: campaigns, playlists, content items and media are read
   * once and reused for every screen built in it (a publish reads them once, not once per screen).
   */
  public Session session(Connection c) {
    return new Session(c, null);
  }

  /**
   * {@link #session(Connection)} for building these screens only (a page of a publish): their
   * layouts are chosen knowing their own shapes, read for them alone instead of for the whole fleet
   * on every page (issue 21). Build no other screen in it.
   */
  public Session session(Connection c, java.util.Collection<String> screenIds) {
    return new Session(c, List.copyOf(screenIds));
  }

  /** What one transaction has read so far; use only inside the transaction it was opened in. */
  public final class Session {
    private final Connection c;
    private List<CampaignDefinition> allCampaigns;
    private java.util.Set<String> namedScreens;
    private Map<String, String> gateDefaults;
    private final Map<String, NamedPlaylist> playlistCache = new java.util.HashMap<>();
    private final Map<String, java.util.Optional<Content>> approvedCache = new java.util.HashMap<>();
    private final Map<String, Media> mediaCache = new java.util.HashMap<>();
    private Map<String, io.gatecast.controller.layouts.GateFacts> facts;
    private io.gatecast.controller.layouts.LayoutChoice layoutChoice;

    /** The screens this session builds (null: any); their shapes are all its layout choice reads. */
    private final List<String> scope;

    private Session(Connection c, List<String> scope) {
      this.c = c;
      this.scope = scope;
    }

    /** The rules for a screen with this profile and this own playlist (content ids, in order). */
    public ScreenPlan build(Screen screen, List<String> ownPlaylist) throws SQLException {
      Build build = new Build(this);
      List<NamedPlaylist.Entry> own = ownPlaylist.stream().map(id -> new NamedPlaylist.Entry(id, 1, null)).toList();
      Playlist defaultPlaylist = build.playlist(DEFAULT_PLAYLIST, own);
      if (defaultPlaylist == null) {
        defaultPlaylist = gateDefault(build, screen.clusterId());
      }
      List<Campaign> aimed = new ArrayList<>();
      for (CampaignDefinition campaign : campaigns()) {
        if (!campaign.engineTargets().matches(screen)) {
          continue;
        }
        NamedPlaylist playlist = playlist(campaign);
        Playlist approvedPart = build.playlist(playlist.id(), playlist.entries());
        if (approvedPart != null) {
          aimed.add(campaign.toEngine(approvedPart));
        }
      }
      io.gatecast.protocol.layout.LayoutSpec chosen = layoutFor(screen);
      io.gatecast.schedules.wire.ScreenLayout layout = chosen == null ? null
          : new LayoutBuild(build::approvedItems, build.withheld).build(chosen,
              gateFacts().getOrDefault(screen.clusterId(), io.gatecast.controller.layouts.GateFacts.NONE), screen.zone());
      Map<String, io.gatecast.schedules.wire.ScreenLayout> campaignLayouts = campaignLayouts(screen, aimed, build);
      return new ScreenPlan(screen, new Rules(aimed, defaultPlaylist, LanguagePolicy.rotate(), List.of()), build.files,
          build.withheld, layout, campaignLayouts);
    }

    /**
     * The layouts the campaigns aimed at the screen bring for their time, by campaign id, made fit
     * through {@link LayoutBuild} like the screen's (the same approval gate: an unapproved text or
     * URL is dropped and listed in {@code withheld}). None for a screen with its own layout (its
     * override wins over every campaign's) and none drawn for the other shape. The agent's engine ({@code ScreenLayouts}) switches.
     */
    private Map<String, io.gatecast.schedules.wire.ScreenLayout> campaignLayouts(Screen screen, List<Campaign> aimed,
        Build build) throws SQLException {
      Map<String, io.gatecast.schedules.wire.ScreenLayout> out = new java.util.TreeMap<>();
      for (Campaign campaign : aimed) {
        io.gatecast.protocol.layout.LayoutSpec spec = layoutChoice().forCampaign(campaign.id(), screen.id());
        if (spec != null) {
          out.put(campaign.id(), new LayoutBuild(build::approvedItems, build.withheld).build(spec,
              gateFacts().getOrDefault(screen.clusterId(), io.gatecast.controller.layouts.GateFacts.NONE), screen.zone()));
        }
      }
      return out;
    }

    /**
     * The layout that applies to the screen: its own override if drawn for the screen's shape, else
     * its gate's default for that shape ({@link io.gatecast.controller.layouts.LayoutChoice}); null: none.
     * A campaign's own layout is carried beside it ({@link #campaignLayouts}) for its time.
     */
    private io.gatecast.protocol.layout.LayoutSpec layoutFor(Screen screen) throws SQLException {
      return layoutChoice().forScreen(screen.id(), screen.clusterId());
    }

    /** Which layout each screen shows, by shape; read once per session. */
    public io.gatecast.controller.layouts.LayoutChoice layoutChoice() throws SQLException {
      if (layoutChoice == null) {
        layoutChoice = scope == null ? io.gatecast.controller.layouts.LayoutChoice.read(c, layoutRepository)
            : io.gatecast.controller.layouts.LayoutChoice.readFor(c, layoutRepository, scope);
      }
      return layoutChoice;
    }

    /**
     * The screen's shape and the layout it shows ({@link io.gatecast.controller.layouts.LayoutChoice#key}):
     * screens of a gate that differ in either (a landscape hall screen, a portrait totem, a screen with
     * its own layout) are built apart.
     */
    public String layoutKey(String screenId, String clusterId) throws SQLException {
      return layoutChoice().key(screenId, clusterId);
    }

    private Map<String, io.gatecast.controller.layouts.GateFacts> gateFacts() throws SQLException {
      if (facts == null) {
        facts = layoutRepository.allFacts(c);
      }
      return facts;
    }

    /** The gate's default playlist, its approved items only; null when the gate has none or none is approved. */
    private Playlist gateDefault(Build build, String clusterId) throws SQLException {
      if (gateDefaults == null) {
        gateDefaults = clusters.defaultPlaylists(c);
      }
      String playlistId = gateDefaults.get(clusterId);
      if (playlistId == null) {
        return null;
      }
      NamedPlaylist playlist = namedPlaylist(playlistId, "gate " + clusterId);
      return build.playlist(playlist.id(), playlist.entries());
    }

    /** Every campaign, read once per session. */
    public List<CampaignDefinition> campaigns() throws SQLException {
      if (allCampaigns == null) {
        allCampaigns = campaigns.all(c);
      }
      return allCampaigns;
    }

    /** The screens some campaign names by id (each is a profile of its own), read once per session. */
    public java.util.Set<String> screensNamedByCampaigns() throws SQLException {
      if (namedScreens == null) {
        namedScreens = new java.util.HashSet<>();
        for (CampaignDefinition campaign : campaigns()) {
          namedScreens.addAll(campaign.engineTargets().screens());
        }
      }
      return namedScreens;
    }

    private NamedPlaylist playlist(CampaignDefinition campaign) throws SQLException {
      return namedPlaylist(campaign.playlistId(), "campaign " + campaign.id());
    }

    private NamedPlaylist namedPlaylist(String playlistId, String namedBy) throws SQLException {
      NamedPlaylist found = playlistCache.get(playlistId);
      if (found == null) {
        found = playlists.find(c, playlistId).orElseThrow(() -> new IllegalStateException(
            namedBy + " names playlist " + playlistId + " that is not stored"));
        playlistCache.put(playlistId, found);
      }
      return found;
    }

    /** The APPROVED items among {@code ids} (through {@link ContentRepository#approved}, each item read once). */
    private Map<String, Content> approved(List<String> ids) throws SQLException {
      List<String> unread = ids.stream().filter(id -> !approvedCache.containsKey(id)).distinct().toList();
      if (!unread.isEmpty()) {
        Map<String, Content> read = content.approved(c, unread);
        for (String id : unread) {
          approvedCache.put(id, java.util.Optional.ofNullable(read.get(id)));
        }
      }
      Map<String, Content> found = new LinkedHashMap<>();
      for (String id : ids) {
        approvedCache.get(id).ifPresent(item -> found.put(id, item));
      }
      return found;
    }

    private Media media(String contentId, String sha256) throws SQLException {
      Media file = mediaCache.get(sha256);
      if (file == null) {
        file = media.find(c, sha256).orElseThrow(() -> new IllegalStateException(
            "content " + contentId + " names media " + sha256 + " that is not stored"));
        mediaCache.put(sha256, file);
      }
      return file;
    }
  }

  /** One screen's build: the approved items met so far, the files they need, and what was held back. */
  private final class Build {
    final Session session;
    final Map<String, Media> files = new LinkedHashMap<>();
    final Set<String> withheld = new TreeSet<>();

    Build(Session session) {
      this.session = session;
    }

    /** The playlist with its unapproved entries left out; null when none is left. */
    Playlist playlist(String id, List<NamedPlaylist.Entry> entries) throws SQLException {
      Map<String, Content> approved = session.approved(entries.stream().map(NamedPlaylist.Entry::contentId).toList());
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

    /** The approved ones among these content ids, as the engine's items (text or media, files noted). */
    Map<String, LayoutBuild.Approved> approvedItems(List<String> ids) throws SQLException {
      Map<String, LayoutBuild.Approved> found = new LinkedHashMap<>();
      for (Map.Entry<String, Content> e : session.approved(ids).entrySet()) {
        found.put(e.getKey(), new LayoutBuild.Approved(item(e.getValue()), e.getValue().isText()));
      }
      return found;
    }

    private ContentItem item(Content item) throws SQLException {
      List<Variant> variants = new ArrayList<>();
      for (ContentVariant v : item.variants()) {
        if (v.isText()) {
          variants.add(Variant.text(v.language(), v.text(), v.seconds()));
          continue;
        }
        Media file = session.media(item.id(), v.mediaSha256());
        files.put(file.sha256(), file);
        variants.add(Variant.media(v.language(), file.sha256(), Media.kindOf(file.mimeType()), v.seconds()));
      }
      return new ContentItem(item.id(), item.title(), variants);
    }
  }
}

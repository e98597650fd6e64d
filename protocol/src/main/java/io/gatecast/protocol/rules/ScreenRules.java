package io.gatecast.protocol.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything one screen needs to decide for itself what to show, for weeks, with no network
 * (engine: {@code Rules} plus its {@code Screen}): the screen's profile, the items, the campaigns
 * aimed at it, the default playlist that fills any gap (null: gaps are black) and its language
 * policy, and the urgent alerts of its cluster. Playlists name items by id; every id must resolve.
 *
 * <p>{@code layout} (issue 23) arranges the screen in regions; null is the full-screen programme of
 * before. It is left out of the JSON when null, so a screen without a layout gets byte for byte the
 * message it got before layouts existed (the controller sends nothing to a screen whose JSON did not
 * change), and an older agent, which ignores fields it does not know, plays the programme full screen.
 * Every item the layout names must be among {@code items}: the approved items, nothing else.
 *
 * <p>{@code campaignLayouts} (issue 23) are the layouts the campaigns aimed at this screen bring,
 * keyed by campaign id: while such a campaign is on air in the MAIN region, its layout replaces
 * {@code layout} (the engine's {@code ScreenLayouts} decides; a screen with its own layout gets
 * none, its override wins). Every key names one of {@code campaigns}, every item they name is among
 * {@code items}. Kept sorted by campaign id so the JSON is the same whatever order it was built in;
 * left out of the JSON when empty, so screens without campaign layouts get the bytes of before and
 * an older agent ignores it.
 */
public record ScreenRules(
    ScreenProfile profile,
    List<ItemSpec> items,
    List<CampaignSpec> campaigns,
    PlaylistSpec defaultPlaylist,
    LanguagePolicySpec defaultPolicy,
    List<AlertSpec> alerts,
    @JsonInclude(JsonInclude.Include.NON_NULL) LayoutSpec layout,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, LayoutSpec> campaignLayouts) {
  public ScreenRules {
    Check.required(profile, "profile");
    items = Check.optionalList(items, "items", Limits.MAX_SCHEDULE_ITEMS);
    campaigns = Check.optionalList(campaigns, "campaigns", Limits.MAX_CAMPAIGNS);
    defaultPolicy = defaultPolicy == null ? LanguagePolicySpec.rotate() : defaultPolicy;
    alerts = Check.optionalList(alerts, "alerts", Limits.MAX_ALERTS);
    Set<String> itemIds = unique(items.stream().map(ItemSpec::id).toList(), "items");
    unique(campaigns.stream().map(CampaignSpec::id).toList(), "campaigns");
    unique(alerts.stream().map(AlertSpec::id).toList(), "alerts");
    for (int i = 0; i < campaigns.size(); i++) {
      resolves(campaigns.get(i).playlist(), "campaigns[" + i + "].playlist", itemIds);
    }
    if (defaultPlaylist != null) {
      resolves(defaultPlaylist, "defaultPlaylist", itemIds);
    }
    if (layout != null) {
      layout.requireResolvesIn(itemsById(items));
    }
    campaignLayouts = campaignLayouts(campaignLayouts, campaigns, itemsById(items));
  }

  /** Rules with a layout but no campaign's own. */
  public ScreenRules(ScreenProfile profile, List<ItemSpec> items, List<CampaignSpec> campaigns,
      PlaylistSpec defaultPlaylist, LanguagePolicySpec defaultPolicy, List<AlertSpec> alerts, LayoutSpec layout) {
    this(profile, items, campaigns, defaultPlaylist, defaultPolicy, alerts, layout, Map.of());
  }

  /** Rules without a layout: the full-screen programme. */
  public ScreenRules(ScreenProfile profile, List<ItemSpec> items, List<CampaignSpec> campaigns,
      PlaylistSpec defaultPlaylist, LanguagePolicySpec defaultPolicy, List<AlertSpec> alerts) {
    this(profile, items, campaigns, defaultPlaylist, defaultPolicy, alerts, null, Map.of());
  }

  /**
   * These rules for another screen of the same profile: its id and names in the profile, everything
   * else the same. How a screen's rules are made from rules built once for many (the controller's
   * publish, and an agent placing itself in its gate's {@link io.gatecast.protocol.ClusterSchedule}).
   */
  public ScreenRules forScreen(String screenId, String screenName, String gateName) {
    return new ScreenRules(profile.forScreen(screenId, screenName, gateName),
        items, campaigns, defaultPlaylist, defaultPolicy, alerts, layout, campaignLayouts);
  }

  /** The same rules with another layout (null: full screen); the campaigns' layouts stay. */
  public ScreenRules withLayout(LayoutSpec newLayout) {
    return new ScreenRules(profile, items, campaigns, defaultPlaylist, defaultPolicy, alerts, newLayout, campaignLayouts);
  }

  /** The same rules with other campaign layouts (empty: none). */
  public ScreenRules withCampaignLayouts(Map<String, LayoutSpec> newCampaignLayouts) {
    return new ScreenRules(profile, items, campaigns, defaultPlaylist, defaultPolicy, alerts, layout, newCampaignLayouts);
  }

  /** Nothing to show at all: no campaign, no default playlist, no alert, no layout. */
  @JsonIgnore // derived, not part of the wire form
  public boolean isEmpty() {
    return campaigns.isEmpty() && defaultPlaylist == null && alerts.isEmpty() && layout == null;
  }

  /** The items by id. */
  public Map<String, ItemSpec> itemsById() {
    return itemsById(items);
  }

  private static Map<String, ItemSpec> itemsById(List<ItemSpec> items) {
    return items.stream().collect(Collectors.toMap(ItemSpec::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * Every media file the playlists can put on screen — all variants of every item a campaign or
   * the default playlist or a region of the layout names — once each, in order of first mention. An agent fetches and
   * verifies all of them before it switches, so no language is ever missing on a dead link.
   */
  public List<MediaRef> media() {
    Map<String, ItemSpec> byId = itemsById();
    List<PlaylistSpec> playlists = new ArrayList<>();
    campaigns.forEach(c -> playlists.add(c.playlist()));
    if (defaultPlaylist != null) {
      playlists.add(defaultPlaylist);
    }
    if (layout != null) {
      layout.regions().stream().map(RegionSpec::playlist).filter(java.util.Objects::nonNull).forEach(playlists::add);
    }
    campaignLayouts.values().forEach(l ->
        l.regions().stream().map(RegionSpec::playlist).filter(java.util.Objects::nonNull).forEach(playlists::add));
    Map<String, MediaRef> bySha = new LinkedHashMap<>();
    for (PlaylistSpec playlist : playlists) {
      for (EntrySpec entry : playlist.entries()) {
        for (VariantSpec variant : byId.get(entry.itemId()).variants()) {
          if (variant.media() != null) {
            bySha.putIfAbsent(variant.media().sha256(), variant.media());
          }
        }
      }
    }
    return List.copyOf(bySha.values());
  }

  /** Checked (each key a campaign of these rules, each layout resolving in the items), sorted by campaign id. */
  private static Map<String, LayoutSpec> campaignLayouts(Map<String, LayoutSpec> value, List<CampaignSpec> campaigns,
      Map<String, ItemSpec> items) {
    if (value == null || value.isEmpty()) {
      return Map.of();
    }
    if (value.size() > Limits.MAX_CAMPAIGNS) {
      throw new IllegalArgumentException("campaignLayouts has more than " + Limits.MAX_CAMPAIGNS + " entries");
    }
    Set<String> campaignIds = campaigns.stream().map(CampaignSpec::id).collect(Collectors.toSet());
    TreeMap<String, LayoutSpec> sorted = new TreeMap<>();
    value.forEach((campaignId, spec) -> {
      if (!campaignIds.contains(campaignId)) {
        throw new IllegalArgumentException("campaignLayouts." + campaignId + " names no campaign in campaigns");
      }
      Check.required(spec, "campaignLayouts." + campaignId);
      try {
        spec.requireResolvesIn(items);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("campaignLayouts." + campaignId + ": " + e.getMessage(), e);
      }
      sorted.put(campaignId, spec);
    });
    return Collections.unmodifiableMap(sorted);
  }

  private static Set<String> unique(List<String> ids, String field) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        throw new IllegalArgumentException(field + "[" + i + "].id repeats " + ids.get(i));
      }
    }
    return seen;
  }

  private static void resolves(PlaylistSpec playlist, String field, Set<String> itemIds) {
    for (int i = 0; i < playlist.entries().size(); i++) {
      String itemId = playlist.entries().get(i).itemId();
      if (!itemIds.contains(itemId)) {
        throw new IllegalArgumentException(field + ".entries[" + i + "].itemId " + itemId + " names no item in items");
      }
    }
  }
}

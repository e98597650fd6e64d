package io.gatecast.controller.publish;

import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ScreenRules;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each screen of a publish's page gets (issue 21): its rules built once per profile key, compared with
 * what it was last sent; a placed screen's placement in its gate's schedule, the profile added to the gate's.
 * Runs on the database thread, in the publish's transaction, one page after the other ({@link Planning}); its
 * page reads ({@link #read}) and keys also serve {@link ProfilesAhead}, on the reading connection.
 */
final class ScreenPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenPlanner.class);
  private final RulesBuilder rules;
  private final Supplier<String> mediaBaseUrl;

  ScreenPlanner(RulesBuilder rules, Supplier<String> mediaBaseUrl) {
    this.rules = rules;
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /**
   * What a page's screens not cut off are set up as: their profiles, own playlists and build session (their
   * layouts only), and every gate's name. Read for a publish's page and for the profiles planned ahead.
   */
  record PageSetups(List<RegisteredScreen> active, Map<String, io.gatecast.schedules.model.Screen> profiles,
      Map<String, List<String>> ownPlaylists, Map<String, String> gateNames, RulesBuilder.Session session) {

    /** The profile key of {@code screen}, one of {@link #active}. */
    ProfileKey keyOf(RegisteredScreen screen) throws SQLException {
      return ScreenPlanner.keyOf(session, screen.id(), profiles.get(screen.id()),
          ownPlaylists.getOrDefault(screen.id(), List.of()));
    }

    /** The gate {@code screen} (one of {@link #active}) is set up in. */
    String gateOf(RegisteredScreen screen) {
      return profiles.get(screen.id()).clusterId();
    }
  }

  /** {@link PageSetups} of {@code screens}, whose setups the caller has read ({@code setups}, by screen id). */
  static PageSetups read(Connection c, RulesBuilder rules, List<RegisteredScreen> screens, Map<String, ScreenSetup> setups)
      throws SQLException {
    List<RegisteredScreen> active = screens.stream()
        .filter(s -> setups.containsKey(s.id()) && !setups.get(s.id()).revoked()) // cut off: nothing more
        .toList();
    if (active.isEmpty()) {
      return new PageSetups(active, Map.of(), Map.of(), Map.of(), null);
    }
    List<String> ids = active.stream().map(RegisteredScreen::id).toList();
    Map<String, ScreenSetup> activeSetups = new HashMap<>();
    ids.forEach(id -> activeSetups.put(id, setups.get(id)));
    // The setups were read to leave cut-off screens out: the profiles are built from them, not read again.
    return new PageSetups(active, rules.profiles(c, activeSetups), rules.ownPlaylists(c, ids), rules.gateNames(c),
        rules.session(c, ids)); // the session: these screens only
  }

  /** A publish's page: the screens whose rules are not what they were last sent. */
  List<PlannedScreen> changed(Connection c, Planning planning, Planning.ScreenPage page) throws SQLException {
    String baseUrl = mediaBaseUrl.get();
    PageSetups read = read(c, rules, page.screens(), page.setups());
    if (read.active().isEmpty()) {
      return List.of();
    }
    Map<String, String> gateNames = read.gateNames();
    RulesBuilder.Session session = read.session();
    List<PlannedScreen> pending = new ArrayList<>();
    for (RegisteredScreen screen : read.active()) {
      io.gatecast.schedules.model.Screen profile = read.profiles().get(screen.id());
      ProfileKey key = read.keyOf(screen);
      Planning.ProfileRules shared = rulesOf(planning, key, session, profile, baseUrl);
      if (!shared.withheld().isEmpty()) {
        planning.withheld.put(screen.id(), shared.withheld());
      }
      String published = page.published().get(screen.id());
      ScreenRules screenRules = null;
      String rulesJson = null;
      if (screen.placements() && published != null && !ScreenPlacement.isPlacement(published)) {
        // It plays a whole schedule: it moves to a placement only once what it plays changes, so a
        // publish that changes nothing still sends nothing (an agent upgraded in between included).
        screenRules = forScreen(shared.rules().rules(), screen.id(), screen.name(), gateNames.get(profile.clusterId()));
        rulesJson = shared.rules().json(screenRules);
        if (rulesJson.equals(published)) {
          profileIn(planning, key, shared.rules().rules(), screen, profile.clusterId()); // names stay put
          continue;
        }
      }
      String profileId = screen.placements() ? profileIn(planning, key, shared.rules().rules(), screen,
          profile.clusterId()) : null;
      if (profileId != null) {
        PlannedScreen placement = placement(shared.rules().rules(), screen, profile.clusterId(), profileId,
            gateNames.get(profile.clusterId()), published);
        if (placement != null) {
          pending.add(placement);
        }
        continue;
      }
      // An older agent, or a profile its gate's schedule has no room for: the screen's whole schedule.
      if (screenRules == null) {
        screenRules = forScreen(shared.rules().rules(), screen.id(), screen.name(), gateNames.get(profile.clusterId()));
        rulesJson = shared.rules().json(screenRules);
      }
      if (rulesJson.equals(published)) {
        continue;
      }
      if (published == null && screenRules.isEmpty()) {
        continue; // nothing was ever scheduled here
      }
      pending.add(new PlannedScreen(screen, screenRules, rulesJson));
    }
    LOG.debug("publish {} page {}: {} screens, {} distinct profiles so far, {} changed", planning.publishId,
        planning.pages, read.active().size(), planning.built.size(), pending.size());
    return pending;
  }

  /**
   * The key of screen {@code screenId} with this profile and own playlist: its layout and whether a campaign
   * names it are read through the session (screens of other shapes or layouts build apart).
   */
  static ProfileKey keyOf(RulesBuilder.Session session, String screenId, io.gatecast.schedules.model.Screen profile,
      List<String> ownPlaylist) throws SQLException {
    return ProfileKey.of(profile, session.screensNamedByCampaigns().contains(screenId), ownPlaylist,
        session.layoutKey(screenId, profile.clusterId()));
  }

  /** The rules of a profile key, built once a publish, for the first screen met with the key ({@code profile}). */
  static Planning.ProfileRules rulesOf(Planning planning, ProfileKey key, RulesBuilder.Session session,
      io.gatecast.schedules.model.Screen profile, String baseUrl) throws SQLException {
    Planning.ProfileRules shared = planning.built.get(key);
    if (shared == null) {
      ScreenPlan plan = session.build(profile, key.ownPlaylist());
      shared = new Planning.ProfileRules(new SharedRules(plan.toWire(baseUrl)), List.copyOf(plan.withheld()));
      planning.built.put(key, shared);
    }
    return shared;
  }

  /**
   * A placed screen, its profile's rules in its gate's schedule under {@code profileId}: a new placement
   * only when where it is placed or its names changed.
   */
  static PlannedScreen placement(ScreenRules rules, RegisteredScreen screen, String clusterId, String profileId,
      String gateName, String published) {
    ScreenPlacement placed = placementOf(screen, clusterId, profileId, gateName);
    String json = placed.json();
    if (json.equals(published) || (published == null && rules.isEmpty())) {
      return null; // placed there already, or nothing was ever scheduled here
    }
    return new PlannedScreen(screen, null, placed, json);
  }

  /** Where {@code screen} is placed under {@code profileId} in its gate's schedule, with the names it is shown. */
  static ScreenPlacement placementOf(RegisteredScreen screen, String clusterId, String profileId, String gateName) {
    return new ScreenPlacement(clusterId, profileId, nameOrNull(screen.name()), nameOrNull(gateName));
  }

  /**
   * The profile's id in its gate's schedule (its first placed screen's), its rules added to the gate's;
   * null when the gate's schedule has no room left for it ({@link GateRoom}): its screens are then sent
   * whole schedules, as screens of older agents are.
   */
  private static String profileIn(Planning planning, ProfileKey key, ScreenRules rules, RegisteredScreen screen,
      String clusterId) {
    String profileId = planning.profileIds.computeIfAbsent(key, k -> screen.id());
    java.util.TreeMap<String, ScreenRules> gate = planning.gates.computeIfAbsent(clusterId, k -> new java.util.TreeMap<>());
    if (gate.containsKey(profileId)) {
      return profileId;
    }
    if (planning.withoutRoom.contains(profileId)) {
      return null;
    }
    ScreenRules profileRules = rules.forScreen(profileId, null, null);
    if (!planning.room.computeIfAbsent(clusterId, k -> new GateRoom()).admit(profileRules)) {
      planning.withoutRoom.add(profileId);
      return null;
    }
    gate.put(profileId, profileRules);
    return profileId;
  }

  /** A re-sign's page: every screen that holds a published schedule gets the same rules again. */
  static List<PlannedScreen> republished(Connection c, Planning planning, Planning.ScreenPage page) {
    List<PlannedScreen> pending = new ArrayList<>();
    for (RegisteredScreen screen : page.screens()) {
      String published = page.published().get(screen.id());
      ScreenSetup setup = page.setups().get(screen.id());
      if (published == null || setup == null || setup.revoked()) {
        continue; // never published, its last send failed (the next publish sends it), or cut off
      }
      java.util.Optional<ScreenPlacement> placed = ScreenPlacement.of(published);
      if (placed.isPresent()) {
        pending.add(new PlannedScreen(screen, null, placed.get(), published)); // its gate's schedule is signed again too
        continue;
      }
      ScreenRules screenRules = Codec.decode(published.getBytes(StandardCharsets.UTF_8), ScreenRules.class);
      pending.add(new PlannedScreen(screen, screenRules, published));
    }
    return pending;
  }

  /**
   * The shared rules of a profile with this screen's id, its name and its gate's name in their
   * profile (the only per-screen parts). A name the wire refuses is sent as none: the card then shows the id.
   */
  static ScreenRules forScreen(ScreenRules shared, String screenId, String screenName, String gateName) {
    return shared.forScreen(screenId, nameOrNull(screenName), nameOrNull(gateName));
  }

  /** A name the wire would refuse (blank, too long, a bidi control stored before they were refused) goes as none. */
  private static String nameOrNull(String name) {
    if (name == null) {
      return null;
    }
    try {
      return io.gatecast.protocol.Check.humanText(name, "name", io.gatecast.protocol.Limits.MAX_TEXT_LENGTH);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

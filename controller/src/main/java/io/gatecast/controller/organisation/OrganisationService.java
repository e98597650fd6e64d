package io.gatecast.controller.organisation;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Clusters (border gates), their operating hours, and screen groups: the rules (ids unique, the
 * default cluster kept, a cluster deleted only when empty, a default playlist and group members that
 * exist), the writes and the audit entries. Every change is one transaction; a refused one stores
 * nothing. A change that alters screens' profiles reaches them with the next publish.
 */
public final class OrganisationService {
  /** Whether a stored playlist has this id (the playlists feature answers). */
  @FunctionalInterface
  public interface Playlists {
    boolean exists(Connection c, String playlistId) throws SQLException;
  }

  /** Which of these ids name no registered screen (the screens feature answers). */
  @FunctionalInterface
  public interface Screens {
    List<String> unknown(Connection c, Collection<String> screenIds) throws SQLException;
  }

  /** A gate's hours as the API shows them; {@code alwaysOpen} when none are set. */
  public record HoursView(String clusterId, String opens, String closes, boolean alwaysOpen) {
    static HoursView of(String clusterId, OperatingHours hours) {
      return hours == null ? new HoursView(clusterId, null, null, true)
          : new HoursView(clusterId, hours.opens().toString(), hours.closes().toString(), false);
    }
  }

  private final Database db;
  private final Clock clock;
  private final ClusterRepository clusters;
  private final GroupRepository groups;
  private final OperatingHoursRepository hours;
  private final Playlists playlists;
  private final Screens screens;
  private final AuditLog audit;
  private final java.util.function.Consumer<java.util.Set<String>> membersChanged;

  /**
   * @param membersChanged told, after the commit, of the screens a group change took in or left out: where they
   *     belong changed, as when a screen's own set-up does (they may get their new place at once, {@code Arrivals})
   */
  public OrganisationService(Database db, Clock clock, ClusterRepository clusters, GroupRepository groups,
      OperatingHoursRepository hours, Playlists playlists, Screens screens, AuditLog audit,
      java.util.function.Consumer<java.util.Set<String>> membersChanged) {
    this.membersChanged = membersChanged;
    this.db = db;
    this.clock = clock;
    this.clusters = clusters;
    this.groups = groups;
    this.hours = hours;
    this.playlists = playlists;
    this.screens = screens;
    this.audit = audit;
  }

  public Future<List<Cluster>> clusters() {
    return db.transaction(clusters::all);
  }

  public Future<Cluster> cluster(String id) {
    return db.transaction(c -> clusters.find(c, id).orElseThrow(() -> noCluster(id)));
  }

  public Future<Cluster> createCluster(String actor, Cluster cluster) {
    return db.transaction(c -> {
      if (clusters.exists(c, cluster.id())) {
        throw Refusal.conflict("CLUSTER_EXISTS", "a cluster with id " + cluster.id() + " already exists",
            Map.of("field", "id", "value", cluster.id()));
      }
      defaultPlaylistExists(c, cluster.defaultPlaylistId());
      clusters.insert(c, cluster, clock.instant());
      Cluster made = clusters.find(c, cluster.id()).orElseThrow();
      audit.record(c, actor, "create", "cluster", cluster.id(), null, made);
      return made;
    });
  }

  public Future<Cluster> updateCluster(String actor, Cluster cluster) {
    String id = cluster.id();
    return db.transaction(c -> {
      Cluster before = clusters.find(c, id).orElseThrow(() -> noCluster(id));
      defaultPlaylistExists(c, cluster.defaultPlaylistId());
      clusters.update(c, cluster);
      Cluster after = clusters.find(c, id).orElseThrow();
      audit.record(c, actor, "update", "cluster", id, before, after);
      return after;
    });
  }

  /** The default cluster stays; a cluster with screens stays until they are moved. */
  public Future<Map<String, String>> deleteCluster(String actor, String id) {
    return db.transaction(c -> {
      if (id.equals(Cluster.DEFAULT_ID)) {
        throw refusal(Kind.CONFLICT, "the default cluster cannot be deleted");
      }
      if (!clusters.exists(c, id)) {
        throw noCluster(id);
      }
      int count = clusters.screenCount(c, id);
      if (count > 0) {
        throw refusal(Kind.CONFLICT, "cluster " + id + " still has " + count + " screen(s); move them first");
      }
      audit.record(c, actor, "delete", "cluster", id, clusters.find(c, id).orElseThrow(), null);
      clusters.delete(c, id);
      return Map.of("deleted", id);
    });
  }

  /** When the gate is open, in its own zone: technicians are notified only then. No hours: never closes. */
  public Future<HoursView> hoursOf(String clusterId) {
    return db.transaction(c -> {
      clusterExists(c, clusterId);
      return HoursView.of(clusterId, hours.find(c, clusterId).orElse(null));
    });
  }

  public Future<HoursView> setHours(String actor, String clusterId, OperatingHours set) {
    return db.transaction(c -> {
      clusterExists(c, clusterId);
      HoursView before = HoursView.of(clusterId, hours.find(c, clusterId).orElse(null));
      hours.set(c, clusterId, set);
      HoursView after = HoursView.of(clusterId, set);
      audit.record(c, actor, "set-operating-hours", "cluster", clusterId, before, after);
      return after;
    });
  }

  public Future<HoursView> clearHours(String actor, String clusterId) {
    return db.transaction(c -> {
      clusterExists(c, clusterId);
      HoursView before = HoursView.of(clusterId, hours.find(c, clusterId).orElse(null));
      hours.clear(c, clusterId);
      audit.record(c, actor, "clear-operating-hours", "cluster", clusterId, before, HoursView.of(clusterId, null));
      return HoursView.of(clusterId, null);
    });
  }

  public Future<List<ScreenGroup>> groups() {
    return db.transaction(groups::all);
  }

  public Future<ScreenGroup> group(String id) {
    return db.transaction(c -> groups.find(c, id).orElseThrow(() -> noGroup(id)));
  }

  public Future<ScreenGroup> createGroup(String actor, String id, String name, List<String> screenIds) {
    return db.transaction(c -> {
      if (groups.exists(c, id)) {
        throw Refusal.conflict("GROUP_EXISTS", "a group with id " + id + " already exists",
            Map.of("field", "id", "value", id));
      }
      screensExist(c, screenIds);
      groups.insert(c, id, name, clock.instant());
      groups.setMembers(c, id, screenIds);
      ScreenGroup made = groups.find(c, id).orElseThrow();
      audit.record(c, actor, "create", "group", id, null, made);
      return made;
    }).onSuccess(made -> membersChanged.accept(changed(List.of(), made.screenIds())));
  }

  public Future<ScreenGroup> updateGroup(String actor, String id, String name, List<String> screenIds) {
    List<String> membersBefore = new java.util.ArrayList<>();
    return db.transaction(c -> {
      ScreenGroup before = groups.find(c, id).orElseThrow(() -> noGroup(id));
      screensExist(c, screenIds);
      groups.rename(c, id, name);
      groups.setMembers(c, id, screenIds);
      ScreenGroup after = groups.find(c, id).orElseThrow();
      audit.record(c, actor, "update", "group", id, before, after);
      membersBefore.addAll(before.screenIds());
      return after;
    }).onSuccess(after -> membersChanged.accept(changed(membersBefore, after.screenIds())));
  }

  public Future<Map<String, String>> deleteGroup(String actor, String id) {
    List<String> membersBefore = new java.util.ArrayList<>();
    return db.transaction(c -> {
      ScreenGroup before = groups.find(c, id).orElseThrow(() -> noGroup(id));
      groups.delete(c, id);
      audit.record(c, actor, "delete", "group", id, before, null);
      membersBefore.addAll(before.screenIds());
      return Map.of("deleted", id);
    }).onSuccess(deleted -> membersChanged.accept(changed(membersBefore, List.of())));
  }

  /** The screens in one list and not the other: those a group took in or left out. */
  private static java.util.Set<String> changed(List<String> before, List<String> after) {
    java.util.Set<String> kept = new java.util.HashSet<>(before);
    kept.retainAll(new java.util.HashSet<>(after)); // sets: a group may hold thousands of screens
    java.util.Set<String> changed = new java.util.TreeSet<>(before);
    changed.addAll(after);
    changed.removeAll(kept);
    return changed;
  }

  /** A gate's default playlist must be a stored playlist (its approved items are what the gate's screens fill with). */
  private void defaultPlaylistExists(Connection c, String playlistId) throws SQLException {
    if (playlistId != null && !playlists.exists(c, playlistId)) {
      throw Refusal.badInput("UNKNOWN_PLAYLIST", "defaultPlaylistId names playlist " + playlistId
          + " that does not exist", Map.of("field", "defaultPlaylistId", "value", playlistId));
    }
  }

  private void clusterExists(Connection c, String id) throws SQLException {
    if (!clusters.exists(c, id)) {
      throw noCluster(id);
    }
  }

  private void screensExist(Connection c, List<String> screenIds) throws SQLException {
    List<String> unknown = screens.unknown(c, screenIds);
    if (!unknown.isEmpty()) {
      throw refusal(Kind.BAD_INPUT, "screenIds name screens that are not registered: " + unknown);
    }
  }

  private static Refusal noCluster(String id) {
    return refusal(Kind.NOT_FOUND, "no cluster " + id);
  }

  private static Refusal noGroup(String id) {
    return refusal(Kind.NOT_FOUND, "no group " + id);
  }

  /** Coded by kind, as these refusals always were (the console translates BAD_INPUT, NOT_FOUND, CONFLICT). */
  private static Refusal refusal(Kind kind, String message) {
    return new Refusal(kind, kind.name(), message);
  }
}

package io.gatecast.controller.organisation;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.organisation.OrganisationService.HoursView;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clusters, operating hours and groups on a real SQLite file, without a controller: refusals with
 * their codes, what is stored (nothing when refused), and the audit trail.
 */
class OrganisationServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final Cluster MOC_BAI = new Cluster("moc-bai", "Mộc Bài", "Tây Ninh", "Asia/Ho_Chi_Minh",
      List.of("vi", "en"));

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private final ClusterRepository clusters = new ClusterRepository();
  private final GroupRepository groups = new GroupRepository();
  private OrganisationService service;
  /** What the service told of each group change: the screens it took in or left out. */
  private final List<java.util.Set<String>> membersChanged = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    NamedPlaylistRepository playlists = new NamedPlaylistRepository();
    ScreenRepository screens = new ScreenRepository();
    service = new OrganisationService(db, clock, clusters, groups, new OperatingHoursRepository(),
        playlists::exists, screens::unknown, new AuditLog(clock), membersChanged::add);
    await(db.transaction(c -> {
      new ContentRepository().insert(c, "hello", "Hello", List.of(new ContentVariant("vi", null, "Xin chào", 10)),
          "editor", NOW);
      playlists.insert(c, "welcome", "Welcome", List.of(new NamedPlaylist.Entry("hello", 1, null)), NOW);
      screens.insert(c, "gate-1", "Gate 1", NOW);
      screens.insert(c, "gate-2", "Gate 2", NOW);
      return null;
    }));
  }

  @Test
  void aClusterIsCreatedOnceAndAudited() {
    Cluster made = await(service.createCluster("admin", MOC_BAI));

    assertEquals(MOC_BAI, made);
    assertEquals(MOC_BAI, await(service.cluster("moc-bai")));
    assertEquals(List.of("create"), actions("cluster", "moc-bai"));
    Refusal again = refused(service.createCluster("admin", MOC_BAI));
    assertEquals(Refusal.Kind.CONFLICT, again.kind());
    assertEquals("CLUSTER_EXISTS", again.code());
    assertEquals("NOT_FOUND", refused(service.cluster("lao-bao")).code());
  }

  @Test
  void aDefaultPlaylistMustExistAndARefusedChangeStoresNothing() {
    Cluster withUnknown = new Cluster("moc-bai", "Mộc Bài", "Tây Ninh", "Asia/Ho_Chi_Minh", List.of("vi"), "nope");

    Refusal refusal = refused(service.createCluster("admin", withUnknown));

    assertEquals("UNKNOWN_PLAYLIST", refusal.code());
    assertEquals(Map.of("field", "defaultPlaylistId", "value", "nope"), refusal.details());
    assertEquals(List.of(), await(service.clusters()).stream().filter(k -> k.id().equals("moc-bai")).toList());
    Cluster withKnown = new Cluster("moc-bai", "Mộc Bài", "Tây Ninh", "Asia/Ho_Chi_Minh", List.of("vi"), "welcome");
    assertEquals("welcome", await(service.createCluster("admin", withKnown)).defaultPlaylistId());
    assertEquals("UNKNOWN_PLAYLIST", refused(service.updateCluster("admin", withUnknown)).code());
    assertEquals("welcome", await(service.cluster("moc-bai")).defaultPlaylistId());
  }

  @Test
  void theDefaultClusterAndAClusterWithScreensAreNotDeleted() {
    await(service.createCluster("admin", MOC_BAI));
    await(db.transaction(c -> Sql.update(c, "UPDATE screens SET cluster_id = ? WHERE id = ?", "moc-bai", "gate-1")));

    assertEquals("CONFLICT", refused(service.deleteCluster("admin", Cluster.DEFAULT_ID)).code());
    Refusal withScreens = refused(service.deleteCluster("admin", "moc-bai"));
    assertEquals("CONFLICT", withScreens.code());
    assertEquals("cluster moc-bai still has 1 screen(s); move them first", withScreens.getMessage());
    assertEquals("NOT_FOUND", refused(service.deleteCluster("admin", "lao-bao")).code());

    await(db.transaction(c -> Sql.update(c, "UPDATE screens SET cluster_id = ? WHERE id = ?", Cluster.DEFAULT_ID,
        "gate-1")));
    assertEquals(Map.of("deleted", "moc-bai"), await(service.deleteCluster("admin", "moc-bai")));
    assertEquals(List.of("delete", "create"), actions("cluster", "moc-bai"));
  }

  @Test
  void operatingHoursAreSetAndClearedOnExistingClustersOnly() {
    await(service.createCluster("admin", MOC_BAI));

    assertTrue(await(service.hoursOf("moc-bai")).alwaysOpen());
    HoursView set = await(service.setHours("admin", "moc-bai", new OperatingHours(LocalTime.of(6, 0), LocalTime.of(22, 0))));
    assertEquals(new HoursView("moc-bai", "06:00", "22:00", false), set);
    assertEquals(set, await(service.hoursOf("moc-bai")));
    assertTrue(await(service.clearHours("admin", "moc-bai")).alwaysOpen());
    assertEquals(List.of("clear-operating-hours", "set-operating-hours", "create"), actions("cluster", "moc-bai"));
    assertEquals("NOT_FOUND", refused(service.setHours("admin", "lao-bao",
        new OperatingHours(LocalTime.of(6, 0), LocalTime.of(22, 0)))).code());
  }

  @Test
  void aGroupNamesOnlyRegisteredScreensAndARefusedGroupIsNotStored() {
    Refusal refusal = refused(service.createGroup("admin", "arrivals", "Arrivals", List.of("gate-1", "gate-9")));

    assertEquals("BAD_INPUT", refusal.code());
    assertEquals("screenIds name screens that are not registered: [gate-9]", refusal.getMessage());
    assertEquals("NOT_FOUND", refused(service.group("arrivals")).code());

    assertEquals(new ScreenGroup("arrivals", "Arrivals", List.of("gate-1")),
        await(service.createGroup("admin", "arrivals", "Arrivals", List.of("gate-1"))));
    assertEquals("GROUP_EXISTS", refused(service.createGroup("admin", "arrivals", "Arrivals", List.of())).code());
    assertEquals(new ScreenGroup("arrivals", "Arrivals hall", List.of("gate-1", "gate-2")),
        await(service.updateGroup("admin", "arrivals", "Arrivals hall", List.of("gate-1", "gate-2"))));
    assertEquals(Map.of("deleted", "arrivals"), await(service.deleteGroup("admin", "arrivals")));
    assertEquals("NOT_FOUND", refused(service.deleteGroup("admin", "arrivals")).code());
    assertEquals(List.of("delete", "update", "create"), actions("group", "arrivals"));
    // Told of the screens each change took in or left out (they may get their new place at once); refusals tell nothing.
    assertEquals(List.of(java.util.Set.of("gate-1"), java.util.Set.of("gate-2"), java.util.Set.of("gate-1", "gate-2")),
        membersChanged);
  }

  /** Audit actions on one subject, newest first. */
  private List<String> actions(String subjectType, String subjectId) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, subjectType, subjectId, 50)))
        .stream().map(AuditEntry::action).toList();
  }
}

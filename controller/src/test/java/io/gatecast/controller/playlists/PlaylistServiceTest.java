package io.gatecast.controller.playlists;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.campaign.CampaignDefinition;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.rules.TargetsSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Named playlists on a real SQLite file, without a controller: entries name stored items, ids are
 * unique, and a playlist a campaign plays or a gate falls back to is not deleted.
 */
class PlaylistServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final List<NamedPlaylist.Entry> WELCOME = List.of(new NamedPlaylist.Entry("welcome", 1, null));

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private final NamedPlaylistRepository playlists = new NamedPlaylistRepository();
  private final CampaignRepository campaigns = new CampaignRepository();
  private final ClusterRepository clusters = new ClusterRepository();
  private PlaylistService service;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ContentRepository content = new ContentRepository();
    service = new PlaylistService(db, clock, playlists, content, campaigns, clusters,
        new io.gatecast.controller.layouts.LayoutRepository(), new AuditLog(clock));
    await(db.transaction(c -> {
      content.insert(c, "welcome", "Welcome", List.of(new ContentVariant("vi", null, "Xin chào", 10)), "editor", NOW);
      return null;
    }));
  }

  @Test
  void everyEntryNamesAStoredItemAndARefusedPlaylistIsNotStored() {
    List<NamedPlaylist.Entry> entries = List.of(new NamedPlaylist.Entry("welcome", 1, null),
        new NamedPlaylist.Entry("missing", 2, null));

    Refusal refusal = refused(service.create("editor", "arrivals", "Arrivals", entries));

    assertEquals("BAD_INPUT", refusal.code());
    assertEquals("entries[1].contentId missing names no content item", refusal.getMessage());
    assertFalse(stored("arrivals"));
  }

  @Test
  void aPlaylistIsCreatedOnceEditedKeepingItsNameAndAudited() {
    assertEquals("Arrivals", await(service.create("editor", "arrivals", "Arrivals", WELCOME)).name());
    Refusal again = refused(service.create("editor", "arrivals", "Again", WELCOME));
    assertEquals(Refusal.Kind.CONFLICT, again.kind());
    assertEquals("PLAYLIST_EXISTS", again.code());

    NamedPlaylist edited = await(service.edit("editor", "arrivals", null, List.of(new NamedPlaylist.Entry("welcome", 3,
        null))));

    assertEquals("Arrivals", edited.name());
    assertEquals(3, edited.entries().get(0).weight());
    assertEquals(List.of("edit", "create"), actions("arrivals"));
    assertEquals("NOT_FOUND", refused(service.edit("editor", "departures", null, WELCOME)).code());
    assertEquals("NOT_FOUND", refused(service.find("departures")).code());
  }

  @Test
  void aPlaylistACampaignPlaysIsNotDeletedAndTheRefusalNamesTheCampaigns() {
    await(service.create("editor", "arrivals", "Arrivals", WELCOME));
    await(db.transaction(c -> {
      campaigns.insert(c, new CampaignDefinition("tet", "Tết", "arrivals",
          new TargetsSpec(List.of(Cluster.DEFAULT_ID), List.of(), List.of(), List.of()),
          LocalDateTime.parse("2027-01-01T00:00"), LocalDateTime.parse("2027-02-01T00:00"), null, null, null, null, null),
          NOW);
      return null;
    }));

    Refusal refusal = refused(service.delete("editor", "arrivals"));

    assertEquals("PLAYLIST_IN_USE", refusal.code());
    assertEquals(Map.of("id", "arrivals", "campaigns", List.of("tet")), refusal.details());
    assertTrue(stored("arrivals"));
  }

  @Test
  void aGatesDefaultPlaylistIsNotDeletedAndAnUnusedOneIs() {
    await(service.create("editor", "arrivals", "Arrivals", WELCOME));
    await(db.transaction(c -> {
      clusters.insert(c, new Cluster("moc-bai", "Mộc Bài", "Tây Ninh", "Asia/Ho_Chi_Minh", List.of("vi"), "arrivals"),
          NOW);
      return null;
    }));

    Refusal refusal = refused(service.delete("editor", "arrivals"));
    assertEquals("PLAYLIST_IS_GATE_DEFAULT", refusal.code());
    assertEquals(Map.of("id", "arrivals", "gates", List.of("moc-bai")), refusal.details());

    await(db.transaction(c -> {
      clusters.update(c, new Cluster("moc-bai", "Mộc Bài", "Tây Ninh", "Asia/Ho_Chi_Minh", List.of("vi"), null));
      return null;
    }));
    await(service.delete("editor", "arrivals"));
    assertFalse(stored("arrivals"));
    assertEquals(List.of("delete", "create"), actions("arrivals"));
    Refusal gone = refused(service.delete("editor", "arrivals"));
    assertEquals("NO_SUCH_PLAYLIST", gone.code());
    assertEquals(Map.of("id", "arrivals"), gone.details());
  }

  private boolean stored(String playlistId) {
    return await(db.transaction(c -> playlists.exists(c, playlistId)));
  }

  /** Audit actions on one playlist, newest first. */
  private List<String> actions(String playlistId) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "playlist", playlistId, 50)))
        .stream().map(AuditEntry::action).toList();
  }
}

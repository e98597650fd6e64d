package io.gatecast.controller.campaign;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.rules.TargetsSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Campaigns on a real SQLite file, without a controller: a campaign plays a stored playlist, ids are unique. */
class CampaignServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private CampaignService service;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    NamedPlaylistRepository playlists = new NamedPlaylistRepository();
    service = new CampaignService(db, clock, new CampaignRepository(), playlists::exists, new AuditLog(clock));
    await(db.transaction(c -> {
      new ContentRepository().insert(c, "hello", "Hello", List.of(new ContentVariant("vi", null, "Xin chào", 10)),
          "editor", NOW);
      playlists.insert(c, "welcome", "Welcome", List.of(new NamedPlaylist.Entry("hello", 1, null)), NOW);
      return null;
    }));
  }

  @Test
  void aCampaignPlaysAStoredPlaylistAndARefusedOneIsNotStored() {
    Refusal refusal = refused(service.create("planner", tet("nowhere", 0)));

    assertEquals("BAD_INPUT", refusal.code());
    assertEquals("playlistId nowhere names no playlist; create it first with POST /api/v1/playlists",
        refusal.getMessage());
    assertEquals(List.of(), await(service.all()));
    assertEquals("NOT_FOUND", refused(service.find("tet")).code());
  }

  @Test
  void aCampaignIsCreatedOnceEditedDeletedAndEveryStepIsAudited() {
    assertEquals(tet("welcome", 0), await(service.create("planner", tet("welcome", 0))));
    Refusal again = refused(service.create("planner", tet("welcome", 0)));
    assertEquals(Refusal.Kind.CONFLICT, again.kind());
    assertEquals("CAMPAIGN_EXISTS", again.code());

    await(service.edit("planner", tet("welcome", 5)));
    assertEquals(5, await(service.find("tet")).priority());
    assertEquals("BAD_INPUT", refused(service.edit("planner", tet("nowhere", 9))).code());
    assertEquals(5, await(service.find("tet")).priority(), "a refused edit changes nothing");

    await(service.delete("planner", "tet"));
    assertEquals("NOT_FOUND", refused(service.delete("planner", "tet")).code());
    assertEquals("NOT_FOUND", refused(service.edit("planner", tet("welcome", 1))).code());
    List<String> actions = await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "campaign", "tet",
        50))).stream().map(AuditEntry::action).toList();
    assertEquals(List.of("delete", "edit", "create"), actions);
  }

  private static CampaignDefinition tet(String playlistId, int priority) {
    return new CampaignDefinition("tet", "Tết", playlistId,
        new TargetsSpec(List.of(Cluster.DEFAULT_ID), List.of(), List.of(), List.of()),
        LocalDateTime.parse("2027-01-01T00:00"), LocalDateTime.parse("2027-02-01T00:00"), null, null, priority, null,
        null);
  }
}

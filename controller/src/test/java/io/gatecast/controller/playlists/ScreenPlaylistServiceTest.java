package io.gatecast.controller.playlists;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Screens' own playlists on a real SQLite file, without a controller: all or nothing, audited per screen. */
class ScreenPlaylistServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private final ScreenPlaylistRepository playlists = new ScreenPlaylistRepository();
  private ScreenPlaylistService service;

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ContentRepository content = new ContentRepository();
    ScreenRepository screens = new ScreenRepository();
    service = new ScreenPlaylistService(db, playlists, content, screens, new AuditLog(clock));
    await(db.transaction(c -> {
      content.insert(c, "hello", "Hello", List.of(new ContentVariant("vi", null, "Xin chào", 10)), "editor", NOW);
      screens.insert(c, "gate-1", "Gate 1", NOW);
      screens.insert(c, "gate-2", "Gate 2", NOW);
      return null;
    }));
  }

  @Test
  void anItemGoesOnEveryScreenNamedOrOnNone() {
    Refusal unknownScreen = refused(service.schedule("editor", "hello", List.of("gate-1", "gate-9")));
    Refusal unknownItem = refused(service.schedule("editor", "bye", List.of("gate-1")));

    assertEquals("BAD_INPUT", unknownScreen.code());
    assertEquals("screenIds name screens that are not registered: [gate-9]; nothing was scheduled",
        unknownScreen.getMessage());
    assertEquals("BAD_INPUT", unknownItem.code());
    assertEquals(List.of(), playlistOf("gate-1"));

    await(service.schedule("editor", "hello", List.of("gate-1", "gate-2")));

    assertEquals(List.of("hello"), playlistOf("gate-1"));
    assertEquals(List.of("hello"), playlistOf("gate-2"));
    assertEquals(List.of("schedule"), actions("gate-2"));
  }

  @Test
  void anItemIsTakenOffOneScreenAndTheRefusalSaysWhenItWasNotThere() {
    await(service.schedule("editor", "hello", List.of("gate-1", "gate-2")));

    assertEquals(List.of(), await(service.unschedule("editor", "gate-1", "hello")));

    assertEquals(List.of("hello"), playlistOf("gate-2"));
    assertEquals(List.of("unschedule", "schedule"), actions("gate-1"));
    Refusal refusal = refused(service.unschedule("editor", "gate-1", "hello"));
    assertEquals("NOT_ON_PLAYLIST", refusal.code());
    assertEquals(Map.of("screenId", "gate-1", "contentId", "hello"), refusal.details());
  }

  @Test
  void aPageOfScreensIsReadWithEachPlaylistInOrder() {
    await(db.transaction(c -> {
      ContentRepository content = new ContentRepository();
      for (String id : List.of("a", "b", "c", "d")) {
        content.insert(c, id, id, List.of(new ContentVariant("vi", null, id, 10)), "editor", NOW);
      }
      for (String id : List.of("c", "a", "d", "b")) {
        playlists.append(c, "gate-1", id);
      }
      playlists.remove(c, "gate-1", "a"); // a gap in the positions
      playlists.append(c, "gate-1", "a");
      return null;
    }));

    Map<String, List<String>> page = await(db.transaction(c -> playlists.of(c, List.of("gate-1", "gate-2", "gate-3"))));

    assertEquals(Map.of("gate-1", List.of("c", "d", "b", "a")), page, "gate-2 has no playlist, gate-3 is no screen");
    assertEquals(await(db.transaction(playlists::all)), page, "as the whole fleet's read has it");
  }

  private List<String> playlistOf(String screenId) {
    return await(db.transaction(c -> playlists.of(c, screenId)));
  }

  /** Audit actions on one screen's playlist, newest first. */
  private List<String> actions(String screenId) {
    return await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "screen-playlist", screenId, 50)))
        .stream().map(AuditEntry::action).toList();
  }
}

package io.gatecast.controller.content;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditEntry;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.VariantSpec;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Content items and their review on a real SQLite file, without a controller: the workflow's
 * refusals (kind, code, message), what is stored, the audit entries, and when a retire republishes.
 */
class ContentServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final User AN = user("an", Role.CONTRIBUTOR);
  private static final User BINH = user("binh", Role.CONTRIBUTOR);
  private static final User CHI = user("chi", Role.APPROVER);
  private static final User DUNG = user("dung", Role.OPERATOR);
  private static final List<ContentVariant> HELLO = List.of(new ContentVariant("vi", null, "Xin chào", 10));

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private ContentService service;
  /** The actors a retire republished as; a real publish is the publish feature's business. */
  private final List<String> republishedAs = new ArrayList<>();

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    service = new ContentService(db, clock, new ContentRepository(), new MediaRepository(),
        new io.gatecast.controller.publish.PublishedOnAir(new ScreenRepository(), new io.gatecast.controller.publish.ClusterScheduleRepository()),
        new io.gatecast.controller.layouts.LayoutRepository()::naming, new AuditLog(clock),
        actor -> {
          republishedAs.add(actor);
          return Future.succeededFuture(7L);
        });
  }

  @Test
  void aContributorsEditSendsAnApprovedItemBackToPendingAndOnlyTheirOwn() {
    await(service.create(AN, "hello", "Hello", HELLO));
    await(service.approve(CHI, "hello", 1));
    assertEquals(ContentStatus.APPROVED, await(service.find("hello")).status());

    Content edited = await(service.edit(AN, "hello", "Hello again", HELLO));
    assertEquals(ContentStatus.PENDING, edited.status());
    assertEquals(2, edited.revision());

    Refusal notTheirs = refused(service.edit(BINH, "hello", "Mine now", HELLO));
    assertEquals(Refusal.Kind.FORBIDDEN, notTheirs.kind());
    assertEquals("REVIEW_NOT_ALLOWED", notTheirs.code());
    assertEquals("Hello again", await(service.find("hello")).title(), "a refused edit changes nothing");
    assertEquals(ContentStatus.PENDING, await(service.edit(DUNG, "hello", "Hello", HELLO)).status(),
        "an operator edits anything");
  }

  @Test
  void anApproverApprovesOnlyTheRevisionTheySawAndNotTheirOwn() {
    await(service.create(AN, "hello", "Hello", HELLO));
    await(service.edit(AN, "hello", "Hello again", HELLO));

    Refusal stale = refused(service.approve(CHI, "hello", 1));
    assertEquals(Refusal.Kind.CONFLICT, stale.kind());
    assertEquals("REVIEW_WRONG_STATE", stale.code());
    assertEquals("revision is 1 but content hello is at revision 2; it changed since you looked: review it again"
        + " before you approve it", stale.getMessage());
    assertEquals(ContentStatus.PENDING, await(service.find("hello")).status());

    assertEquals("REVIEW_NOT_ALLOWED", refused(service.approve(AN, "hello", 2)).code());
    assertEquals(ContentStatus.APPROVED, await(service.approve(CHI, "hello", 2)).status());
    assertEquals("REVIEW_WRONG_STATE", refused(service.approve(CHI, "hello", 2)).code());
    assertEquals("NOT_FOUND", refused(service.approve(CHI, "nowhere", 1)).code());
  }

  @Test
  void anItemIsCreatedOnceAndItsMediaMustBeUploaded() {
    await(service.create(AN, "hello", "Hello", HELLO));
    Refusal again = refused(service.create(BINH, "hello", "Hello", HELLO));
    assertEquals(Refusal.Kind.CONFLICT, again.kind());
    assertEquals("CONTENT_EXISTS", again.code());
    assertEquals("an", await(service.find("hello")).author());

    String sha = "a".repeat(64);
    Refusal noMedia = refused(service.create(AN, "poster", "Poster",
        List.of(new ContentVariant("vi", sha, null, 10))));
    assertEquals("BAD_INPUT", noMedia.code());
    assertEquals("variants[0].mediaSha256 " + sha + " names no uploaded media; upload the file first with"
        + " POST /api/v1/media", noMedia.getMessage());
    assertEquals(List.of("hello"), await(service.list(null, null)).stream().map(Content::id).toList());
  }

  @Test
  void onlyAnApprovedItemIsRetiredAndOneNoScreenCarriesIsNotRepublished() {
    await(service.create(AN, "hello", "Hello", HELLO));
    Refusal pending = refused(service.retire(DUNG, "hello", 1, "out of date"));
    assertEquals(Refusal.Kind.CONFLICT, pending.kind());
    assertEquals("CONTENT_NOT_ON_AIR", pending.code());
    assertEquals(Map.of("id", "hello", "status", "PENDING"), pending.details());

    await(service.approve(CHI, "hello", 1));
    ContentService.Retired retired = await(service.retire(DUNG, "hello", 1, "out of date"));
    assertEquals(ContentStatus.RETIRED, retired.content().status());
    assertEquals("out of date", retired.content().reviewReason());
    assertFalse(retired.republished());
    assertNull(retired.publishId());
    assertEquals(List.of(), retired.screens());
    assertEquals(List.of(), republishedAs, "no screen carried it: nothing to publish");
    assertEquals("CONTENT_NOT_ON_AIR", refused(service.retire(DUNG, "hello", 1, "again")).code());
  }

  @Test
  void retiringAnItemAScreenCarriesRepublishesAsTheOneWhoRetiredIt() {
    await(service.create(AN, "hello", "Hello", HELLO));
    await(service.approve(CHI, "hello", 1));
    await(db.transaction(c -> {
      ScreenRepository screens = new ScreenRepository();
      screens.insert(c, "gate-2", "Gate 2", NOW);
      screens.insert(c, "gate-1", "Gate 1", NOW);
      screens.insert(c, "hall", "Hall", NOW);
      screens.recordPublished(c, "gate-2", 1, carrying("gate-2", "hello"));
      screens.recordPublished(c, "gate-1", 1, carrying("gate-1", "hello"));
      screens.recordPublished(c, "hall", 1, carrying("hall", "hello-old"));
      // Two screens placed in their gate's schedule (issue 21): lane-1's profile carries it, lane-2's does not.
      screens.insert(c, "lane-1", "Lane 1", NOW);
      screens.insert(c, "lane-2", "Lane 2", NOW);
      screens.recordPublished(c, "lane-1", 1, "{\"placement\":{\"clusterId\":\"default\",\"profileId\":\"lane-1\"}}");
      screens.recordPublished(c, "lane-2", 1, "{\"placement\":{\"clusterId\":\"default\",\"profileId\":\"lane-2\"}}");
      String profiles = "{\"lane-1\":" + carrying("lane-1", "hello") + ",\"lane-2\":" + carrying("lane-2", "hello-old") + "}";
      new io.gatecast.controller.publish.ClusterScheduleRepository().record(c, "default", 1, null, profiles,
          List.of("lane-1", "lane-2"), null, new byte[] {1}, NOW);
      return null;
    }));

    ContentService.Retired retired = await(service.retire(DUNG, "hello", 1, "out of date"));

    assertEquals(List.of("dung"), republishedAs);
    assertEquals(7L, retired.publishId());
    assertEquals(List.of("gate-1", "gate-2", "lane-1"), retired.screens(), "only the screens carrying it, sorted");
    assertEquals(ContentStatus.RETIRED, await(service.find("hello")).status());
  }

  /** A screen's published rules holding one text item. */
  private static String carrying(String screenId, String itemId) {
    ScreenRules rules = new ScreenRules(new ScreenProfile(screenId, "default", null, null, "Asia/Ho_Chi_Minh",
        List.of("vi")), List.of(new ItemSpec(itemId, "Hello", List.of(new VariantSpec("vi", null, "Xin chào", 10)))),
        null, null, null, null);
    return new String(Codec.encode(rules), StandardCharsets.UTF_8);
  }

  @Test
  void anItemInUseIsNotDeletedAndTheRefusalNamesItsUses() {
    await(service.create(AN, "hello", "Hello", HELLO));
    await(db.transaction(c -> {
      new NamedPlaylistRepository().insert(c, "welcome", "Welcome",
          List.of(new NamedPlaylist.Entry("hello", 1, null)), NOW);
      return null;
    }));

    Refusal inUse = refused(service.delete("dung", "hello"));
    assertEquals(Refusal.Kind.CONFLICT, inUse.kind());
    assertEquals("CONTENT_IN_USE", inUse.code());
    assertEquals(List.of("welcome"), inUse.details().get("playlists"));
    assertEquals("hello", await(service.find("hello")).id(), "nothing was deleted");

    await(db.transaction(c -> {
      new NamedPlaylistRepository().delete(c, "welcome");
      return null;
    }));
    await(service.delete("dung", "hello"));
    assertEquals("NO_SUCH_CONTENT", refused(service.delete("dung", "hello")).code());
    assertEquals("NOT_FOUND", refused(service.find("hello")).code());
    List<String> actions = await(db.transaction(c -> new AuditLog(Clock.systemUTC()).read(c, null, "content", "hello",
        50))).stream().map(AuditEntry::action).toList();
    assertEquals(List.of("delete", "submit"), actions);
  }

  private static User user(String name, Role role) {
    return new User(name, Set.of(role), false, NOW);
  }
}

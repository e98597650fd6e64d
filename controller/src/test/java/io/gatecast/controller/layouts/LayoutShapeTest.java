package io.gatecast.controller.layouts;

import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.controller.Repositories;
import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.playlists.NamedPlaylist;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.PlaylistService;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.schedules.model.Screen;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Layouts are checked against the screens they reach (issue 23): a gate has a default per shape,
 * a screen takes the one of its orientation, a screen is refused a layout of the other shape and
 * one whose orientation changed later is not given it; and nothing a layout names is deleted
 * silently — an item, a playlist, the layout itself while attached.
 */
class LayoutShapeTest {
  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");
  private static final User AN = new User("an", Set.of(Role.CONTRIBUTOR), false, NOW);
  private static final User CHI = new User("chi", Set.of(Role.APPROVER), false, NOW);
  private static final String OPERATOR = "dung";
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private Database db;
  private ContentService content;
  private PlaylistService playlists;
  private LayoutService layouts;
  private final RulesBuilder builder = new RulesBuilder(
      (c, id) -> new Screen(id, "lao-cai", Set.of(), Set.of(), HANOI, List.of("vi")), Repositories.create().rulesStores());

  @BeforeEach
  void open() {
    db = database.db();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    LayoutRepository layoutRepository = new LayoutRepository();
    content = new ContentService(db, clock, new ContentRepository(), new MediaRepository(),
        new io.gatecast.controller.publish.PublishedOnAir(new ScreenRepository(), new io.gatecast.controller.publish.ClusterScheduleRepository()),
        layoutRepository::naming, new AuditLog(clock), actor -> Future.succeededFuture(1L));
    playlists = new PlaylistService(db, clock, new NamedPlaylistRepository(), new ContentRepository(),
        new CampaignRepository(), new ClusterRepository(), layoutRepository, new AuditLog(clock));
    layouts = new LayoutService(db, clock, layoutRepository, new LayoutService.Lookups(new ContentRepository()::exists,
        (c, id) -> new ContentRepository().find(c, id).map(x -> x.status().name()), new ClusterRepository()::exists, (c, id) -> id.startsWith("campaign-"), new ScreenRepository()::exists),
        new AuditLog(clock));
    await(db.transaction(c -> {
      new ClusterRepository().insert(c, new Cluster("lao-cai", "Lào Cai", "Lào Cai", "Asia/Ho_Chi_Minh", List.of("vi")), NOW);
      screen(c, "hall-1", null); // orientation not said: landscape
      screen(c, "hall-2", "LANDSCAPE");
      screen(c, "totem-3", "PORTRAIT");
      return null;
    }));
    text("line", "Xin xuất trình hộ chiếu");
    text("news", "Tin biên giới");
    await(playlists.create(OPERATOR, "pl-news", "Tin", List.of(new NamedPlaylist.Entry("news", 1, null))));
    await(layouts.create(OPERATOR, layout("hall", ScreenShape.LANDSCAPE_16_9)));
    await(layouts.create(OPERATOR, layout("hall-b", ScreenShape.LANDSCAPE_16_9)));
    await(layouts.create(OPERATOR, layout("totem", ScreenShape.PORTRAIT_9_16)));
  }

  private static void screen(java.sql.Connection c, String id, String orientation) throws java.sql.SQLException {
    new ScreenRepository().insert(c, id, id, NOW);
    new ScreenSetupRepository().update(c, id, new ScreenSetup("lao-cai", null, null, orientation, null, List.of(), null), NOW);
  }

  private void text(String id, String text) {
    await(content.create(AN, id, id, List.of(new ContentVariant("vi", null, text, 10))));
    await(content.approve(CHI, id, 1));
  }

  /** MAIN plays the named playlist pl-news, the ticker says "line". */
  private static LayoutSpec layout(String id, ScreenShape shape) {
    return LayoutService.layout(id, Templates.MAIN_TICKER, shape, List.of(
        RegionSpec.playlist(RegionRole.MAIN, new PlaylistSpec("pl-news", List.of(EntrySpec.of("news")))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("line"))))));
  }

  private String shown(String screenId) {
    var plan = await(db.transaction(c -> builder.build(c, screenId)));
    return plan.layout() == null ? null : plan.layout().spec().id();
  }

  private List<LayoutChoice.Mismatch> mismatches(String... screenIds) {
    return await(db.transaction(c -> builder.session(c).layoutChoice().mismatches(List.of(screenIds))));
  }

  private void orientation(String screenId, String orientation) {
    await(db.transaction(c -> new ScreenSetupRepository().update(c, screenId,
        new ScreenSetup("lao-cai", null, null, orientation, null, List.of(), null), NOW)));
  }

  @Test
  void aGateHasADefaultPerShapeAndEachScreenTakesTheOneOfItsOrientation() {
    LayoutAssignment landscape = await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    assertThat(landscape.shape()).as("the layout's own shape decides").isEqualTo(ScreenShape.LANDSCAPE_16_9);
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "totem")));

    assertThat(await(layouts.assignments())).containsExactly(
        new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall", ScreenShape.LANDSCAPE_16_9),
        new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "totem", ScreenShape.PORTRAIT_9_16));
    assertThat(shown("hall-1")).as("no orientation: landscape").isEqualTo("hall");
    assertThat(shown("hall-2")).isEqualTo("hall");
    assertThat(shown("totem-3")).isEqualTo("totem");

    // Another landscape default replaces the landscape one only.
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall-b")));
    assertThat(shown("hall-1")).isEqualTo("hall-b");
    assertThat(shown("totem-3")).isEqualTo("totem");

    // Detaching one shape leaves the other; a gate without a default of a screen's shape shows it full screen.
    await(layouts.unassign(OPERATOR, LayoutTarget.GATE, "lao-cai", ScreenShape.PORTRAIT_9_16));
    assertThat(shown("totem-3")).isNull();
    assertThat(shown("hall-2")).isEqualTo("hall-b");
    assertThat(refused(layouts.unassign(OPERATOR, LayoutTarget.GATE, "lao-cai", ScreenShape.PORTRAIT_9_16)).code())
        .isEqualTo("LAYOUT_NOT_ATTACHED");
  }

  /** A publish builds a page of screens in a session that reads those screens' shapes only (issue 21). */
  @Test
  void aSessionForSomeScreensChoosesTheirLayoutsAsTheWholeFleetsSessionDoes() {
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "totem")));
    List<String> page = List.of("hall-2", "totem-3");
    await(db.transaction(c -> {
      LayoutChoice all = builder.session(c).layoutChoice();
      LayoutChoice some = builder.session(c, page).layoutChoice();
      for (String id : page) {
        assertThat(some.shapeOf(id)).as(id).isEqualTo(all.shapeOf(id));
        assertThat(some.forScreen(id, "lao-cai")).as(id).isEqualTo(all.forScreen(id, "lao-cai"));
        assertThat(some.key(id, "lao-cai")).as(id).isEqualTo(all.key(id, "lao-cai"));
      }
      assertThat(some.shapeOf("totem-3")).isEqualTo(ScreenShape.PORTRAIT_9_16);
      // A screen outside the page is not silently taken for a landscape one
      assertThatThrownBy(() -> some.key("hall-1", "lao-cai")).isInstanceOf(IllegalStateException.class);
      return null;
    }));
  }

  @Test
  void aScreenIsRefusedALayoutOfTheOtherShapeAndOneTurnedLaterIsNotGivenIt() {
    Refusal mismatch = refused(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "totem-3", "hall")));
    assertThat(mismatch.code()).isEqualTo("LAYOUT_SHAPE_MISMATCH");
    assertThat(mismatch.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(mismatch.details()).isEqualTo(Map.of("screen", "totem-3", "orientation", "PORTRAIT", "layout", "hall",
        "shape", "LANDSCAPE_16_9"));
    assertThat(refused(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "hall-1", "totem"))).code())
        .as("no orientation counts as landscape").isEqualTo("LAYOUT_SHAPE_MISMATCH");
    assertThat(await(layouts.assignments())).as("nothing was attached").isEmpty();

    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "totem-3", "totem")));
    assertThat(shown("totem-3")).isEqualTo("totem");
    assertThat(mismatches("totem-3")).isEmpty();

    // The totem is turned to landscape: it takes the gate's landscape default, and the checks say why.
    orientation("totem-3", "LANDSCAPE");
    assertThat(shown("totem-3")).isEqualTo("hall");
    assertThat(mismatches("hall-1", "totem-3")).containsExactly(new LayoutChoice.Mismatch("totem-3", ScreenShape.LANDSCAPE_16_9, "totem", ScreenShape.PORTRAIT_9_16));
  }

  @Test
  void aCampaignHoldsOneLayoutWhateverItsShape() {
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.CAMPAIGN, "campaign-tet", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.CAMPAIGN, "campaign-tet", "totem")));
    assertThat(await(layouts.assignments())).containsExactly(
        new LayoutAssignment(LayoutTarget.CAMPAIGN, "campaign-tet", "totem", ScreenShape.PORTRAIT_9_16));
  }

  @Test
  void anItemOrPlaylistALayoutNamesIsNotDeletedAndTheRefusalNamesTheLayout() {
    Refusal item = refused(content.delete(OPERATOR, "line"));
    assertThat(item.code()).isEqualTo("CONTENT_IN_USE");
    assertThat(item.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(item.details()).containsEntry("layouts", List.of("hall", "hall-b", "totem"))
        .containsEntry("playlists", List.of()).containsEntry("screens", List.of());
    // "news" is in pl-news too, and in the copy of it that the layouts' MAIN regions play.
    assertThat(refused(content.delete(OPERATOR, "news")).details())
        .containsEntry("playlists", List.of("pl-news")).containsEntry("layouts", List.of("hall", "hall-b", "totem"));

    Refusal playlist = refused(playlists.delete(OPERATOR, "pl-news"));
    assertThat(playlist.code()).isEqualTo("PLAYLIST_IN_LAYOUT");
    assertThat(playlist.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(playlist.details()).isEqualTo(Map.of("id", "pl-news", "layouts", List.of("hall", "hall-b", "totem")));

    for (String id : List.of("hall", "hall-b", "totem")) {
      await(layouts.delete(OPERATOR, id));
    }
    await(playlists.delete(OPERATOR, "pl-news"));
    await(content.delete(OPERATOR, "line"));
    assertThat(await(content.list(null, null))).extracting(x -> x.id()).containsExactly("news");
  }

  @Test
  void anAttachedLayoutIsNotDeletedNorReshapedAndTheRefusalNamesWhereItIsAttached() {
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.SCREEN, "hall-2", "hall")));
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.CAMPAIGN, "campaign-tet", "hall")));

    Refusal inUse = refused(layouts.delete(OPERATOR, "hall"));
    assertThat(inUse.code()).isEqualTo("LAYOUT_IN_USE");
    assertThat(inUse.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(inUse.details()).isEqualTo(Map.of("value", "hall", "gates", List.of("lao-cai"),
        "campaigns", List.of("campaign-tet"), "screens", List.of("hall-2")));
    Refusal reshaped = refused(layouts.edit(OPERATOR, layout("hall", ScreenShape.PORTRAIT_9_16)));
    assertThat(reshaped.code()).isEqualTo("LAYOUT_IN_USE");
    assertThat(reshaped.getMessage()).contains("shape cannot change");
    assertThat(await(layouts.find("hall")).shape()).isEqualTo(ScreenShape.LANDSCAPE_16_9);
    await(layouts.edit(OPERATOR, layout("hall", ScreenShape.LANDSCAPE_16_9))); // same shape: fine

    await(layouts.unassign(OPERATOR, LayoutTarget.GATE, "lao-cai", null));
    await(layouts.unassign(OPERATOR, LayoutTarget.SCREEN, "hall-2", null));
    await(layouts.unassign(OPERATOR, LayoutTarget.CAMPAIGN, "campaign-tet", null));
    await(layouts.delete(OPERATOR, "hall"));
    assertThat(await(layouts.all())).extracting(LayoutSpec::id).containsExactly("hall-b", "totem");
  }

  @Test
  void aRetiredItemALayoutNamesStopsPlayingAndTheEditorsDataSaysItIsGone() {
    await(layouts.assign(OPERATOR, new LayoutAssignment(LayoutTarget.GATE, "lao-cai", "hall")));
    assertThat(await(layouts.findListed("hall")).offAir()).isEmpty();

    // Retiring is allowed (as for an item a playlist plays): it stops playing.
    await(content.retire(CHI, "line", 1, "Hết hiệu lực"));
    var plan = await(db.transaction(c -> builder.build(c, "hall-1")));
    assertThat(plan.withheld()).containsExactly("line");
    assertThat(plan.layout().items()).doesNotContainKey("line");

    assertThat(await(layouts.findListed("hall")).offAir()).containsExactly(new LayoutService.OffAir("line", "RETIRED"));
    assertThat(await(layouts.listed())).allSatisfy(listed ->
        assertThat(listed.offAir()).containsExactly(new LayoutService.OffAir("line", "RETIRED")));
    // Edited after retiring, it waits for review: still off the air, and said so.
    await(content.edit(AN, "line", "line", List.of(new ContentVariant("vi", null, "Dòng mới", 10))));
    assertThat(await(layouts.findListed("hall")).offAir()).containsExactly(new LayoutService.OffAir("line", "PENDING"));
  }
}

package io.gatecast.controller.preview;

import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.campaign.CampaignRepository;
import io.gatecast.controller.playlists.NamedPlaylistRepository;
import io.gatecast.controller.playlists.ScreenPlaylistRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.organisation.ClusterRepository;
import static io.gatecast.controller.ServiceFutures.await;
import static io.gatecast.controller.ServiceFutures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatecast.controller.TestDatabase;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.publish.OrganisationDirectory;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview on a real SQLite file, without a controller: its window rules and an unknown screen, by code. */
class PreviewServiceTest {
  private static final Instant FROM = Instant.parse("2026-12-02T00:00:00Z");

  @RegisterExtension final TestDatabase database = new TestDatabase();
  private PreviewService service;

  @BeforeEach
  void open() {
    ScreenRepository screens = new ScreenRepository();
    service = new PreviewService(database.vertx(), database.db(), screens,
        new RulesBuilder(new OrganisationDirectory(new ScreenSetupRepository(), new ClusterRepository(),
            new GroupRepository()), io.gatecast.controller.Repositories.create().rulesStores()));
    await(database.db().transaction(c -> {
      screens.insert(c, "gate-1", "Gate 1", FROM);
      new ScreenSetupRepository().update(c, "gate-1", ScreenSetup.inCluster(Cluster.DEFAULT_ID), FROM);
      return null;
    }));
  }

  @Test
  void aScreensWindowIsPreviewed() {
    Preview.View view = await(service.preview("gate-1", FROM, FROM.plus(Duration.ofDays(1))));

    assertEquals("gate-1", view.screenId());
    assertEquals(FROM, view.from());
    assertEquals(FROM.plus(Duration.ofDays(1)), view.to());
  }

  @Test
  void aWindowBackwardsOrTooLongAndAnUnknownScreenAreRefused() {
    Refusal backwards = refused(service.preview("gate-1", FROM, FROM));
    assertEquals(Refusal.Kind.BAD_INPUT, backwards.kind());
    assertEquals("BAD_INPUT", backwards.code());
    assertEquals("BAD_INPUT",
        refused(service.preview("gate-1", FROM, FROM.plus(Preview.MAX_WINDOW).plusSeconds(1))).code());
    await(service.preview("gate-1", FROM, FROM.plus(Preview.MAX_WINDOW)));

    Refusal unknown = refused(service.preview("nowhere", FROM, FROM.plusSeconds(60)));
    assertEquals(Refusal.Kind.NOT_FOUND, unknown.kind());
    assertEquals("no screen nowhere", unknown.getMessage());
  }
}

package io.gatecast.controller;

import io.gatecast.controller.auth.PasswordWork;
import io.gatecast.controller.auth.SignInService;
import io.gatecast.controller.auth.UserService;
import io.gatecast.controller.calendar.CalendarService;
import io.gatecast.controller.enrollment.EnrollmentService;
import io.gatecast.controller.layouts.LayoutPreviews;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.controller.media.MediaUsage;
import io.gatecast.controller.preview.PreviewService;
import io.gatecast.controller.reports.ReportService;
import io.gatecast.controller.screenshots.ScreenshotService;
import io.gatecast.controller.throttle.LoginThrottle;
import io.gatecast.protocol.BrokerUrls;

import io.gatecast.controller.alerts.AlertService;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.audit.AuditService;
import io.gatecast.controller.auth.AdminBootstrap;
import io.gatecast.controller.broker.BrokerAuth;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.broker.PortCheck;
import io.gatecast.controller.campaign.CampaignService;
import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.fleet.FleetMonitor;
import io.gatecast.controller.fleet.FleetService;
import io.gatecast.controller.fleet.StoredClusters;
import io.gatecast.controller.health.ControllerHealth;
import io.gatecast.controller.http.ConnectionLimits;
import io.gatecast.controller.keyrotation.KeyRotations;
import io.gatecast.controller.live.ChangeFeed;
import io.gatecast.controller.media.MediaLibrary;
import io.gatecast.controller.media.MediaStore;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.notices.TechnicianNotices;
import io.gatecast.controller.organisation.OrganisationService;
import io.gatecast.controller.playlists.PlaylistService;
import io.gatecast.controller.playlists.ScreenPlaylistService;
import io.gatecast.controller.proofofplay.PlayIngest;
import io.gatecast.controller.proofofplay.PlayReceipts;
import io.gatecast.controller.publish.OrganisationDirectory;
import io.gatecast.controller.publish.PublishService;
import io.gatecast.controller.publish.Publisher;
import io.gatecast.controller.events.ScreenSetUp;
import io.gatecast.controller.publish.Arrivals;
import io.gatecast.controller.publish.Reassertion;
import io.gatecast.controller.publish.ScheduleWatch;
import io.gatecast.controller.publish.RulesBuilder;
import io.gatecast.controller.publish.ScheduleSender;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.screens.ScreenService;
import io.gatecast.controller.screens.api.ScreenViews;
import io.gatecast.controller.screenshots.ScreenshotStore;
import io.gatecast.controller.signing.KeyRing;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.LegacyIds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's one composition root. It builds, in this order: the event bus and every
 * repository (once); the store and the broker side (signing keys, database, media, embedded broker,
 * MQTT link); the services (metrics, fleet health, reports, commands, rules, publisher, alerts, key
 * rotations, re-assertion, the content and organisation services, the live feed); the fleet monitor
 * that feeds them from the broker; the routes and the HTTP server; and last the timers. Each part is
 * built from parts built before it and pushed onto the one {@link Lifecycle} as soon as it holds
 * something to release; {@link Controller#close} and a start that fails at any step close that stack
 * in reverse. Nothing outside this class builds a repository or a service for the running controller.
 */
final class Composition {
  static final String DB_FILE = "gatecast.db";
  private static final Logger LOG = LoggerFactory.getLogger(Composition.class);

  final Lifecycle lifecycle = new Lifecycle();
  private final Vertx vertx;
  private final ControllerConfig config;
  private final Clock clock;
  private final UnaryOperator<ScheduleSender> wrapSender;
  // Built first, holding nothing to release.
  private final DomainEvents events = new DomainEvents();
  private final Repositories repositories = Repositories.create();
  private final AuditLog audit;
  // The store and the broker side (blocking).
  KeyRing keys;
  private Database db;
  private MediaStore media;
  private EmbeddedBroker broker;
  private MqttLink mqtt;
  private ControllerHealth controllerHealth;
  // Services.
  private CommandService commands;
  Publisher publisher;
  AlertService alerts;
  KeyRotations rotations;
  Reassertion reassertion;
  Arrivals arrivals;
  private Services services;
  // The fleet monitor, fed by the broker.
  FleetMonitor fleet;
  // The HTTP side.
  private HttpServer server;

  private Composition(Vertx vertx, ControllerConfig config, Clock clock, UnaryOperator<ScheduleSender> wrapSender) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.wrapSender = wrapSender;
    this.audit = new AuditLog(clock);
  }

  /** Builds and starts everything; on a failure at any step closes what was opened, then fails. */
  static Future<Controller> start(Vertx vertx, ControllerConfig config, Clock clock,
      UnaryOperator<ScheduleSender> wrapSender) {
    Composition root = new Composition(vertx, config, clock, wrapSender);
    return vertx.executeBlocking(() -> {
      root.openStoreAndBroker();
      root.buildServices();
      root.startFleetMonitor();
      return root;
    })
        // Files left without a row by a crash mid-upload or mid-delete go before anyone can upload.
        .compose(built -> MediaLibrary.sweepOrphans(root.db, root.media, root.repositories.media()))
        .compose(swept -> AdminBootstrap.ensureAdmin(vertx, root.db, root.repositories.users(), root.audit,
            config.dataDir(), config.adminPassword(), clock))
        .compose(v -> root.serve())
        .recover(failure -> closeAfterFailedStart(root.lifecycle, failure));
  }

  /** Signing keys, database, media, embedded broker, MQTT link. Blocking: off the event loop. */
  private void openStoreAndBroker() {
    // First, and opening nothing: without its key the controller must not start at all.
    keys = KeyRing.open(config.dataDir().resolve("keys"));
    db = lifecycle.push("database", Database.open(vertx, config.dataDir().resolve(DB_FILE)));
    media = new MediaStore(config.dataDir().resolve("media"));
    warnOfLegacyIds(db);
    ControllerCredentials generated = ControllerCredentials.loadOrCreate(config.dataDir());
    long brokerStarted = System.nanoTime();
    if (config.externalBroker() == null) {
      BrokerLogins logins = new BrokerLogins(db, repositories.screens(), repositories.setups());
      BrokerAuth auth = new BrokerAuth(generated, logins::login, logins::upgradeHash);
      broker = lifecycle.push("embedded MQTT broker", EmbeddedBroker.start(config.embeddedBroker(),
          config.brokerHost(), config.brokerPort(),
          config.dataDir().resolve("broker"), auth, config.tls()));
    }
    ControllerCredentials login = new ControllerCredentials(
        config.brokerUsername() != null ? config.brokerUsername() : generated.username(),
        config.brokerPassword() != null ? config.brokerPassword() : generated.password());
    // Over TLS, the link to our own embedded broker trusts exactly our own certificate. An external
    // broker keeps the session while the link is down (a node dying under it, a restart): screens'
    // events sent meanwhile are delivered when it is back (docs/brokers.md, "While the controller
    // is away"). The embedded broker lives and dies with the controller, so there is nothing to
    // keep, and Moquette 0.17 held back a screen's ack across a restart with a kept session.
    long linkStarted = System.nanoTime();
    mqtt = lifecycle.push("MQTT link", MqttLink.connect(brokerUrl(), login.clientId(), login,
        broker != null && config.tls() != null ? config.tls().selfTrust() : null, broker == null));
    // Where a slow start went, said once: on a busy machine the worker's "blocked" warnings show only
    // the start task's age and its frame of the moment (issue 21 read a slow HiveMQ start as a lost CONNACK).
    long linkMillis = millisSince(linkStarted, System.nanoTime());
    if (broker == null) {
      LOG.info("MQTT link connected in {} ms", linkMillis);
    } else {
      LOG.info("embedded {} broker started in {} ms; MQTT link connected in {} ms", config.embeddedBroker().option(),
          millisSince(brokerStarted, linkStarted), linkMillis);
    }
    // Told before the first subscription: a refused one makes /health degraded from the start.
    controllerHealth = new ControllerHealth(clock);
    mqtt.watch(controllerHealth);
  }

  private static long millisSince(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000_000;
  }

  /** Every service, from the repositories and the parts opened before; none of them opens anything. */
  private void buildServices() {
    Repositories r = repositories;
    Metrics metrics = new Metrics();
    metrics.subscribeTo(events);
    metrics.brokerRefusals(controllerHealth::refusals, () -> controllerHealth.problems().size());
    StoredClusters clusters = new StoredClusters(r.clusters(), r.hours());
    FleetHealth health = new FleetHealth(clusters, r.screens(), r.health(), r.clocks());
    PlayReports reports = new PlayReports(clusters, health, r.plays(), r.content(), r.screens(), r.setups());
    commands = new CommandService(db, mqtt, keys, clock, events, r.screens(), r.commands());
    ScreenshotStore screenshots = new ScreenshotStore(config.dataDir().resolve("screenshots"));
    RulesBuilder rules = new RulesBuilder(new OrganisationDirectory(r.setups(), r.clusters(), r.groups()),
        r.rulesStores());
    // The media address is read when a schedule is built, so it holds the port actually bound even
    // when asked for port 0 (the HTTP server is made later, in serve()).
    publisher = new Publisher(vertx, db, wrapSender.apply(ScheduleSender.over(mqtt)), config.sendDeadline(), clock,
        () -> publicUrl() + "/media/", keys, rules, audit, events, r.screens(), r.setups(), r.deliveries(),
        r.publishes(), r.clusterSchedules());
    haltMidPublish(publisher);
    alerts = new AlertService(vertx, db, mqtt, keys, clock, clusters, events, audit, r.alerts(),
        r.alertPublications());
    rotations = new KeyRotations(vertx, keys, db, mqtt, publisher, clock, audit, r.screens());
    // The store is the truth, the broker a cache: what it may have lost is sent again unchanged.
    reassertion = new Reassertion(vertx, publisher, alerts::reassert, events, clock);
    // A newly paired screen plays its gate's programme on air at once, when that is what a publish would give it.
    arrivals = new Arrivals(vertx, publisher, events, clock);
    PasswordWork passwords = new PasswordWork(vertx);
    services = new Services(vertx, clock, db, media, config.maxUploadBytes(), r, metrics,
        controllerHealth, clusters, health, alerts, rotations,
        new ContentService(db, clock, r.content(), r.media(),
            new io.gatecast.controller.publish.PublishedOnAir(r.screens(), r.clusterSchedules()), r.layouts()::naming, audit,
            actor -> publisher.publishAll(actor).map(Publisher.Started::publishId)),
        new PlaylistService(db, clock, r.namedPlaylists(), r.content(), r.campaigns(), r.clusters(), r.layouts(), audit),
        new CampaignService(db, clock, r.campaigns(), r.namedPlaylists()::exists, audit),
        new ScreenPlaylistService(db, r.screenPlaylists(), r.content(), r.screens(), audit),
        new OrganisationService(db, clock, r.clusters(), r.groups(), r.hours(), r.namedPlaylists()::exists,
            r.screens()::unknown, audit, members -> members.forEach(id -> events.publish(new ScreenSetUp(id)))),
        new ChangeFeed(vertx, events),
        new SignInService(db, clock, r.users(), r.sessions(), new LoginThrottle(clock), passwords, audit, events),
        new UserService(db, clock, r.users(), r.sessions(), passwords, audit, events),
        new EnrollmentService(db, clock, r.enrollments(), r.screens(), r.setups(), r.clusters(),
            () -> rotations.currentKey(), () -> BrokerUrls.parse(brokerUrl(), "broker URL"), audit),
        new MediaLibrary(vertx, db, clock, media, r.media(), new MediaUsage(), audit),
        new ScreenshotService(vertx, db, clock, screenshots, r.screens(), r.commands(), r.screenshots()),
        new ReportService(db, clock, reports, clusters, r.screens()),
        new PreviewService(vertx, db, r.screens(), rules),
        new CalendarService(vertx, db, clock, rules, r.clusters(), r.groups(), r.screens(), r.setups(),
            r.campaigns()),
        new LayoutService(db, clock, r.layouts(), new LayoutService.Lookups(r.content()::exists,
            (c, id) -> r.content().find(c, id).map(item -> item.status().name()), r.clusters()::exists,
            (c, id) -> r.campaigns().find(c, id).isPresent(), r.screens()::exists), audit),
        new ScreenService<>(db, clock, r.screens(), r.setups(), r.clusters(), r.groups(), BrokerLogins.access(broker), audit,
            new ScreenViews(clock, r.setups(), r.groups(), r.screenPlaylists(), r.deliveries(), r.rejections(), health,
                arrivals::waiting),
            events),
        new FleetService<>(db, clock, health, clusters, r.screens(), commands, audit, reports::uptime),
        new PublishService(db, publisher, r.publishes()),
        new AuditService(db, audit),

        new LayoutPreviews(db, clock, new LayoutPreviews.Sources(r.clusters(), r.layouts(), r.content(), r.media())));
  }

  /** Heartbeats, answers, plays and command results in from the broker; the silence sweep. Blocking. */
  private void startFleetMonitor() {
    Repositories r = repositories;
    // Technicians' notices hear the fleet on the bus, from its state at start on (told once it starts).
    TechnicianNotices.configured(db, config.alerts(), services.clusters(), services.metrics()::alertSent)
        .subscribeTo(events);
    fleet = new FleetMonitor(vertx, db, clock, config.heartbeatTimeout(), new FleetMonitor.Wiring(services.health(),
        commands,
        new PlayIngest(services.clusters(), events, r.screens(), r.plays(), r.clocks(),
            new PlayReceipts(mqtt, keys, clock)),
        services.metrics(), events), r.screens(), r.rejections(), r.deliveries());
    // Its input first: with the link closed nothing more comes in, then what the monitor has queued
    // is written (before the database closes). A message taken from an external broker's kept
    // session and then dropped would be lost; one not taken is delivered again at the next start.
    lifecycle.push("fleet monitor", () -> {
      mqtt.close();
      fleet.close();
    });
    fleet.start(mqtt, config.sweepEvery());
  }

  /** The HTTP server with every route, the listening port, what must be sent again, then the timers. */
  private Future<Controller> serve() {
    server = vertx.createHttpServer(ConnectionLimits.options(
        config.tls() == null ? new HttpServerOptions() : config.tls().httpServerOptions()));
    // Awaited, and then the port itself, so a closed controller's port is free again (a restart on the
    // same port binds it); close() is never called on an event loop.
    lifecycle.push("HTTP server", () -> {
      int port = server.actualPort();
      server.close().await();
      if (port > 0) {
        PortCheck.awaitFree(config.httpHost(), port, Duration.ofSeconds(10));
      }
    });
    fleet.watchSchedules(ScheduleWatch.both(reassertion, arrivals));
    mqtt.onReconnect(() -> reassertion.all("reconnected to the MQTT broker"));
    // Commands too: unanswered ones the broker may have lost, and those it did not take.
    mqtt.onReconnect(() -> commands.resendAll("reconnected to the MQTT broker"));
    lifecycle.push("HTTP connection limits",
        ConnectionLimits.install(vertx, server, HttpApi.router(services))::close);
    return server
        .listen(config.httpPort(), config.httpHost())
        // What a stopped controller recorded but did not send goes out first (the address is known now).
        .compose(bound -> publisher.resendUnsent().map(resent -> bound))
        // Retained alert messages may have been lost with a broker restart: send every cluster's again.
        .compose(bound -> {
          lifecycle.push("alert expiry timer", alerts::close);
          return alerts.start().map(bound);
        })
        // Every screen's last schedule again, as published: the broker may have lost or rolled it back.
        .compose(bound -> reassertion.all("start").map(bound))
        .compose(bound -> commands.resendAll("start").map(bound))
        .map(bound -> {
          // Only once started: a start that fails announces and re-signs nothing.
          lifecycle.push("key rotation timer", rotations::close);
          rotations.start(config.sweepEvery());
          lifecycle.push("re-assertion timer", reassertion::close);
          reassertion.start();
          lifecycle.push("arrivals timer", arrivals::close);
          arrivals.start();
          lifecycle.push("profiles-ahead timer", publisher.profilesAhead()::close);
          if (!Boolean.getBoolean("gatecast.test.noProfilesAhead")) {
            publisher.profilesAhead().start();
          } else {
            LOG.warn("test hook: this controller plans no profiles ahead; every publish after a setup change reads the fleet");
          }
          return new Controller(this, bound, brokerUrl());
        });
  }

  private String brokerUrl() {
    return broker != null ? broker.url() : config.externalBroker();
  }

  private String publicUrl() {
    return config.publicUrl() != null
        ? config.publicUrl()
        : config.httpScheme() + "://" + config.httpHost() + ":" + server.actualPort();
  }

  /**
   * Ids stored before they had to be portable keep working; the operator is told which, and how to
   * rename them. Not awaited: this runs on a worker whose context the database's answer would wait behind.
   */
  private static void warnOfLegacyIds(Database db) {
    db.transaction(LegacyIds::find)
        .onSuccess(legacy -> {
          if (!legacy.isEmpty()) {
            LOG.warn("{}", LegacyIds.warning(legacy));
          }
        })
        .onFailure(e -> LOG.warn("cannot check the stored ids: {}", e.toString()));
  }

  /**
   * Closes what a failed start had opened, then fails with why it failed. On a thread of its own:
   * closing waits (for the HTTP port, for queued writes), which an event loop or a Vert.x worker
   * (whose context the database's answers would queue behind) must not do.
   */
  private static Future<Controller> closeAfterFailedStart(Lifecycle lifecycle, Throwable failure) {
    Promise<Controller> closed = Promise.promise();
    Thread closer = new Thread(() -> {
      lifecycle.close();
      closed.fail(failure);
    }, "gatecast-failed-start-close");
    closer.start();
    return closed.future();
  }

  /**
   * For the crash tests of the streamed publish only ({@code RetainedAfterStopTest}, which also sets
   * {@code -Dgatecast.test.noProfilesAhead=true}, read in {@link #start}: a publish of theirs must pass through the
   * early and final passes, not start from profiles planned ahead whenever a setup change settled): the JVM halts —
   * as abruptly as kill -9, nothing closed or flushed — mid-stream: with
   * {@code -Dgatecast.test.haltBeforePublishBatch=N} when a publish is about to record its batch
   * {@code N}; with {@code -Dgatecast.test.haltBeforeGateSchedules=fast|early|final} when it is about to
   * record the gates' schedules of that pass.
   */
  private static void haltMidPublish(Publisher publisher) {
    Integer haltAtBatch = Integer.getInteger("gatecast.test.haltBeforePublishBatch");
    if (haltAtBatch != null) {
      LOG.warn("test hook: this controller halts when a publish is about to record its batch {}", haltAtBatch);
      publisher.beforeBatch(batch -> {
        if (batch == haltAtBatch) {
          Runtime.getRuntime().halt(137);
        }
      });
    }
    String haltAtGates = System.getProperty("gatecast.test.haltBeforeGateSchedules");
    if (haltAtGates != null) {
      LOG.warn("test hook: this controller halts when a publish is about to record its {} gate schedules", haltAtGates);
      publisher.beforeGates(pass -> {
        if (pass.equals(haltAtGates)) {
          Runtime.getRuntime().halt(137);
        }
      });
    }
  }
}

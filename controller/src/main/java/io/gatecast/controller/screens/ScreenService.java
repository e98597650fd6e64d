package io.gatecast.controller.screens;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.controller.broker.PasswordHash;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenSetUp;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.organisation.GroupRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registered screens: registration and set-up, revocation and MQTT logins. Owns the rules (a screen
 * id is unique and is never the controller's MQTT username; a screen's cluster and groups exist; a
 * revoked screen gets no new password), what is stored, the audit entry, and what the broker is told
 * after the commit.
 *
 * <p>How a screen is described — in the answer and in the audit log — is given by the caller: the API
 * shows a screen with its health and deliveries, which are other features' facts.
 *
 * @param <V> a screen as described to the caller
 */
public final class ScreenService<V> {
  /** Describes one screen, inside the transaction that changed it. */
  @FunctionalInterface
  public interface Describer<V> {
    V describe(Connection c, RegisteredScreen screen) throws SQLException;
  }

  /** A new screen: its id, its name (null: the id), where it is, and its groups. */
  public record Registration(String id, String name, ScreenSetup setup, List<String> groups) {}

  /** A screen as changed by an operator: a new name (null: unchanged), its set-up and its groups. */
  public record Change(String name, ScreenSetup setup, List<String> groups) {}

  /** A screen just registered, with the MQTT password it was given — shown this once, stored hashed. */
  public record Registered<V>(V screen, String mqttPassword) {}

  private final Database db;
  private final Clock clock;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;
  private final ClusterRepository clusters;
  private final GroupRepository groups;
  private final ScreenAccess access;
  private final AuditLog audit;
  private final Describer<V> describer;
  private final DomainEvents events;

  /** {@code events} hears each screen registered, set up or cut off: the live views redraw it at once. */
  public ScreenService(Database db, Clock clock, ScreenRepository screens, ScreenSetupRepository setups,
      ClusterRepository clusters, GroupRepository groups, ScreenAccess access, AuditLog audit, Describer<V> describer,
      DomainEvents events) {
    this.db = db;
    this.clock = clock;
    this.screens = screens;
    this.setups = setups;
    this.clusters = clusters;
    this.groups = groups;
    this.access = access;
    this.audit = audit;
    this.describer = describer;
    this.events = events;
  }

  public Future<Registered<V>> register(String actor, Registration request) {
    return db.transaction(c -> {
      if (screens.exists(c, request.id())) {
        throw refusal(Kind.CONFLICT, "a screen with id " + request.id() + " is already registered");
      }
      if (request.id().equals(ControllerCredentials.USERNAME)) {
        throw refusal(Kind.BAD_INPUT,
            "the id " + request.id() + " is the controller's MQTT username; choose another");
      }
      checkPlacement(c, request.setup().clusterId(), request.groups());
      Instant now = clock.instant();
      screens.insert(c, request.id(), request.name() == null ? request.id() : request.name(), now);
      setups.update(c, request.id(), request.setup(), now);
      groups.setGroupsOf(c, request.id(), request.groups());
      String password = newMqttPassword(c, request.id());
      V registered = describer.describe(c, screens.find(c, request.id()).orElseThrow());
      audit.record(c, actor, "register", "screen", request.id(), null, registered);
      return new Registered<>(registered, password);
    }).onSuccess(registered -> events.publish(new ScreenChanged(request.id())));
  }

  /**
   * Everything an operator sets up; the broker learns the cluster now. The screen gets its new place at once when
   * its gate's programme on air already holds what a publish would give it ({@code Arrivals}), else at the next publish.
   */
  public Future<V> update(String actor, String id, Change change) {
    return db.transaction(c -> {
      RegisteredScreen screen = screens.find(c, id).orElseThrow(() -> noScreen(id));
      checkPlacement(c, change.setup().clusterId(), change.groups());
      V before = describer.describe(c, screen);
      if (change.name() != null) {
        screens.rename(c, id, change.name());
      }
      setups.update(c, id, change.setup(), clock.instant());
      groups.setGroupsOf(c, id, change.groups());
      V after = describer.describe(c, screens.find(c, id).orElse(screen));
      audit.record(c, actor, "update", "screen", id, before, after);
      return after;
    }).map(after -> {
      access.moved(id, change.setup().clusterId());
      events.publish(new ScreenChanged(id));
      events.publish(new ScreenSetUp(id));
      return after;
    });
  }

  /**
   * Revocation: the login stops working, open sessions are dropped, nothing more is published to it.
   * The screen's history (deliveries, refusals) is evidence and stays.
   */
  public Future<V> revoke(String actor, String id) {
    return db.transaction(c -> {
      if (!setups.revoke(c, id, clock.instant())) {
        throw noScreen(id);
      }
      audit.record(c, actor, "revoke", "screen", id, null, null);
      return describer.describe(c, screens.find(c, id).orElseThrow());
    }).map(view -> {
      // After the commit: a login attempted from here on already finds no password.
      access.cutOff(id);
      events.publish(new ScreenChanged(id));
      return view;
    });
  }

  /** Rotation: the old password stops working for new logins at once; the new one is returned only here. */
  public Future<String> rotateMqttPassword(String actor, String id) {
    return db.transaction(c -> {
      if (!screens.exists(c, id)) {
        throw noScreen(id);
      }
      if (setups.find(c, id).orElseThrow().revoked()) {
        throw refusal(Kind.CONFLICT, "screen " + id + " is revoked; enroll it again to give it a login");
      }
      String password = newMqttPassword(c, id);
      audit.record(c, actor, "rotate-mqtt-password", "screen", id, null, null);
      return password;
    });
  }

  /**
   * Every screen described, read beside the database thread ({@link Database#read}): at 10,000 screens the
   * list took 0.4–0.8 s to read, which an urgent alert asked meanwhile waited for (bench/BENCHMARKS.md).
   */
  public Future<List<V>> all() {
    return db.read(c -> {
      List<V> described = new ArrayList<>();
      for (RegisteredScreen screen : screens.all(c)) {
        described.add(describer.describe(c, screen));
      }
      return described;
    });
  }

  public Future<V> find(String id) {
    return db.transaction(c -> describer.describe(c, screens.find(c, id).orElseThrow(() -> noScreen(id))));
  }

  /** The cluster and groups a screen is put in must exist. */
  private void checkPlacement(Connection c, String clusterId, List<String> groupIds) throws SQLException {
    if (!clusters.exists(c, clusterId)) {
      throw refusal(Kind.BAD_INPUT, "clusterId " + clusterId + " names no cluster");
    }
    List<String> unknownGroups = groups.unknown(c, groupIds);
    if (!unknownGroups.isEmpty()) {
      throw refusal(Kind.BAD_INPUT, "groups name groups that do not exist: " + unknownGroups);
    }
  }

  /** Makes and stores (hashed) a new MQTT password for the screen; the plain one exists only in the answer. */
  private String newMqttPassword(Connection c, String screenId) throws SQLException {
    String password = PasswordHash.newPassword();
    screens.setPassword(c, screenId, password);
    return password;
  }

  private static Refusal noScreen(String id) {
    return refusal(Kind.NOT_FOUND, "no screen " + id);
  }

  /** Coded by kind, as these refusals always were (the console translates BAD_INPUT, NOT_FOUND, CONFLICT). */
  private static Refusal refusal(Kind kind, String message) {
    return new Refusal(kind, kind.name(), message);
  }
}

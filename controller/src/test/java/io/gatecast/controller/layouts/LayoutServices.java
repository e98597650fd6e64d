package io.gatecast.controller.layouts;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentService;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.time.Clock;

/** The content and layout services the layout tests build on a test database, wired as the controller wires them. */
public final class LayoutServices {
  private LayoutServices() {}

  /** Content as authors and approvers use it; a retire's republish answers publish 1 at once. */
  public static ContentService content(Database db, Clock clock) {
    return new ContentService(db, clock, new ContentRepository(), new MediaRepository(),
        new io.gatecast.controller.publish.PublishedOnAir(new ScreenRepository(), new io.gatecast.controller.publish.ClusterScheduleRepository()),
        new LayoutRepository()::naming, new AuditLog(clock), actor -> Future.succeededFuture(1L));
  }

  /** Layouts whose items are checked against the store; gates, campaigns and screens are taken to exist (other features' business). */
  public static LayoutService layouts(Database db, Clock clock) {
    LayoutService.Exists any = (c, id) -> true;
    return new LayoutService(db, clock, new LayoutRepository(), new LayoutService.Lookups(
        new ContentRepository()::exists, (c, id) -> new ContentRepository().find(c, id).map(x -> x.status().name()),
        any, any, any), new AuditLog(clock));
  }
}

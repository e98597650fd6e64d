package io.gatecast.controller;

import io.gatecast.controller.commands.CommandService;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.fleet.FleetHealth;
import io.gatecast.controller.health.ControllerHealth;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.controller.reports.PlayReports;
import io.gatecast.controller.screenshots.ScreenshotStore;

/**
 * The parts behind fleet health, commands, screenshots, reports and metrics, built once by the
 * backend; {@code controllerHealth} is what {@code /health} reports.
 */
public record FleetParts(ClusterDirectory clusters, FleetHealth health, PlayReports reports, CommandService commands,
    ScreenshotStore screenshots, Metrics metrics, ControllerHealth controllerHealth, DomainEvents events) {

  /** Parts whose {@code /health} knows of no broker (route tests). */
  public FleetParts(ClusterDirectory clusters, FleetHealth health, PlayReports reports, CommandService commands,
      ScreenshotStore screenshots, Metrics metrics) {
    this(clusters, health, reports, commands, screenshots, metrics, new ControllerHealth(java.time.Clock.systemUTC()),
        new DomainEvents());
  }
}

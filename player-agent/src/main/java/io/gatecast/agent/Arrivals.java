package io.gatecast.agent;

import io.gatecast.agent.alerts.AlertApplier;
import io.gatecast.agent.commands.CommandApplier;
import io.gatecast.agent.journal.Outbox;
import io.gatecast.agent.link.Heartbeats;
import io.gatecast.agent.link.MqttSession;
import java.util.concurrent.Executor;

/**
 * What the MQTT session hands out, passed on: schedules (the screen's and its cluster's), commands and alerts to the apply thread
 * (applying downloads files and writes to disk, and Paho's callback thread must never wait); a new
 * connection to the heartbeats (the controller sees the screen at once) and the outbox (events
 * journaled while offline go out).
 */
final class Arrivals implements MqttSession.Listener {
  private final Executor applyThread;
  private final ScheduleApplier schedules;
  private final CommandApplier commands;
  private final AlertApplier alerts;
  private final Heartbeats heartbeats;
  private final Outbox outbox;

  Arrivals(Executor applyThread, ScheduleApplier schedules, CommandApplier commands, AlertApplier alerts,
      Heartbeats heartbeats, Outbox outbox) {
    this.applyThread = applyThread;
    this.schedules = schedules;
    this.commands = commands;
    this.alerts = alerts;
    this.heartbeats = heartbeats;
    this.outbox = outbox;
  }

  @Override
  public void onSchedule(byte[] payload) {
    schedules.arrived(); // pauses a download a newer schedule may supersede
    Handoff.run(applyThread, () -> schedules.apply(payload), "a schedule arrived too late to apply");
  }

  @Override
  public void onClusterSchedule(String clusterId, byte[] payload) {
    schedules.arrived();
    Handoff.run(applyThread, () -> schedules.applyCluster(clusterId, payload),
        "a cluster schedule arrived too late to apply");
  }

  @Override
  public void onCommand(byte[] payload) {
    Handoff.run(applyThread, () -> commands.apply(payload), "a command arrived too late to apply");
  }

  @Override
  public void onAlert(String clusterId, byte[] payload) {
    Handoff.run(applyThread, () -> alerts.apply(clusterId, payload), "an alert arrived too late to apply");
  }

  @Override
  public void onConnected() {
    heartbeats.beatNow();
    outbox.wake();
  }
}

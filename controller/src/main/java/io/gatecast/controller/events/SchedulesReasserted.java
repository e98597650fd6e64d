package io.gatecast.controller.events;

/** Schedules were sent again unchanged because the broker may have lost them. */
public record SchedulesReasserted(int count) implements DomainEvent {}

package io.gatecast.controller.events;

/** A screen's stored state changed for sure: offline by silence, a schedule answered, a command answered. */
public record ScreenChanged(String screenId) implements DomainEvent {}

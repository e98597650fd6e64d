package io.gatecast.controller.events;

/** An urgent alert was sent or cleared ({@code alertId}), or expiries changed what is in force ({@code alertId} null). */
public record AlertsChanged(String alertId) implements DomainEvent {}

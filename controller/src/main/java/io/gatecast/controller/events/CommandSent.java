package io.gatecast.controller.events;

/** A remote command was handed to the broker for a screen. */
public record CommandSent(String screenId) implements DomainEvent {}

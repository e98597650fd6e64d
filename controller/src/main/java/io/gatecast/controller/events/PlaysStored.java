package io.gatecast.controller.events;

/** New proof-of-play records were stored for a screen (resends not counted). */
public record PlaysStored(String screenId, int count) implements DomainEvent {}

package io.gatecast.controller.events;

/** An operator or technician changed a screen's setup (its gate, groups, tags, name...): where it belongs may have changed. */
public record ScreenSetUp(String screenId) implements DomainEvent {}

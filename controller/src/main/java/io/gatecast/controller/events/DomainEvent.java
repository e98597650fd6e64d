package io.gatecast.controller.events;

/**
 * Something that happened in the controller that other parts may want to hear of (the live feed,
 * metrics). Each event is a record in this package: the features that publish and the parts that
 * subscribe all depend on this package, never on each other, so no package cycle comes from an event.
 */
public interface DomainEvent {}

package io.gatecast.controller.events;

/**
 * A screen arriving at a gate was left to wait for the next publish, for a reason it did not wait for
 * before (so the screen page can say why); not told again while the reason stays the same.
 */
public record ScreenWaits(String screenId) implements DomainEvent {}

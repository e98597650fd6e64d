package io.gatecast.controller.events;

/**
 * Screens that reported playing nothing were tried: {@code placed} in their gate's programme on air,
 * {@code waiting} for the next publish (what a publish would give them is not on air).
 */
public record ScreensArrived(int placed, int waiting) implements DomainEvent {}

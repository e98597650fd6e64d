package io.gatecast.controller.events;

/**
 * Screens that reported playing nothing, or were set up anew, were tried: {@code placed} in their gate's programme
 * on air, {@code waiting} for the next publish (what a publish would give them is not on air), or
 * {@code unknownAgent}: not known yet to play placements (nothing decided; tried again at their next report).
 */
public record ScreensArrived(int placed, int waiting, int unknownAgent) implements DomainEvent {}

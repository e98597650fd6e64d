package io.gatecast.controller.events;

/**
 * The fleet's profiles were planned ahead of the next publish at setup {@code generation} (V94), for the
 * {@code screens} that play placements: a publish at that generation need not read them.
 */
public record ProfilesPlannedAhead(long generation, int screens) implements DomainEvent {}

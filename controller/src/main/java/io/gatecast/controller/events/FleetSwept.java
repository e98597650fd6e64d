package io.gatecast.controller.events;

import java.time.Instant;

/**
 * The silence sweep ran at {@code at} (after telling what it marked offline): time passed, so what
 * waited for a grace period or for a gate's operating hours may be due now.
 */
public record FleetSwept(Instant at) implements DomainEvent {}

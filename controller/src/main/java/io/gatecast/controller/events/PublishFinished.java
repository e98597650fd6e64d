package io.gatecast.controller.events;

/**
 * A publish asked for by someone finished handing its schedules over; {@code schedulesSent} the broker took,
 * {@code screensRead} the screens it read to plan them.
 */
public record PublishFinished(long publishId, int schedulesSent, int screensRead) implements DomainEvent {}

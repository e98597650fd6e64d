package io.gatecast.controller.events;

/** A publish asked for by someone finished handing its schedules over; {@code schedulesSent} the broker took. */
public record PublishFinished(long publishId, int schedulesSent) implements DomainEvent {}

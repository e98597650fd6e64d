package io.gatecast.controller.events;

/** A publish was recorded, planned, had a batch handed to the broker, or finished: its rollout view has news. */
public record PublishProgressed(long publishId) implements DomainEvent {}

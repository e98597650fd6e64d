package io.gatecast.controller.events;

import java.time.Instant;

/**
 * A screen went down (its agent offline, or its page not on the panel) or came back up, as stored
 * (its batch or the silence sweep committed). {@code reason} says why it is down, in words; null when up.
 */
public record ScreenUpChanged(String screenId, String clusterId, boolean up, String reason, Instant at)
    implements DomainEvent {}

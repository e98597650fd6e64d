package io.gatecast.protocol;

import java.time.Instant;

/** A message whose signature, key, type and expiry were checked, with the envelope facts that came with it. */
public record Verified<T>(String type, String keyId, Instant expiresAt, T message) {}

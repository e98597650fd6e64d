package io.gatecast.controller.publish;

/** One schedule version sent to a screen: PENDING until the agent answers APPLIED or FAILED. */
public record Delivery(long version, String outcome, String error) {}

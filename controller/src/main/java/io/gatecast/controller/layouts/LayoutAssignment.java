package io.gatecast.controller.layouts;

/** One attachment of a layout: to a gate (cluster id), a campaign or a screen, by id. */
public record LayoutAssignment(LayoutTarget target, String targetId, String layoutId) {}

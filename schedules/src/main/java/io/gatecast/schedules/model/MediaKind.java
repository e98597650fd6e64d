package io.gatecast.schedules.model;

/** What the agent must render for a variant's media. */
public enum MediaKind {
  IMAGE,
  VIDEO,
  HTML,
  TEXT
}

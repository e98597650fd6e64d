package io.gatecast.schedules.model;

/** A media file the agent fetches and caches by its opaque id (e.g. a SHA-256 of the bytes). */
public record Media(String id, MediaKind kind) {
  public Media {
    Require.text(id, "id");
    Require.present(kind, "kind");
  }
}

-- A border gate's default playlist: what every screen of the gate plays whenever nothing else is
-- scheduled and the screen has no playlist of its own (the lowest-priority fill; only its approved
-- items are published). No row: the gate has none, and a screen with nothing else would be black.
CREATE TABLE cluster_default_playlists (
  cluster_id  TEXT PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
  playlist_id TEXT NOT NULL REFERENCES playlists (id)
);

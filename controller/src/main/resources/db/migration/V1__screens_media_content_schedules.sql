-- The walking skeleton's schema: screens, media, content items, each screen's playlist and
-- what was published to it. Later issues add clusters, users, campaigns and approval.

CREATE TABLE screens (
  id                 TEXT PRIMARY KEY,
  name               TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  -- fleet health, as last reported by the agent (or its last-will) or concluded from silence
  state              TEXT NOT NULL DEFAULT 'OFFLINE' CHECK (state IN ('ONLINE', 'OFFLINE')),
  last_seen_at       TEXT,
  applied_version    INTEGER,
  current_content_id TEXT,
  -- what was last sent to it; the payload lets a publish skip screens whose schedule is unchanged
  published_version  INTEGER NOT NULL DEFAULT 0,
  published_items    TEXT
);

CREATE TABLE media (
  sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime_type     TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
  original_name TEXT,
  created_at    TEXT NOT NULL
);

CREATE TABLE content (
  id               TEXT PRIMARY KEY,
  title            TEXT NOT NULL,
  media_sha256     TEXT NOT NULL REFERENCES media (sha256),
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
  created_at       TEXT NOT NULL
);

-- A screen's playlist: the content it plays, in order.
CREATE TABLE playlist_entries (
  screen_id  TEXT NOT NULL REFERENCES screens (id),
  position   INTEGER NOT NULL,
  content_id TEXT NOT NULL REFERENCES content (id),
  PRIMARY KEY (screen_id, position),
  UNIQUE (screen_id, content_id)
);

-- One row per schedule version sent to a screen, and what the agent answered.
CREATE TABLE deliveries (
  screen_id  TEXT NOT NULL REFERENCES screens (id),
  version    INTEGER NOT NULL,
  sent_at    TEXT NOT NULL,
  outcome    TEXT NOT NULL DEFAULT 'PENDING' CHECK (outcome IN ('PENDING', 'APPLIED', 'FAILED')),
  error      TEXT,
  answered_at TEXT,
  PRIMARY KEY (screen_id, version)
);

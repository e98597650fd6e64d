-- Content items with one variant per language and an approval state; named playlists; campaigns.
-- Replaces the skeleton's single-file `content` table and its per-screen `playlist_entries`.

CREATE TABLE content_items (
  id            TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  -- PENDING: submitted, waiting for an approver; APPROVED: may go on air; REJECTED: with a reason.
  status        TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  -- Bumped by every edit; an approval names the revision it approves.
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  author        TEXT NOT NULL,
  submitted_by  TEXT NOT NULL,
  reviewed_by   TEXT,
  reviewed_at   TEXT,
  review_reason TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- One language version: a stored media file, or plain text (shown as text, never parsed as HTML).
CREATE TABLE content_variants (
  content_id   TEXT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  language     TEXT NOT NULL,
  media_sha256 TEXT REFERENCES media (sha256),
  text         TEXT,
  seconds      INTEGER NOT NULL CHECK (seconds > 0),
  PRIMARY KEY (content_id, language),
  UNIQUE (content_id, ordinal),
  CHECK ((media_sha256 IS NULL) <> (text IS NULL))
);

CREATE INDEX content_variants_by_media ON content_variants (media_sha256);

-- Skeleton items become one Vietnamese variant each, waiting for approval: nothing reaches a
-- screen again without an approver having seen it.
INSERT INTO content_items (id, title, status, revision, author, submitted_by, created_at, updated_at)
  SELECT id, title, 'PENDING', 1, 'legacy', 'legacy', created_at, created_at FROM content;
INSERT INTO content_variants (content_id, ordinal, language, media_sha256, text, seconds)
  SELECT id, 0, 'vi', media_sha256, NULL, duration_seconds FROM content;

-- Each screen's own playlist (its default, when no campaign is on), as POST /api/v1/schedule builds it.
CREATE TABLE screen_playlist_entries (
  screen_id  TEXT NOT NULL REFERENCES screens (id),
  position   INTEGER NOT NULL,
  content_id TEXT NOT NULL REFERENCES content_items (id),
  PRIMARY KEY (screen_id, position),
  UNIQUE (screen_id, content_id)
);
INSERT INTO screen_playlist_entries (screen_id, position, content_id)
  SELECT screen_id, position, content_id FROM playlist_entries;
DROP TABLE playlist_entries;
DROP TABLE content;

CREATE TABLE playlists (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE playlist_items (
  playlist_id TEXT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  content_id  TEXT NOT NULL REFERENCES content_items (id),
  weight      INTEGER NOT NULL CHECK (weight >= 1),
  position    INTEGER CHECK (position IS NULL OR position >= 1),
  PRIMARY KEY (playlist_id, ordinal),
  UNIQUE (playlist_id, content_id)
);

-- A campaign's schedule (targets, window, dayparts, recurrences, priority, weight, language
-- policy) is kept as the JSON the API accepted, checked against the engine's model before storing.
CREATE TABLE campaigns (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  playlist_id TEXT NOT NULL REFERENCES playlists (id),
  spec_json   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

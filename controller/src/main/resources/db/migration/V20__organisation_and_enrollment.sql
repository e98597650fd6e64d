-- Organisation: clusters (one border gate each), screens placed in them, screen groups; the
-- pairing codes of agents waiting to be enrolled; and revocation of a screen.

-- A cluster is the screens of one border gate. Schedules are written in its IANA zone; languages
-- is a JSON array of BCP 47 tags in order of preference (a screen may override it).
CREATE TABLE clusters (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  province   TEXT NOT NULL,
  zone       TEXT NOT NULL,
  languages  TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Every screen registered before clusters existed is put here; POST /api/v1/screens without a
-- clusterId too.
INSERT INTO clusters (id, name, province, zone, languages, created_at)
VALUES ('default', 'Default cluster', '-', 'Asia/Ho_Chi_Minh', '["vi"]', '2026-01-01T00:00:00Z');

-- SQLite cannot add a NOT NULL column with a REFERENCES clause while foreign keys are on, so
-- cluster_id is nullable here; the controller always writes it, and existing rows are filled below.
ALTER TABLE screens ADD COLUMN cluster_id TEXT REFERENCES clusters (id);
UPDATE screens SET cluster_id = 'default';
-- Where the screen hangs in the hall, e.g. "Entry hall, above lane 3".
ALTER TABLE screens ADD COLUMN location TEXT;
-- e.g. 1920x1080
ALTER TABLE screens ADD COLUMN resolution TEXT;
ALTER TABLE screens ADD COLUMN orientation TEXT CHECK (orientation IN ('LANDSCAPE', 'PORTRAIT'));
-- JSON array of BCP 47 tags in order; NULL: the cluster's languages.
ALTER TABLE screens ADD COLUMN languages TEXT;
-- JSON array of tags (targets of campaigns), never NULL for screens written by this version.
ALTER TABLE screens ADD COLUMN tags TEXT;
-- Set when the screen was cut off: its login is gone and nothing is published to it.
ALTER TABLE screens ADD COLUMN revoked_at TEXT;

CREATE INDEX screens_by_cluster ON screens (cluster_id);

CREATE TABLE screen_groups (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE screen_group_members (
  group_id  TEXT NOT NULL REFERENCES screen_groups (id) ON DELETE CASCADE,
  screen_id TEXT NOT NULL REFERENCES screens (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, screen_id)
);

CREATE INDEX screen_group_members_by_screen ON screen_group_members (screen_id);

-- An agent without identity registers a short pairing code (shown on its screen) with the SHA-256
-- of a long random secret only it knows. An operator assigns the code to a screen; the agent then
-- picks up its identity with the secret. The code alone never yields anything.
CREATE TABLE enrollments (
  code         TEXT PRIMARY KEY,
  secret_sha256 TEXT NOT NULL CHECK (length(secret_sha256) = 64),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  screen_id    TEXT REFERENCES screens (id) ON DELETE CASCADE,
  assigned_at  TEXT,
  picked_up_at TEXT
);

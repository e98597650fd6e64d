-- Issue 8: fleet health as separate truths with their history, remote commands and their results,
-- screenshots the agents upload, and proof of play.

-- The figures of the last heartbeat that carried them (protocol ScreenHealth, as JSON), and the
-- display state split out because it is one of the truths whose changes are kept.
ALTER TABLE screens ADD COLUMN health TEXT;
ALTER TABLE screens ADD COLUMN health_at TEXT;
ALTER TABLE screens ADD COLUMN display TEXT;
-- The last command sequence given to the screen: grows by one per command, never reused.
ALTER TABLE screens ADD COLUMN command_sequence INTEGER NOT NULL DEFAULT 0;

-- Every change of one of a screen's truths: its agent alive (AGENT: ONLINE/OFFLINE), its content up
-- to date (CONTENT: UP_TO_DATE/STALE), its page on screen (DISPLAY: SHOWING/NOT_SHOWING/UNKNOWN).
-- Uptime is computed from these intervals. at_ms: epoch milliseconds, for arithmetic.
CREATE TABLE screen_history (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  screen_id TEXT NOT NULL REFERENCES screens (id),
  at_ms     INTEGER NOT NULL,
  aspect    TEXT NOT NULL CHECK (aspect IN ('AGENT', 'CONTENT', 'DISPLAY')),
  value     TEXT NOT NULL,
  detail    TEXT
);
CREATE INDEX screen_history_by_screen ON screen_history (screen_id, at_ms, id);

-- Commands sent to screens and what their agents answered.
CREATE TABLE screen_commands (
  screen_id         TEXT NOT NULL REFERENCES screens (id),
  sequence          INTEGER NOT NULL CHECK (sequence > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('SCREENSHOT', 'RELOAD', 'RESTART', 'IDENTIFY', 'CLEAR_CACHE')),
  duration_seconds  INTEGER,
  created_at        TEXT NOT NULL,
  expires_at        TEXT NOT NULL,
  status            TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'EXPIRED')),
  detail            TEXT,
  attachment_sha256 TEXT,
  answered_at       TEXT,
  PRIMARY KEY (screen_id, sequence)
);

-- Screenshots uploaded by agents (the files live in <data-dir>/screenshots/).
CREATE TABLE screenshots (
  screen_id   TEXT NOT NULL REFERENCES screens (id),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime_type   TEXT NOT NULL,
  size_bytes  INTEGER NOT NULL CHECK (size_bytes > 0),
  uploaded_at TEXT NOT NULL,
  PRIMARY KEY (screen_id, sha256)
);

-- Proof of play: one row per play, however often the agent resends it. cluster_id is where the
-- screen was when the play was received (a screen that moves keeps its past plays where they were).
CREATE TABLE plays (
  screen_id   TEXT NOT NULL REFERENCES screens (id),
  play_id     TEXT NOT NULL,
  cluster_id  TEXT NOT NULL,
  item_id     TEXT NOT NULL,
  campaign_id TEXT,
  language    TEXT NOT NULL,
  started_ms  INTEGER NOT NULL,
  ended_ms    INTEGER NOT NULL CHECK (ended_ms >= started_ms),
  received_at TEXT NOT NULL,
  PRIMARY KEY (screen_id, play_id)
);
CREATE INDEX plays_by_start ON plays (started_ms);
CREATE INDEX plays_by_cluster ON plays (cluster_id, started_ms);

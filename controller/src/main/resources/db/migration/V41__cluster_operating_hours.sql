-- When a border gate is open, in its own time zone: technicians are notified of screens going down
-- only then (one summary when the gate opens if screens are still down). No row: always open.
-- closes_at before opens_at means open across midnight (e.g. 18:00 to 02:00).
CREATE TABLE cluster_operating_hours (
  cluster_id TEXT PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
  opens_at   TEXT NOT NULL CHECK (length(opens_at) = 5),
  closes_at  TEXT NOT NULL CHECK (length(closes_at) = 5),
  CHECK (opens_at <> closes_at)
);

-- One signed schedule a gate (issue 21, docs/proposals/cluster-schedules.md): a screen whose agent
-- plays placements is sent a small signed placement (on its own schedule topic, recorded as any
-- schedule: deliveries, signed_schedules, published_rules holding the placement) and its gate's rules
-- travel once, in the gate's cluster schedule.

-- What the screen's agent said in its last live heartbeat: it plays placements (1) or not (0).
ALTER TABLE screens ADD COLUMN placements INTEGER NOT NULL DEFAULT 0;
-- The cluster schedule version the screen reports it plays its placement in (NULL: a whole schedule).
ALTER TABLE screens ADD COLUMN applied_cluster_version INTEGER;
-- The gate and profile the screen's last placement puts it in (NULL: it was last sent a whole schedule).
-- What it should play is its published_version in that gate's newest cluster schedule (read, not stored
-- on each screen: a gate's new schedule then writes one row, not one a screen).
ALTER TABLE screens ADD COLUMN placed_cluster_id TEXT;
ALTER TABLE screens ADD COLUMN placed_profile_id TEXT;
-- The last cluster schedule version the screen's agent answered FAILED, and why.
ALTER TABLE screens ADD COLUMN failed_cluster_version INTEGER;
ALTER TABLE screens ADD COLUMN cluster_error TEXT;

-- Every cluster schedule recorded, newest version the one the gate's screens should play. Recorded
-- before it is sent; handed_at once the broker took it (NULL: a restart sends it again). The signed
-- message is kept for the newest version only (what re-assertion sends again); profiles is its
-- rules' JSON, to tell whether a publish changes them; changed_profiles (a JSON array) the profile ids
-- whose rules this version changed: the screens placed in those are the ones its publish reached.
CREATE TABLE cluster_schedules (
  cluster_id  TEXT NOT NULL,
  version     INTEGER NOT NULL,
  publish_id  INTEGER,
  profiles    TEXT NOT NULL,
  changed_profiles TEXT NOT NULL,
  envelope    BLOB,
  recorded_at TEXT NOT NULL,
  handed_at   TEXT,
  PRIMARY KEY (cluster_id, version)
);

CREATE INDEX screens_placed_cluster ON screens (placed_cluster_id) WHERE placed_cluster_id IS NOT NULL;
CREATE INDEX cluster_schedules_publish ON cluster_schedules (publish_id);

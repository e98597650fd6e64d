-- Urgent alerts: a multilingual notice for every screen of one or more clusters, in force from
-- created_at until expires_at or until cleared. Rows are never deleted: past alerts are the record
-- of what was announced.
CREATE TABLE alerts (
  id         TEXT PRIMARY KEY,
  -- {"vi": "...", "en": "..."}: language tag -> line, in the order the operator gave
  text_json  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL CHECK (expires_at > created_at),
  cleared_at TEXT
);

-- The clusters an alert is for. No foreign key to a clusters table: clusters are checked by the
-- API when the alert is made (ClusterDirectory).
CREATE TABLE alert_targets (
  alert_id   TEXT NOT NULL REFERENCES alerts (id),
  cluster_id TEXT NOT NULL,
  PRIMARY KEY (alert_id, cluster_id)
);

CREATE INDEX alert_targets_by_cluster ON alert_targets (cluster_id, alert_id);

-- The last AlertMessage made for each cluster. version grows with every message and is stored
-- before the message is sent, so a number is never reused (agents refuse one not above the last).
-- alert_ids is the JSON list of the alerts it carried; NULL when the broker did not take it, so the
-- periodic check sends the cluster again.
CREATE TABLE alert_publications (
  cluster_id          TEXT PRIMARY KEY,
  version             INTEGER NOT NULL CHECK (version > 0),
  alert_ids           TEXT,
  envelope_expires_at TEXT NOT NULL,
  published_at        TEXT NOT NULL
);

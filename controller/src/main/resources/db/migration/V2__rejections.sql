-- Messages a screen's agent refused (unsigned, forged, unknown key, rolled back, wrong screen, ...),
-- as it reported them on its events topic. Kept as evidence: a refusal is the one sign that
-- someone publishes what the controller did not sign. detail and message_id may quote an
-- attacker's bytes: shown escaped, never interpreted.
CREATE TABLE rejections (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  screen_id   TEXT NOT NULL REFERENCES screens (id),
  received_at TEXT NOT NULL,
  topic       TEXT NOT NULL,
  reason      TEXT NOT NULL,
  detail      TEXT,
  message_id  TEXT
);

CREATE INDEX rejections_by_screen ON rejections (screen_id, id);

-- A publish is recorded as intent before anything is sent: the publish row, and for each screen
-- whose schedule changed a delivery holding the signed message. Sending then marks each delivery
-- handed_at; a controller restarted before that sends the stored message again (agents ignore a
-- version they already play), so a publish is never lost nor half-applied.
CREATE TABLE publishes (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL
);

ALTER TABLE deliveries ADD COLUMN publish_id INTEGER REFERENCES publishes (id);
ALTER TABLE deliveries ADD COLUMN envelope BLOB;
ALTER TABLE deliveries ADD COLUMN handed_at TEXT;

-- Skeleton deliveries were sent at once.
UPDATE deliveries SET handed_at = sent_at;

CREATE INDEX deliveries_by_publish ON deliveries (publish_id, screen_id);
CREATE INDEX deliveries_unsent ON deliveries (handed_at) WHERE handed_at IS NULL;

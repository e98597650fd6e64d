-- Each delivery kept its signed schedule (about 2 KB) forever, though only a screen's newest one is
-- ever sent again (re-assertion, resend after a stop): the store grew by one per screen and publish,
-- and every later change to a delivery (handed, answered) rewrote the pages holding them. Each
-- screen's newest signed schedule now has a row of its own, replaced by the next; a delivery keeps
-- its history only. The file keeps its size (SQLite reuses the freed pages); VACUUM shrinks it.
CREATE TABLE signed_schedules (
  screen_id TEXT PRIMARY KEY REFERENCES screens (id),
  version   INTEGER NOT NULL,
  envelope  BLOB NOT NULL
);

INSERT INTO signed_schedules (screen_id, version, envelope)
SELECT d.screen_id, d.version, d.envelope FROM deliveries d
 WHERE d.envelope IS NOT NULL
   AND d.version = (SELECT MAX(newer.version) FROM deliveries newer
                     WHERE newer.screen_id = d.screen_id AND newer.envelope IS NOT NULL);

ALTER TABLE deliveries DROP COLUMN envelope;

-- Issue 20: a screen's clock offset as the controller measures it, and rejections kept once per
-- refused message.

-- The controller's clock minus the screen's, in ms, measured from the screen's last live heartbeat
-- (arrival time minus its header.sentAt). Proof of play the agent could not time by the
-- controller's clock is corrected by it at ingest; a large offset is a problem on the board.
CREATE TABLE screen_clocks (
  screen_id   TEXT PRIMARY KEY REFERENCES screens (id),
  offset_ms   INTEGER NOT NULL,
  measured_at TEXT NOT NULL,
  -- the measured heartbeat's own stamp: the same (retained) heartbeat delivered again after a
  -- controller restart is not measured again (its arrival is late by the downtime)
  sent_at     TEXT NOT NULL
);

-- One row per (screen, refused message id): a message refused again (re-delivered, or refused at
-- every restart) counts up instead of adding rows. Rejections without a message id stay one row each.
ALTER TABLE rejections ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
ALTER TABLE rejections ADD COLUMN last_received_at TEXT;
UPDATE rejections SET
  repeats = (SELECT COUNT(*) FROM rejections r WHERE r.screen_id = rejections.screen_id AND r.message_id = rejections.message_id),
  last_received_at = (SELECT MAX(r.received_at) FROM rejections r
                      WHERE r.screen_id = rejections.screen_id AND r.message_id = rejections.message_id)
  WHERE message_id IS NOT NULL;
DELETE FROM rejections WHERE message_id IS NOT NULL AND id NOT IN
  (SELECT MIN(id) FROM rejections WHERE message_id IS NOT NULL GROUP BY screen_id, message_id);
CREATE UNIQUE INDEX rejections_once_per_message ON rejections (screen_id, message_id) WHERE message_id IS NOT NULL;

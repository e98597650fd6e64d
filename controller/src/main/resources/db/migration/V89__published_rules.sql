-- A screen's row held the rules it was last sent (about 2.2 KB of JSON at the bench's content), so
-- each row filled a 4 KB page of its own, and every heartbeat, last-will and health report rewrote a
-- whole page of the log to change a few bytes: 10,000 screens wrote 40 MB for one round of
-- heartbeats. The rules now have a table of their own, read and written by a publish only; a
-- screen's row is about 300 bytes, a dozen to a page.
CREATE TABLE published_rules (
  screen_id TEXT PRIMARY KEY REFERENCES screens (id),
  rules     TEXT NOT NULL
);

INSERT INTO published_rules (screen_id, rules)
SELECT id, published_items FROM screens WHERE published_items IS NOT NULL;

ALTER TABLE screens DROP COLUMN published_items;

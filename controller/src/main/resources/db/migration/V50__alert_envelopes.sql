-- The signed alert message last put on each cluster's topic, byte for byte: the broker is a cache
-- that may lose it (a crash, a restart without persistence), and the controller sends exactly this
-- again (same version) after a reconnection and in its slow background re-send. Rows from before
-- have none; the next message for their cluster stores one.
ALTER TABLE alert_publications ADD COLUMN envelope BLOB;

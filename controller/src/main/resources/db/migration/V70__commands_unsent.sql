-- A command the broker did not take (publish refused or timed out, e.g. a NATS cluster electing
-- JetStream leaders after a node died) is shown FAILED but is not given up: unsent = 1 marks it to
-- be sent again, with its sequence, when the controller reconnects or the screen comes back online,
-- until it expires. Set back to 0 once the broker takes it (status PENDING again) or it is answered.
ALTER TABLE screen_commands ADD COLUMN unsent INTEGER NOT NULL DEFAULT 0 CHECK (unsent IN (0, 1));
-- What may have to go out again: unanswered, or never taken by the broker.
CREATE INDEX screen_commands_open ON screen_commands (screen_id, sequence) WHERE status = 'PENDING' OR unsent = 1;

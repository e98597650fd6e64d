-- Why a publish ended INTERRUPTED (issue 21): the broker did not confirm a batch within the send
-- deadline (the queue then moves on to the next publish; what was recorded and not confirmed is
-- sent again), the controller stopped before it was finished, or an error. NULL for every other state.
ALTER TABLE publishes ADD COLUMN stopped_reason TEXT;

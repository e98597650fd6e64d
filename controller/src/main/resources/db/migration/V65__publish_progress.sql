-- A publish is streamed (issue 21): the HTTP call answers with the publish id at once, then the
-- screens are signed, recorded and sent batch by batch. The publish row says how far it got:
--   state      QUEUED (waiting behind an earlier publish), SENDING (planned: `planned` screens
--              changed), DONE (every planned screen recorded and handed to the broker, or failed),
--              INTERRUPTED (the controller stopped before DONE; what was recorded is sent again at
--              start, the screens not yet recorded keep their old schedule until the next publish);
--   planned    how many screens this publish changes (known once it is planned);
--   withheld   JSON: per screen, the items left out because they are not approved;
--   finished_at when it became DONE or INTERRUPTED.
-- Publishes made before this migration were answered whole: they are DONE (a NULL state reads so).
ALTER TABLE publishes ADD COLUMN state TEXT;
ALTER TABLE publishes ADD COLUMN planned INTEGER;
ALTER TABLE publishes ADD COLUMN withheld TEXT;
ALTER TABLE publishes ADD COLUMN finished_at TEXT;

-- A layout attached to a campaign or a gate goes with that campaign or gate when it is deleted.
-- Campaign and gate ids are slugs of their names, so a campaign created later under the same name
-- would otherwise inherit the old attachment without anyone choosing it. Rows such deletions left
-- behind before this migration are removed. Screens are revoked, never deleted: their rows stay.
DELETE FROM layout_assignments WHERE target_kind = 'CAMPAIGN' AND target_id NOT IN (SELECT id FROM campaigns);
DELETE FROM layout_assignments WHERE target_kind = 'GATE' AND target_id NOT IN (SELECT id FROM clusters);

CREATE TRIGGER layout_assignments_follow_campaigns AFTER DELETE ON campaigns
BEGIN
  DELETE FROM layout_assignments WHERE target_kind = 'CAMPAIGN' AND target_id = OLD.id;
END;

CREATE TRIGGER layout_assignments_follow_gates AFTER DELETE ON clusters
BEGIN
  DELETE FROM layout_assignments WHERE target_kind = 'GATE' AND target_id = OLD.id;
END;

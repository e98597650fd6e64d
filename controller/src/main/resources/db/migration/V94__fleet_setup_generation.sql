-- What a publish plans for a placed screen (which gate's schedule, under which profile, with which names) follows
-- from its setup and the tables below, not from the content: a counter every write to them moves, so a publish
-- can tell that nothing such changed since the last publish that read the whole fleet, and plan only the screens
-- not placed (issue 21: at 10,000 screens reading the fleet again took 0.9 of a core beside the fan-out;
-- bench/BENCHMARKS.md, thirty-second session). Triggers, not the writers: a write to these tables is seen whatever
-- path makes it; a new input to a plan (ScreenPlanner.changed, ProfileKey) must add its table here. Conservative
-- on purpose: a write that changes nothing a plan reads (a group's name, a layout's text) moves it too, and costs
-- one full read of the fleet. The screens' own columns count only when their value changes: heartbeats and
-- publishes rewrite the row all the time.
CREATE TABLE fleet_setup_generation (
  only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
  generation INTEGER NOT NULL
);
INSERT INTO fleet_setup_generation (only_row, generation) VALUES (1, 0);

CREATE TRIGGER setup_generation_screen_added AFTER INSERT ON screens
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_screen_removed AFTER DELETE ON screens
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_screen_set_up AFTER UPDATE OF name, cluster_id, resolution, orientation, languages, tags, revoked_at, placements ON screens
  WHEN OLD.name IS NOT NEW.name
    OR OLD.cluster_id IS NOT NEW.cluster_id
    OR OLD.resolution IS NOT NEW.resolution
    OR OLD.orientation IS NOT NEW.orientation
    OR OLD.languages IS NOT NEW.languages
    OR OLD.tags IS NOT NEW.tags
    OR OLD.revoked_at IS NOT NEW.revoked_at
    OR OLD.placements IS NOT NEW.placements
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_gate_added AFTER INSERT ON clusters
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_gate_changed AFTER UPDATE ON clusters
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_gate_removed AFTER DELETE ON clusters
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_added AFTER INSERT ON screen_groups
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_changed AFTER UPDATE ON screen_groups
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_removed AFTER DELETE ON screen_groups
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_member_added AFTER INSERT ON screen_group_members
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_member_changed AFTER UPDATE ON screen_group_members
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_group_member_removed AFTER DELETE ON screen_group_members
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_own_playlist_added AFTER INSERT ON screen_playlist_entries
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_own_playlist_changed AFTER UPDATE ON screen_playlist_entries
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_own_playlist_removed AFTER DELETE ON screen_playlist_entries
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_campaign_added AFTER INSERT ON campaigns
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_campaign_changed AFTER UPDATE ON campaigns
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_campaign_removed AFTER DELETE ON campaigns
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_added AFTER INSERT ON layouts
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_changed AFTER UPDATE ON layouts
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_removed AFTER DELETE ON layouts
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_assignment_added AFTER INSERT ON layout_assignments
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_assignment_changed AFTER UPDATE ON layout_assignments
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

CREATE TRIGGER setup_generation_layout_assignment_removed AFTER DELETE ON layout_assignments
BEGIN
  UPDATE fleet_setup_generation SET generation = generation + 1;
END;

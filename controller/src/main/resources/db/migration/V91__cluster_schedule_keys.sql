-- What each profile of a gate's cluster schedule was built for (issue 21, docs/proposals/cluster-schedules.md,
-- "Next"): a JSON object, profile id -> its key (the campaign-named screen if any, gate, zone, groups, tags,
-- languages, own playlist, layout). A publish rebuilds a gate's profiles from these before it reads the fleet,
-- when each profile's screen (the profile id) still has its key. NULL: not known (an early pass's overlay, or
-- recorded before this column): that gate's schedule waits for the fleet to be planned, as before.
ALTER TABLE cluster_schedules ADD COLUMN profile_keys TEXT;

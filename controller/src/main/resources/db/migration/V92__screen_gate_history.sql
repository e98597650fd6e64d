-- Where each screen has been: the gate it was placed at from an instant on (epoch milliseconds), so a report
-- counts a screen's uptime at the gate it was at, not the whole period at its gate today. Written with each
-- change of screens.cluster_id; a screen's first row reaches back to its registration.

CREATE TABLE screen_gate_history (
  screen_id  TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  since_ms   INTEGER NOT NULL,
  PRIMARY KEY (screen_id, since_ms)
);

-- Seeded from what is known: each move the audit log recorded (a screen update that changed its gate)...
INSERT OR REPLACE INTO screen_gate_history (screen_id, cluster_id, since_ms)
SELECT subject_id, json_extract(after_json, '$.clusterId'),
       CAST(round((julianday(at) - 2440587.5) * 86400000) AS INTEGER)
  FROM audit_log
 WHERE subject_type = 'screen' AND action = 'update' AND json_valid(before_json) AND json_valid(after_json)
   AND json_extract(after_json, '$.clusterId') IS NOT NULL
   AND json_extract(before_json, '$.clusterId') IS NOT json_extract(after_json, '$.clusterId')
   AND subject_id IN (SELECT id FROM screens);

-- ...and where each screen began: the gate its first recorded move left, else the gate it is at.
INSERT OR IGNORE INTO screen_gate_history (screen_id, cluster_id, since_ms)
SELECT s.id,
       coalesce((SELECT json_extract(a.before_json, '$.clusterId') FROM audit_log a
                  WHERE a.subject_type = 'screen' AND a.action = 'update' AND a.subject_id = s.id
                    AND json_valid(a.before_json) AND json_valid(a.after_json)
                    AND json_extract(a.after_json, '$.clusterId') IS NOT NULL
                    AND json_extract(a.before_json, '$.clusterId') IS NOT json_extract(a.after_json, '$.clusterId')
                  ORDER BY a.id LIMIT 1), s.cluster_id, 'default'),
       CAST(round((julianday(s.created_at) - 2440587.5) * 86400000) AS INTEGER)
  FROM screens s;

-- A screen whose newest known gate is not the one it is at was moved in a way the audit log did not say (a
-- kiosk enrolled again at another gate): its history is not known, so it is counted at its gate today, as
-- every screen was before this table.
DELETE FROM screen_gate_history WHERE screen_id IN (
  SELECT s.id FROM screens s
   WHERE coalesce(s.cluster_id, 'default') IS NOT (SELECT h.cluster_id FROM screen_gate_history h
                                                   WHERE h.screen_id = s.id ORDER BY h.since_ms DESC LIMIT 1));
INSERT OR IGNORE INTO screen_gate_history (screen_id, cluster_id, since_ms)
SELECT id, coalesce(cluster_id, 'default'), CAST(round((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER)
  FROM screens WHERE id NOT IN (SELECT screen_id FROM screen_gate_history);

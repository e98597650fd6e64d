-- Proof of play counted as it is stored: plays and airtime per gate, quarter hour (epoch milliseconds /
-- 900,000, UTC: every time zone's days and months are whole quarter hours), item, campaign ('' for none)
-- and language. A report over whole quarter hours reads these instead of every play: a gate's year-end
-- counted 13.6 million plays row by row in over a minute (bench/BENCHMARKS.md, ReportBench). Written in
-- the transaction that stores the plays, so the two never disagree.
CREATE TABLE play_totals (
  cluster_id   TEXT NOT NULL,
  quarter_hour INTEGER NOT NULL,
  item_id      TEXT NOT NULL,
  campaign_id  TEXT NOT NULL,
  language     TEXT NOT NULL,
  plays        INTEGER NOT NULL CHECK (plays > 0),
  airtime_ms   INTEGER NOT NULL CHECK (airtime_ms >= 0),
  PRIMARY KEY (cluster_id, quarter_hour, item_id, campaign_id, language)
) WITHOUT ROWID;
-- Every gate's plays of a period (the fleet's report), without reading every gate's whole history.
CREATE INDEX play_totals_by_quarter ON play_totals (quarter_hour);

INSERT INTO play_totals (cluster_id, quarter_hour, item_id, campaign_id, language, plays, airtime_ms)
SELECT cluster_id, started_ms / 900000, item_id, coalesce(campaign_id, ''), language, count(*), sum(ended_ms - started_ms)
FROM plays
GROUP BY cluster_id, started_ms / 900000, item_id, coalesce(campaign_id, ''), language;

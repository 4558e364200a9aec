-- sponsors: who put a draft forward, as a JSON array of strings — member
-- codes for states that have sat on the Council, else names as the source
-- writes them ("President", "E10", a state that never sat) — NULL where no
-- source names them. On reports, as each source gives them; on decisions,
-- from the most authoritative source that gives them.
--
-- The snapshots' encodings change with the column (version 2): those written
-- before it are dropped here, and the store reads the tables until the next
-- import writes them again.
ALTER TABLE reports ADD COLUMN sponsors TEXT;
ALTER TABLE decisions ADD COLUMN sponsors TEXT;
DELETE FROM snapshot;
DELETE FROM snapshot_decisions;

-- snapshot holds the whole reconciled record — every decision with its
-- positions, vetoes, sources and reports, exactly as the tables above give
-- them — in one compact binary row, so that the whole record loads in a few
-- milliseconds (see snapshot.go for the encoding). It is a cache of the
-- tables, never a source: Import writes it in the transaction that writes the
-- decisions, and the triggers below delete it whenever any other statement
-- changes what it holds, so that the store then reads the tables until the
-- next import writes it again. Import drops these triggers while it writes
-- and creates them again before it commits.
CREATE TABLE snapshot (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL, -- the encoding's version
	data    BLOB NOT NULL
) STRICT;

CREATE TRIGGER snapshot_reports_insert AFTER INSERT ON reports BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_reports_update AFTER UPDATE ON reports BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_reports_delete AFTER DELETE ON reports BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decisions_insert AFTER INSERT ON decisions BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decisions_update AFTER UPDATE ON decisions BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decisions_delete AFTER DELETE ON decisions BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_votes_insert AFTER INSERT ON decision_votes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_votes_update AFTER UPDATE ON decision_votes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_votes_delete AFTER DELETE ON decision_votes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_vetoes_insert AFTER INSERT ON decision_vetoes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_vetoes_update AFTER UPDATE ON decision_vetoes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_vetoes_delete AFTER DELETE ON decision_vetoes BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_reports_insert AFTER INSERT ON decision_reports BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_reports_update AFTER UPDATE ON decision_reports BEGIN DELETE FROM snapshot; END;
CREATE TRIGGER snapshot_decision_reports_delete AFTER DELETE ON decision_reports BEGIN DELETE FROM snapshot; END;

-- snapshot_decisions holds the decisions of the snapshot without their
-- reports — each decision with its positions, vetoes and sources, exactly as
-- the tables give them — in one compact row of its own, so that reading the
-- decisions alone (as most questions do) reads neither the reports nor their
-- strings (see snapshot_decisions.go for the encoding). Like snapshot, it is
-- a cache of the tables, never a source: Import writes both in the
-- transaction that writes the decisions, and the triggers, recreated below,
-- now delete both whenever any other statement changes what they hold.
CREATE TABLE snapshot_decisions (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	version INTEGER NOT NULL, -- the encoding's version
	data    BLOB NOT NULL
) STRICT;

DROP TRIGGER snapshot_reports_insert;
DROP TRIGGER snapshot_reports_update;
DROP TRIGGER snapshot_reports_delete;
DROP TRIGGER snapshot_decisions_insert;
DROP TRIGGER snapshot_decisions_update;
DROP TRIGGER snapshot_decisions_delete;
DROP TRIGGER snapshot_decision_votes_insert;
DROP TRIGGER snapshot_decision_votes_update;
DROP TRIGGER snapshot_decision_votes_delete;
DROP TRIGGER snapshot_decision_vetoes_insert;
DROP TRIGGER snapshot_decision_vetoes_update;
DROP TRIGGER snapshot_decision_vetoes_delete;
DROP TRIGGER snapshot_decision_reports_insert;
DROP TRIGGER snapshot_decision_reports_update;
DROP TRIGGER snapshot_decision_reports_delete;

CREATE TRIGGER snapshot_reports_insert AFTER INSERT ON reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_reports_update AFTER UPDATE ON reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_reports_delete AFTER DELETE ON reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decisions_insert AFTER INSERT ON decisions BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decisions_update AFTER UPDATE ON decisions BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decisions_delete AFTER DELETE ON decisions BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_votes_insert AFTER INSERT ON decision_votes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_votes_update AFTER UPDATE ON decision_votes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_votes_delete AFTER DELETE ON decision_votes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_vetoes_insert AFTER INSERT ON decision_vetoes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_vetoes_update AFTER UPDATE ON decision_vetoes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_vetoes_delete AFTER DELETE ON decision_vetoes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_reports_insert AFTER INSERT ON decision_reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_reports_update AFTER UPDATE ON decision_reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_reports_delete AFTER DELETE ON decision_reports BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;

-- image holds the read model of the record (package readmodel): every
-- decision with its positions, vetoes, sources and reports, laid out to be
-- read without decoding, in one row, with the version of its format and the
-- SHA-256 of its content. It replaces the two snapshots of 0002 and 0003 (with 0005's notes).
-- Like them it is a cache of the tables, never a source: Import writes it in
-- the transaction that writes the decisions, and the triggers below delete it
-- whenever any other statement changes what it holds, so that the store then
-- reads the tables until the next import writes it again. Import drops these
-- triggers while it writes and creates them again before it commits.
DROP TRIGGER IF EXISTS snapshot_reports_insert;
DROP TRIGGER IF EXISTS snapshot_reports_update;
DROP TRIGGER IF EXISTS snapshot_reports_delete;
DROP TRIGGER IF EXISTS snapshot_decisions_insert;
DROP TRIGGER IF EXISTS snapshot_decisions_update;
DROP TRIGGER IF EXISTS snapshot_decisions_delete;
DROP TRIGGER IF EXISTS snapshot_decision_votes_insert;
DROP TRIGGER IF EXISTS snapshot_decision_votes_update;
DROP TRIGGER IF EXISTS snapshot_decision_votes_delete;
DROP TRIGGER IF EXISTS snapshot_decision_vetoes_insert;
DROP TRIGGER IF EXISTS snapshot_decision_vetoes_update;
DROP TRIGGER IF EXISTS snapshot_decision_vetoes_delete;
DROP TRIGGER IF EXISTS snapshot_decision_reports_insert;
DROP TRIGGER IF EXISTS snapshot_decision_reports_update;
DROP TRIGGER IF EXISTS snapshot_decision_reports_delete;
DROP TRIGGER IF EXISTS snapshot_decision_notes_insert;
DROP TRIGGER IF EXISTS snapshot_decision_notes_update;
DROP TRIGGER IF EXISTS snapshot_decision_notes_delete;
DROP TABLE snapshot;
DROP TABLE snapshot_decisions;
CREATE TABLE image (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	version  INTEGER NOT NULL, -- readmodel.Version
	checksum BLOB NOT NULL,    -- SHA-256 of the content, as in the image's header
	data     BLOB NOT NULL
) STRICT;
CREATE TRIGGER image_reports_insert AFTER INSERT ON reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_reports_update AFTER UPDATE ON reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_reports_delete AFTER DELETE ON reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decisions_insert AFTER INSERT ON decisions BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decisions_update AFTER UPDATE ON decisions BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decisions_delete AFTER DELETE ON decisions BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_votes_insert AFTER INSERT ON decision_votes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_votes_update AFTER UPDATE ON decision_votes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_votes_delete AFTER DELETE ON decision_votes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_vetoes_insert AFTER INSERT ON decision_vetoes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_vetoes_update AFTER UPDATE ON decision_vetoes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_vetoes_delete AFTER DELETE ON decision_vetoes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_reports_insert AFTER INSERT ON decision_reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_reports_update AFTER UPDATE ON decision_reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_reports_delete AFTER DELETE ON decision_reports BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_insert AFTER INSERT ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_update AFTER UPDATE ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_delete AFTER DELETE ON decision_notes BEGIN DELETE FROM image; END;

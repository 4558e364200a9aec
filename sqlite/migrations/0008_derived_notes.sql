-- A note's kind may also be derived: a value no source lists, which the
-- record derives from what the sources give (each member's position from an
-- official count that accounts for every seat, the members against named by
-- the veto list). SQLite cannot change a table's CHECK: the table is made
-- again with it, its rows copied, and the image's triggers on it made again.
CREATE TABLE decision_notes_derived (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	kind        TEXT NOT NULL CHECK (kind = 'corrected' OR kind = 'doubt' OR kind = 'contradiction' OR kind = 'derived'),
	field       TEXT NOT NULL,
	text        TEXT NOT NULL,
	source      TEXT,
	members     TEXT,
	PRIMARY KEY (decision_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO decision_notes_derived (decision_id, seq, kind, field, text, source, members)
	SELECT decision_id, seq, kind, field, text, source, members FROM decision_notes;
DROP TABLE decision_notes;
ALTER TABLE decision_notes_derived RENAME TO decision_notes;
CREATE TRIGGER image_decision_notes_insert AFTER INSERT ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_update AFTER UPDATE ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_delete AFTER DELETE ON decision_notes BEGIN DELETE FROM image; END;

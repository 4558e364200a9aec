-- A note's kind may also be elected: the judges of the International Court
-- of Justice an election named, as a source names them (the ballot is secret:
-- no member's vote is known). SQLite cannot change a table's CHECK: the table
-- is made again with it, its rows copied, and the image's triggers on it made
-- again.
CREATE TABLE decision_notes_elected (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	kind        TEXT NOT NULL CHECK (kind = 'corrected' OR kind = 'doubt' OR kind = 'contradiction' OR kind = 'derived' OR kind = 'elected'),
	field       TEXT NOT NULL,
	text        TEXT NOT NULL,
	source      TEXT,
	members     TEXT,
	PRIMARY KEY (decision_id, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO decision_notes_elected (decision_id, seq, kind, field, text, source, members)
	SELECT decision_id, seq, kind, field, text, source, members FROM decision_notes;
DROP TABLE decision_notes;
ALTER TABLE decision_notes_elected RENAME TO decision_notes;
CREATE TRIGGER image_decision_notes_insert AFTER INSERT ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_update AFTER UPDATE ON decision_notes BEGIN DELETE FROM image; END;
CREATE TRIGGER image_decision_notes_delete AFTER DELETE ON decision_notes BEGIN DELETE FROM image; END;

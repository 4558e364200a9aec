-- decision_notes holds the notes on each decision, in order (seq): where the
-- record shows a value other than a source's, where positions are in doubt,
-- where an official source contradicts itself. kind is corrected, doubt or
-- contradiction; field the decision's field the note is about; text the note
-- in plain words; source where its fact comes from (a document symbol, an
-- address, or the unsc source kept by rule); members the members it is about,
-- codes separated by spaces, NULL for none.
CREATE TABLE decision_notes (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	kind        TEXT NOT NULL CHECK (kind = 'corrected' OR kind = 'doubt' OR kind = 'contradiction'),
	field       TEXT NOT NULL,
	text        TEXT NOT NULL,
	source      TEXT,
	members     TEXT,
	PRIMARY KEY (decision_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER snapshot_decision_notes_insert AFTER INSERT ON decision_notes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_notes_update AFTER UPDATE ON decision_notes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;
CREATE TRIGGER snapshot_decision_notes_delete AFTER DELETE ON decision_notes BEGIN DELETE FROM snapshot; DELETE FROM snapshot_decisions; END;

-- Snapshots written before notes do not hold them: read the tables until the
-- next import writes new ones.
DELETE FROM snapshot;
DELETE FROM snapshot_decisions;

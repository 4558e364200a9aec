-- derivation says what derived the record's decisions, in one row that every
-- import deriving them writes in its transaction: the version of unsc's
-- reconciliation (record.Version), so that a record derived by another
-- version of unsc is derived again rather than read as it is, and checksums
-- of the derived data, whatever form the store keeps it in (these tables,
-- the snapshots), so that `unsc check` finds a record that has changed
-- since (see derivation.go for the encoding they hash).
CREATE TABLE derivation (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	reconciliation INTEGER NOT NULL, -- the reconciliation's version; 0 when the deriver gave none
	decisions      TEXT NOT NULL,    -- SHA-256 of the decisions without their reports: "FORMAT:HEX"
	record         TEXT NOT NULL,    -- SHA-256 of the decisions with their reports: "FORMAT:HEX"
	derived_at     TEXT NOT NULL     -- when, RFC 3339, UTC
) STRICT;

-- The record: the sources' reports as imported, the decisions reconciled from
-- them, the meetings and documents those decisions name, and the Council's
-- membership over time.
--
-- Conventions, shared with the PostgreSQL schema:
--   * dates are calendar days, ISO 8601 text (YYYY-MM-DD);
--   * NULL means "none" or "not known", never the empty string;
--   * booleans are 0 or 1;
--   * outcomes, matters and modalities are written as their names
--     ('adopted', 'non-procedural', 'without-vote', ...);
--   * CHECKs on enumerations are written as OR chains, not IN lists, which
--     SQLite evaluates far more slowly on bulk inserts;
--   * positions are the UN Digital Library's letters: Y (yes), N (no),
--     A (abstain), X (present, not participating); absent members have no row.

-- Membership ---------------------------------------------------------------

-- states holds every state that has sat on the Council, by its UNDL code
-- (ISO 3166-1 alpha-3, or the library's code for a former state: SUN, YUG...).
CREATE TABLE states (
	code TEXT PRIMARY KEY,
	name TEXT -- the name of its latest tenure
) STRICT;

-- state_names holds each name (and government) a state sat under, and the
-- days it first and last sat under it; last_day is NULL while it still sits.
CREATE TABLE state_names (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL REFERENCES states (code) ON DELETE CASCADE,
	name       TEXT,
	government TEXT,
	first_day  TEXT NOT NULL,
	last_day   TEXT
) STRICT;
CREATE INDEX state_names_code ON state_names (code, first_day);

-- tenures holds each continuous tenure of a seat. term_end is the last day
-- of the tenure, inclusive; NULL for a permanent member still sitting.
CREATE TABLE tenures (
	id         INTEGER PRIMARY KEY,
	code       TEXT NOT NULL REFERENCES states (code) ON DELETE CASCADE,
	name       TEXT,
	government TEXT,
	permanent  INTEGER NOT NULL CHECK (permanent = 0 OR permanent = 1),
	term_start TEXT NOT NULL,
	term_end   TEXT,
	CHECK (term_end IS NULL OR term_end >= term_start)
) STRICT;
CREATE INDEX tenures_term ON tenures (term_start, term_end);
CREATE INDEX tenures_code ON tenures (code);

-- Reports ------------------------------------------------------------------

-- reports holds each source's account of one decision, as imported. A report
-- is identified by (source, key); ref says where it was read. votes holds the
-- per-member positions compactly, "AUS=Y BRA=N CHN=A ..." in code order ('-'
-- for a member the source lists as absent), NULL when the source gives none;
-- reports are read whole, while decisions' positions have their own table.
-- hash is the SHA-256 of the content (every column but id, ref and hash), to
-- tell an updated report from an unchanged one.
CREATE TABLE reports (
	id               INTEGER PRIMARY KEY,
	source           TEXT NOT NULL,
	key              TEXT NOT NULL,
	ref              TEXT,
	date             TEXT,
	meeting          TEXT,
	resolution       TEXT,
	draft            TEXT,
	amendment        INTEGER NOT NULL CHECK (amendment = 0 OR amendment = 1),
	amendment_to     TEXT,
	title            TEXT,
	agenda           TEXT,
	subjects         TEXT, -- JSON array of strings
	matter           TEXT NOT NULL CHECK (matter = 'non-procedural' OR matter = 'procedural' OR matter = 'preliminary' OR matter = 'icj-election'),
	matter_known     INTEGER NOT NULL CHECK (matter_known = 0 OR matter_known = 1),
	modality         TEXT NOT NULL CHECK (modality = 'vote' OR modality = 'without-vote' OR modality = 'acclamation'),
	outcome          TEXT CHECK (outcome = 'adopted' OR outcome = 'failed' OR outcome = 'vetoed'),
	tally_yes        INTEGER, -- the tally columns are NULL when the source gives no tally
	tally_no         INTEGER,
	tally_abstain    INTEGER,
	tally_non_voting INTEGER,
	votes            TEXT,
	vetoed_by        TEXT, -- codes separated by spaces
	note             TEXT,
	hash             TEXT NOT NULL,
	UNIQUE (source, key)
) STRICT;

-- Decisions ----------------------------------------------------------------

-- decisions holds the decisions reconciled from every report. The table and
-- those that refer to it are rewritten whenever an import changes a report.
-- recorded is the outcome the sources record, derived the outcome the Charter
-- engine derives from the votes. votes_known is 1 when some source gives the
-- per-member positions, which are then in decision_votes.
CREATE TABLE decisions (
	id                INTEGER PRIMARY KEY,
	date              TEXT,
	meeting           TEXT, -- S/PV.NNNN
	resolution        TEXT, -- S/RES/NNNN (YYYY)
	resolution_number INTEGER,
	draft             TEXT, -- S/YYYY/NNN or S/NNNN
	amendment         INTEGER NOT NULL CHECK (amendment = 0 OR amendment = 1),
	amendment_to      TEXT,
	title             TEXT,
	agenda            TEXT,
	subjects          TEXT, -- JSON array of strings
	matter            TEXT NOT NULL CHECK (matter = 'non-procedural' OR matter = 'procedural' OR matter = 'preliminary' OR matter = 'icj-election'),
	matter_known      INTEGER NOT NULL CHECK (matter_known = 0 OR matter_known = 1),
	modality          TEXT NOT NULL CHECK (modality = 'vote' OR modality = 'without-vote' OR modality = 'acclamation'),
	recorded          TEXT CHECK (recorded = 'adopted' OR recorded = 'failed' OR recorded = 'vetoed'),
	derived           TEXT CHECK (derived = 'adopted' OR derived = 'failed' OR derived = 'vetoed'),
	tally_yes         INTEGER,
	tally_no          INTEGER,
	tally_abstain     INTEGER,
	tally_non_voting  INTEGER,
	votes_known       INTEGER NOT NULL CHECK (votes_known = 0 OR votes_known = 1)
) STRICT;
-- A resolution is found by its number (with or without its year), so
-- resolution itself needs no index of its own.
CREATE INDEX decisions_date ON decisions (date, meeting, id);
CREATE INDEX decisions_meeting ON decisions (meeting) WHERE meeting IS NOT NULL;
CREATE INDEX decisions_resolution_number ON decisions (resolution_number) WHERE resolution_number IS NOT NULL;
CREATE INDEX decisions_draft ON decisions (draft) WHERE draft IS NOT NULL;
CREATE INDEX decisions_amendment_to ON decisions (amendment_to) WHERE amendment_to IS NOT NULL;

-- decision_votes holds each member's position on each decision.
CREATE TABLE decision_votes (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	code        TEXT NOT NULL,
	position    TEXT NOT NULL CHECK (position = 'Y' OR position = 'N' OR position = 'A' OR position = 'X'),
	PRIMARY KEY (decision_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_votes_code ON decision_votes (code, position);

-- decision_vetoes holds the members that vetoed each decision, in the order
-- the record gives them (seq).
CREATE TABLE decision_vetoes (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	code        TEXT NOT NULL,
	seq         INTEGER NOT NULL,
	PRIMARY KEY (decision_id, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_vetoes_code ON decision_vetoes (code);

-- decision_reports links each decision to the reports it was reconciled
-- from, and so to the sources that report it.
CREATE TABLE decision_reports (
	decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
	report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	PRIMARY KEY (decision_id, report_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX decision_reports_report ON decision_reports (report_id);

-- meetings holds each meeting (S/PV.NNNN) at which a decision was taken,
-- derived from the decisions.
CREATE TABLE meetings (
	symbol TEXT PRIMARY KEY,
	number INTEGER,
	date   TEXT
) STRICT;

-- documents holds each document a decision acted on, derived from the
-- decisions: resolutions, drafts and amendments. An oral amendment has no
-- symbol; decision_id names the decision that voted on it. amends is the
-- draft an amendment amends.
CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	symbol      TEXT UNIQUE,
	kind        TEXT NOT NULL CHECK (kind = 'resolution' OR kind = 'draft' OR kind = 'amendment'),
	amends      TEXT,
	decision_id INTEGER REFERENCES decisions (id) ON DELETE CASCADE,
	CHECK (symbol IS NOT NULL OR decision_id IS NOT NULL)
) STRICT;
CREATE INDEX documents_decision ON documents (decision_id) WHERE decision_id IS NOT NULL;

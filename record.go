package unsc

import (
	"context"
	"time"
)

// Source names a dataset that reports facts about the Council's decisions.
// Every fact in the record carries the source it came from.
type Source string

// The sources unsc imports. Official sources win where sources disagree.
const (
	// SourceUNDL is the UN Digital Library's Security Council voting data
	// (record 4055387), or a file laid out in its columns.
	SourceUNDL Source = "undl"
	// SourceDHLMeetings is the Dag Hammarskjöld Library's yearly pages
	// "Meetings conducted / actions taken by the Security Council".
	SourceDHLMeetings Source = "dhl-meetings"
	// SourceDHLVetoes is the Dag Hammarskjöld Library's veto list.
	SourceDHLVetoes Source = "dhl-vetoes"
	// SourceDPPA is UN DPPA's Security Council membership table.
	SourceDPPA Source = "dppa"
	// SourceSpreadsheet is the unattributed 1994–2025 per-member
	// spreadsheet, including failed drafts. Not official: it loses to any
	// official source.
	SourceSpreadsheet Source = "sc-votes-1994-2025"
	// SourcePress is the UN's own account of a meeting outside its official
	// records: the Meetings Coverage and Press Releases (press.un.org,
	// SC/NNNNN) and the UN audiovisual library's meeting summaries
	// (media.un.org), as curated by hand, each fact with its address, in
	// unsc's record/curated.csv. Published by the UN, so official here,
	// though not an official record: it loses to the Dag Hammarskjöld
	// Library's tables and veto list and wins over the spreadsheet.
	SourcePress Source = "un-press"
	// SourceResearch is independent research on the Council's practice
	// (Security Council Report, scprocedure.org), as curated in
	// record/curated.csv with each fact's address: procedural votes the UN's
	// files do not list. Not official.
	SourceResearch Source = "research"
	// SourceFailedDrafts is Emily Tong's hand-entered member vote lists of
	// 53 failed votes, 1947–2022, copied from the meeting records: a
	// sample, not official. Its positions fill failed and vetoed drafts
	// only where they add up to the official count.
	SourceFailedDrafts Source = "emilytong-failed-drafts"
	// SourceWPDVetoes is the World Politics Data Lab's copy of the Dag
	// Hammarskjöld Library's veto list (1946 – 8 July 2022), with a crisis
	// topic and a region for each veto. Not official: it is checked
	// against the library's own list, and gives topics.
	SourceWPDVetoes Source = "wpd-vetoes"
	// SourceCRUNSC is the CR-UNSC corpus's crosswalk of resolution numbers
	// to their records in the UN Digital Library (resolutions 1–2722):
	// links, checked against the Digital Library's own record numbers.
	// Not official.
	SourceCRUNSC Source = "cr-unsc"
)

// Official reports whether the source is published by the United Nations.
func (s Source) Official() bool {
	switch s {
	case SourceSpreadsheet, SourceResearch, SourceFailedDrafts, SourceWPDVetoes, SourceCRUNSC:
		return false
	}
	return true
}

// Tally is the count of votes as a source records it.
type Tally struct {
	Yes, No, Abstain int
	// NonVoting counts members present but not participating, or absent,
	// where the source counts them at all.
	NonVoting int
	// Known is false when the source gives no tally.
	Known bool
}

// Report is one source's account of one decision: what was voted on, when,
// how each member voted where the source says, and what it records as the
// outcome. Reports are kept as imported; the record reconciles them into
// decisions and never overwrites one source with another.
type Report struct {
	Source Source
	// Key identifies the report within its source, stable across releases of
	// the source, so that importing a newer release updates it in place.
	Key string
	// Ref is where the report was read: "file:line" or an address.
	Ref string

	Date       time.Time
	Meeting    string // S/PV.NNNN
	Resolution string // S/RES/NNNN (YYYY), when adopted
	Draft      string // S/YYYY/NNN or S/NNNN
	// Amendment is true for a vote on an amendment; AmendmentTo is the
	// symbol of the draft it amends, and Draft the amendment's own symbol
	// if it had one (oral amendments have none).
	Amendment   bool
	AmendmentTo string

	Title    string
	Agenda   string
	Subjects []string
	// Sponsors lists who put the draft forward, as the source gives them:
	// each a member code (see Code) for a state that has sat on the
	// Council, else the sponsor's name as the source writes it, tidied
	// (a state that never sat, "President" for a text the President put
	// forward on the Council's behalf, "E10" for the elected members
	// together). Nil when the source names no sponsor.
	Sponsors []string

	Matter      Matter
	MatterKnown bool
	Modality    Modality

	// Outcome is the outcome the source records; zero if it records none.
	Outcome Outcome
	Tally   Tally
	// Votes holds each member's position where the source gives them; nil
	// when it gives none. A member absent from a non-nil map was absent.
	Votes Votes
	// VetoedBy lists the members the source says cast a veto.
	VetoedBy []Code
	Note     string
}

// Decision is one decision of the Council, reconciled from every report of
// it, and checked against the rules.
type Decision struct {
	ID         int64
	Date       time.Time
	Meeting    string
	Resolution string
	Draft      string
	Amendment  bool
	// AmendmentTo is the draft an amendment amends.
	AmendmentTo string
	Title       string
	Agenda      string
	Subjects    []string
	// Sponsors lists who put the draft forward, from the most authoritative
	// source that names them (see Report.Sponsors); nil where none does.
	Sponsors    []string
	Matter      Matter
	MatterKnown bool
	Modality    Modality
	// Recorded is the outcome as the sources record it (the most official
	// source that records one).
	Recorded Outcome
	// Derived is the outcome the Charter engine derives from the votes.
	Derived Outcome
	Tally   Tally
	// Votes holds the reconciled per-member positions; nil where no source
	// gives them.
	Votes Votes
	// VetoedBy lists the members that cast a veto: as the Charter engine
	// derives it from the votes, or as the sources record it where the votes
	// are not known.
	VetoedBy []Code
	// Notes say, in plain words and with their sources, where the record
	// shows a value other than a source's, where positions are in doubt
	// and where an official source contradicts itself.
	Notes []Note
	// Sources lists every source that reports the decision.
	Sources []Source
	// Reports are the sources' own accounts, kept as imported.
	Reports []Report
}

// Veto is one veto: a decision defeated by the negative vote of one or more
// permanent members.
type Veto struct {
	Decision Decision
	Members  []Code
}

// DecisionFilter selects decisions. Zero fields select everything.
type DecisionFilter struct {
	Symbol   string // a resolution, draft or meeting symbol
	From, To time.Time
	// Outcome selects decisions whose recorded or derived outcome is this.
	Outcome Outcome
	// Vetoed selects decisions in which a veto was cast (VetoedBy is not
	// empty); VetoedBy narrows them to vetoes a given member cast.
	Vetoed   bool
	VetoedBy Code
	Offset   int
	Limit    int
	// OmitReports leaves each decision's Reports out (its Sources stay),
	// for callers that need only the reconciled decisions: loading the
	// whole record then costs a fraction.
	OmitReports bool
}

// ImportSummary says what one import changed.
type ImportSummary struct {
	Reports   int // reports read
	Added     int // reports new to the record
	Updated   int // reports whose content changed
	Unchanged int
	// Removed counts the stored reports of a source delivered whole that
	// the delivery no longer gives (Store.Import's whole).
	Removed   int
	Decisions int // decisions in the record after the import
	// Rederived is true when no report changed but the decisions were
	// derived again all the same: the record's had been derived by
	// another version of the reconciliation.
	Rederived bool
}

// Store keeps the record. Implementations must pass the behavioural suite in
// package storetest.
type Store interface {
	// Import writes reports and reconciles the record in one transaction:
	// either all of it is written or none. Reports are matched to earlier
	// imports by (Source, Key); importing the same reports twice changes
	// nothing. Returns EINVALID for reports missing a source or key.
	//
	// The reports of each source named in whole are that source's complete
	// set (the curated decisions built into unsc, delivered by every
	// import): they replace its stored reports as a set, in the same
	// transaction, so that a stored report of such a source whose key the
	// set no longer gives (a key renamed or a report dropped between
	// versions) is removed, and no decision is derived from it. Sources not
	// named keep every report stored, given again or not.
	Import(ctx context.Context, reports []Report, reconcile Reconciler, whole ...Source) (ImportSummary, error)
	// Decisions returns the decisions the filter selects, in date order,
	// with their reports. Returns ENOTFOUND when a Symbol selects nothing.
	Decisions(ctx context.Context, f DecisionFilter) ([]Decision, error)
	// SetMembership replaces the Council's membership (seat tenures, with
	// each state's name at the time) in one transaction.
	SetMembership(ctx context.Context, tenures []Member) error
	// Membership returns the tenures that include the date, in the
	// Council's order; every tenure when date is the zero time.
	Membership(ctx context.Context, date time.Time) ([]Member, error)
	// Close releases the store.
	Close() error
}

// Reconciler turns every report in the record into decisions. It is pure:
// the store hands it the reports and writes what it returns.
type Reconciler func(reports []Report) []Decision

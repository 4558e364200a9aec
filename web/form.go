package web

import "unsc/form"

// The wire forms of the record's answers are package form's, which the
// command line shares without linking the server.
type (
	Council         = form.Council
	Member          = form.Member
	Decision        = form.Decision
	DecisionSummary = form.DecisionSummary
	Link            = form.Link
	Note            = form.Note
	Tally           = form.Tally
	Source          = form.Source
	PositionsAnswer = form.PositionsAnswer
	State           = form.State
	Veto            = form.Veto
	VetoList        = form.VetoList
)

// dateLayout is how every date is written on the wire.
const dateLayout = form.DateLayout

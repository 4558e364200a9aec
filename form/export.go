package form

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"unsc/analysis"
)

// PositionColumns are the columns of the positions export as CSV, the
// fields of analysis.PositionRow.
var PositionColumns = []string{"date", "symbol", "resolution", "draft", "meeting", "member", "name", "permanent", "position", "outcome", "source", "in_doubt"}

// PositionsAnswer is the positions export as JSON, as `unsc positions
// --json` prints it and GET /api/v1/positions answers it: the period and
// what the rows are, the rows, then how many decisions and rows there were.
// It is written as it is computed, a row at a time.
type PositionsAnswer struct {
	From string                 `json:"from,omitempty"`
	To   string                 `json:"to,omitempty"`
	Note string                 `json:"note"`
	Rows []analysis.PositionRow `json:"rows"`
	// Decisions counts the decisions selected, DecisionsWithoutVotes
	// those without per-member votes (no rows), RowCount the rows, and
	// InDoubtRows the rows whose position the record holds in doubt.
	Decisions             int `json:"decisions"`
	DecisionsWithoutVotes int `json:"decisions_without_votes"`
	RowCount              int `json:"row_count"`
	InDoubtRows           int `json:"in_doubt_rows"`
}

// WritePositions writes the positions export of the decisions q selects
// to w, as CSV (with PositionColumns as its header) or as JSON
// (PositionsAnswer), a row at a time: the whole record holds tens of
// thousands of rows, never all in memory at once. It stops when ctx is
// done.
func WritePositions(ctx context.Context, w io.Writer, x *analysis.Index, q analysis.SearchQuery, asCSV bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if asCSV {
		cw := csv.NewWriter(bw)
		if err := cw.Write(PositionColumns); err != nil {
			return err
		}
		rec := make([]string, len(PositionColumns))
		_, err := x.Positions(ctx, q, func(r *analysis.PositionRow) error {
			rec[0], rec[1], rec[2], rec[3], rec[4] = r.Date, r.Symbol, r.Resolution, r.Draft, r.Meeting
			rec[5], rec[6], rec[7], rec[8] = string(r.Member), r.Name, strconv.FormatBool(r.Permanent), r.Position
			rec[9], rec[10], rec[11] = r.Outcome, string(r.Source), strconv.FormatBool(r.InDoubt)
			return cw.Write(rec)
		})
		if err != nil {
			return err
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		return bw.Flush()
	}
	head, _ := json.Marshal(struct {
		From string `json:"from,omitempty"`
		To   string `json:"to,omitempty"`
		Note string `json:"note"`
	}{formatDate(q.From), formatDate(q.To), analysis.PositionsNote})
	bw.Write(head[:len(head)-1])
	bw.WriteString(`,"rows":[`)
	n := 0
	sum, err := x.Positions(ctx, q, func(r *analysis.PositionRow) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n")
		n++
		_, err = bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	tail, _ := json.Marshal(sum)
	bw.WriteString("\n],")
	bw.Write(tail[1:])
	bw.WriteByte('\n')
	return bw.Flush()
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

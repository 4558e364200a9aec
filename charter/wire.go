package charter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"unsc"
)

// ballotJSON is the wire form of a ballot, the contract of `unsc decide` and
// POST /api/v1/decide. Fields may be added; none may change meaning.
type ballotJSON struct {
	Date       string          `json:"date"`
	Matter     string          `json:"matter"`
	Amendment  bool            `json:"amendment"`
	Modality   string          `json:"modality"`
	Votes      json.RawMessage `json:"votes"`
	Chapter    string          `json:"chapter"`
	Parties    []string        `json:"parties"`
	Atrocity   bool            `json:"atrocity"`
	Seats      int             `json:"seats"`
	Candidates []struct {
		Name  string `json:"name"`
		Votes int    `json:"votes"`
	} `json:"candidates"`
}

// MaxBallotBytes bounds a ballot's JSON; a real one is under a kilobyte.
// `unsc decide` and POST /api/v1/decide refuse a larger one, naming the
// limit.
const MaxBallotBytes = 64 << 10

// codePattern is a member code as a ballot gives it, in any case: "USA",
// "usa" (every command takes codes in any case).
// (Not a regular expression: one compiled when the package loads costs
// every command its time.)
var codePattern codeShape

type codeShape struct{}

// MatchString reports whether s is three ASCII letters.
func (codeShape) MatchString(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := range 3 {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// ParseBallot reads a ballot in its JSON form:
//
//	{"date": "2024-03-22", "matter": "non-procedural",
//	 "votes": {"USA": "Y", "CHN": "N", …},
//	 "chapter": "VI", "parties": ["…"]}
//
// matter is non-procedural (the default), procedural, preliminary or
// icj-election; amendment marks a vote on an amendment; modality is vote
// (the default), without-vote or acclamation; an ICJ round gives seats and
// candidates [{"name", "votes"}] instead of votes. Errors are *unsc.Error
// with code EINVALID naming the field: malformed JSON, an unknown field, a
// bad date, an unknown vote letter, a member listed twice.
func ParseBallot(data []byte) (unsc.Ballot, error) {
	// encoding/json takes the last of duplicate keys and matches keys in
	// any case: a ballot with "votes" twice, or "Votes", would be decided
	// on what its writer may not have meant. The keys are checked first.
	if err := checkBallotKeys(data); err != nil {
		return unsc.Ballot{}, err
	}
	var w ballotJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return unsc.Ballot{}, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return unsc.Ballot{}, unsc.Errorf(unsc.EINVALID, "ballot", "want one JSON object, found more after it")
	}

	var b unsc.Ballot
	var err error
	if w.Date == "" {
		return b, unsc.Errorf(unsc.EINVALID, "date", "missing: want the date of the vote as YYYY-MM-DD")
	}
	if b.Date, err = unsc.ParseDate("date", w.Date); err != nil {
		return b, err
	}
	if w.Matter != "" {
		if b.Matter, err = unsc.ParseMatter(w.Matter); err != nil {
			return b, unsc.Errorf(unsc.EINVALID, "matter", "%v", err)
		}
	}
	if w.Modality != "" {
		if b.Modality, err = unsc.ParseModality(w.Modality); err != nil {
			return b, unsc.Errorf(unsc.EINVALID, "modality", "%v", err)
		}
	}
	b.Amendment = w.Amendment
	b.Atrocity = w.Atrocity
	b.Chapter = w.Chapter
	for i, p := range w.Parties {
		if !codePattern.MatchString(p) {
			return b, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("parties[%d]", i), "%q: want a three-letter member code such as USA", p)
		}
		b.Parties = append(b.Parties, unsc.Code(strings.ToUpper(p)))
	}
	votes, err := parseVotes(w.Votes)
	if err != nil {
		return b, err
	}
	b.Votes = unsc.VotesOf(votes)
	b.Seats = w.Seats
	for i, c := range w.Candidates {
		if c.Name == "" {
			return b, unsc.Errorf(unsc.EINVALID, fmt.Sprintf("candidates[%d].name", i), "missing: want the candidate's name")
		}
		b.Candidates = append(b.Candidates, unsc.Candidate{Name: c.Name, Votes: c.Votes})
	}
	return b, nil
}

// ballotKeys are the keys of a ballot, and candidateKeys those of a
// candidate, exactly as they must be spelt.
var (
	ballotKeys    = []string{"date", "matter", "amendment", "modality", "votes", "chapter", "parties", "atrocity", "seats", "candidates"}
	candidateKeys = []string{"name", "votes"}
)

// checkBallotKeys refuses a ballot whose object, or one of whose
// candidates, gives a key twice or a key in another case than the
// ballot's. Malformed JSON and unknown keys are left to the decoder, which
// names them.
func checkBallotKeys(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		key, _ := t.(string)
		if err := checkKey(key, "", ballotKeys, seen); err != nil {
			return err
		}
		if key != "candidates" {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		var raw json.RawMessage
		if dec.Decode(&raw) != nil {
			return nil
		}
		if err := checkCandidateKeys(raw); err != nil {
			return err
		}
	}
	return nil
}

// checkCandidateKeys checks the keys of each candidate of a candidates
// array.
func checkCandidateKeys(raw json.RawMessage) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil
	}
	for i := 0; dec.More(); i++ {
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			return nil
		}
		seen := map[string]bool{}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				return nil
			}
			key, _ := t.(string)
			if err := checkKey(key, fmt.Sprintf("candidates[%d].", i), candidateKeys, seen); err != nil {
				return err
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
		}
		if _, err := dec.Token(); err != nil { // }
			return nil
		}
	}
	return nil
}

func checkKey(key, prefix string, keys []string, seen map[string]bool) error {
	if seen[key] {
		return unsc.Errorf(unsc.EINVALID, prefix+key, "given twice: want each field once")
	}
	seen[key] = true
	for _, k := range keys {
		if key != k && strings.EqualFold(key, k) {
			return unsc.Errorf(unsc.EINVALID, prefix+key, "want %q, in lower case", k)
		}
	}
	return nil
}

// parseVotes reads the votes object token by token, because a member listed
// twice must be an error, not silently the last value.
func parseVotes(raw json.RawMessage) (map[unsc.Code]unsc.Position, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, unsc.Errorf(unsc.EINVALID, "votes", "want an object of member code to vote, such as {\"USA\": \"Y\"}")
	}
	votes := make(map[unsc.Code]unsc.Position, 15)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, "votes", "malformed: %v", err)
		}
		key, _ := t.(string)
		field := "votes." + key
		if !codePattern.MatchString(key) {
			return nil, unsc.Errorf(unsc.EINVALID, field, "%q is not a member code: want three letters such as USA", key)
		}
		var letter string
		if err := dec.Decode(&letter); err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, field, "want a vote as a string: Y, N, A or X")
		}
		p, err := unsc.ParsePosition(letter)
		if err != nil || p == unsc.Absent {
			return nil, unsc.Errorf(unsc.EINVALID, field, "vote %q: want Y (yes), N (no), A (abstain) or X (present, not participating); leave an absent member out", letter)
		}
		code := unsc.Code(strings.ToUpper(key))
		if _, dup := votes[code]; dup {
			return nil, unsc.Errorf(unsc.EINVALID, field, "%s is listed twice: want one vote per member", code)
		}
		votes[code] = p
	}
	return votes, nil
}

func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return unsc.Errorf(unsc.EINVALID, "ballot", "malformed JSON at byte %d: %v", syn.Offset, err)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return unsc.Errorf(unsc.EINVALID, "ballot", "want a JSON object, found %s", typ.Value)
		}
		return unsc.Errorf(unsc.EINVALID, typ.Field, "want a JSON %s, found %s", typ.Type, typ.Value)
	case errors.Is(err, io.EOF):
		return unsc.Errorf(unsc.EINVALID, "ballot", "empty: want a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return unsc.Errorf(unsc.EINVALID, "ballot", "malformed JSON: unexpected end of input")
	}
	// encoding/json reports an unknown field only in its message.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return unsc.Errorf(unsc.EINVALID, strings.Trim(name, `"`), "unknown field: want date, matter, amendment, modality, votes, chapter, parties, atrocity, seats or candidates")
	}
	return unsc.Errorf(unsc.EINVALID, "ballot", "%v", err)
}

// ResultJSON is the wire form of a result: what `unsc decide --json` prints
// and POST /api/v1/decide answers.
type ResultJSON struct {
	Outcome          string      `json:"outcome"`
	VetoedBy         []unsc.Code `json:"vetoed_by"`
	Yes              int         `json:"yes"`
	No               int         `json:"no"`
	Abstain          int         `json:"abstain"`
	NotParticipating int         `json:"not_participating"`
	Absent           int         `json:"absent"`
	Required         int         `json:"required"`
	Statement        string      `json:"statement"`
	Explanation      string      `json:"explanation"`
	Matter           string      `json:"matter"`
	Amendment        bool        `json:"amendment"`
	Modality         string      `json:"modality"`
	Obliged          []unsc.Code `json:"obligatory_abstention,omitempty"`
	Seats            int         `json:"seats,omitempty"`
	Elected          []string    `json:"elected,omitempty"`
	Rerun            bool        `json:"rerun,omitempty"`
}

// NewResultJSON returns the wire form of r, with its statement and
// explanation.
func NewResultJSON(r unsc.Result) ResultJSON {
	out := ResultJSON{
		Outcome:          r.Outcome.String(),
		VetoedBy:         codes(r.VetoedBy),
		Yes:              r.Yes,
		No:               r.No,
		Abstain:          r.Abstain,
		NotParticipating: r.NotParticipating,
		Absent:           r.Absent,
		Required:         r.Required,
		Statement:        Statement(r),
		Explanation:      Explain(r),
		Matter:           r.Matter.String(),
		Amendment:        r.Amendment,
		Modality:         r.Modality.String(),
		Seats:            r.Seats,
		Elected:          r.Elected,
		Rerun:            r.Rerun,
	}
	if len(r.Obliged) > 0 {
		out.Obliged = codes(r.Obliged)
	}
	return out
}

func codes(ms []unsc.Member) []unsc.Code {
	out := make([]unsc.Code, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}

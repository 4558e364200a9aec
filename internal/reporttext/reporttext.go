// Package reporttext writes reports (unsc.Report) as text, one report a
// line, and reads them back exactly: the form in which the record built into
// unsc carries its reports (package embedded), compact, and one whose diffs a
// person can read when the record changes.
//
// # Format
//
// Lines starting with "#" are comments. A line "@" TAB NAME sets the
// current file. Every other line is one report, its fields separated by a
// TAB, in this order:
//
//	source      the source (unsc.Source)
//	key         its key within the source
//	ref         where it was read: ":N" is line N of the current file
//	            (NAME:N); anything else is the ref as it is
//	date        YYYY-MM-DD, empty for none
//	meeting, resolution, draft, amendment_to
//	flags       comma-separated: "amendment"; "matter=M" where the matter
//	            is known ("matter?=M" where it is not known and not
//	            non-procedural); "modality=M" for other than a vote
//	outcome     adopted, failed, vetoed or empty
//	tally       yes/no/abstain/non-voting where known ("?" before it where
//	            not known but not all zero), empty for none
//	votes       groups "P:CODE,CODE" separated by spaces, one per position
//	            letter (Y, N, A, X, and - for a member listed as absent)
//	vetoed_by   codes separated by ","
//	sponsors, subjects
//	            items separated by "|"
//	title, agenda, note
//
// In every field, a backslash, a TAB, a newline and a carriage return are
// written \\, \t, \n and \r. In a list item (and a code in votes), the
// item's separator is written after a backslash, and an empty item is
// written \_. A ref that begins with ":" is written with a backslash before
// it. An empty field is nil (no votes, no sponsors…); a list or a map that is
// set but empty is written \e.
package reporttext

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"unsc"
	"unsc/internal/lazy"
)

// The fields of a report's line, in order.
var fields = []string{
	"source", "key", "ref", "date", "meeting", "resolution", "draft", "amendment_to",
	"flags", "outcome", "tally", "votes", "vetoed_by", "sponsors", "subjects",
	"title", "agenda", "note",
}

// Columns returns the names of the fields of a report's line, in order.
func Columns() []string { return slices.Clone(fields) }

// emptySet is the field of a list or map that is set but empty.
const emptySet = `\e`

// positions are the position letters in the order the votes field lists
// their groups.
var positions = []unsc.Position{unsc.Yes, unsc.No, unsc.Abstain, unsc.NotParticipating, unsc.Absent}

// Write writes the reports as text, after the comment lines of header (each
// line of header is written after "# ").
func Write(w io.Writer, header string, reports []unsc.Report) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if header != "" {
		for line := range strings.SplitSeq(strings.TrimRight(header, "\n"), "\n") {
			bw.WriteString(strings.TrimRight("# "+line, " "))
			bw.WriteByte('\n')
		}
	}
	file := ""
	var b []byte
	for i := range reports {
		r := &reports[i]
		if r.Source == "" || r.Source[0] == '#' || r.Source[0] == '@' {
			return fmt.Errorf("report %d (%s): source %q: want a name that does not begin with # or @", i+1, r.Ref, r.Source)
		}
		ref := escape(r.Ref)
		if name, line, ok := fileLine(r.Ref); ok {
			if name != file {
				file = name
				bw.WriteString("@\t" + escape(name) + "\n")
			}
			ref = ":" + line
		} else if strings.HasPrefix(ref, ":") {
			ref = `\` + ref
		}
		b = b[:0]
		b = appendField(b, escape(string(r.Source)))
		b = appendField(b, escape(r.Key))
		b = appendField(b, ref)
		if !r.Date.IsZero() {
			b = appendField(b, r.Date.Format(time.DateOnly))
		} else {
			b = appendField(b, "")
		}
		for _, s := range []string{r.Meeting, r.Resolution, r.Draft, r.AmendmentTo} {
			b = appendField(b, escape(s))
		}
		b = appendField(b, flags(r))
		if r.Outcome != 0 {
			b = appendField(b, r.Outcome.String())
		} else {
			b = appendField(b, "")
		}
		b = appendField(b, tally(r.Tally))
		b = appendField(b, votes(r.Votes))
		codes := make([]string, len(r.VetoedBy))
		for i, c := range r.VetoedBy {
			codes[i] = string(c)
		}
		b = appendField(b, list(codes, r.VetoedBy != nil, ","))
		b = appendField(b, list(r.Sponsors, r.Sponsors != nil, "|"))
		b = appendField(b, list(r.Subjects, r.Subjects != nil, "|"))
		for _, s := range []string{r.Title, r.Agenda, r.Note} {
			b = appendField(b, escape(s))
		}
		b[len(b)-1] = '\n'
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendField(b []byte, s string) []byte {
	b = append(b, s...)
	return append(b, '\t')
}

// fileLine splits a ref "NAME:N" into its file and line.
func fileLine(ref string) (name, line string, ok bool) {
	i := strings.LastIndexByte(ref, ':')
	if i <= 0 || i == len(ref)-1 {
		return "", "", false
	}
	line = ref[i+1:]
	if n, err := strconv.Atoi(line); err != nil || n <= 0 || strconv.Itoa(n) != line {
		return "", "", false
	}
	return ref[:i], line, true
}

func flags(r *unsc.Report) string {
	var fs []string
	if r.Amendment {
		fs = append(fs, "amendment")
	}
	switch {
	case r.MatterKnown:
		fs = append(fs, "matter="+r.Matter.String())
	case r.Matter != unsc.NonProcedural:
		fs = append(fs, "matter?="+r.Matter.String())
	}
	if r.Modality != unsc.ByVote {
		fs = append(fs, "modality="+r.Modality.String())
	}
	return strings.Join(fs, ",")
}

func tally(t unsc.Tally) string {
	s := fmt.Sprintf("%d/%d/%d/%d", t.Yes, t.No, t.Abstain, t.NonVoting)
	switch {
	case t.Known:
		return s
	case t == unsc.Tally{}:
		return ""
	}
	return "?" + s
}

func votes(vs unsc.Votes) string {
	if !vs.Known() {
		return ""
	}
	if vs.Len() == 0 {
		return emptySet
	}
	var groups []string
	for _, p := range positions {
		var codes []string
		for c, q := range vs.All() {
			if q == p {
				codes = append(codes, escapeItem(string(c), ", :"))
			}
		}
		if len(codes) > 0 {
			slices.Sort(codes)
			groups = append(groups, p.Letter()+":"+strings.Join(codes, ","))
		}
	}
	return strings.Join(groups, " ")
}

func list(items []string, set bool, sep string) string {
	if !set {
		return ""
	}
	if len(items) == 0 {
		return emptySet
	}
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = escapeItem(s, sep)
	}
	return strings.Join(out, sep)
}

// escaper is made on first use (by the writer of reports, which questions
// never call), not at every start.
var escaper = lazy.Value[*strings.Replacer]{Make: func() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
}}

func escape(s string) string { return escaper.Get().Replace(s) }

// escapeItem escapes a list item, whose separators (the bytes of seps) are
// written after a backslash.
func escapeItem(s, seps string) string {
	if s == "" {
		return `\_`
	}
	s = escape(s)
	if !strings.ContainsAny(s, seps) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(seps, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Read reads reports written by Write. An error names the place in the
// text (name:line: field) and what was expected there.
func Read(r io.Reader, name string) ([]unsc.Report, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var out []unsc.Report
	file := ""
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fail := func(field, format string, args ...any) error {
			return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d: %s", name, n, field), format, args...)
		}
		if strings.HasPrefix(line, "@\t") {
			f, err := unescape(line[2:], "")
			if err != nil {
				return nil, fail("file", "%v", err)
			}
			file = f
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != len(fields) {
			return nil, fail("line", "%d fields, want %d (%s) separated by tabs", len(cols), len(fields), strings.Join(fields, ", "))
		}
		var rep unsc.Report
		text := make([]string, len(cols))
		for i, c := range cols {
			switch fields[i] {
			case "ref", "votes", "vetoed_by", "sponsors", "subjects":
				continue // read as lists or with their own escapes below
			}
			s, err := unescape(c, "")
			if err != nil {
				return nil, fail(fields[i], "%v", err)
			}
			text[i] = s
		}
		rep.Source = unsc.Source(text[0])
		rep.Key = text[1]
		switch ref := cols[2]; {
		case strings.HasPrefix(ref, ":"):
			if file == "" {
				return nil, fail("ref", "%q is a line of the current file, but no line \"@\\tFILE\" came before", ref)
			}
			rep.Ref = file + ref
		case strings.HasPrefix(ref, `\:`):
			s, err := unescape(ref[1:], "")
			if err != nil {
				return nil, fail("ref", "%v", err)
			}
			rep.Ref = s
		default:
			s, err := unescape(ref, "")
			if err != nil {
				return nil, fail("ref", "%v", err)
			}
			rep.Ref = s
		}
		if text[3] != "" {
			d, err := time.Parse(time.DateOnly, text[3])
			if err != nil {
				return nil, fail("date", "%q is not a date YYYY-MM-DD", text[3])
			}
			rep.Date = d
		}
		rep.Meeting, rep.Resolution, rep.Draft, rep.AmendmentTo = text[4], text[5], text[6], text[7]
		if err := readFlags(text[8], &rep); err != nil {
			return nil, fail("flags", "%v", err)
		}
		if text[9] != "" {
			o, err := unsc.ParseOutcome(text[9])
			if err != nil {
				return nil, fail("outcome", "%v", err)
			}
			rep.Outcome = o
		}
		t, err := readTally(text[10])
		if err != nil {
			return nil, fail("tally", "%v", err)
		}
		rep.Tally = t
		if rep.Votes, err = readVotes(cols[11]); err != nil {
			return nil, fail("votes", "%v", err)
		}
		codes, err := readList(cols[12], ',')
		if err != nil {
			return nil, fail("vetoed_by", "%v", err)
		}
		if codes != nil {
			rep.VetoedBy = make([]unsc.Code, len(codes))
			for i, c := range codes {
				rep.VetoedBy[i] = unsc.Code(c)
			}
		}
		if rep.Sponsors, err = readList(cols[13], '|'); err != nil {
			return nil, fail("sponsors", "%v", err)
		}
		if rep.Subjects, err = readList(cols[14], '|'); err != nil {
			return nil, fail("subjects", "%v", err)
		}
		rep.Title, rep.Agenda, rep.Note = text[15], text[16], text[17]
		out = append(out, rep)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func readFlags(s string, r *unsc.Report) error {
	if s == "" {
		return nil
	}
	for f := range strings.SplitSeq(s, ",") {
		name, value, _ := strings.Cut(f, "=")
		var err error
		switch name {
		case "amendment":
			r.Amendment = true
		case "matter":
			r.MatterKnown = true
			r.Matter, err = unsc.ParseMatter(value)
		case "matter?":
			r.Matter, err = unsc.ParseMatter(value)
		case "modality":
			r.Modality, err = unsc.ParseModality(value)
		default:
			return fmt.Errorf("unknown flag %q: want amendment, matter=M, matter?=M or modality=M", f)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readTally(s string) (unsc.Tally, error) {
	if s == "" {
		return unsc.Tally{}, nil
	}
	t := unsc.Tally{Known: true}
	if rest, ok := strings.CutPrefix(s, "?"); ok {
		t.Known, s = false, rest
	}
	parts := strings.Split(s, "/")
	if len(parts) != 4 {
		return unsc.Tally{}, fmt.Errorf("%q: want yes/no/abstain/non-voting", s)
	}
	for i, dst := range []*int{&t.Yes, &t.No, &t.Abstain, &t.NonVoting} {
		n, err := strconv.Atoi(parts[i])
		if err != nil || n < 0 {
			return unsc.Tally{}, fmt.Errorf("%q: want yes/no/abstain/non-voting, each a number", s)
		}
		*dst = n
	}
	return t, nil
}

func readVotes(s string) (unsc.Votes, error) {
	switch s {
	case "":
		return unsc.Votes{}, nil
	case emptySet:
		return unsc.VotesFrom(nil), nil
	}
	vs := make(map[unsc.Code]unsc.Position, 15)
	for _, g := range split(s, ' ') {
		letter, codes, ok := strings.Cut(g, ":")
		p, err := unsc.ParsePosition(letter)
		if !ok || err != nil || letter == "" {
			return unsc.Votes{}, fmt.Errorf("%q: want groups P:CODE,CODE with P one of Y, N, A, X, -", g)
		}
		items, err := readList(codes, ',')
		if err != nil {
			return unsc.Votes{}, err
		}
		for _, c := range items {
			if _, dup := vs[unsc.Code(c)]; dup {
				return unsc.Votes{}, fmt.Errorf("%s is given twice", c)
			}
			vs[unsc.Code(c)] = p
		}
	}
	return unsc.VotesOf(vs), nil
}

// readList splits a list field at its unescaped separators and unescapes
// each item; nil for an empty field.
func readList(s string, sep byte) ([]string, error) {
	switch s {
	case "":
		return nil, nil
	case emptySet:
		return []string{}, nil
	}
	items := split(s, sep)
	for i, it := range items {
		u, err := unescape(it, string(sep)+" :")
		if err != nil {
			return nil, err
		}
		items[i] = u
	}
	return items, nil
}

// split splits s at the separators that no backslash escapes.
func split(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// unescape undoes escape, and the escapes of the bytes of seps.
func unescape(s, seps string) (string, error) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 == len(s) {
			return "", fmt.Errorf("%q ends in a lone backslash", s)
		}
		i++
		switch c := s[i]; {
		case c == '\\':
			b.WriteByte('\\')
		case c == 't':
			b.WriteByte('\t')
		case c == 'n':
			b.WriteByte('\n')
		case c == 'r':
			b.WriteByte('\r')
		case seps != "" && c == '_' && len(s) == 2:
			// An empty item.
		case strings.IndexByte(seps, c) >= 0:
			b.WriteByte(c)
		default:
			return "", fmt.Errorf("%q holds an unknown escape \\%c", s, c)
		}
	}
	return b.String(), nil
}

// Package crunsc reads the link tables of the Corpus of Resolutions: UN
// Security Council (CR-UNSC; Fobbe, Gasbarri and Ridi, Zenodo,
// doi:10.5281/zenodo.7319780; data CC0): for each resolution from 1 to
// 2722, the address of its record in the UN Digital Library. Two tables
// share one layout: UNSC_Record_Voting_2722.csv gives the voting record
// (whose number is the undl_id of the Digital Library's voting data:
// resolution 1 → https://digitallibrary.un.org/record/280453), and
// UNSC_Record-Table_2722.csv the record of the resolution's text
// (resolution 1 → …/record/111946). It is not an official source
// (unsc.SourceCRUNSC): the record shows its links, and checks its voting
// records against the Digital Library's own numbers.
//
// # Format
//
// A CSV with the header res_no,url_record and one row per resolution: its
// number and an address https://digitallibrary.un.org/record/N, sometimes
// followed by "?ln=en".
//
// # What Parse makes of it
//
// One unsc.Report per row: Resolution "S/RES/N", without a year (the
// tables give none: the record finds the year from the other sources, a
// resolution's number being unique across the years); Note the address,
// without its query ("https://digitallibrary.un.org/record/280453"); no
// date, outcome or votes. Key is "voting:N" for the voting records' table
// and "record:N" for the other: which table a file is, Parse tells from its
// name ("Voting" in it, in any case, is the voting records'), as the two
// tables' contents look alike. Ref is "<name>:<line>". record.Links turns
// them into the decision's links.
//
// A row whose number or address is malformed, or a number given twice,
// fails the whole parse with an *unsc.Error whose Field is
// "<name>:<line>:<column>".
package crunsc

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strconv"
	"strings"

	"unsc"
)

// Sniff reports whether head, the start of a file, is one of the tables: a
// header res_no,url_record and a first row whose address is the UN Digital
// Library's.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	line, rest, _ := bytes.Cut(head, []byte("\n"))
	if strings.TrimSpace(strings.ReplaceAll(string(line), `"`, "")) != "res_no,url_record" {
		return false
	}
	first, _, _ := bytes.Cut(rest, []byte("\n"))
	return bytes.Contains(first, []byte("digitallibrary.un.org/record/"))
}

// Parse reads one table (see the package documentation). name names the
// input in Ref and errors, and tells which table it is.
func Parse(r io.Reader, name string) ([]unsc.Report, error) {
	kind := "record:"
	if strings.Contains(strings.ToLower(path.Base(name)), "voting") {
		kind = "voting:"
	}
	cr := csv.NewReader(r)
	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1", "empty file: want a header res_no,url_record")
	}
	if err != nil {
		return nil, syntaxError(name, err)
	}
	if len(hdr) != 2 || strings.TrimSpace(strings.TrimPrefix(hdr[0], "\ufeff")) != "res_no" || strings.TrimSpace(hdr[1]) != "url_record" {
		return nil, unsc.Errorf(unsc.EINVALID, name+":1:header", "header %q: want res_no,url_record", strings.Join(hdr, ","))
	}
	var out []unsc.Report
	seen := map[int]int{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(name, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(c string) string { return fmt.Sprintf("%s:%d:%s", name, line, c) }
		num := strings.TrimSpace(row[0])
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || n > 99999 || strconv.Itoa(n) != num {
			return nil, unsc.Errorf(unsc.EINVALID, field("res_no"), "%q: want a resolution number such as 2334", num)
		}
		if prev, dup := seen[n]; dup {
			return nil, unsc.Errorf(unsc.EINVALID, field("res_no"), "resolution %d is also on line %d: want one row per resolution", n, prev)
		}
		seen[n] = line
		link, ok := recordURL(row[1])
		if !ok {
			return nil, unsc.Errorf(unsc.EINVALID, field("url_record"), "%q: want an address https://digitallibrary.un.org/record/N", strings.TrimSpace(row[1]))
		}
		out = append(out, unsc.Report{
			Source:     unsc.SourceCRUNSC,
			Key:        kind + num,
			Ref:        fmt.Sprintf("%s:%d", name, line),
			Resolution: "S/RES/" + num,
			Note:       link,
		})
	}
	return out, nil
}

func syntaxError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return unsc.Errorf(unsc.EINVALID, fmt.Sprintf("%s:%d:%d", name, pe.Line, pe.Column), "%v: want CSV as RFC 4180 writes it, two fields a row", pe.Err)
	}
	return unsc.Errorf(unsc.EINVALID, name, "reading: %v", err)
}

// recordURL returns the address of a UN Digital Library record without
// its query, if s is one.
func recordURL(s string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host != "digitallibrary.un.org" {
		return "", false
	}
	id, ok := strings.CutPrefix(u.Path, "/record/")
	id = strings.TrimSuffix(id, "/")
	if !ok || id == "" || strings.Trim(id, "0123456789") != "" || len(id) > 12 {
		return "", false
	}
	return "https://digitallibrary.un.org/record/" + id, true
}

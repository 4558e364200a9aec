package record

import (
	"strings"

	"unsc"
)

// Link is an address where a decision's records are found, with what it is.
type Link struct {
	Text, Href string
}

// digitalLibrary is the address of a record in the UN Digital Library.
const digitalLibrary = "https://digitallibrary.un.org/record/"

// Links returns the decision's records in the UN Digital Library: the
// voting record (the record number of the Digital Library's voting data,
// the undl_id its reports are keyed by, else the CR-UNSC crosswalk's) and
// the record of the resolution's text (the crosswalk's). Nil where no
// source gives one.
func Links(d unsc.Decision) []Link {
	var voting, text string
	for _, r := range d.Reports {
		switch {
		case r.Source == unsc.SourceUNDL && voting == "":
			if id, ok := strings.CutPrefix(r.Key, "undl:"); ok && id != "" {
				voting = digitalLibrary + id
			}
		case r.Source == unsc.SourceCRUNSC && strings.HasPrefix(r.Key, "voting:") && voting == "":
			voting = r.Note
		case r.Source == unsc.SourceCRUNSC && strings.HasPrefix(r.Key, "record:") && text == "":
			text = r.Note
		}
	}
	var out []Link
	if text != "" {
		out = append(out, Link{"the resolution in the UN Digital Library", text})
	}
	if voting != "" {
		out = append(out, Link{"the voting record in the UN Digital Library", voting})
	}
	return out
}

// undlRecords returns the Digital Library's voting records of a decision,
// by the undl_id its reports are keyed by.
func undlRecords(d *unsc.Decision) []string {
	var out []string
	for _, r := range d.Reports {
		if id, ok := strings.CutPrefix(r.Key, "undl:"); ok && r.Source == unsc.SourceUNDL {
			out = append(out, digitalLibrary+id)
		}
	}
	return out
}

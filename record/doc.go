// Package record assembles the Council's record from the sources' reports
// and audits it.
//
// Reconcile groups the reports that describe one decision — matched on the
// resolution's number and year, then on the draft symbol (spelling variants
// normalised by unsc.NormalizeSymbol), then, for what the symbols leave
// alone, on the meeting — and builds one decision from them. Each field
// comes from the source authoritative for it (see build.go): the count, the
// date and the meeting from the Dag Hammarskjöld Library's meeting tables;
// per-member positions from the UN Digital Library where they add up to the
// official count, resolved by the count where only one set of members can
// make up the difference, and otherwise shown with the members in doubt
// named (positions.go); the unattributed 1994–2025 spreadsheet fills gaps
// only. Dates and meetings that break the order of resolution and meeting
// numbers are taken from a source that keeps it (sequence.go). Where the
// record shows a value other than a source's, where positions are in doubt
// and where an official source contradicts itself, the decision carries a
// unsc.Note in plain words with its source. Facts that no source states, or
// that the sources state wrongly, come from facts.csv, each with its public
// source: the last resort.
//
// Check audits the record: for every decision and every source that
// reports it, every disagreement is either corrected — the record shows the
// authoritative source's value, or a sourced fact's, and says which — or
// unexplained.
package record

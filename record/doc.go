// Package record assembles the Council's record from the sources' reports
// and checks it against the Charter.
//
// Reconcile groups the reports that describe one decision — matched on the
// resolution number, then on the draft symbol, with spelling variants
// normalised by unsc.NormalizeSymbol — and builds one decision from them.
// Where sources disagree, each report is kept as imported and the more
// official source supplies the decision's fields: the UN Digital Library,
// then the Dag Hammarskjöld Library's meeting tables, then its veto list,
// then the unattributed 1994–2025 spreadsheet. Facts that no source states,
// such as which decisions were procedural, come from facts.csv, each with
// its source.
//
// Check replays every decision through package charter and reports each one
// whose derived outcome differs from the recorded one, or whose sources
// disagree, with the reason: an explanation from explained.csv (data, never
// code), or none.
package record

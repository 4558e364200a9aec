// Package undl reads the UN Digital Library's Security Council voting data:
// the CSV the Dag Hammarskjöld Library publishes as record 4055387
// (https://digitallibrary.un.org/record/4055387, files named like
// 2025_7_21_sc_voting.csv), and any file laid out in its columns, such as
// the crawl of the library's voting pages kept in the shared data.
//
// Cite it as: United Nations Dag Hammarskjöld Library, Security Council
// Voting Data, United Nations, <year>, Version <n> (<date>), downloaded from
// https://digitallibrary.un.org/record/4055387. Terms: copyright United
// Nations; non-commercial use with attribution.
//
// # Format
//
// One row per (resolution, member), with a header naming the columns:
//
//	undl_id, ms_code, ms_name, permanent_member, ms_vote, date, resolution,
//	draft, meeting, description, agenda, subjects, vote_note, total_yes,
//	total_no, total_abstentions, total_non_voting, total_ms, modality,
//	undl_link
//
// Columns are found by header name, so their order may change between
// releases and extra columns are ignored. undl_id, ms_code, ms_vote, date
// and resolution are required; the others are read when present. Rows are
// grouped by undl_id into one [unsc.Report] per voting record, whether or
// not the rows of a record are adjacent. Only adopted resolutions are in
// the data (no failed or vetoed drafts, no votes on paragraphs), so every
// report's outcome is [unsc.Adopted]. The data do not say whether a matter
// was procedural, so MatterKnown is false.
//
// The wide tables derived from this data elsewhere (one row per resolution,
// one column per member name, such as the policy-pulse project's
// "transformed" samples) are not this format: they lose the member codes and
// mix in rows that are not resolutions. [Sniff] rejects them and [Parse]
// reports their missing ms_code column.
//
// # Quirks handled
//
//   - ms_vote is Y, N, A or X. X covers both "present and not voting" and
//     "absent": the library does not tell them apart, and neither can we; X
//     is kept as [unsc.NotParticipating].
//   - vote_note is usually the same sentence repeated on every row of a
//     record ("China did not participate in the voting"); such a note is
//     kept once in Report.Note. A note on only some rows is kept as
//     "CODE: note" for each member that carries it.
//   - Symbols are spelt without a space ("S/RES/503(1982)") and sometimes
//     without the meeting record's dot ("S/PV9261"), or with a resumption
//     ("S/PV.6702(Resumption1)"); all are normalised with
//     [unsc.NormalizeSymbol]. A resolution symbol without its year takes the
//     year of the date.
//   - For the resolutions of 2020–2021 adopted by written procedure during
//     the COVID-19 pandemic (51 in the crawl), the meeting field holds the
//     symbol of a document, the letter recording the votes ("S/2020/246"),
//     not a meeting record. The report's Meeting is left empty and the
//     symbol kept in Note.
//   - modality is "Vote" or "Without vote" (case varies); "by acclamation"
//     is read as well. It is empty in files that do not know it (the
//     crawl). Where it is empty and every member is X, the resolution cannot
//     have been adopted by a vote (a vote needs affirmative votes), so the
//     report says WithoutVote and Note says it was inferred. Resolutions
//     adopted without a vote that a source lists as unanimous "Y" (the
//     library's own description says it codes them so) cannot be told from
//     real unanimous votes.
//   - The totals are kept as the source gives them and not checked against
//     the members' rows: comparing them is the reconciler's work, and a
//     file may hold only some rows of a record (the official sample stops
//     mid-record).
//   - The same resolution may appear under two undl_ids (resolution 2760
//     (2024) in the crawl): each is its own report with its own key.
//
// Text fields (description, agenda, subjects) are taken from a record's
// first row. Rows of one record must agree on date, resolution, draft,
// meeting, modality and totals. Any malformed row fails the whole parse
// with an *unsc.Error naming file, line and column.
package undl

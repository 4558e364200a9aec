// Package dhl reads the Security Council tables of the Dag Hammarskjöld
// Library (the UN's library, research.un.org): the yearly pages "Meetings
// conducted / actions taken by the Security Council in YYYY" (1946 onward)
// and the "Security Council – Veto List" (whose 1946–2004 entries come from
// the official list in A/58/47, Annex III). They are the official tables;
// the parsers read saved copies of the HTML and do no I/O of their own.
//
// ParseMeetings returns a unsc.Report (SourceDHLMeetings) per resolution
// adopted and per draft not adopted or vetoed; presidential statements,
// communiqués, notes, letters and elections are not voted decisions and are
// skipped. ParseVetoes returns a report (SourceDHLVetoes) per row of the veto
// list. A row naming several members ("France, UK and USA") is one report
// whose VetoedBy lists each of them: counted per member, as the library's
// per-member totals are, it is one veto for each.
//
// Quirks of the pages, and how they are read:
//
//   - Layouts changed over the years: four columns until 1993, five (with
//     the press release) from 1994, seven for the 2020–21 pages that add the
//     votes taken by letter during COVID-19 (no meeting record: Meeting is
//     empty and the key uses the date). Columns are found by their headers.
//   - A meeting with several topics is written three ways: topics in one
//     cell with outcomes in paragraphs of the next (aligned when the counts
//     match, else the topics are joined), continuation rows with empty
//     meeting and date cells, and rowspan cells. Rows may have a stray
//     trailing "--" cell or miss their last cell; <td> is sometimes left
//     open and tags close out of order.
//   - Outcome entries are found by their heads, not by line breaks, which
//     fall anywhere ("vetoed by<br>UK"); spaces may be missing
//     ("Draft resolutionS/1995/394vetoed by USA").
//   - Counts are yes-no-abstain; absent and non-participating members are
//     left out (S/RES/82 (1950) is "9-0-1"), except where a note says so
//     ("14-0-0 (1 absent)", "(France did not participate in the voting.)"),
//     which is counted in Tally.NonVoting. "adopted unanimously" gives no
//     count (Tally.Known is false, the note keeps the words); "without vote",
//     "without a vote" and "adopted by consensus" are unsc.WithoutVote.
//   - Vetoes are marked "vetoed by <members>" and nothing else: a draft the
//     page calls "not adopted" is Failed even when its count has the
//     required majority and negative votes (S/5134 of 1962, which the veto
//     list counts as a USSR veto; S/5095 of 1962, which it does not). Such
//     rows, and vetoes whose count cannot be one, are flagged in Note.
//   - Drafts of 1946–48 often have no symbol: the page links the meeting
//     record instead ("Draft resolution S/PV.57 (Transjordan)"). Draft is
//     then empty, Note names the record, and keys number repeats ("#2").
//   - Draft symbols carry revisions and corrigenda ("S/20945/Rev.1"), kept
//     after the base symbol normalised by unsc.NormalizeSymbol.
//   - A resolution's year is the year of its meeting; misprints such as
//     "S/RES/770 (1991)" on the 1992 page are corrected and noted. The saved
//     2020 page of votes by letter is titled "… in 2021": the year of its
//     documents wins when they disagree with the title by a wide margin.
//   - A resolution repeated at the same meeting (S/RES/1996 (2011)) is
//     reported once. Numbering errors the pages carry are kept as printed:
//     663 (1990) and 701 (1991) appear twice, 666 and 695 not at all.
//   - The veto list writes dates as ranges ("14-15 December 2001"; Date is
//     the first day) and once with a two-digit year ("30 January 86"); the
//     2020 vetoes give the letters recording the vote instead of a meeting.
//     A vote on the preliminary question sets Matter to unsc.Preliminary.
//
// Errors are *unsc.Error with code unsc.EINVALID and Field
// "name:line:column", the column being title, header, meeting, date,
// outcome, draft, record, member or row. A parser returns nothing with an
// error.
package dhl

// Package analysis answers questions over the Council's record: pure
// functions of the decisions (no I/O, no clock, no database), answered from
// memory, cheaply and concurrently, by an Index. New is cheap; each part of
// the index a question needs is built on first use, once, so that a command
// that asks one question pays for one part, and a server can build them all
// at start with Warm.
// Every answer is a plain value with snake_case JSON tags, printed as it is
// by the CLI and the JSON API, and names the counting convention it used.
//
// The questions, each a method on *Index:
//
//   - Vetoes: vetoes counted and listed, grouped by member, year, decade,
//     agenda item, topic, region, kind (single or joint) or type (draft or
//     amendment), filtered by member and period. Two counting rules:
//     RuleMemberVotes counts each permanent member's negative vote that
//     defeated a proposal (a joint veto by China and Russia counts one for
//     each; the UN veto list's per-member totals are tallied so), and
//     RuleDrafts counts each vetoed proposal once. Two scopes: ScopeRecord,
//     every veto the record shows, and ScopeUNList, the Dag Hammarskjöld
//     Library's veto list row by row up to its last date (26 May 2022 in the
//     shared data) plus the record's vetoes after it. The list omits vetoes
//     the record derives, such as S/1996/952 (the 1996 vote on the
//     Secretary-General, taken in a private meeting). Vetoes of amendments
//     count by default and are marked. CountVetoes gives the number under
//     every rule and scope, for fact checks, each with its parts (the list
//     to its last date, the record after it, vetoes of amendments, the
//     vetoes the list omits); CheckClaim checks a claimed number against
//     every way of counting, with the days on which each stood at it and
//     the decisions that make the difference.
//   - Coverage: for each kind of decision (KindOf) and decade, how many
//     decisions and how much is known of them, and what each source lists
//     over which dates, and for each kind the days over which the record
//     holds every decision of it (the span of the sources that list the
//     kind in full, to CuratedCompleteTo where later; none for the
//     procedural votes, which no source lists). Every count answer
//     carries a Period: the dates asked for, cut to the earliest day of
//     the kinds it counts (PeriodOf; VetoKinds for a veto answer), with
//     how many decisions of the kinds no source lists it holds.
//   - Search: decisions by text (every word, case-insensitive, in the
//     agenda item, title or subjects), period, outcome, matter and a
//     member's position, paged.
//   - Member: a member's terms (charter.Tenures), positions, vetoes and how
//     often it sided with each permanent seat, in all and year by year.
//   - Agreement: for each pair of members, the share of decisions on which
//     they took the same position, under an abstention rule (AbstainExact,
//     AbstainNeutral, AbstainHalf), with the number of decisions compared.
//   - Trends: per year, decisions, resolutions, unanimity, vetoes,
//     abstentions and failed drafts.
//   - WhatIf: the record replayed under other charter.Rules through
//     record.DeriveUnder, listing every decision whose outcome flips.
//     RulesNamed gives the usual variants: no veto, a veto needing two
//     permanent members, no veto on mass-atrocity drafts (atrocity.csv),
//     the 11-member threshold today, a member granted or denied the veto.
//   - VetoInitiative: every veto since GA resolution 76/262 (26 April 2022)
//     with the deadline for the General Assembly's debate, ten working days
//     under a Calendar (DefaultCalendar: UN Headquarters holidays, an
//     assumption, RULES.md §5), and the debate where gadebates.csv knows it.
//
// Each question that goes over the record takes a context and stops with
// its error soon after it is done (cancel.go): a server stops the work of a
// client that has gone, a command stops at Ctrl-C. Nothing of a stopped
// question is kept.
//
// Conventions, which the answers restate:
//
//   - A decision's outcome is the one the Charter engine derives from its
//     per-member votes or its count (Decision.Derived); where the record has
//     neither, the one the sources record (Outcome).
//   - Positions count only where the record has each member's vote;
//     decisions known only by a count, and those taken without a vote,
//     have no positions. Absence and non-participation are positions in
//     profiles but are left out of agreement.
//   - Members are the UN Digital Library's codes. A seat held in turn by
//     several states is written with "+": "SUN+RUS" is the USSR seat
//     continued by the Russian Federation (24 December 1991). The China
//     seat is one code, CHN, in every source (Republic of China until 25
//     October 1971). PermanentSeats are the default members of Agreement.
//   - Regions and topics come from regions.csv, an editorial mapping of
//     agenda items and subjects, not a UN classification; its header gives
//     its limits.
//
// Embedded data, each row with its source: regions.csv, atrocity.csv,
// holidays.csv, gadebates.csv.
package analysis

// Package charter is the rules engine of unsc: who sits on the Security
// Council on a given date, and what the Council decided on a ballot. It is
// pure: no I/O, no clock, no database. Everything it needs is passed in.
//
// What it implements, and where the rule comes from:
//
//   - Composition (CouncilOn, Tenures): Charter Art. 23 — five permanent
//     members and six elected members until 31 December 1965, ten elected
//     members from 1 January 1966 (GA res 1991 A (XVIII), in force 31 August
//     1965); elected members serve two-year terms (Art. 23(2)). The China
//     seat passed to the People's Republic of China on 25 October 1971 (GA
//     res 2758 (XXVI)); the USSR seat was continued by the Russian Federation
//     from 24 December 1991.
//   - Required majority (RequiredVotes): Art. 27(2) and (3) — 7 of 11, then
//     9 of 15.
//   - Procedural matters (Decide): Art. 27(2) — adopted with the required
//     affirmative votes; no member has a veto.
//   - All other matters (Decide): Art. 27(3) — the required affirmative votes
//     "including the concurring votes of the permanent members". By the
//     practice of the Council since 1946, upheld by the International Court
//     of Justice (Namibia advisory opinion, 1971), a permanent member's
//     abstention, absence or non-participation is not a veto. A negative vote
//     is a veto only when the draft would otherwise have been adopted.
//   - Obligatory abstention: the proviso of Art. 27(3) — in decisions under
//     Chapter VI and under Art. 52(3), a party to a dispute shall abstain.
//   - Preliminary questions: whether a matter is procedural is itself decided
//     as a non-procedural matter (the "double veto"; Czechoslovak question,
//     24 May 1948).
//   - Amendments: voted before the draft they amend (provisional rules of
//     procedure 33 and 36); an amendment to a non-procedural draft can be
//     vetoed.
//   - Elections of judges of the International Court of Justice: ICJ Statute
//     Art. 10 and rule 61 — an absolute majority of the Council's members,
//     with no distinction between permanent and elected members; when more
//     candidates than seats obtain it, the ballot is repeated.
//   - Adoption without a vote or by acclamation, as when the Council
//     recommends a Secretary-General (Art. 97).
//
// Statement gives an outcome in the Council's own words (the President's
// announcement); Explain gives it in plain words.
package charter

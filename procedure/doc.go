// Package procedure runs a meeting of the Security Council as the
// Provisional Rules of Procedure (S/96/Rev.7) run it, for the live sessions
// of the chamber. It is pure, as package charter is: no I/O, no clock, no
// database; the time of an action is handed in with it.
//
// A session is an append-only log of events. Decide is the rules of
// procedure, a function (state, action) → (events, error); Apply folds one
// event into the state, so that the state of a session is the fold of its
// log. Offers lists the actions the rules allow an actor at the moment, by
// asking Decide, so that what a page offers and what the server accepts
// cannot disagree.
//
// What it implements, and where the rule comes from (RULES.md §3):
//
//   - The roll call: each delegation answers present or "present and
//     voting" (a Model UN convention; under a profile that says so, a member
//     present and voting may not abstain).
//   - The agenda (rule 9): its adoption is the first item; the President
//     proposes it; if any member objects, it is put to a procedural vote
//     (Art. 27(2)), and no draft is tabled before it is adopted.
//   - The speakers list (rule 27): representatives speak in the order they
//     asked; the President gives the floor; speaking time is a deadline
//     computed from the time of the action, never a ticking clock.
//   - Drafts and principal motions (rules 31, 32, 34): in writing, with
//     their sponsors; no seconding is needed; voted in the order submitted.
//   - Division (rule 32): parts of a draft are voted separately at a
//     representative's request unless the mover objects; then whether to
//     divide is a procedural vote.
//   - The motions of rule 33 take precedence, in this order, over all
//     drafts and other motions: suspend the meeting, adjourn it, adjourn to a
//     day or hour, refer to a committee, the Secretary-General or a
//     rapporteur, postpone the discussion. Suspension and simple adjournment
//     are decided without debate: while one is pending no one is given the
//     floor. All are procedural votes.
//   - Withdrawal (rule 35): a draft, amendment or motion may be withdrawn by
//     its mover at any time before a vote on it has begun.
//   - Amendments (rule 36): voted before their draft; the President rules on
//     their order, by default amendments that add to or delete from the text
//     first, then the others in the order submitted; an amendment follows its
//     draft's matter, so an amendment to a non-procedural draft can be vetoed.
//   - Points of order (rule 30): the President rules at once; a ruling may be
//     challenged, and then stands unless overruled by a procedural vote.
//   - The preliminary question: whether a draft is procedural is decided as a
//     non-procedural matter (the "double veto"); the draft is then voted under
//     the answer.
//   - Explanations of vote before and after a vote, on the speakers list.
//   - Voting (Art. 27; rule 40): the President opens and closes a vote; each
//     delegation votes yes, no, abstain or declares it does not participate,
//     and may change its vote until the President closes it; a present member
//     that has not voted when the vote closes is counted as not
//     participating, an absent one as absent. The outcome is decided by
//     package charter; an adopted draft resolution receives the session's
//     next resolution number.
//
// Profiles name the rules a session runs under: Charter (the Charter and the
// Council's practice) by default, and named Model UN variations, never
// silently.
package procedure

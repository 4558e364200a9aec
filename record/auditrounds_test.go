package record_test

import (
	"fmt"
	"testing"

	"unsc/record"
)

// auditRounds are the audit rounds whose lines are checked against the
// record one by one and nothing else (DATA.md, "Audit against independent
// sources", the round's section). Each line of
// testdata/auditN_sources.tsv is a page read outside the imported sources;
// the lines stay as a check: a later change that contradicts one of them
// fails here. A new round of that kind is a row here and its file.
var auditRounds = []struct {
	round int
	lines int // at least this many lines in the file
}{
	// Round 14: a second seeded sample drawn as round 13's was (seed
	// 20261211), from the decisions no earlier round, DATA.md table or
	// testdata tsv names, weighted toward values that rest on one source
	// or on a non-UN source: the UN's releases and their copies, the
	// resolution as printed, FRUS, the Australian Senate's Hansard, the
	// Digest of United States Practice, Papers Past. No wrong value; where
	// a page disagrees with the Library's tables rather than with a value
	// the record derives (S/10606's meeting, S/12110's non-voter,
	// S/21048's count), DATA.md says so and nothing is entered.
	{14, 22},
	// Round 15: the record's corrections of the Library's tables: where
	// the record's date, meeting, count, outcome or veto differs from the
	// Library's meeting table or veto list, the page that supports it (the
	// resolution as printed, the Repertoire). No wrong value; the rules
	// behind some of those departures are pinned in audit15_test.go.
	{15, 27},
	// Round 16: every decision of 2000–2008 taken by a vote that was not
	// unanimous, read against the UN's release of its meeting (or UN News,
	// a news agency, a newspaper). One wrong value: Syria in resolution
	// 1483 (2003), shown absent, did not participate (SC/7765, the UN's
	// volume of 2003 and the Library's table); its line fails on the old
	// value.
	{16, 49},
	// Round 17: the votes of 1 January 2009 – 26 May 2022 that are not
	// resolutions (vetoed and failed drafts, amendments, procedural
	// votes), read against the UN's releases (or UN News, Security Council
	// Report, news agencies). No wrong value.
	{17, 51},
	// Round 18: the four procedural votes of 2016–2019 with every member's
	// position that round 17 left unread (S/PV.7830, S/PV.8409, S/PV.8452,
	// S/PV.8529), read against the UN's releases. No wrong value.
	{18, 4},
	// Round 19: a seeded sample of 35 decisions, seven from each of five
	// periods (1946–59, 1960–79, 1980–93, 1994–2008, 2009–2025; seed
	// 20261219), none named by an earlier round, read in the resolutions as
	// printed, the volume of 1956, the UN's releases and their copies. No
	// wrong value.
	{19, 29},
	// Round 20: a seeded sample of 40 decisions (seed 20261220) that no
	// earlier round, DATA.md table or testdata file names, weighted toward
	// the weak spots: all 5 left of the vetoed, failed and procedural
	// votes of 1946–1999, 26 unanimous resolutions of 2009 – July 2022
	// (no volume read for them), one decision a decade (elections to the
	// Court, checked in audit20_test.go). Read in the UN's releases and
	// their copies, the resolutions' texts and news agencies. One value
	// wanting: the election of 12 November 2020 named no one elected
	// (SC/14357 names five; TestAudit20ElectionOf12November2020InRealRecord).
	{20, 25},
	// Round 21: a seeded sample of 40 decisions (seed 20261221) that no
	// earlier round, DATA.md table or testdata file names, weighted toward
	// where the record was least checked: 14 resolutions of 1947–1950 (read
	// in CR-UNSC's English transcriptions of the resolutions as printed),
	// 20 unanimous resolutions of 2009 – May 2022 and both decisions of June
	// 2022 – 2025 the exclusion left (read in the UN's releases and their
	// copies, the missions' releases and news agencies), and 4 elections to
	// the Court (checked in audit21_test.go). No wrong value.
	{21, 36},
	// Round 22: a seeded sample of 40 decisions (seed 20261222) weighted
	// toward what rounds 2–21 checked least: 13 split resolutions of
	// 1951–1993 with every member's position (read in CR-UNSC's English
	// transcriptions of the resolutions as printed), 10 unanimous
	// resolutions of 1994–2008 (the UN's releases, UN News, the text as
	// printed), 8 vetoed drafts of 1970–1999 (FRUS, the Repertoire, the
	// press), 6 decisions of 2023–2025 and the 3 amendments no earlier
	// round has a line for (the UN's releases and audiovisual library,
	// scprocedure.org, Xinhua, the press). No wrong value.
	{22, 37},
	// Round 23: a seeded sample of 35 decisions (seed 20261223): 20 that the
	// record corrects (a finding `corrected` of kind date, meeting,
	// council, symbol, modality, tally, positions or outcome; each
	// corrected field read outside the imported sources: the resolutions
	// as printed, the UN's releases, UN News, Security Council Report) and
	// 15 split votes of 1994–1999 and 2009–2015 with every member's
	// position (the UN's releases in English and French, the audiovisual
	// library, the press); and round 22's S/RES/1543 (2004), read in the
	// French volume of 2003–2004. No wrong value.
	{23, 34},
	// Round 24: Wikipedia read against the record: the opening of "List
	// of United Nations Security Council Resolutions 401 to 500" (the only
	// list page the search tool holds) and the English Wikipedia's pages on
	// single resolutions (infobox and text) and their copies, 92
	// resolutions of 1946-2025: date, meeting, count, members named and
	// modality. Two disagreements, both Wikipedia's errors, decided by the
	// resolution as printed (S/RES/157 (1960)'s date, S/RES/338 (1973)'s
	// China not participating); their lines are the printed text's. No
	// wrong value in the record.
	{24, 92},
	// Round 25: Wikipedia again, on a seeded sample (seed 20261225) of 70
	// resolutions no earlier round's sources file has a line for: 35
	// split votes, 18 adoptions without a vote or by acclamation, 17
	// unanimous, spread over the decades. 54 lines: Wikipedia's pages
	// (English, their copies, and other languages where the query returned
	// no English page), else the printed text or the UN's release the
	// query returned. Four disagreements were Wikipedia's errors, decided
	// by the resolution as printed, the volume of 1986 or the release
	// (S/RES/208 (1965) and 591 (1986): without a vote, not unanimous;
	// 395 (1976): by consensus; 2081 (2012): the 6889th meeting, not the
	// 6885th); their lines are the official pages'. S/RES/2403 (2018)'s
	// modality is not settled (its line gives date and meeting). No wrong
	// value in the record.
	{25, 54},
}

func TestAuditRoundsInRealRecord(t *testing.T) {
	decisions := record.Reconcile(realReports(t))
	for _, r := range auditRounds {
		t.Run(fmt.Sprintf("round%d", r.round), func(t *testing.T) {
			path := fmt.Sprintf("testdata/audit%d_sources.tsv", r.round)
			want := checksByDecision(t, path, releaseLines(t, path), r.lines, fmt.Sprintf("the %d of the file", r.lines))
			checkEach(t, decisions, want)
		})
	}
}

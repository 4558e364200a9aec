package web_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestChamberBrowser runs a meeting in Chromium: the President, fifteen
// delegations and a projector, each page in a browser context of its own
// (its own cookies), all tabs of one browser. Roll call; a draft and an
// amendment; the amendment fails without a veto; the draft is adopted over
// a permanent member's abstention; a second draft is vetoed; a procedural
// motion is carried over two permanent members' "no". Delegations vote
// from their pages, at once. The projector shows each outcome and each
// member's vote without reloading, and a delegate who reloads mid-vote
// sees the vote as it stands, its own ballot included, and may change it.
func TestChamberBrowser(t *testing.T) {
	start := time.Now()
	phase := func(what string) { t.Logf("%5.1fs %s", time.Since(start).Seconds(), what) }
	srv := chamberServer(t, 100000, nil)
	code, body := call(t, "POST", srv.URL+"/api/v1/sessions", adminToken, `{"date":"2024-03-25"}`)
	if code != 201 {
		t.Fatalf("create: %d %s", code, body)
	}
	var c struct {
		ID       string `json:"id"`
		ChairURL string `json:"chair_url"`
		Seats    []struct {
			Code string `json:"code"`
			URL  string `json:"url"`
		} `json:"seats"`
	}
	if err := json.Unmarshal(body, &c); err != nil || len(c.Seats) != 15 {
		t.Fatalf("create: %v, %d seats in %s", err, len(c.Seats), body)
	}
	var codes []string
	for _, s := range c.Seats {
		codes = append(codes, s.Code)
	}

	// Every page a tab of one browser, in a browser context of its own,
	// opened at once.
	root := browser(t)
	type tab struct {
		name, path string
		ctx        context.Context
	}
	pages := []*tab{{name: "chair", path: c.ChairURL}, {name: "projector", path: "/chamber/" + c.ID + "/projector"}}
	for _, s := range c.Seats {
		pages = append(pages, &tab{name: s.Code, path: s.URL})
	}
	for _, p := range pages {
		ctx, cancel := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		p.ctx = ctx
	}
	if err := parallel(len(pages), func(i int) error {
		p := pages[i]
		// The test reads the pages by evaluating scripts, not through
		// chromedp's DOM: its DOM, CSS and network events, sent for every
		// change of seventeen pages, would cost more than the pages.
		for _, cmd := range []cdp.Command[cdp.Empty, cdp.Empty]{dom.Disable, css.Disable, network.Disable} {
			if _, err := chromedp.Call(p.ctx, cmd, cdp.Empty{}); err != nil {
				return fmt.Errorf("the %s's tab: %s: %w", p.name, cmd.Method, err)
			}
		}
		if err := watchCSP(p.ctx); err != nil {
			return err
		}
		// Delegations on phones, the President on a laptop, the
		// projector full HD.
		w, h, phone := int64(360), int64(780), true
		switch p.name {
		case "chair":
			w, h, phone = 1280, 800, false
		case "projector":
			w, h, phone = 1920, 1080, false
		}
		opts := []chromedp.EmulateViewportOption{}
		if phone {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(w, h, opts...)); err != nil {
			return fmt.Errorf("the %s's tab: %w", p.name, err)
		}
		if _, err := chromedp.Call(p.ctx, page.Navigate, page.NavigateParams{URL: srv.URL + p.path}); err != nil {
			return fmt.Errorf("opening the %s's page %s: %w", p.name, p.path, err)
		}
		// The mark is gone if the page is ever loaded again.
		err := loaded(p.ctx)
		if err == nil {
			_, err = chromedp.Run(p.ctx, chromedp.Evaluate[bool](`window.__unsc_mark = true`))
		}
		if err != nil {
			return fmt.Errorf("opening the %s's page %s: %w", p.name, p.path, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	chair, projector := pages[0].ctx, pages[1].ctx
	seats := map[string]context.Context{}
	for _, p := range pages[2:] {
		seats[p.name] = p.ctx
	}
	phase("seventeen pages open")

	// waitFor waits until an expression is true in a page, looking at it
	// again each time the page changes.
	waitFor := func(ctx context.Context, what, expr string) error {
		if err := until(ctx, expr); err != nil {
			shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById("chamber") || document.body).innerText.slice(0, 1500)`))
			return fmt.Errorf("waiting for %s: %w\nthe page shows:\n%s", what, err, shown)
		}
		return nil
	}
	wait := func(ctx context.Context, what, expr string) {
		t.Helper()
		if err := waitFor(ctx, what, expr); err != nil {
			t.Fatal(err)
		}
	}
	// press presses the button a page offers, once it offers it.
	press := func(ctx context.Context, sel string) error {
		if err := waitFor(ctx, "the button "+sel, `!!document.querySelector(`+jsString(sel)+`)`); err != nil {
			return err
		}
		_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(`+jsString(sel)+`).click(), true`))
		return err
	}
	click := func(ctx context.Context, sel string) {
		t.Helper()
		if err := press(ctx, sel); err != nil {
			t.Fatalf("pressing %s: %v", sel, err)
		}
	}
	typeIn := func(ctx context.Context, sel, text string) {
		t.Helper()
		wait(ctx, sel, `!!document.querySelector(`+jsString(sel)+`)`)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector(`+jsString(sel)+`).value = `+jsString(text)+`, true`)); err != nil {
			t.Fatal(err)
		}
	}
	seqOf := func(ctx context.Context) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`parseInt(document.getElementById("chamber").dataset.seq || "0", 10)`))
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	// act presses a button and waits for the chair's page to show the
	// event it causes.
	act := func(ctx context.Context, sel string) {
		t.Helper()
		before := seqOf(chair)
		click(ctx, sel)
		wait(chair, "the event of "+sel, fmt.Sprintf(`parseInt(document.getElementById("chamber").dataset.seq || "0", 10) > %d`, before))
	}
	// shown reads the members' positions a page's tally shows.
	shown := func(ctx context.Context) map[string]string {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`Object.fromEntries(Array.from(document.querySelectorAll("#tally-members li")).map(li => [li.dataset.code, (li.className.match(/pos-(\w)/) || [])[1] || ""]))`))
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	openOn := func(n int) string {
		return fmt.Sprintf(`document.getElementById("vote").dataset.open === "true" && document.getElementById("vote-id").textContent.startsWith("%d ")`, n)
	}
	// vote has every delegation not in done vote from its page, all at
	// once, Y unless ballots says otherwise; the chair closes the vote; the
	// projector must show the outcome want and each member's vote.
	vote := func(n int, ballots map[string]string, want string, done ...string) {
		t.Helper()
		final := map[string]string{}
		var voters []string
		for _, code := range codes {
			final[code] = ballots[code]
			if final[code] == "" {
				final[code] = "Y"
			}
			if !slices.Contains(done, code) {
				voters = append(voters, code)
			}
		}
		if err := parallel(len(voters), func(i int) error {
			code := voters[i]
			// The page must show this vote open before its buttons are
			// this vote's.
			if err := waitFor(seats[code], fmt.Sprintf("vote %d open on %s's page", n, code), openOn(n)); err != nil {
				return err
			}
			return press(seats[code], `button[data-action="cast-ballot"][data-position="`+final[code]+`"]`)
		}); err != nil {
			t.Fatal(err)
		}
		wait(chair, "every ballot", `document.getElementById("tally-needs").textContent.includes("not voted yet: none")`)
		act(chair, `button[data-action="close-vote"]`)
		wait(projector, fmt.Sprintf("the projector showing vote %d %s", n, want),
			fmt.Sprintf(`document.getElementById("result").dataset.vote === "%d" && document.getElementById("result").dataset.outcome === %s`, n, jsString(want)))
		if got := shown(projector); fmt.Sprint(got) != fmt.Sprint(final) {
			t.Errorf("vote %d: the projector shows the members' votes %v, want %v", n, got, final)
		}
		phase(fmt.Sprintf("vote %d: %s", n, want))
	}

	act(chair, `button[data-action="open-meeting"]`)
	act(chair, `button[data-action="call-roll"]`)
	if err := parallel(len(codes), func(i int) error {
		return press(seats[codes[i]], `button[data-action="answer-roll"]`)
	}); err != nil {
		t.Fatal(err)
	}
	wait(chair, "fifteen present", `document.getElementById("roll").dataset.present === "15"`)
	act(chair, `button[data-action="close-roll"]`)
	phase("roll call")
	typeIn(chair, `input[data-for="propose-agenda"]`, "The situation in the Middle East, including the Palestinian question")
	act(chair, `button[data-action="propose-agenda"]`)
	act(chair, `button[data-action="adopt-agenda"]`)
	typeIn(seats["MOZ"], `textarea[data-for="table-draft"]`, "S/2024/254\nDemands an immediate ceasefire for the month of Ramadan\nDemands the release of all hostages")
	act(seats["MOZ"], `button[data-action="table-draft"]`)
	typeIn(seats["RUS"], `input[data-for="propose-amendment"]`, "Calls for a permanent ceasefire")
	act(seats["RUS"], `button[data-action="propose-amendment"]`)
	wait(projector, "the draft and its amendment", `document.getElementById("drafts").textContent.includes("S/2024/254") && document.getElementById("drafts").textContent.includes("Calls for a permanent ceasefire")`)
	phase("agenda, draft, amendment")

	// The amendment, 3-1-11, the US against: failed, no veto.
	act(chair, `button[data-action="open-vote"][data-kind="amendment"]`)
	am := map[string]string{"RUS": "Y", "CHN": "Y", "DZA": "Y", "USA": "N"}
	for _, code := range codes {
		if am[code] == "" {
			am[code] = "A"
		}
	}
	vote(1, am, "failed")
	if got := text(t, projector, "#result-outcome"); strings.Contains(got, "veto") {
		t.Errorf("the amendment: the projector says %q; a permanent member's no on an amendment is no veto", got)
	}
	// The draft, 14-0-1, the US abstaining: adopted.
	act(chair, `button[data-action="open-vote"][data-kind="draft"]`)
	vote(2, map[string]string{"USA": "A"}, "adopted")
	if got := text(t, projector, "#result-statement"); !strings.Contains(got, "adopted as resolution") || !strings.Contains(got, "14 votes in favour") {
		t.Errorf("projector statement %q, want the count and the resolution", got)
	}
	if y, a := text(t, projector, "#tally-yes"), text(t, projector, "#tally-abstain"); y != "14" || a != "1" {
		t.Errorf("the projector's tally %s in favour, %s abstaining; want 14 and 1", y, a)
	}

	// A second draft, vetoed. France votes, reloads its page mid-vote,
	// finds the vote as it stands, and changes its vote.
	typeIn(seats["DZA"], `textarea[data-for="table-draft"]`, "S/2024/999\nDemands an immediate humanitarian ceasefire")
	act(seats["DZA"], `button[data-action="table-draft"]`)
	act(chair, `button[data-action="open-vote"][data-kind="draft"]`)
	early := map[string]string{"FRA": "A", "USA": "N", "CHN": "Y"}
	for _, code := range []string{"FRA", "USA", "CHN"} {
		wait(seats[code], "vote 3 open on "+code+"'s page", openOn(3))
		act(seats[code], `button[data-action="cast-ballot"][data-position="`+early[code]+`"]`)
	}
	if _, err := chromedp.Run(seats["FRA"], chromedp.Evaluate[bool](`location.reload(), true`)); err != nil {
		t.Fatal(err)
	}
	if err := loaded(seats["FRA"]); err != nil {
		t.Fatal(err)
	}
	wait(seats["FRA"], "the reloaded page showing the vote as it stands", openOn(3)+
		` && document.querySelectorAll('#tally-members li[class*="pos-"]').length === 3`+
		` && !!document.querySelector('button[data-action="cast-ballot"][data-position="A"][aria-pressed="true"]')`)
	if got := shown(seats["FRA"]); got["FRA"] != "A" || got["USA"] != "N" || got["CHN"] != "Y" {
		t.Errorf("the reloaded page shows %v, want FRA A, USA N, CHN Y and no one else", got)
	}
	phase("a delegate reloads mid-vote")
	vote(3, map[string]string{"USA": "N", "GBR": "A"}, "vetoed", "USA", "CHN")
	if got := text(t, projector, "#result-statement"); !strings.Contains(got, "negative vote of a permanent member") {
		t.Errorf("projector statement after the veto %q", got)
	}
	if got := text(t, projector, "#result-outcome"); !strings.Contains(got, "United States") && !strings.Contains(got, "USA") {
		t.Errorf("projector outcome after the veto %q, want the United States named", got)
	}

	// A procedural vote carried over two permanent members' "no".
	click(seats["GBR"], `button[data-action="move"][data-motion="postpone"]`)
	act(chair, `button[data-action="open-vote"][data-kind="motion"]`)
	vote(4, map[string]string{"CHN": "N", "RUS": "N", "DZA": "N", "MOZ": "N", "GUY": "A"}, "adopted")
	if got := text(t, projector, "#result-outcome"); strings.Contains(got, "veto") {
		t.Errorf("procedural vote: projector says %q", got)
	}

	// The projector was never reloaded; no page broke its
	// Content-Security-Policy.
	for _, p := range pages {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`window.__unsc_mark === true || `+jsString(p.name)+` === "FRA"`))
		if err != nil || !ok {
			t.Errorf("the %s's page was loaded again (%v)", p.name, err)
		}
		v, _ := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
		if len(v) > 0 {
			t.Errorf("%s page: CSP violations %v", p.name, v)
		}
	}
	// A few screenshots: the projector, the chair's console, a
	// delegation's page.
	dir := artifacts(t)
	for _, p := range []*tab{pages[0], pages[1], pages[2]} {
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot of the %s's page: %v", p.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, "chamber-"+strings.ToLower(p.name)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	phase("checked")
}

// loaded waits for a tab to have loaded a chamber page (a new one: a page
// loaded again has lost window.__unsc_mark). Across the navigation an
// evaluation may fail: it asks again.
func loaded(ctx context.Context) error {
	var err error
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete" && !!document.getElementById("chamber") && !window.__unsc_mark`))
		if err == nil && ok {
			return nil
		}
	}
	return fmt.Errorf("no chamber page loaded within a minute (%v)", err)
}

// until waits, at most a minute, for a JavaScript expression to be true in
// a tab's page, looking at it again each time the page changes.
func until(ctx context.Context, expr string) error {
	js := `new Promise(resolve => {
	const check = () => { try { return !!(` + expr + `); } catch (e) { return false; } };
	if (check()) return resolve(true);
	const o = new MutationObserver(() => { if (check()) { o.disconnect(); resolve(true); } });
	o.observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
	setTimeout(() => { o.disconnect(); resolve(check()); }, 60000);
})`
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
	if err == nil && !ok {
		err = errors.New("still false after a minute")
	}
	return err
}

// parallel runs f(0) … f(n-1) at once and returns the first error.
func parallel(n int, f func(i int) error) error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = f(i) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

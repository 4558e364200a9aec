package web_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The pages in a real browser: Debian's chromium driven by chromedp, over
// a real server on the full reference record. Each page is checked for
// the values it shows, for Content-Security-Policy violations, for
// accessibility with axe-core (no serious or critical violation), and for
// fitting a 360 px phone without sideways scrolling; screenshots at phone
// and projector sizes are saved as test artifacts.

// axeSource is axe-core, vendored from npm (web/testdata/axe-core: its
// version and licence are recorded there).
//
//go:embed testdata/axe-core/axe.min.js
var axeSource string

// browser starts a headless chromium, or skips the test when none is
// installed. The flags keep it off the network: the sandbox refuses its
// background connections.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("skipped: chromium is not installed (apt-get install -y chromium); the browser tests need it")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1920, 1080),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
	})
	if err := watchCSP(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// watchCSP records every CSP violation the pages of a tab cause, in
// window.__csp.
func watchCSP(ctx context.Context) error {
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	return err
}

// artifacts returns the folder screenshots are saved in: $UNSC_ARTIFACTS,
// else one under the system's temporary folder.
func artifacts(t *testing.T) string {
	dir := os.Getenv("UNSC_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "unsc-artifacts")
	}
	dir = filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// axeViolation is one violation axe-core reports.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// checkPage runs the checks every page must pass on the page loaded: no
// CSP violation, no serious or critical axe-core violation, no sideways
// scrolling at 360 px; and saves its screenshots.
func checkPage(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	csp, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
	if err != nil {
		t.Fatalf("%s: reading CSP violations: %v", name, err)
	}
	if len(csp) > 0 {
		t.Errorf("%s: the page violates its Content-Security-Policy: %v", name, csp)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
		t.Fatalf("%s: loading axe-core: %v", name, err)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe-core: %v", name, err)
	}
	for _, v := range violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, fmt.Sprint(n.Target)+" "+n.HTML)
			}
			t.Errorf("%s: axe-core %s violation %s (%s) at %s", name, v.Impact, v.ID, v.Help, strings.Join(where, "; "))
		}
	}
	dir := artifacts(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1920, 1080)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	projector, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("%s: screenshot: %v", name, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile), chromedp.Sleep(100*time.Millisecond)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	phone, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("%s: screenshot: %v", name, err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if overflow > 0 {
		wide, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("body *")).filter(e => !e.closest(".scroll") && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 6).map(e => e.tagName + " " + e.getAttribute("class") + " " + Math.round(e.getBoundingClientRect().right))`))
		t.Errorf("%s: at 360 px the page is %d px wider than the screen: %q", name, overflow, wide)
	}
	file := regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(name), "-")
	if err := os.WriteFile(filepath.Join(dir, file+"-1920x1080.png"), projector, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, file+"-360.png"), phone, 0o644); err != nil {
		t.Fatal(err)
	}
}

func texts(ctx context.Context, sel string) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(`+jsString(sel)+`)).map(e => e.textContent.trim())`))
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(`+jsString(sel)+`) || {textContent: ""}).textContent.trim()`))
	if err != nil {
		t.Fatalf("reading %s: %v", sel, err)
	}
	return s
}

// submit clicks a form's button and waits for the page it leads to.
func submit(t *testing.T, ctx context.Context, button string) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__stale = true`), chromedp.Click(button))
	if err != nil {
		t.Fatalf("clicking %s: %v", button, err)
	}
	// Across the navigation an evaluation may fail: ask again until the
	// new page has loaded.
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__stale === undefined && document.readyState === "complete"`))
		if err == nil && done {
			return
		}
	}
	t.Fatalf("no new page after %s", button)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBrowser(t *testing.T) {
	srv := newServer(t, webConfig(hostileRecord()))
	ctx := browser(t)
	t.Logf("screenshots in %s", artifacts(t))
	open := func(t *testing.T, path string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitReady("main")); err != nil {
			t.Fatalf("opening %s: %v", path, err)
		}
	}

	t.Run("home", func(t *testing.T) {
		open(t, "/")
		h1, _ := texts(ctx, "h1")
		if len(h1) != 1 || !strings.Contains(h1[0], "Security Council") {
			t.Errorf("home: h1 = %q, want one heading naming the Security Council", h1)
		}
		bars, _ := texts(ctx, "figure.chart rect title")
		if len(bars) < 50 {
			t.Errorf("home: the veto chart has %d bars, want one per member and year with vetoes (50 or more)", len(bars))
		}
		latest, _ := texts(ctx, "ol.decisions li")
		if len(latest) == 0 {
			t.Errorf("home: no latest decisions listed")
		}
		checkPage(t, ctx, "home")
	})

	t.Run("resolution 2728", func(t *testing.T) {
		open(t, "/S/RES/2728(2024)")
		lede := text(t, ctx, "p.lede")
		if !strings.Contains(lede, "Adopted") || !strings.Contains(lede, "14 in favour") {
			t.Errorf("2728: summary = %q, want it adopted with 14 in favour", lede)
		}
		main := "main > article.decision "
		yes, _ := texts(ctx, main+".seat.pY .name")
		abst, _ := texts(ctx, main+".seat.pA .name")
		if len(yes) != 14 {
			t.Errorf("2728: %d members shown in favour (%v), want 14", len(yes), yes)
		}
		if len(abst) != 1 || abst[0] != "United States" {
			t.Errorf("2728: members shown abstaining = %q, want [United States]", abst)
		}
		amend, _ := texts(ctx, "section.amendments article.decision h2")
		if len(amend) != 1 || !strings.Contains(amend[0], "S/2024/254") {
			t.Errorf("2728: amendments shown = %q, want the amendment to S/2024/254 voted before it", amend)
		}
		checkPage(t, ctx, "S-RES-2728")
	})

	t.Run("draft S/2024/239", func(t *testing.T) {
		open(t, "/S/2024/239")
		badge := text(t, ctx, "article.decision h2 .badge")
		if badge != "Vetoed by China and the Russian Federation" {
			t.Errorf("S/2024/239: outcome shown %q, want vetoed by China and the Russian Federation", badge)
		}
		against, _ := texts(ctx, "article.decision .seat.pN.permanent .name")
		if strings.Join(against, ",") != "China,Russian Federation" {
			t.Errorf("S/2024/239: permanent members shown against = %q, want China and the Russian Federation", against)
		}
		checkPage(t, ctx, "S-2024-239")
	})

	t.Run("meeting S/PV.9584", func(t *testing.T) {
		open(t, "/S/PV.9584")
		h2, _ := texts(ctx, "article.decision h2")
		if len(h2) == 0 || !strings.Contains(h2[0], "S/2024/239") {
			t.Errorf("S/PV.9584: decisions shown %q, want the vote on S/2024/239", h2)
		}
		checkPage(t, ctx, "S-PV-9584")
	})

	t.Run("search form and links", func(t *testing.T) {
		open(t, "/decisions")
		if err := chromedp.Do(ctx, chromedp.SendKeys("#q", "Syria"), chromedp.SetValue("#outcome", "vetoed")); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `form.filters button[type="submit"]`)
		url, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(url, "q=Syria") || !strings.Contains(url, "outcome=vetoed") || strings.Contains(url, "matter=") {
			t.Errorf("search: the form led to %s, want its filters in the query and empty ones left out", url)
		}
		found, _ := texts(ctx, "ol.decisions li .badge")
		if len(found) == 0 {
			t.Fatalf("search: no vetoed draft on Syria found")
		}
		for _, b := range found {
			if !strings.HasPrefix(b, "Vetoed") {
				t.Errorf("search for vetoed drafts shows %q", b)
			}
		}
		checkPage(t, ctx, "decisions-search")
		submit(t, ctx, "ol.decisions li a")
		h1 := text(t, ctx, "h1")
		if !strings.Contains(h1, "S/") {
			t.Errorf("following a result led to a page headed %q, want a symbol", h1)
		}
	})

	t.Run("hostile text", func(t *testing.T) {
		open(t, hostileSymbolPath)
		agenda := text(t, ctx, "article.decision dl.facts")
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.__pwned`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(agenda, hostileAgenda) {
			t.Errorf("hostile text: the agenda shown is %q, want the text %q as written", agenda, hostileAgenda)
		}
		if pwned != nil {
			t.Errorf("hostile text ran as script: window.__pwned = %v", pwned)
		}
		checkPage(t, ctx, "hostile")
	})

	t.Run("vetoes: counting rule switch and filters", func(t *testing.T) {
		open(t, "/vetoes")
		all := text(t, ctx, ".big-number")
		submit(t, ctx, `.switch a[href*="rule=drafts"]`)
		drafts := text(t, ctx, ".big-number")
		if n, m := atoi(all), atoi(drafts); n <= m || m == 0 {
			t.Errorf("vetoes: %d negative votes cast and %d drafts vetoed, want more votes than drafts (joint vetoes)", n, m)
		}
		if rule := text(t, ctx, "p.rule"); !strings.Contains(rule, "Each vetoed proposal counts once") {
			t.Errorf("vetoes: the rule under the chart reads %q, want the drafts rule named", rule)
		}
		marks, _ := texts(ctx, "ol.marks li")
		if len(marks) != 4 {
			t.Errorf("vetoes: %d marks on the chart (%q), want 1966, 1971, 1991 and April 2022", len(marks), marks)
		}
		if err := chromedp.Do(ctx, chromedp.SetValue("#member", "USA"), chromedp.SetValue("#from", "2023-01-01")); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `form.filters button[type="submit"]`)
		if h1 := text(t, ctx, "h1"); h1 != "Vetoes cast by United States" {
			t.Errorf("vetoes filtered by member: h1 = %q", h1)
		}
		rows, _ := texts(ctx, "table.list tbody tr td:nth-child(2)")
		if !slices.ContainsFunc(rows, func(s string) bool { return strings.HasPrefix(s, "S/2023/970") }) {
			t.Errorf("vetoes by the United States since 2023: %q, want S/2023/970 among them", rows)
		}
		checkPage(t, ctx, "vetoes")
	})

	t.Run("try a ballot", func(t *testing.T) {
		open(t, "/rules/try?case=11")
		if badge := text(t, ctx, "section.ballot .badge"); badge != "Vetoed by China and the Russian Federation" {
			t.Fatalf("the ballot of case 11 decides %q", badge)
		}
		// China abstains instead: still a veto, by the Russian Federation alone.
		if err := chromedp.Do(ctx, chromedp.SetValue("#v-CHN", "A")); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `form.ballot-form button[type="submit"]`)
		if badge := text(t, ctx, "section.ballot .badge"); badge != "Vetoed by the Russian Federation" {
			t.Errorf("with China abstaining the engine decides %q, want a veto by the Russian Federation", badge)
		}
		if plain := text(t, ctx, "section.ballot p.plain"); !strings.Contains(plain, "China abstained") {
			t.Errorf("the plain words %q do not say that China's abstention is no veto", plain)
		}
		checkPage(t, ctx, "try")
	})

	t.Run("fact-check", func(t *testing.T) {
		open(t, "/fact-check")
		if err := chromedp.Do(ctx, chromedp.SendKeys("#claim", "USA, 87, as of 2024-03-25")); err != nil {
			t.Fatal(err)
		}
		submit(t, ctx, `form.factcheck button[type="submit"]`)
		if v := text(t, ctx, "p.verdict"); !strings.HasPrefix(v, "The record supports 87") {
			t.Errorf("fact-check of USA, 87, as of 2024-03-25: %q", v)
		}
		matches, _ := texts(ctx, "table.counts td.match")
		if len(matches) == 0 {
			t.Errorf("fact-check: no count marked as matching")
		}
		checkPage(t, ctx, "fact-check")
	})

	for _, p := range []struct{ path, h1 string }{
		{"/members", "Members of the Council since 1946"},
		{"/members/SUN+RUS", "USSR / Russian Federation on the Security Council"},
		{"/agreement?from=2000-01-01", "How often members vote alike"},
		{"/trends", "The Council year by year"},
		{"/whatif?rules=two-vetoes", "What if the rules were different?"},
		{"/initiative", "The veto initiative"},
		{"/council?date=1971-12-01", "The Council on 1 December 1971"},
		{"/rules", "How the Security Council decides"},
		{"/rules/3", "Korea: adopted with the USSR absent"},
	} {
		t.Run(p.path, func(t *testing.T) {
			open(t, p.path)
			if h1 := text(t, ctx, "h1"); h1 != p.h1 {
				t.Errorf("%s: h1 = %q, want %q", p.path, h1, p.h1)
			}
			checkPage(t, ctx, p.path)
		})
	}

	t.Run("not found", func(t *testing.T) {
		open(t, "/S/RES/99999(2099)")
		links, _ := texts(ctx, "main ul li a")
		if len(links) < 3 {
			t.Errorf("404: %d suggestions, want a search and the main pages", len(links))
		}
		checkPage(t, ctx, "not-found")
	})
}

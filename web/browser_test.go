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
	// Record every CSP violation a page causes.
	_, err = chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	if err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
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
		t.Errorf("%s: at 360 px the page is %d px wider than the screen", name, overflow)
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
		err := chromedp.Do(ctx,
			chromedp.SendKeys("#q", "Syria"),
			chromedp.SetValue("#outcome", "vetoed"),
			chromedp.Click(`form.filters button[type="submit"]`),
			chromedp.WaitVisible("p.found"),
		)
		if err != nil {
			t.Fatal(err)
		}
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
		if err := chromedp.Do(ctx, chromedp.Click("ol.decisions li a", chromedp.NodeVisible), chromedp.WaitVisible("article.decision")); err != nil {
			t.Fatal(err)
		}
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

	t.Run("not found", func(t *testing.T) {
		open(t, "/S/RES/99999(2099)")
		links, _ := texts(ctx, "main ul li a")
		if len(links) < 3 {
			t.Errorf("404: %d suggestions, want a search and the main pages", len(links))
		}
		checkPage(t, ctx, "not-found")
	})
}

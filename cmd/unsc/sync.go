//go:build !front

package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"unsc"
	"unsc/charter"
	"unsc/internal/lazy"
	"unsc/internal/sourcefiles"
)

var syncCommand = command{
	name:    "sync",
	args:    "[--undl-record URL] [--dhl-base URL] [--dppa URL] [--keep DIR]",
	summary: "Download the current official files from the UN and import them.",
	run:     runSync,
	writes:  true,
}

// The public addresses of the official files. Each can be changed with a
// flag or an environment variable, for mirrors and for tests.
const (
	defaultUNDLRecord = "https://digitallibrary.un.org/record/4055387"
	defaultDHLBase    = "https://www.un.org/depts/dhl/resguide/"
	defaultDPPA       = "https://psdata.un.org/dataset/DPPA-SCMembership/resource/DPPA-SCMembership.csv"
)

// undlFileLink matches the links of the record page to the voting data CSV
// files, such as /record/4055387/files/2025_7_21_sc_voting.csv?ln=en
// (compiled on first use, not at the start of every command).
var undlFileLink = lazy.Value[*regexp.Regexp]{Make: func() *regexp.Regexp {
	return regexp.MustCompile(`href="([^"]*/files/[^"/]*sc_voting[^"/]*\.csv[^"]*)"`)
}}

func runSync(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("sync")
	undlRecord := fs.String("undl-record", envOr("UNSC_UNDL_RECORD", defaultUNDLRecord), "the `URL` of the UN Digital Library record of the Security Council voting data ($UNSC_UNDL_RECORD)")
	dhlBase := fs.String("dhl-base", envOr("UNSC_DHL_BASE", defaultDHLBase), "the `URL` under which the Dag Hammarskjöld Library publishes scactYYYY_table_en.html and scact_veto_table_en.html ($UNSC_DHL_BASE)")
	dppaURL := fs.String("dppa", envOr("UNSC_DPPA_URL", defaultDPPA), "the `URL` of the DPPA Security Council membership CSV ($UNSC_DPPA_URL)")
	keep := fs.String("keep", "", "keep the downloaded files in `DIR` (default: a temporary folder, removed afterwards)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "unsc-sync-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	client := &http.Client{Timeout: 2 * time.Minute}
	dl := downloader{ctx: ctx, client: client, dir: dir, prog: a.startProgress("downloading")}
	defer dl.prog.stop()

	// UN Digital Library: the newest voting data file linked from the record.
	page, err := dl.get(*undlRecord)
	if err != nil {
		return err
	}
	var links []string
	for _, m := range undlFileLink.Get().FindAllSubmatch(page, -1) {
		links = append(links, string(m[1]))
	}
	if len(links) == 0 {
		return unsc.Errorf(unsc.EINVALID, "--undl-record", "%s links to no sc_voting CSV file", *undlRecord)
	}
	// File names begin with their release date (2025_7_21_…); the last in
	// order of release is the newest.
	slices.SortFunc(links, func(x, y string) int { return compareRelease(path.Base(x), path.Base(y)) })
	newest, err := resolve(*undlRecord, links[len(links)-1])
	if err != nil {
		return err
	}
	if err := dl.save(newest, "undl.csv", false); err != nil {
		return err
	}

	// Dag Hammarskjöld Library: one page a year, the 2020 videoconference
	// page and the veto list. Years the library has not published yet are
	// skipped.
	last := time.Now().Year()
	for y := charter.FirstMeeting.Year(); y <= last; y++ {
		name := fmt.Sprintf("scact%d_table_en.html", y)
		u, err := resolve(*dhlBase, name)
		if err != nil {
			return err
		}
		if err := dl.save(u, name, true); err != nil {
			return err
		}
	}
	for _, name := range []string{"scact2020_covid_table_en.html", "scact_veto_table_en.html"} {
		u, err := resolve(*dhlBase, name)
		if err != nil {
			return err
		}
		if err := dl.save(u, name, name == "scact2020_covid_table_en.html"); err != nil {
			return err
		}
	}
	if err := dl.save(*dppaURL, "DPPA-SCMembership.csv", false); err != nil {
		return err
	}
	dl.prog.stop()
	fmt.Fprintf(a.stderr, "downloaded %s (%s) to %s\n", plural(dl.saved, "file", "files"), byteCount(dl.bytes), dir)

	files, err := sourcefiles.Expand([]string{dir})
	if err != nil {
		return err
	}
	sum, _, err := importFiles(ctx, a, files, false, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "%s: %d added, %d updated, %d unchanged%s; %s in the record%s\n", plural(sum.Reports, "report", "reports"), sum.Added, sum.Updated, sum.Unchanged, removed(sum), plural(sum.Decisions, "decision", "decisions"), rederived(sum))
	return nil
}

// downloader saves files from the network into a folder.
type downloader struct {
	ctx    context.Context
	client *http.Client
	dir    string
	saved  int
	bytes  int64
	// prog shows what is being downloaded.
	prog *progress
}

func (d *downloader) request(u string) (*http.Response, error) {
	if d.prog != nil {
		d.prog.set("downloading %s (%s so far)", path.Base(u), plural(d.saved, "file", "files"))
	}
	req, err := http.NewRequestWithContext(d.ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, u, "%v", err)
	}
	req.Header.Set("User-Agent", "unsc (UN Security Council record; +https://github.com/)")
	resp, err := d.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("download %s: %w", u, err)
	}
	return resp, nil
}

// get returns the body of a page.
func (d *downloader) get(u string) ([]byte, error) {
	resp, err := d.request(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", u, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 16<<20))
}

// save downloads u into the folder as name. A missing optional file (404)
// is skipped.
func (d *downloader) save(u, name string, optional bool) error {
	resp, err := d.request(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound && optional {
		return nil
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("download %s: %s", u, resp.Status)
	}
	f, err := os.Create(filepath.Join(d.dir, name))
	if err != nil {
		return err
	}
	n, err := io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("download %s: %w", u, err)
	}
	d.saved++
	d.bytes += n
	return nil
}

// resolve returns ref relative to base.
func resolve(base, ref string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", unsc.Errorf(unsc.EINVALID, base, "not a URL: %v", err)
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", unsc.Errorf(unsc.EINVALID, ref, "not a URL: %v", err)
	}
	if b.Path != "" && !regexp.MustCompile(`/$`).MatchString(b.Path) && path.Ext(b.Path) == "" && !r.IsAbs() && !regexp.MustCompile(`^/`).MatchString(ref) {
		b.Path += "/"
	}
	return b.ResolveReference(r).String(), nil
}

var releaseDate = lazy.Value[*regexp.Regexp]{Make: func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})_(\d{1,2})_(\d{1,2})_`) }}

// compareRelease orders voting data file names by the release date they
// begin with (2025_7_21_sc_voting.csv before 2025_11_25_sc_voting.csv).
func compareRelease(x, y string) int {
	key := func(s string) int {
		m := releaseDate.Get().FindStringSubmatch(s)
		if m == nil {
			return 0
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return y*10000 + mo*100 + d
	}
	if c := key(x) - key(y); c != 0 {
		return c
	}
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func byteCount(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

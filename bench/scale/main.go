// Command scale writes a scaled record for benchmarks: the UN Digital
// Library's voting data (the layout of record 4055387) repeated K times,
// each copy after the first with new symbols, so that unsc and the sqlite3
// baseline can be measured on a record K times today's.
//
//	go run ./bench/scale -k 30 -out /tmp/unsc30 [-data ../shared/data]
//
// The folder it writes holds the shared data's other sources as they are
// (copied) and, in place of the UN Digital Library file, one
// file of K copies of it. Copy k (from 0) keeps every row's date, member and
// vote, and moves its identifiers out of the way of every other copy:
// undl_id + k×10,000,000, resolution number + k×10,000, draft number +
// k×10,000 and meeting number + k×100,000. A description headed with the
// row's own resolution ("Security Council resolution 82 (1950) [...]") is
// headed with the copy's, so that the copies' titles are as right, or as
// wrong, as the original's.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

const undlFile = "undl-sc-votes-crawled/sc_voting_crawled_undl_layout.csv"

func main() {
	k := flag.Int("k", 30, "how many copies of the UN Digital Library file")
	out := flag.String("out", "", "the folder to write (created)")
	data := flag.String("data", "", "the shared data folder (default: ../shared/data beside the checkout, or $UNSC_SHARED_DATA)")
	flag.Parse()
	if *out == "" || *k < 1 {
		fmt.Fprintln(os.Stderr, "usage: scale -k K -out DIR [-data DIR]")
		os.Exit(2)
	}
	if *data == "" {
		*data = os.Getenv("UNSC_SHARED_DATA")
	}
	if *data == "" {
		*data = filepath.Join("..", "shared", "data")
	}
	if err := run(*k, *data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

func run(k int, data, out string) error {
	data, err := filepath.Abs(data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// Every other source as it is.
	err = filepath.WalkDir(data, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(data, path)
		if err != nil || strings.HasPrefix(rel, filepath.Dir(undlFile)+string(filepath.Separator)) {
			return err
		}
		return copyFile(path, filepath.Join(out, rel))
	})
	if err != nil {
		return err
	}
	in, err := os.Open(filepath.Join(data, undlFile))
	if err != nil {
		return err
	}
	defer in.Close()
	rows, err := csv.NewReader(bufio.NewReader(in)).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", undlFile, err)
	}
	if len(rows) < 2 {
		return fmt.Errorf("%s: no rows", undlFile)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"undl_id", "resolution", "draft", "meeting", "undl_link", "description"} {
		if _, ok := col[name]; !ok {
			return fmt.Errorf("%s: no column %s", undlFile, name)
		}
	}
	dst := filepath.Join(out, undlFile)
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.Create(dst)
	if err != nil {
		return err
	}
	w := csv.NewWriter(bufio.NewWriterSize(f, 1<<20))
	if err := w.Write(rows[0]); err != nil {
		return err
	}
	for copy := range k {
		for _, r := range rows[1:] {
			r = append([]string(nil), r...)
			if copy > 0 {
				r[col["undl_id"]] = shift(r[col["undl_id"]], copy*10_000_000)
				r[col["undl_link"]] = shiftLast(r[col["undl_link"]], copy*10_000_000)
				r[col["description"]] = shiftHead(r[col["description"]], r[col["resolution"]], copy*10_000)
				r[col["resolution"]] = shiftLast(r[col["resolution"]], copy*10_000)
				r[col["draft"]] = shiftLast(r[col["draft"]], copy*10_000)
				r[col["meeting"]] = shiftLast(r[col["meeting"]], copy*100_000)
			}
			if err := w.Write(r); err != nil {
				return err
			}
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func shift(s string, by int) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return strconv.Itoa(n + by)
}

// number finds the number a symbol is known by: the first run of digits
// after the last '/' or '.', not a year in parentheses.
var number = regexp.MustCompile(`^(.*[/.])(\d+)(\D*(?:\(\d{4}\))?\s*)$`)

// shiftLast adds by to the symbol's own number: S/RES/82(1950) →
// S/RES/10082(1950), S/2024/239 → S/2024/10239, S/PV.9586 → S/PV.109586.
func shiftLast(s string, by int) string {
	s = strings.TrimSpace(s)
	m := number.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	n, _ := strconv.Atoi(m[2])
	return m[1] + strconv.Itoa(n+by) + m[3]
}

// head is the head of a resolution's description in the Library's file.
var head = regexp.MustCompile(`^(Security Council resolution )(\d+)(\s*\(\d{4}\))`)

// shiftHead adds by to the number a description is headed with, where it
// is the number of the row's resolution (res): "Security Council
// resolution 82 (1950) [...]" of S/RES/82(1950) → "Security Council
// resolution 10082 (1950) [...]". A head naming another resolution is left
// as it is.
func shiftHead(desc, res string, by int) string {
	h := head.FindStringSubmatch(desc)
	m := number.FindStringSubmatch(strings.TrimSpace(res))
	if h == nil || m == nil || h[2] != m[2] {
		return desc
	}
	n, _ := strconv.Atoi(h[2])
	return h[1] + strconv.Itoa(n+by) + desc[len(h[1])+len(h[2]):]
}

// Package sourcefiles reads the files unsc imports: it recognises each
// file's format by its content, expands folders into the files under them,
// and parses the files into reports, in an order and with names that depend
// neither on where the files are nor on the order they were given in. `unsc
// import`, `unsc sync` and the generator of the record built into unsc
// (package embedded) read files through it, so that they read the same files
// the same way.
package sourcefiles

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"unsc"
	"unsc/crunsc"
	"unsc/dhl"
	"unsc/dppa"
	"unsc/emilytong"
	"unsc/record"
	"unsc/scvotes"
	"unsc/undl"
	"unsc/wpd"
)

// format is a file format unsc imports, recognised by its content.
type format struct {
	name  string
	sniff func(head []byte) bool
	// html is true for the DHL pages, which sniff recognises only in a
	// head that holds "<table".
	html bool
	// parse reads reports; nil for formats that carry no reports.
	parse func(r io.Reader, name string) ([]unsc.Report, error)
	// rows reads DPPA membership rows; nil for other formats.
	rows func(r io.Reader, name string) ([]dppa.Row, error)
}

// formats lists the supported formats, most specific first.
var formats = []format{
	{name: "UN Digital Library voting data", sniff: undl.Sniff, parse: undl.Parse},
	{name: "1994–2025 per-member spreadsheet", sniff: scvotes.Sniff, parse: scvotes.Parse},
	{name: "hand-entered failed drafts (Emily Tong)", sniff: emilytong.Sniff, parse: emilytong.Parse},
	{name: "World Politics Data Lab veto list", sniff: wpd.Sniff, parse: wpd.Parse},
	{name: "CR-UNSC links to the UN Digital Library", sniff: crunsc.Sniff, parse: crunsc.Parse},
	{name: "DHL meetings and actions page", sniff: dhl.SniffMeetings, parse: dhl.ParseMeetings, html: true},
	{name: "DHL veto list", sniff: dhl.SniffVetoes, parse: dhl.ParseVetoes, html: true},
	{name: "DPPA membership", sniff: dppa.Sniff, rows: dppa.Parse},
}

// sniffLen is how much of a file is read to recognise its format.
const sniffLen = 64 << 10

// recognise returns the format of the file at path, or nil.
func recognise(path string) (*format, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unsc.Errorf(unsc.EINVALID, path, "%v", err)
	}
	defer f.Close()
	head := make([]byte, sniffLen)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, unsc.Errorf(unsc.EINVALID, path, "%v", err)
	}
	head = head[:n]
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, nil // binary: a spreadsheet or an archive
	}
	html := mayHoldTable(head)
	for i := range formats {
		if formats[i].html && !html {
			continue
		}
		if formats[i].sniff(head) {
			return &formats[i], nil
		}
	}
	return nil, nil
}

// mayHoldTable reports whether head holds "<table" in any case: the DHL
// pages' sniffers, whose case-insensitive expressions scan the whole head,
// need it to match, and most files that are not those pages lack it.
func mayHoldTable(head []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(head[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if len(head)-i >= 5 && strings.EqualFold(string(head[i:i+5]), "table") {
			return true
		}
	}
}

// File is a file to import: its path, and the name its reports are
// known by in the record (their Ref): its path inside the folder given, or
// its base name for a file given on its own. The record then does not
// depend on where the files were when they were imported: the same files
// imported from another folder (a copy, a download to a new temporary
// folder) read the same.
type File struct {
	Path, Name string
}

// Expand turns files and folders into the files under them, skipping hidden
// files and folders, in the order of their names (see File), and for
// files of the same name, of their content: an order that depends neither
// on the folders they are in nor on the order they were given in, and that
// decides which of two reports of the same thing wins (record.Dedupe).
func Expand(paths []string) ([]File, error) {
	var files []File
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
		if !info.IsDir() {
			files = append(files, File{Path: p, Name: filepath.Base(p)})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				rel, err := filepath.Rel(p, path)
				if err != nil {
					return err
				}
				files = append(files, File{Path: path, Name: filepath.ToSlash(rel)})
			}
			return nil
		})
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
	}
	// A file given twice (itself and in its folder) is read once.
	seen := map[string]bool{}
	files = slices.DeleteFunc(files, func(f File) bool {
		abs, err := filepath.Abs(f.Path)
		if err != nil {
			abs = f.Path
		}
		if seen[abs] {
			return true
		}
		seen[abs] = true
		return false
	})
	// Files of the same name are ordered by their content.
	sums := map[string]string{}
	sum := func(path string) string {
		if s, ok := sums[path]; ok {
			return s
		}
		h := sha256.New()
		if f, err := os.Open(path); err == nil {
			io.Copy(h, f)
			f.Close()
		}
		sums[path] = string(h.Sum(nil))
		return sums[path]
	}
	slices.SortStableFunc(files, func(a, b File) int {
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(sum(a.Path), sum(b.Path))
	})
	return files, nil
}

// parse parses one recognised file, naming it by its name (see
// File); an error names its path, where the user will look for it.
func parse(f *format, file File) ([]unsc.Report, []dppa.Row, error) {
	in, err := os.Open(file.Path)
	if err != nil {
		return nil, nil, unsc.Errorf(unsc.EINVALID, file.Path, "%v", err)
	}
	defer in.Close()
	var reports []unsc.Report
	var rows []dppa.Row
	// The CSV readers' buffer is bufio's 4 KiB: read through one of 64 KiB,
	// today's files are ~330 reads, not ~5,300. The DHL pages are read
	// whole, at the size the file gives (dhl.readAll).
	var r io.Reader = in
	if !f.html {
		r = bufio.NewReaderSize(in, 64<<10)
	}
	if f.rows != nil {
		rows, err = f.rows(r, file.Name)
	} else {
		reports, err = f.parse(r, file.Name)
	}
	if err != nil {
		var e *unsc.Error
		if errors.As(err, &e) && (e.Field == file.Name || strings.HasPrefix(e.Field, file.Name+":")) {
			named := *e
			named.Field = file.Path + strings.TrimPrefix(e.Field, file.Name)
			return nil, nil, &named
		}
		return nil, nil, fmt.Errorf("%s: %w", file.Path, err)
	}
	return reports, rows, nil
}

// Parsed is one file read: its path, its format (nil for a file of no
// format unsc imports, which is skipped), and what it holds.
type Parsed struct {
	Path string
	// Format names the file's format; empty for a file skipped.
	Format  string
	format  *format
	Reports []unsc.Report
	// Rows are the rows of a DPPA membership table.
	Rows []dppa.Row
}

// Batch is every file of an import, read.
type Batch struct {
	// Parsed holds the files in the order they were given to Read.
	Parsed []Parsed
	// Rows are the DPPA membership rows of every file.
	Rows []dppa.Row
	// Skipped counts the files of no format unsc imports.
	Skipped int
}

// Read recognises and parses every file, two at a time or as many as
// there are processors, and fails on the first file that does not parse:
// nothing of a failed import is written. It calls done, if not nil, from
// any goroutine, as each file is read.
func Read(files []File, done func()) (*Batch, error) {
	parsed := make([]Parsed, len(files))
	errs := make([]error, len(files))
	// The largest files first, so that the small ones fill in around them
	// and no processor is left with a large file at the end.
	sizes := make([]int64, len(files))
	for i, f := range files {
		if info, err := os.Stat(f.Path); err == nil {
			sizes[i] = info.Size()
		}
	}
	order := make([]int, len(files))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(sizes[b], sizes[a]) })
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				p := Parsed{Path: files[i].Path}
				p.format, errs[i] = recognise(files[i].Path)
				if errs[i] == nil && p.format != nil {
					p.Format = p.format.name
					p.Reports, p.Rows, errs[i] = parse(p.format, files[i])
				}
				parsed[i] = p
				if done != nil {
					done()
				}
			}
		})
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	b := &Batch{Parsed: parsed}
	for i, p := range parsed {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if p.format == nil {
			b.Skipped++
		}
		b.Rows = append(b.Rows, p.Rows...)
	}
	return b, nil
}

// Reports returns every report of the batch, in the order of the files
// (see Expand), one per (source, key) (see record.Dedupe). The curated
// decisions built into unsc (record.Curated) are not among them: every
// import adds those itself.
func (b *Batch) Reports() []unsc.Report {
	var all []unsc.Report
	for _, p := range b.Parsed {
		all = append(all, p.Reports...)
	}
	return record.Dedupe(all)
}

// Load reads every file under the paths (files or folders) as `unsc
// import` reads them: Expand, then Read.
func Load(paths ...string) (*Batch, error) {
	files, err := Expand(paths)
	if err != nil {
		return nil, err
	}
	return Read(files, nil)
}

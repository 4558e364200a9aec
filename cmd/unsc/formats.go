package main

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"unsc"
	"unsc/dhl"
	"unsc/dppa"
	"unsc/scvotes"
	"unsc/undl"
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

// importFile is a file to import: its path, and the name its reports are
// known by in the record (their Ref): its path inside the folder given, or
// its base name for a file given on its own. The record then does not
// depend on where the files were when they were imported: the same files
// imported from another folder (a copy, a download to a new temporary
// folder) read the same.
type importFile struct {
	path, name string
}

// expand turns files and folders into the files under them, skipping hidden
// files and folders, in the order of their names (see importFile), and for
// files of the same name, of their content: an order that depends neither
// on the folders they are in nor on the order they were given in, and that
// decides which of two reports of the same thing wins (record.Dedupe).
func expand(paths []string) ([]importFile, error) {
	var files []importFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
		if !info.IsDir() {
			files = append(files, importFile{path: p, name: filepath.Base(p)})
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
				files = append(files, importFile{path: path, name: filepath.ToSlash(rel)})
			}
			return nil
		})
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
	}
	// A file given twice (itself and in its folder) is read once.
	seen := map[string]bool{}
	files = slices.DeleteFunc(files, func(f importFile) bool {
		abs, err := filepath.Abs(f.path)
		if err != nil {
			abs = f.path
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
	slices.SortStableFunc(files, func(a, b importFile) int {
		if c := cmp.Compare(a.name, b.name); c != 0 {
			return c
		}
		return cmp.Compare(sum(a.path), sum(b.path))
	})
	return files, nil
}

// parseFile parses one recognised file, naming it by its name (see
// importFile); an error names its path, where the user will look for it.
func parseFile(f *format, file importFile) ([]unsc.Report, []dppa.Row, error) {
	in, err := os.Open(file.path)
	if err != nil {
		return nil, nil, unsc.Errorf(unsc.EINVALID, file.path, "%v", err)
	}
	defer in.Close()
	var reports []unsc.Report
	var rows []dppa.Row
	if f.rows != nil {
		rows, err = f.rows(in, file.name)
	} else {
		reports, err = f.parse(in, file.name)
	}
	if err != nil {
		var e *unsc.Error
		if errors.As(err, &e) && (e.Field == file.name || strings.HasPrefix(e.Field, file.name+":")) {
			named := *e
			named.Field = file.path + strings.TrimPrefix(e.Field, file.name)
			return nil, nil, &named
		}
		return nil, nil, fmt.Errorf("%s: %w", file.path, err)
	}
	return reports, rows, nil
}

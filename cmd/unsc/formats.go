package main

import (
	"bytes"
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

// expand turns files and folders into the files under them, in a stable
// order, skipping hidden files and folders.
func expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
		if !info.IsDir() {
			files = append(files, p)
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
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, unsc.Errorf(unsc.EINVALID, p, "%v", err)
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// parseFile parses one recognised file.
func parseFile(f *format, path string) ([]unsc.Report, []dppa.Row, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, unsc.Errorf(unsc.EINVALID, path, "%v", err)
	}
	defer file.Close()
	if f.rows != nil {
		rows, err := f.rows(file, path)
		return nil, rows, err
	}
	reports, err := f.parse(file, path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w", err)
	}
	return reports, nil, nil
}

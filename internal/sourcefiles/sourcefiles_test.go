package sourcefiles

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unsc/internal/shareddata"
)

// TestFormatsClaimOnlyTheirFiles reads the head of every file in the shared
// data, as recognise does, and asks every format's sniffer of it: no file
// may be claimed by two formats (the order of formats would then decide
// silently what it is), and every format must claim at least one file.
func TestFormatsClaimOnlyTheirFiles(t *testing.T) {
	claimed := make([]int, len(formats))
	err := filepath.WalkDir(shareddata.Dir(t), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && path != shareddata.Dir(t) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		head := data[:min(len(data), sniffLen)]
		if bytes.IndexByte(head, 0) >= 0 {
			return nil // binary, never read
		}
		var by []string
		for i, f := range formats {
			if f.html && !mayHoldTable(head) {
				continue
			}
			if f.sniff(head) {
				claimed[i]++
				by = append(by, f.name)
			}
		}
		if len(by) > 1 {
			t.Errorf("%s is claimed by %d formats: %s", path, len(by), strings.Join(by, "; "))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range formats {
		if claimed[i] == 0 {
			t.Errorf("format %q claims no file of the shared data", f.name)
		}
	}
}

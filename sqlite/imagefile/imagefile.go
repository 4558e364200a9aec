// Package imagefile reads the record's image file: a copy of the record's
// image (package readmodel) beside its database (PATH.image), read where it
// lies through mmap, so that reading the record needs neither SQLite nor a
// copy of the image. Package sqlite writes it after each import, and reads
// the database wherever the file is absent or stale; the command line's
// questions read it through this package, which links no SQLite, and leave
// anything else to the store.
//
// It is a cache: the table image stays the record's; the file is used only
// while it is known to hold what the database holds.
//
// The file is 64 bytes of header, the magic "unscside" and a key (SHA-256,
// 32 bytes), then the image. The key sums what the image depends on: the
// database file's change counter (bytes 24–27 of its header, which SQLite
// increments on every commit in rollback-journal mode), its size and
// modification time, and what this unsc reads a record with (the
// reconciliation's version, the migrations, the checksums' format). Import
// writes the file after it commits, under a read lock, so that no commit
// comes between the image and the counter it is keyed by; a reader
// computes the key of the database as it is and uses the file only when
// the keys are the same. Any other change to the database (sqlite3, an
// older unsc, a copy over it) changes the key.
package imagefile

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"unsc/internal/lazy"
	"unsc/readmodel"
	"unsc/sqlite/migrations"
)

const (
	// Magic begins every image file.
	Magic = "unscside"
	// HeaderSize is the length of the header: the magic, the key, zeros.
	HeaderSize = 64
	// ApplicationID is the application_id a record's SQLite header holds
	// ("unsc").
	ApplicationID = 0x756e7363
	// ChecksumFormat is the version of the way the record's checksums of
	// its derived data are summed (package sqlite's derivation).
	ChecksumFormat = "1"
)

// Path returns the path of the image file of the record at path.
func Path(record string) string { return record + ".image" }

// DefaultRecordPath returns the record's path in the user's data directory:
// $XDG_DATA_HOME/unsc/unsc.db, else ~/.local/share/unsc/unsc.db.
func DefaultRecordPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "unsc", "unsc.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("default database path: %w", err)
	}
	return filepath.Join(home, ".local", "share", "unsc", "unsc.db"), nil
}

// Key returns the key of the record at path as it now is, or false when
// the file cannot have one: not there, not a SQLite database in
// rollback-journal mode, or a transaction left half done beside it.
func Key(record string, reconciliation int) ([32]byte, bool) {
	f, err := openRead(record)
	if err != nil {
		return [32]byte{}, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return [32]byte{}, false
	}
	var head [100]byte
	if _, err := f.ReadAt(head[:], 0); err != nil ||
		string(head[:16]) != "SQLite format 3\x00" || head[18] != 1 || head[19] != 1 ||
		binary.BigEndian.Uint32(head[68:]) != ApplicationID {
		return [32]byte{}, false
	}
	if _, err := os.Lstat(record + "-journal"); err == nil {
		return [32]byte{}, false
	}
	// The text hashed: "COUNTER SIZE MTIME RECONCILIATION FORMAT MIGRATIONS
	// IMAGEVERSION", the numbers in decimal, the migrations joined by
	// commas.
	b := make([]byte, 0, 256)
	b = strconv.AppendUint(b, uint64(binary.BigEndian.Uint32(head[24:])), 10)
	b = strconv.AppendInt(append(b, ' '), info.Size(), 10)
	b = strconv.AppendInt(append(b, ' '), info.ModTime().UnixNano(), 10)
	b = strconv.AppendInt(append(b, ' '), int64(reconciliation), 10)
	b = append(append(b, ' '), ChecksumFormat...)
	b = append(append(b, ' '), migrationList.Get()...)
	b = strconv.AppendInt(append(b, ' '), readmodel.Version, 10)
	return sha256.Sum256(b), true
}

// migrationList is the migrations this unsc has, joined by commas, for the
// key.
var migrationList = lazy.Value[string]{Make: func() string { return strings.Join(migrations.Names(), ",") }}

// File is an image file, opened.
type File struct {
	// Image is the record's image, read from the file where it lies.
	Image *readmodel.Image
	key   [32]byte
}

// Fresh reports whether the record at path still holds what the image file
// holds.
func (f *File) Fresh(record string, reconciliation int) bool {
	key, ok := Key(record, reconciliation)
	return ok && key == f.key
}

// Open returns the image file of the record at path, or nil when there is
// none that holds what the record holds.
func Open(record string, reconciliation int) *File {
	key, ok := Key(record, reconciliation)
	if !ok {
		return nil
	}
	b, err := mapFile(Path(record))
	if err != nil {
		return nil
	}
	if len(b) < HeaderSize || string(b[:8]) != Magic || [32]byte(b[8:40]) != key {
		unmapFile(b)
		return nil
	}
	m, err := readmodel.Open(b[HeaderSize:])
	if err != nil {
		unmapFile(b)
		return nil
	}
	// The mapping is kept for the life of the process: the decisions read
	// from it hold its strings. The file is only ever replaced, never
	// written in place.
	return &File{m, key}
}

// Holds reports whether the image file of the record at path is keyed by
// key (whatever else it holds).
func Holds(record string, key [32]byte) bool {
	head := make([]byte, 40)
	f, err := os.Open(Path(record))
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = f.ReadAt(head, 0)
	return err == nil && string(head[:8]) == Magic && [32]byte(head[8:]) == key
}

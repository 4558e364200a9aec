package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"unsc/readmodel"
)

// The image file: a copy of the record's image beside it (PATH.image), read
// where it lies through mmap, so that reading the record needs neither
// SQLite nor a copy of the image. It is a cache: the table image stays the
// record's; the file is used only while it is known to hold what the
// database holds, and anything else reads the database.
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

const (
	sidecarMagic  = "unscside"
	sidecarHeader = 64
)

// sidecarPath returns the path of the image file of the record at path.
func sidecarPath(path string) string { return path + ".image" }

// sidecarKey returns the key of the record at path as it now is, or false
// when the file cannot have one: not there, not a SQLite database in
// rollback-journal mode, or a transaction left half done beside it.
func sidecarKey(path string, reconciliation int) ([32]byte, bool) {
	f, err := openRead(path)
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
		binary.BigEndian.Uint32(head[68:]) != applicationID {
		return [32]byte{}, false
	}
	if _, err := os.Lstat(path + "-journal"); err == nil {
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
	b = append(append(b, ' '), checksumFormat...)
	b = append(append(b, ' '), sidecarMigrations()...)
	b = strconv.AppendInt(append(b, ' '), readmodel.Version, 10)
	return sha256.Sum256(b), true
}

// sidecarMigrations is the migrations this unsc has, joined by commas, for
// the key.
var sidecarMigrations = sync.OnceValue(func() string { return strings.Join(migrationNames(), ",") })

// sidecar is an image file, opened.
type sidecar struct {
	m   *readmodel.Image
	key [32]byte
}

// fresh reports whether the record at path still holds what the image file
// holds.
func (sc *sidecar) fresh(path string, reconciliation int) bool {
	key, ok := sidecarKey(path, reconciliation)
	return ok && key == sc.key
}

// openSidecar returns the image file of the record at path, or nil when
// there is none that holds what the record holds.
func openSidecar(path string, reconciliation int) *sidecar {
	key, ok := sidecarKey(path, reconciliation)
	if !ok {
		return nil
	}
	b, err := mapFile(sidecarPath(path))
	if err != nil {
		return nil
	}
	if len(b) < sidecarHeader || string(b[:8]) != sidecarMagic || [32]byte(b[8:40]) != key {
		unmapFile(b)
		return nil
	}
	m, err := readmodel.Open(b[sidecarHeader:])
	if err != nil {
		unmapFile(b)
		return nil
	}
	// The mapping is kept for the life of the process: the decisions read
	// from it hold its strings. The file is only ever replaced, never
	// written in place.
	return &sidecar{m, key}
}

// writeSidecar writes the image file of the record from the image the
// table holds, which data is unless data is nil; under a read lock, so
// that the key is the key of what the table holds. An image file that
// cannot be written is left out: the record is read from the database.
func (s *Store) writeSidecar(ctx context.Context, data []byte) {
	side := sidecarPath(s.path)
	if data == nil {
		// Nothing was written: the file may still hold the record.
		if key, ok := sidecarKey(s.path, s.reconciliation); ok {
			head := make([]byte, 40)
			if f, err := os.Open(side); err == nil {
				_, err = f.ReadAt(head, 0)
				f.Close()
				if err == nil && string(head[:8]) == sidecarMagic && [32]byte(head[8:]) == key {
					return
				}
			}
		}
	}
	os.Remove(side)
	tx, err := s.beginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return
	}
	defer tx.Rollback()
	// The first read takes the lock that keeps writers out until the
	// transaction ends.
	var version int64
	var sum []byte
	if err := tx.QueryRowContext(ctx, `SELECT version, checksum FROM image WHERE id = 1`).Scan(&version, &sum); err != nil ||
		version != readmodel.Version {
		return
	}
	if data != nil {
		m, err := readmodel.Open(data)
		if err != nil || m.Checksum() != [32]byte(sum) {
			return
		}
	} else if err := tx.QueryRowContext(ctx, `SELECT data FROM image WHERE id = 1`).Scan(&data); err != nil {
		return
	}
	key, ok := sidecarKey(s.path, s.reconciliation)
	if !ok {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(side)+".*")
	if err != nil {
		return
	}
	head := make([]byte, sidecarHeader)
	copy(head, sidecarMagic)
	copy(head[8:], key[:])
	_, err = f.Write(head)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		// On disk before it is in place: a file cut short by a crash
		// would be read as a record.
		err = f.Sync()
	}
	if info, statErr := os.Stat(s.path); err == nil && statErr == nil {
		err = f.Chmod(info.Mode().Perm())
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), side)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

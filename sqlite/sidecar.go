package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"time"

	"unsc/internal/ascii"
	"unsc/readmodel"
	"unsc/sqlite/imagefile"
)

// The image file (package imagefile): a copy of the record's image beside
// it, which a read-only store reads instead of the database while the file
// holds what the database holds.

// writeSidecar writes the image file of the record from the image the
// table holds, which data is unless data is nil; under a read lock, so
// that the key is the key of what the table holds. An image file that
// cannot be written is left out: the record is read from the database.
//
// pre, if not nil, is data written ahead (prepareSidecar): only its header
// is left to write.
func (s *Store) writeSidecar(ctx context.Context, data []byte, pre *preparedSidecar) {
	defer pre.discard()
	side := imagefile.Path(s.path)
	removeStaleSidecarTemps(side, time.Now())
	if data == nil {
		// Nothing was written: the file may still hold the record.
		if key, ok := imagefile.Key(s.path, s.reconciliation); ok && imagefile.Holds(s.path, key) {
			return
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
	key, ok := imagefile.Key(s.path, s.reconciliation)
	if !ok {
		return
	}
	head := make([]byte, imagefile.HeaderSize)
	copy(head, imagefile.Magic)
	copy(head[8:], key[:])
	var f *os.File
	if pre.holds(data) {
		// The image is on disk already: its header goes in place of
		// the zeros written ahead of it.
		f, pre.f = pre.f, nil
		_, err = f.WriteAt(head, 0)
	} else {
		f, err = os.CreateTemp(filepath.Dir(s.path), filepath.Base(side)+".*")
		if err != nil {
			return
		}
		_, err = f.Write(head)
		if err == nil {
			_, err = f.Write(data)
		}
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

// preparedSidecar is the image file written ahead of the commit, beside
// the import's writing of the tables, with zeros for its header: the
// header holds the key of the committed database (its size and time), so
// only the header, its fsync and the rename are left for after the commit.
// Written after it, the image's 4.7 MB and their fsync were on the path of
// every import (PERFORMANCE.md, "Import at today's size, fourth pass").
type preparedSidecar struct {
	f    *os.File // nil once used or discarded
	data []byte   // the image written
}

// prepareSidecar writes data to a new file beside the record, after a
// header of zeros, and syncs it; nil where it cannot.
func (s *Store) prepareSidecar(data []byte) *preparedSidecar {
	side := imagefile.Path(s.path)
	removeStaleSidecarTemps(side, time.Now())
	f, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(side)+".*")
	if err != nil {
		return nil
	}
	_, err = f.Write(make([]byte, imagefile.HeaderSize))
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	return &preparedSidecar{f: f, data: data}
}

// holds reports whether p is the image data written ahead.
func (p *preparedSidecar) holds(data []byte) bool {
	return p != nil && p.f != nil && len(p.data) == len(data) &&
		(len(data) == 0 || &p.data[0] == &data[0])
}

// discard removes the file written ahead, unless it was used.
func (p *preparedSidecar) discard() {
	if p == nil || p.f == nil {
		return
	}
	p.f.Close()
	os.Remove(p.f.Name())
	p.f = nil
}

// staleSidecarAge is how old a temporary image file must be before it is
// taken for one a killed import left behind: writing even a scaled
// record's image takes seconds, so a file an hour old is no import's.
const staleSidecarAge = time.Hour

// removeStaleSidecarTemps removes the temporary image files (side + ".*",
// as os.CreateTemp names them) that an import killed before its rename
// left beside the record, once they are staleSidecarAge old: a younger one
// may be another process's, still being written.
func removeStaleSidecarTemps(side string, now time.Time) {
	dir, base := filepath.Dir(side), filepath.Base(side)+"."
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), base)
		if !ok || rest == "" || !e.Type().IsRegular() || !ascii.IsDigits(rest) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) >= staleSidecarAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"

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
func (s *Store) writeSidecar(ctx context.Context, data []byte) {
	side := imagefile.Path(s.path)
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
	f, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(side)+".*")
	if err != nil {
		return
	}
	head := make([]byte, imagefile.HeaderSize)
	copy(head, imagefile.Magic)
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

// Package onefile is the layout of unsc's one file: the front's executable
// (cmd/unsc built with -tags front), then the whole program's executable
// (cmd/unsc), then a trailer of TrailerSize bytes that says where the whole
// program lies:
//
//	bytes  0–7   the whole program's offset from the start of the file, uint64, little-endian
//	bytes  8–15  its length in bytes, uint64, little-endian
//	bytes 16–31  Magic
//
// The whole program ends where the trailer begins. The loaders of ELF, PE
// and Mach-O map what the front's headers name and ignore the bytes after
// it, so the file runs as the front; the front reads the trailer alone
// (the file's last TrailerSize bytes) when it hands a command over, and a
// question pays nothing for what it carries. cmd/build writes the file.
package onefile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Magic ends every one file: the format's name and version.
const Magic = "unsc one file 1\n"

// TrailerSize is the length of the trailer at the end of the file.
const TrailerSize = 32

// ErrNoPayload is Find's error for a file with no trailer at its end: an
// executable that carries no whole program (the front alone, or another
// file).
var ErrNoPayload = errors.New("no whole program at its end")

// Trailer returns the trailer of a whole program of length bytes at offset.
func Trailer(offset, length int64) []byte {
	b := make([]byte, TrailerSize)
	binary.LittleEndian.PutUint64(b[0:], uint64(offset))
	binary.LittleEndian.PutUint64(b[8:], uint64(length))
	copy(b[16:], Magic)
	return b
}

// Write writes the one file to w: the front, the whole program, and the
// trailer, each read to its end.
func Write(w io.Writer, front, whole io.Reader) error {
	nf, err := io.Copy(w, front)
	if err != nil {
		return err
	}
	nw, err := io.Copy(w, whole)
	if err != nil {
		return err
	}
	_, err = w.Write(Trailer(nf, nw))
	return err
}

// Find reads the trailer at the end of f, a file of size bytes, and returns
// where the whole program lies in it: ErrNoPayload where the file ends
// without the trailer, and an error that says what is wrong where the
// trailer names bytes the file does not hold or bytes that do not begin as
// the front does (an executable of the same kind starts with the same
// magic number). It reads the trailer and the first bytes of each
// executable, never the rest.
func Find(f io.ReaderAt, size int64) (offset, length int64, err error) {
	if size < TrailerSize {
		return 0, 0, ErrNoPayload
	}
	var t [TrailerSize]byte
	if _, err := f.ReadAt(t[:], size-TrailerSize); err != nil {
		return 0, 0, fmt.Errorf("read its last %d bytes: %w", TrailerSize, err)
	}
	if string(t[16:]) != Magic {
		return 0, 0, ErrNoPayload
	}
	off, n := binary.LittleEndian.Uint64(t[0:]), binary.LittleEndian.Uint64(t[8:])
	end := uint64(size - TrailerSize)
	if off == 0 || n == 0 || off > end || n != end-off {
		return 0, 0, fmt.Errorf("damaged: its trailer puts the whole program at bytes %d to %d, but the file has %d bytes before its trailer (cut short, or written over)", off, off+n, end)
	}
	var head, payload [4]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return 0, 0, fmt.Errorf("read its first bytes: %w", err)
	}
	if _, err := f.ReadAt(payload[:], int64(off)); err != nil {
		return 0, 0, fmt.Errorf("read the whole program's first bytes at %d: %w", off, err)
	}
	if head != payload {
		return 0, 0, fmt.Errorf("damaged: the bytes at %d, where its trailer puts the whole program, begin % x, not % x as an executable of this kind does", off, payload, head)
	}
	return int64(off), int64(n), nil
}

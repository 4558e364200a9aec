//go:build !unix

package imagefile

import "os"

// mapFile reads the file at path (where there is no mmap).
func mapFile(path string) ([]byte, error) { return os.ReadFile(path) }

// unmapFile undoes mapFile.
func unmapFile([]byte) {}

// openRead opens the file at path for reading.
func openRead(path string) (*os.File, error) { return os.Open(path) }

//go:build unix

package imagefile

import (
	"os"
	"syscall"
)

// mapFile maps the file at path into memory, read-only.
func mapFile(path string) ([]byte, error) {
	f, err := openRead(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() == 0 || int64(int(info.Size())) != info.Size() {
		return nil, syscall.EINVAL
	}
	return syscall.Mmap(int(f.Fd()), 0, int(info.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}

// openRead opens the file at path for reading, with the system's call: an
// *os.File of os.NewFile is not watched by Go's poller, which os.Open sets
// up, and tries, for every file (system calls a question has no use for).
func openRead(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// unmapFile undoes mapFile.
func unmapFile(b []byte) { _ = syscall.Munmap(b) }

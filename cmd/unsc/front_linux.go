//go:build front && linux

package main

import (
	"os"
	"strconv"
	"syscall"

	"golang.org/x/sys/unix"
)

// openSelf opens this program's own file, and returns it with its name:
// the file this process runs, through /proc, even where it has been
// replaced since (cmd/build renames a new unsc onto the old).
func openSelf() (*os.File, string, error) {
	name, err := os.Executable()
	if err != nil {
		name = os.Args[0]
	}
	f, err := os.Open("/proc/self/exe")
	return f, name, err
}

// runWhole runs the whole program, length bytes at offset in self, with
// the command line, in place of this process: it copies it into a file in
// memory (memfd_create: nothing on disk, gone with the process), seals it
// and executes it with this process's argv[0] and environment, so it is
// the same process (its signals, its exit status, its parent's wait). It
// returns only where it could not, and then runs it as a child instead.
func runWhole(self *os.File, name string, offset, length int64, line []string) int {
	fd, err := unix.MemfdCreate("unsc", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING|unix.MFD_EXEC)
	if err == unix.EINVAL {
		// A kernel before 6.3, which has no MFD_EXEC (and executes any).
		fd, err = unix.MemfdCreate("unsc", unix.MFD_CLOEXEC|unix.MFD_ALLOW_SEALING)
	}
	if err != nil {
		return runChild(self, name, offset, length, line)
	}
	mem := os.NewFile(uintptr(fd), "memfd:unsc")
	defer mem.Close()
	if err := copyRange(fd, int(self.Fd()), offset, length); err != nil {
		return runChild(self, name, offset, length, line)
	}
	// Sealed, nothing can change it between here and its execution.
	_, _ = unix.FcntlInt(uintptr(fd), unix.F_ADD_SEALS, unix.F_SEAL_SEAL|unix.F_SEAL_SHRINK|unix.F_SEAL_GROW|unix.F_SEAL_WRITE)
	argv := append([]string{os.Args[0]}, line...)
	_ = syscall.Exec("/proc/self/fd/"+strconv.Itoa(fd), argv, os.Environ())
	return runChild(self, name, offset, length, line)
}

// copyRange copies length bytes at offset in the file in to the file out,
// in the kernel (sendfile), without going through this process's memory.
func copyRange(out, in int, offset, length int64) error {
	for length > 0 {
		n, err := unix.Sendfile(out, in, &offset, int(min(length, 1<<30)))
		if err == unix.EINTR || err == unix.EAGAIN {
			continue
		}
		if err != nil {
			return err
		}
		if n == 0 {
			return unix.EIO
		}
		length -= int64(n)
	}
	return nil
}

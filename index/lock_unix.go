//go:build unix

package index

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// lockedByOther reports whether another process (or another open in this
// one) holds a lock on the index's bolt file that conflicts with the open
// wanted: a shared lock for a reader, an exclusive one for a writer. It
// asks without waiting, so that a busy index is reported at once instead of
// after Bleve's bolt_timeout. It answers false when it cannot tell.
func lockedByOther(boltPath string, readOnly bool) bool {
	f, err := os.Open(boltPath)
	if err != nil {
		return false
	}
	defer f.Close()
	how := syscall.LOCK_EX
	if readOnly {
		how = syscall.LOCK_SH
	}
	err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return false
	}
	return errors.Is(err, syscall.EWOULDBLOCK)
}

// canWrite reports whether the user may write p (permissions, or a file
// system mounted read-only), by access(2), which writes nothing. A path
// that does not exist is left to the open that needs it.
func canWrite(p string) error {
	err := unix.Access(p, unix.W_OK)
	switch {
	case err == nil || errors.Is(err, unix.ENOENT):
		return nil
	case errors.Is(err, unix.EACCES), errors.Is(err, unix.EPERM), errors.Is(err, unix.EROFS):
		return err
	}
	return nil
}

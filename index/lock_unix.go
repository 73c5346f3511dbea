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
	ok, err := tryLock(f, !readOnly)
	if err != nil {
		return false
	}
	if ok {
		unlock(f)
	}
	return !ok
}

// tryLock takes a flock on f, shared or exclusive, without waiting: false
// if another open file holds a conflicting one. Locks of Bleve's bolt file
// are flocks too, so these see them.
func tryLock(f *os.File, exclusive bool) (bool, error) {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		return false, nil
	}
	return false, err
}

// unlock releases f's flock.
func unlock(f *os.File) { _ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

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

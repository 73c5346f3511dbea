//go:build unix

package index

import (
	"errors"
	"os"
	"syscall"
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

//go:build !unix

package index

import "os"

// lockedByOther cannot tell without flock; Bleve's bolt_timeout decides.
func lockedByOther(string, bool) bool { return false }

// tryLock always succeeds without flock: the gate admits everyone, and
// Bleve's own bolt lock, with its bolt_timeout, is all that orders readers
// and writers.
func tryLock(*os.File, bool) (bool, error) { return true, nil }

func unlock(*os.File) {}

// canWrite reports whether the user may write p: for a file, by opening it
// for writing (without truncating it); folders are left to the writes.
func canWrite(p string) error {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return nil
	}
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		if os.IsPermission(err) {
			return os.ErrPermission
		}
		return nil
	}
	return f.Close()
}

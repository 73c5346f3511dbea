package index

import (
	"os"
	"path/filepath"
)

// WriterWaiting reports whether an ex99 writer (add, rm) holds the gate of
// the index at path: it is writing, or waiting for the readers already in
// to close the index. A reader that keeps the index open for long (ex99
// serve) asks this every moment and closes the index when it is true, so
// that the writer gets in; it opens the index again once the gate is free.
// Asking takes the gate shared for an instant, as a reader's open does.
// False when the index has no gate file or locks cannot be taken (then
// Bleve's bolt lock alone orders readers and writers).
func WriterWaiting(path string) bool {
	f, err := os.Open(filepath.Join(path, gateName))
	if err != nil {
		return false
	}
	defer f.Close()
	ok, err := tryLock(f, false)
	if err != nil {
		return false
	}
	if ok {
		unlock(f)
	}
	return !ok
}

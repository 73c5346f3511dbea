package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotIndex is returned (wrapped) when the index path holds something
// that is not an ex99 index: a file, or a folder of other files. ex99
// neither reads nor writes it.
var ErrNotIndex = errors.New("not an ex99 index")

// ErrNotWritable is returned (wrapped) when a writer may not write to an
// index that is otherwise whole: reading it still works.
var ErrNotWritable = errors.New("index is not writable")

type notIndexError struct{ path, why string }

func (e *notIndexError) Error() string {
	return fmt.Sprintf("%s is not an ex99 index (%s)", e.path, e.why)
}

func (e *notIndexError) Is(target error) bool { return target == ErrNotIndex }

// accessError is a permission the user lacks on a file of a whole index:
// write permission for a writer (ErrNotWritable), read permission for a
// reader. It unwraps to the system's error (fs.ErrPermission).
type accessError struct {
	path  string // the index
	file  string // what may not be read or written
	write bool
	err   error
}

func (e *accessError) Error() string {
	if e.write {
		return fmt.Sprintf("index %s is fine, but you cannot write to it: %s: %v", e.path, e.file, e.err)
	}
	return fmt.Sprintf("index %s: you cannot read it: %s: %v", e.path, e.file, e.err)
}

func (e *accessError) Unwrap() error { return e.err }

func (e *accessError) Is(target error) bool { return e.write && target == ErrNotWritable }

// markerName is the file of ours in every index folder: what tells an ex99
// index from any other folder, before anything in it is read or written.
// create writes it before the folder is renamed into place.
const markerName = "ex99.json"

// formatVersion is the index format this ex99 writes, and the newest it
// reads. Format 2 indexes name a char filter of ex99's own (tmFilterType),
// which an ex99 of format 1 does not know (it says to update ex99, rather
// than failing inside Bleve), and may be split into shards. Format 1
// indexes, and those made before the marker, are one Bleve index with
// Bleve's regexp char filter; this ex99 reads and writes them as they are.
const formatVersion = 2

// marker is the content of markerName.
type marker struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Shards  int    `json:"shards,omitempty"` // 0 for one Bleve index
}

const markerFormat = "ex99 index"

// markerJSON is the marker of an index of the given format version and n
// shards.
func markerJSON(version, n int) []byte {
	m := marker{Format: markerFormat, Version: version}
	if n > 1 {
		m.Shards = n
	}
	b, _ := json.Marshal(m)
	return append(b, '\n')
}

// markerShards is the shard count the marker of the index at path gives:
// 1 for an index of one Bleve index, without marker, or whose marker does
// not read (classify has said so before this is asked).
func markerShards(path string) int {
	data, err := os.ReadFile(filepath.Join(path, markerName))
	if err != nil {
		return 1
	}
	var m marker
	if json.Unmarshal(data, &m) != nil || m.Shards < 1 {
		return 1
	}
	return m.Shards
}

// writeMarker writes the marker into the index folder dir, through a
// temporary file renamed into place, so that a crash leaves either no
// marker or a whole one, never a garbled one that would read as damage.
func writeMarker(dir string) error {
	tmp, err := os.CreateTemp(dir, "."+markerName+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename
	// only an index made before the marker gets one here: format 1
	if _, err := tmp.Write(markerJSON(1, 1)); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, markerName))
}

// place is what an index path holds.
type place int

const (
	placeNone   place = iota // nothing: a writer creates an index there
	placeEmpty               // an empty folder: a writer creates an index there
	placeOurs                // an index with our marker
	placeLegacy              // an index made before the marker: Bleve's files, no marker
)

// classify tells what path holds without writing anything. It fails with
// ErrNotIndex for a file or a folder holding other things, with damage for
// a marker that does not read, and with the system's error when path
// cannot be looked at.
func classify(path string) (place, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return placeNone, nil
	case err != nil:
		return 0, fmt.Errorf("index %s: %w", path, err)
	case !st.IsDir():
		return 0, &notIndexError{path: path, why: "a file"}
	}
	data, err := os.ReadFile(filepath.Join(path, markerName))
	switch {
	case err == nil:
		return placeOurs, checkMarker(path, data)
	case !errors.Is(err, fs.ErrNotExist):
		return 0, fmt.Errorf("index %s: %w", path, err)
	}
	if isLegacy(path) {
		return placeLegacy, nil
	}
	es, err := os.ReadDir(path)
	switch {
	case err != nil:
		return 0, fmt.Errorf("index %s: %w", path, err)
	case len(es) == 0:
		return placeEmpty, nil
	}
	return 0, &notIndexError{path: path, why: "a folder of other files, with no " + markerName + " marker"}
}

// isLegacy reports whether the folder holds an index made before the
// marker: Bleve's index_meta.json, or its store's root.bolt (one of the
// two may be lost to damage; the index is still ours to report damaged).
func isLegacy(path string) bool {
	for _, f := range []string{"index_meta.json", filepath.Join("store", "root.bolt")} {
		if st, err := os.Stat(filepath.Join(path, f)); err == nil && st.Mode().IsRegular() {
			return true
		}
	}
	return false
}

// checkMarker checks a marker's content: ours, in a format this ex99 knows.
func checkMarker(path string, data []byte) error {
	var m marker
	if err := json.Unmarshal(data, &m); err != nil || m.Format != markerFormat || m.Version < 1 || m.Shards < 0 || m.Shards > MaxShards {
		return &damageError{path: path, reason: markerName + " is garbled"}
	}
	if m.Version > formatVersion {
		return fmt.Errorf("index %s was made by a newer ex99 (format %d; this one reads format %d): update ex99", path, m.Version, formatVersion)
	}
	return nil
}

// rebuildTarget is the folder the damage message tells to remove: the
// index folder itself, as an absolute path so that a relative "." or ".."
// cannot name more than it, quoted for a shell. It is "" for a folder no
// one should remove whole (a file system root, the home folder).
func rebuildTarget(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if filepath.Dir(abs) == abs {
		return ""
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == abs {
		return ""
	}
	return shellQuote(abs)
}

// shellQuote quotes s for a POSIX shell when it holds anything but plain
// path characters.
func shellQuote(s string) string {
	plain := strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%", r))
	}) < 0
	if plain && s != "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// checkReadable fails with the system's permission error when the user
// may not read the files of dir, a Bleve folder of the index at path
// (Bleve would call the index damaged).
func checkReadable(path, dir string) error {
	for _, f := range []string{"index_meta.json", filepath.Join("store", "root.bolt")} {
		p := filepath.Join(dir, f)
		fh, err := os.Open(p)
		if errors.Is(err, fs.ErrPermission) {
			return &accessError{path: path, file: p, err: fs.ErrPermission}
		}
		if err == nil {
			fh.Close()
		}
	}
	return nil
}

// checkWritable fails with ErrNotWritable when the user may not write
// what a writer writes in dir, a Bleve folder of the index at path: new
// files in it and in store/, and root.bolt. It is asked before a writable
// open, which would otherwise fail inside Bleve with an error that reads
// like damage.
func checkWritable(path, dir string) error {
	for _, p := range []string{dir, filepath.Join(dir, "store"), boltPath(dir)} {
		if err := canWrite(p); err != nil {
			return &accessError{path: path, file: p, write: true, err: err}
		}
	}
	return nil
}

// checkBolt fails with damage when store/root.bolt, which lists the
// index's segments, is missing or empty: Bleve's own error for these names
// a failed write or a missing file, not what is wrong.
func checkBolt(path, dir string) error {
	st, err := os.Stat(boltPath(dir))
	what, _ := filepath.Rel(path, boltPath(dir))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &damageError{path: path, reason: what + " is missing"}
	case err == nil && st.Size() == 0:
		return &damageError{path: path, reason: what + " is empty"}
	}
	return nil
}

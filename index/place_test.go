package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newIndexAt creates an empty index at path and returns path.
func newIndexAt(t *testing.T, path string) string {
	t.Helper()
	x, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func mkfile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestClassify: what a path holds decides whether ex99 touches it at all.
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, p string) // makes what is at p
		want  place
		err   error // a sentinel the error wraps, when classify fails
	}{
		{"nothing", func(*testing.T, string) {}, placeNone, nil},
		{"empty folder", func(t *testing.T, p string) { os.Mkdir(p, 0o755) }, placeEmpty, nil},
		{"a file", func(t *testing.T, p string) { mkfile(t, p, "hello") }, 0, ErrNotIndex},
		{"a folder of other files", func(t *testing.T, p string) { mkfile(t, filepath.Join(p, "notes.txt"), "hi") }, 0, ErrNotIndex},
		{"a folder with a store of other things", func(t *testing.T, p string) { mkfile(t, filepath.Join(p, "store", "apples"), "") }, 0, ErrNotIndex},
		{"a folder holding only hidden files", func(t *testing.T, p string) { mkfile(t, filepath.Join(p, ".profile"), "") }, 0, ErrNotIndex},
		{"an index", func(t *testing.T, p string) { newIndexAt(t, p) }, placeOurs, nil},
		{"an index from before the marker", func(t *testing.T, p string) {
			newIndexAt(t, p)
			os.Remove(filepath.Join(p, markerName))
		}, placeLegacy, nil},
		{"an old index without its metadata", func(t *testing.T, p string) {
			newIndexAt(t, p)
			os.Remove(filepath.Join(p, markerName))
			os.Remove(filepath.Join(p, "index_meta.json"))
		}, placeLegacy, nil},
		{"an index without its store", func(t *testing.T, p string) {
			newIndexAt(t, p)
			os.RemoveAll(filepath.Join(p, "store"))
		}, placeOurs, nil},
		{"a garbled marker", func(t *testing.T, p string) { mkfile(t, filepath.Join(p, markerName), "{garbage") }, 0, ErrDamaged},
		{"someone else's ex99.json", func(t *testing.T, p string) { mkfile(t, filepath.Join(p, markerName), `{"name":"x"}`) }, 0, ErrDamaged},
	} {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "idx")
			c.setup(t, p)
			got, err := classify(p)
			switch {
			case c.err != nil && !errors.Is(err, c.err):
				t.Errorf("classify = %v, %v; want an error wrapping %v", got, err, c.err)
			case c.err == nil && (err != nil || got != c.want):
				t.Errorf("classify = %v, %v; want %v", got, err, c.want)
			}
		})
	}
}

// TestClassifyNewerFormat: an index of a later format is not called damaged.
func TestClassifyNewerFormat(t *testing.T) {
	p := t.TempDir()
	mkfile(t, filepath.Join(p, markerName), `{"format":"ex99 index","version":99}`)
	_, err := classify(p)
	if err == nil || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "newer ex99") {
		t.Errorf("classify = %v; want: made by a newer ex99", err)
	}
}

// TestOpenLeavesOthersAlone: Open, reading or writing, refuses a file and a
// folder of other files, and changes nothing in them.
func TestOpenLeavesOthersAlone(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	mkfile(t, file, "hello")
	folder := filepath.Join(dir, "home")
	mkfile(t, filepath.Join(folder, "notes.txt"), "hi")
	for _, p := range []string{file, folder} {
		for _, ro := range []bool{true, false} {
			x, err := Open(p, Options{ReadOnly: ro})
			if err == nil {
				x.Close()
			}
			if !errors.Is(err, ErrNotIndex) || errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "rm -r") {
				t.Errorf("Open(%s, read-only %v) = %v; want ErrNotIndex", p, ro, err)
			}
		}
	}
	es, _ := os.ReadDir(folder)
	if len(es) != 1 {
		t.Errorf("the folder holds %d entries, want its one file", len(es))
	}
	if es, _ := os.ReadDir(dir); len(es) != 2 {
		t.Errorf("the parent holds %d entries, want 2", len(es))
	}
}

// TestOpenLegacy: an index made before the marker opens for reading and
// writing; the first writer marks it as ours.
func TestOpenLegacy(t *testing.T) {
	p := newIndexAt(t, filepath.Join(t.TempDir(), "idx"))
	if err := os.Remove(filepath.Join(p, markerName)); err != nil {
		t.Fatal(err)
	}
	x, err := Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	x.Close()
	if _, err := os.Stat(filepath.Join(p, markerName)); err == nil {
		t.Error("a reader wrote the marker")
	}
	x, err = Open(p, Options{})
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	x.Close()
	if where, err := classify(p); where != placeOurs || err != nil {
		t.Errorf("after a writer, classify = %v, %v; want marked as ours", where, err)
	}
}

// TestDamageAdvice: the damage message tells to remove the index folder
// itself, by its absolute path, and never a file system root or the home
// folder.
func TestDamageAdvice(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip(err)
	}
	wd, _ := os.Getwd()
	for _, c := range []struct{ path, want string }{
		{"/tmp/idx", "rm -r /tmp/idx && ex99 add --index /tmp/idx FILE..."},
		{".", "rm -r " + wd + " "},
		{"/tmp/my index", `rm -r '/tmp/my index' && ex99 add --index '/tmp/my index'`},
		{"/", ""},
		{home, ""},
	} {
		msg := (&damageError{path: c.path, reason: "x"}).Error()
		if c.want == "" && strings.Contains(msg, "rm -r") || !strings.Contains(msg, c.want) {
			t.Errorf("%q: %s\nwant %q", c.path, msg, c.want)
		}
	}
}

// TestOpenNotWritable: a writer that may not write to a whole index is told
// so (ErrNotWritable, naming what it may not write), not that the index is
// damaged; a reader still reads it. Root may write anywhere, so the test
// needs another user.
func TestOpenNotWritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write anything; cmd/ex99's TestNotWritable runs ex99 as another user")
	}
	p := newIndexAt(t, filepath.Join(t.TempDir(), "idx"))
	chmodTree(t, p, 0o555, 0o444)
	t.Cleanup(func() { chmodTree(t, p, 0o755, 0o644) })
	x, err := Open(p, Options{})
	if err == nil {
		x.Close()
	}
	if !errors.Is(err, ErrNotWritable) || errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), p) {
		t.Errorf("Open for writing = %v; want ErrNotWritable", err)
	}
	x, err = Open(p, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("Open for reading = %v", err)
	}
	x.Close()
}

// chmodTree sets the mode of every folder and file under root.
func chmodTree(t *testing.T, root string, dirs, files os.FileMode) {
	t.Helper()
	err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return os.Chmod(p, dirs)
		}
		return os.Chmod(p, files)
	})
	if err != nil {
		t.Fatal(err)
	}
}

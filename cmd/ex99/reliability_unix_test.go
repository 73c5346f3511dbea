//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestAddSaysWhatItSkips: a folder walk names every entry it does not
// add and why; a named pipe or a link to nothing is a failure (exit 1), a
// link to a folder is said but is none. Fixed bugs: such entries were
// skipped in silence.
func TestAddSaysWhatItSkips(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a-2004q2.txt"), seedRelease())
	fifo := filepath.Join(in, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	dangling := filepath.Join(in, "gone.txt")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(in, "loop")); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "idx")
	r := ex99(t, "", "add", "--index", idx, in)
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	for _, want := range []string{
		fifo + ": skipped: a named pipe (FIFO)",
		dangling + ": skipped: a link to nothing",
		filepath.Join(in, "loop") + ": skipped: a link to a folder",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q: %v", want, r)
		}
	}
	if got := strings.Join(docNames(t, idx), " "); got != "a-2004q2.txt" {
		t.Errorf("index holds %s", got)
	}
}

// TestNamesWithControlCharacters: a file name holding an escape sequence
// is printed escaped, never raw, by add, docs and ask; show names a
// release whose name holds a colon. Fixed bugs: names were printed raw (a
// terminal ran the escape); `show a:1.txt` was read as line "1.txt".
func TestNamesWithControlCharacters(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	evil := "evil\x1b[2J\x07.txt"
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, evil), seedRelease())
	writeFile(t, filepath.Join(in, "bad\x1b]0;title\x07.txt"), []byte("\x00\x01binary"))
	colon := "a:1.txt"
	writeFile(t, filepath.Join(in, colon), seedRelease())
	idx := filepath.Join(dir, "idx")
	runs := []result{
		ex99(t, "", "add", "--index", idx, in),
		ex99(t, "", "docs", "--index", idx),
		ex99(t, "", "ask", "--index", idx, "--doc", evil, "net sales Q2 2004"),
	}
	for _, r := range runs {
		if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07") {
			t.Errorf("a control character printed raw: %q", r.stdout+r.stderr)
		}
	}
	if !strings.Contains(runs[0].stderr, `"`+filepath.Join(in, "bad\\x1b]0;title\\a.txt")+`"`) {
		t.Errorf("add does not name the bad file escaped: %v", runs[0])
	}
	if !strings.Contains(runs[1].stdout, `"evil\x1b[2J\a.txt"`) {
		t.Errorf("docs does not list the name escaped: %v", runs[1])
	}
	if !strings.Contains(runs[2].stdout, `"evil\x1b[2J\a.txt":`) {
		t.Errorf("ask does not cite the name escaped: %v", runs[2])
	}
	for _, arg := range []string{colon, colon + ":171"} {
		r := ex99(t, "", "show", "--index", idx, arg)
		if r.code != 0 || !strings.Contains(r.stdout, "171") {
			t.Errorf("show %s: %v", arg, r)
		}
	}
}

// TestIndexThroughALink: --index naming a link to an empty folder makes
// the index in the folder and leaves the link. Fixed bugs: the new index
// was renamed onto the link, replacing it.
func TestIndexThroughALink(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real"), filepath.Join(dir, "link")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	rel := writeFile(t, filepath.Join(dir, "a-2004q2.txt"), seedRelease())
	if r := ex99(t, "", "add", "-q", "--index", link, rel); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link is gone: %v %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(real, "ex99.json")); err != nil {
		t.Errorf("the index is not in the linked folder: %v", err)
	}
	if got := strings.Join(docNames(t, link), " "); got != "a-2004q2.txt" {
		t.Errorf("index holds %s", got)
	}
}

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/synth"
)

// copyDir copies a folder tree.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// buildBase adds the releases in folder in to a new index under dir, then
// one more release in a second add, so that bbolt's older meta page
// (which it falls back on when the newer is broken) also holds the
// releases of in: after a single add it held the empty index, or not, as
// the persister's timing had it, and tests failed now and then. It
// returns the index and its newest segment file (one the index's root
// lists; an older one may be merged away and left for removal), relative
// to the index.
func buildBase(t *testing.T, dir, in string) (base, zap string) {
	t.Helper()
	base = filepath.Join(dir, "base")
	if r := ex99(t, "", "add", "-q", "--index", base, in); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	more, err := synth.WriteDir(filepath.Join(dir, "more"), 3, 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r := ex99(t, "", "add", "-q", "--index", base, more[0]); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	zaps, _ := filepath.Glob(filepath.Join(base, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment files")
	}
	return base, filepath.Join("store", filepath.Base(zaps[len(zaps)-1]))
}

// TestDamagedIndex damages an index for real (files deleted, truncated,
// overwritten) and runs the commands over it: each answers or says the
// index is damaged and how to rebuild; none panics (a panic would end the
// test binary).
func TestDamagedIndex(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "innovo-2004q2.txt"), seedRelease())
	if _, err := synth.WriteDir(in, 0, 3, 0); err != nil {
		t.Fatal(err)
	}
	base, zap := buildBase(t, dir, in)
	truncate := func(name string, size int64) func(string) error {
		return func(idx string) error { return os.Truncate(filepath.Join(idx, name), size) }
	}
	remove := func(name string) func(string) error {
		return func(idx string) error { return os.RemoveAll(filepath.Join(idx, name)) }
	}
	overwrite := func(name string, at float64, data []byte) func(string) error {
		return func(idx string) error {
			f, err := os.OpenFile(filepath.Join(idx, name), os.O_RDWR, 0)
			if err != nil {
				return err
			}
			defer f.Close()
			st, _ := f.Stat()
			_, err = f.WriteAt(data, int64(float64(st.Size())*at))
			return err
		}
	}
	for _, c := range []struct {
		name   string
		damage func(idx string) error
		sure   bool // every command must see the damage
	}{
		{"root.bolt deleted", remove("store/root.bolt"), true},
		{"root.bolt truncated", truncate("store/root.bolt", 100), true},
		{"root.bolt empty", truncate("store/root.bolt", 0), true},
		{"segment deleted", remove(zap), true},
		{"segment truncated", truncate(zap, 1000), true},
		{"segment cut short", func(idx string) error {
			st, err := os.Stat(filepath.Join(idx, zap))
			if err != nil {
				return err
			}
			return os.Truncate(filepath.Join(idx, zap), st.Size()*9/10)
		}, true},
		{"segment empty", truncate(zap, 0), true},
		{"segment overwritten in the middle", overwrite(zap, 0.5, bytes.Repeat([]byte{0xff}, 8192)), false},
		{"segment overwritten near the end", overwrite(zap, 0.97, bytes.Repeat([]byte{0x7f}, 512)), false},
		{"root.bolt's first page overwritten", overwrite("store/root.bolt", 0, bytes.Repeat([]byte{0}, 4096)), false}, // bbolt has a second
		{"root.bolt's both meta pages overwritten", overwrite("store/root.bolt", 0, bytes.Repeat([]byte{0}, 8192)), true},
		{"metadata deleted", remove("index_meta.json"), true},
		{"metadata garbled", func(idx string) error {
			return os.WriteFile(filepath.Join(idx, "index_meta.json"), []byte("{garbage"), 0o644)
		}, true},
		{"store deleted", remove("store"), true},
	} {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			idx := filepath.Join(t.TempDir(), "idx")
			copyDir(t, base, idx)
			if err := c.damage(idx); err != nil {
				t.Fatal(err)
			}
			saw := 0
			for _, args := range [][]string{
				{"docs"}, {"ask", "net sales Q2 2004"}, {"ask", "--doc", "innovo-2004q2.txt", "net loss for the six months"},
				{"search", "conference call"}, {"facts"}, {"show", "innovo-2004q2.txt:378"}, {"add", in},
			} {
				r := ex99(t, "", append(args, "--index", idx)...)
				if r.code == 0 {
					continue
				}
				saw++
				if r.code != exitFailed || !strings.Contains(r.stderr, "is damaged") || !strings.Contains(r.stderr, "rm -r "+idx) ||
					strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
					t.Errorf("%s: want one line saying the index is damaged and how to rebuild: %v", args[0], r)
				}
			}
			if c.sure && saw < 7 {
				t.Errorf("%d of 7 commands saw the damage", saw)
			}
			// the advice works
			if saw > 0 {
				if err := os.RemoveAll(idx); err != nil {
					t.Fatal(err)
				}
				if r := ex99(t, "", "add", "-q", "--index", idx, in); r.code != 0 {
					t.Errorf("rebuild: %v", r)
				}
				if r := ex99(t, "", "ask", "--index", idx, "--doc", "innovo-2004q2.txt", "net sales Q2 2004"); r.code != 0 || !strings.Contains(r.stdout, "$30,023,000") {
					t.Errorf("ask after the rebuild: %v", r)
				}
			}
		})
	}
}

// TestRandomSegmentDamage overwrites random bytes of a segment file, many
// times: commands answer or report damage, and never crash.
func TestRandomSegmentDamage(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "innovo-2004q2.txt"), seedRelease())
	if _, err := synth.WriteDir(in, 0, 2, 0); err != nil {
		t.Fatal(err)
	}
	base, zap := buildBase(t, dir, in)
	rng := rand.New(rand.NewSource(99))
	damaged := 0
	for i := 0; i < 30; i++ {
		idx := filepath.Join(t.TempDir(), "idx")
		copyDir(t, base, idx)
		f, err := os.OpenFile(filepath.Join(idx, zap), os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		junk := make([]byte, 1+rng.Intn(64))
		rng.Read(junk)
		at := rng.Int63n(st.Size())
		if _, err := f.WriteAt(junk, at); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, args := range [][]string{{"docs"}, {"ask", "net sales Q2 2004"}, {"search", "conference call"}, {"facts"}} {
			r := ex99(t, "", append(args, "--index", idx)...)
			if r.code != 0 && (r.code != exitFailed || !strings.Contains(r.stderr, "is damaged")) {
				t.Errorf("%d bytes at %d: %s: %v", len(junk), at, args[0], r)
			}
			if r.code != 0 {
				damaged++
			}
		}
	}
	t.Logf("%d of %d commands reported damage", damaged, 30*4)
}

// TestFailedWriteLeavesIndexAlone: add and rm on a damaged index fail,
// saying it is damaged, and leave every file under it as it was. Scorch,
// opened for writing, removes the segment files its root does not list,
// which for an empty or missing root.bolt is every release.
func TestFailedWriteLeavesIndexAlone(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "innovo-2004q2.txt"), seedRelease())
	if _, err := synth.WriteDir(in, 0, 2, 0); err != nil {
		t.Fatal(err)
	}
	base, zap := buildBase(t, dir, in)
	for _, c := range []struct {
		name   string
		damage func(idx string) error
	}{
		{"root.bolt empty", func(idx string) error { return os.Truncate(filepath.Join(idx, "store", "root.bolt"), 0) }},
		{"root.bolt missing", func(idx string) error { return os.Remove(filepath.Join(idx, "store", "root.bolt")) }},
		{"segment truncated", func(idx string) error { return os.Truncate(filepath.Join(idx, zap), 1000) }},
		{"index_meta.json missing", func(idx string) error { return os.Remove(filepath.Join(idx, "index_meta.json")) }},
	} {
		for _, legacy := range []bool{false, true} {
			name := c.name
			if legacy {
				name += " made before the marker" // and the gate, which a writer would add
			}
			t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
				idx := filepath.Join(t.TempDir(), "idx")
				copyDir(t, base, idx)
				if legacy {
					for _, f := range []string{"ex99.json", "ex99.lock"} {
						if err := os.Remove(filepath.Join(idx, f)); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := c.damage(idx); err != nil {
					t.Fatal(err)
				}
				before := listing(t, idx)
				for _, args := range [][]string{{"add", in}, {"rm", "innovo-2004q2.txt"}} {
					r := ex99(t, "", append(args, "--index", idx)...)
					if r.code != exitFailed || !strings.Contains(r.stderr, "is damaged") {
						t.Errorf("%s: want a damaged index reported: %v", args[0], r)
					}
					if d := listingDiff(before, listing(t, idx)); d != "" {
						t.Errorf("%s changed the damaged index:\n%s", args[0], d)
					}
				}
			})
		}
	}
}

// listing describes every file and folder under dir by its path, size and
// SHA-256, to tell whether anything was added, removed or changed.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[rel] = "folder"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = fmt.Sprintf("%d bytes, sha256 %x", len(b), sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// listingDiff says what differs between two listings, or "" if nothing.
func listingDiff(before, after map[string]string) string {
	var b strings.Builder
	for _, p := range slices.Sorted(maps.Keys(before)) {
		if a, ok := after[p]; !ok {
			fmt.Fprintf(&b, "  %s removed (was %s)\n", p, before[p])
		} else if a != before[p] {
			fmt.Fprintf(&b, "  %s changed: %s, was %s\n", p, a, before[p])
		}
	}
	for _, p := range slices.Sorted(maps.Keys(after)) {
		if _, ok := before[p]; !ok {
			fmt.Fprintf(&b, "  %s added (%s)\n", p, after[p])
		}
	}
	return b.String()
}

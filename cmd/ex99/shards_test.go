package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/synth"
)

// TestShardDamage damages one shard of a sharded index: the alias
// searches each shard in a goroutine of its own, out of reach of the
// recover that guards a search, so a panic there would end the process.
// Every command answers or says the index is damaged; none crashes.
//
// The damage is to whole regions of a segment (cut short, removed, its
// footer zeroed), not random bytes: random bytes in a shard's segment
// sometimes made a command allocate without bound (4–24 GB under -race;
// see the closing note of issue 15), which TestRandomSegmentDamage's
// single index has not shown.
func TestShardDamage(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "innovo-2004q2.txt"), seedRelease())
	if _, err := synth.WriteDir(in, 0, 5, 0); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "base")
	if r := ex99(t, "", "add", "-q", "--shards", "2", "--index", base, in); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	zaps, _ := filepath.Glob(filepath.Join(base, "shard-01", "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment files in shard-01")
	}
	zap, _ := filepath.Rel(base, zaps[0])
	zeroTail := func(path string) error {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		defer f.Close()
		st, _ := f.Stat()
		_, err = f.WriteAt(make([]byte, 64), st.Size()-64)
		return err
	}
	damaged := 0
	for _, c := range []struct {
		name   string
		damage func(path string) error
	}{
		{"cut to 1000 bytes", func(p string) error { return os.Truncate(p, 1000) }},
		{"cut in half", func(p string) error {
			st, err := os.Stat(p)
			if err != nil {
				return err
			}
			return os.Truncate(p, st.Size()/2)
		}},
		{"removed", os.Remove},
		{"footer zeroed", zeroTail},
	} {
		idx := filepath.Join(t.TempDir(), "idx")
		copyDir(t, base, idx)
		if err := c.damage(filepath.Join(idx, zap)); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"docs"}, {"ask", "net sales Q2 2004"}, {"search", "net sales"}, {"facts"}} {
			r := ex99(t, "", append(args, "--index", idx)...)
			if r.code != 0 && (r.code != exitFailed || !strings.Contains(r.stderr, "is damaged")) {
				t.Errorf("%s: %s: %v", c.name, args[0], r)
			}
			if r.code != 0 {
				damaged++
			}
		}
	}
	t.Logf("%d of %d commands reported damage", damaged, 4*4)
}

package main

import (
	"math/rand"
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
	rng := rand.New(rand.NewSource(7))
	damaged := 0
	for i := 0; i < 12; i++ {
		idx := filepath.Join(t.TempDir(), "idx")
		copyDir(t, base, idx)
		if i == 0 {
			if err := os.Truncate(filepath.Join(idx, zap), 1000); err != nil {
				t.Fatal(err)
			}
		} else {
			junk := make([]byte, 1+rng.Intn(64))
			rng.Read(junk)
			f, err := os.OpenFile(filepath.Join(idx, zap), os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			st, _ := f.Stat()
			if _, err := f.WriteAt(junk, rng.Int63n(st.Size())); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		for _, args := range [][]string{{"docs"}, {"ask", "net sales Q2 2004"}, {"search", "net sales"}, {"facts"}} {
			r := ex99(t, "", append(args, "--index", idx)...)
			if r.code != 0 && (r.code != exitFailed || !strings.Contains(r.stderr, "is damaged")) {
				t.Errorf("damage %d: %s: %v", i, args[0], r)
			}
			if r.code != 0 {
				damaged++
			}
		}
	}
	t.Logf("%d of %d commands reported damage", damaged, 12*4)
}

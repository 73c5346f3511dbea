//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
)

// TestWritersAmongReaders: with four processes running ask over and over,
// every add and rm gets the index within a bounded wait. Readers hold a
// shared lock on the index for as long as they read; before the gate, their
// locks overlapped and most writers failed "busy" after their one second.
func TestWritersAmongReaders(t *testing.T) {
	if testing.Short() {
		t.Skip("runs reader processes for several seconds")
	}
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, seed.Name), seedRelease())
	if _, err := synth.WriteDir(in, 0, 3, 0); err != nil {
		t.Fatal(err)
	}
	more, err := synth.WriteDir(filepath.Join(dir, "more"), 10, 4, 0)
	if err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "idx")
	if r := ex99(t, "", "add", "-q", "--index", idx, in); r.code != 0 {
		t.Fatalf("add: %v", r)
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var asked, busy atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				cmd := exec.Command(os.Args[0], "ask", "--index", idx, "net sales Q2 2004")
				cmd.Env = append(os.Environ(), "EX99_TEST_MAIN=1")
				out, err := cmd.CombinedOutput()
				switch {
				case err == nil:
					asked.Add(1)
				case strings.Contains(string(out), "busy"):
					busy.Add(1)
				default:
					t.Errorf("ask: %v: %s", err, out)
					return
				}
			}
		}()
	}
	defer func() {
		close(stop)
		wg.Wait()
	}()
	for asked.Load() < 4 { // the readers are at it
		time.Sleep(10 * time.Millisecond)
	}

	start := time.Now()
	var longest time.Duration
	for _, f := range more {
		for _, args := range [][]string{{"add", "-q", f}, {"rm", filepath.Base(f)}, {"add", "-q", f}} {
			r := ex99(t, "", append(args, "--index", idx)...)
			if r.code != 0 {
				t.Errorf("%s among readers: %v", args[0], r)
			}
			longest = max(longest, r.took)
		}
	}
	took := time.Since(start)
	t.Logf("%d writes in %v, the longest %v; meanwhile %d asks answered and %d were told busy",
		3*len(more), took.Round(time.Millisecond), longest.Round(time.Millisecond), asked.Load(), busy.Load())
	if took > 20*time.Second {
		t.Errorf("the writes took %v among readers", took)
	}
	if got := len(docNames(t, idx)); got != 4+len(more) {
		t.Errorf("the index holds %d releases, want %d", got, 4+len(more))
	}
}


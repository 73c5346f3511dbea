//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/synth"
)

// startAdd starts `ex99 add` of n synthetic releases in a child process and
// returns once it holds the index (its bolt file exists and is locked).
func startAdd(t *testing.T, n int, env ...string) (cmd *exec.Cmd, idx, in string, logs fmt.Stringer) {
	t.Helper()
	return startAddShards(t, n, 1, env...)
}

// startAddShards is startAdd into a new index of the given shard count.
func startAddShards(t *testing.T, n, shards int, env ...string) (cmd *exec.Cmd, idx, in string, logs fmt.Stringer) {
	t.Helper()
	dir := t.TempDir()
	in = filepath.Join(dir, "in")
	if _, err := synth.WriteDir(in, 0, n, 4); err != nil {
		t.Fatal(err)
	}
	idx = filepath.Join(dir, "idx")
	lock := filepath.Join(idx, "store", "root.bolt")
	if shards > 1 {
		lock = filepath.Join(idx, "shard-00", "store", "root.bolt")
	}
	cmd, out := child(t, env, "add", "-q", "--shards", strconv.Itoa(shards), "--index", idx, in)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	deadline := time.Now().Add(20 * time.Second)
	for !writeLocked(lock) {
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatalf("add did not open the index: %s", out)
		}
		time.Sleep(2 * time.Millisecond)
	}
	return cmd, idx, in, out
}

// writeLocked reports whether a process holds an exclusive lock on a file.
func writeLocked(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}

// waitForBatch waits until add has written a batch (a segment file).
func waitForBatch(t *testing.T, cmd *exec.Cmd, idx string, logs fmt.Stringer) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		zaps, _ := filepath.Glob(filepath.Join(idx, "store", "*.zap"))
		sharded, _ := filepath.Glob(filepath.Join(idx, "shard-*", "store", "*.zap"))
		if len(zaps)+len(sharded) > 0 {
			return
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatalf("no batch written: %s", logs)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestReadersWhileAdding: while add writes, ask, search, docs and prompt
// in other processes say at once that the index is busy (exit 1), a
// second add too; none waits. Once add is gone (killed here, to keep the
// test short) they answer.
func TestReadersWhileAdding(t *testing.T) {
	cmd, idx, in, logs := startAdd(t, 200, "EX99_BATCH_ENTRIES=300") // small batches: add runs a few seconds
	for _, args := range [][]string{
		{"ask", "net sales Q2 2004"}, {"ask", "--json", "-"}, {"search", "net sales"}, {"docs"}, {"facts"},
		{"show", "x.txt:1"}, {"prompt"}, {"add", in}, {"rm", "x.txt"},
	} {
		if cmd.ProcessState != nil {
			t.Fatalf("add ended before the readers ran: %s", logs)
		}
		r := ex99(t, "net sales\n", append(args, "--index", idx)...)
		limit := time.Second // readers are told at once
		if args[0] == "add" || args[0] == "rm" {
			limit = 2 * time.Second // a writer waits a second for another writer
		}
		if r.code != exitFailed || !strings.Contains(r.stderr, "busy") || r.took > limit {
			t.Errorf("%s while add runs: want a busy message within %v: %v", args[0], limit, r)
		}
	}
	// a reader in another process, timed from its start
	start := time.Now()
	c, out := child(t, nil, "ask", "--index", idx, "net sales")
	err := c.Wait()
	if took := time.Since(start); err == nil || !strings.Contains(out.String(), "busy") || took > 2*time.Second {
		t.Errorf("ask in a child process: %v after %v: %s", err, took, out)
	}
	if cmd.ProcessState != nil {
		t.Fatalf("add ended before the readers ran: %s", logs)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	_ = cmd.Wait()
	for _, args := range [][]string{{"ask", "net sales Q2 2004"}, {"search", "net sales"}, {"docs"}} {
		r := ex99(t, "", append(args, "--index", idx)...)
		if !worked(r) { // the kill may come before the first release is written
			t.Errorf("%s after add: %v", args[0], r)
		}
	}
}

// TestKillDuringAdd kills add with SIGKILL while it writes: the index
// opens, every release in it is complete, and running the same add again
// adds the rest.
func TestKillDuringAdd(t *testing.T) {
	for _, shards := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d shards", shards), func(t *testing.T) { killDuringAdd(t, shards) })
	}
}

// killDuringAdd is TestKillDuringAdd over an index of the given shard
// count: a batch writes several shards, and a kill may fall between them.
func killDuringAdd(t *testing.T, shards int) {
	const n = 64
	cmd, idx, in, logs := startAddShards(t, n, shards, "EX99_BATCH_ENTRIES=300") // a few releases a batch
	// wait for a first batch on disk, then kill in the middle of the next
	waitForBatch(t, cmd, idx, logs)
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Skipf("add ended before the kill (%v); the machine is too fast for this test", err)
	}
	present := checkComplete(t, idx)
	t.Logf("%d of %d releases were in the index when add was killed", present, n)
	if present > 0 {
		name := docNames(t, idx)[0]
		r := ex99(t, "", "ask", "--index", idx, "--doc", name, "--json", "net sales for the three months")
		if r.code != 0 || !strings.Contains(r.stdout, `"kind":"fact"`) {
			t.Errorf("ask after the kill: %v", r)
		}
	}
	// the same add again finishes the job, skipping what is there
	r := ex99(t, "", "add", "--index", idx, in)
	if r.code != 0 || (present > 0 && !strings.Contains(r.stderr, fmt.Sprintf("%d unchanged", present))) {
		t.Fatalf("second add: %v", r)
	}
	if got := checkComplete(t, idx); got != n {
		t.Fatalf("after the second add the index holds %d releases, want %d", got, n)
	}
}

// checkComplete opens an index and checks that every release in it has all
// its records and facts, and that no records belong to a release the index
// does not list. It returns the number of releases.
func checkComplete(t *testing.T, idx string) int {
	t.Helper()
	x, err := index.Open(idx, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the index does not open: %v", err)
	}
	defer x.Close()
	ds, err := x.Docs()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, d := range ds {
		listed[d.Name] = true
		p, r, err := x.Records(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := x.AllFacts(d.Name)
		if err != nil {
			t.Fatal(err)
		}
		if p != d.Passages || r != d.Rows || len(fs) != d.Facts || d.Facts == 0 {
			t.Errorf("%s is incomplete: %d of %d passages, %d of %d rows, %d of %d facts", d.Name, p, d.Passages, r, d.Rows, len(fs), d.Facts)
		}
	}
	// records of releases with no doc record would be half a release
	hits, err := x.Passages(index.PassageQuery{Text: "net sales", Size: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if !listed[h.Doc] {
			t.Errorf("passage of %s, which the index does not list", h.Doc)
		}
	}
	if err := x.Err(); err != nil {
		t.Fatal(err)
	}
	return len(ds)
}

//go:build unix

package main

import (
	"bufio"
	"io"
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

// TestPromptLetsWritersIn: a prompt waiting for its next question holds
// no lock on the index: add goes ahead without waiting, and the prompt's
// next answer sees what add wrote.
func TestPromptLetsWritersIn(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	release := writeFile(t, filepath.Join(dir, "in", seed.Name), seedRelease())
	idx := filepath.Join(dir, "idx")
	if r := ex99(t, "", "add", "-q", "--index", idx, release); r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	cmd := exec.Command(os.Args[0], "prompt", "--index", idx)
	cmd.Env = append(os.Environ(), "EX99_TEST_MAIN=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	ask := func(q, want string) {
		t.Helper()
		if _, err := io.WriteString(stdin, q+"\n"); err != nil {
			t.Fatal(err)
		}
		timeout := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("the prompt ended before answering %q", q)
				}
				if strings.Contains(l, want) {
					return
				}
			case <-timeout:
				t.Fatalf("no %q in the answer to %q", want, q)
			}
		}
	}
	ask("Joe's net sales Q2 2004", "$4,394,000")
	// the prompt now waits for input, the index closed
	other := writeFile(t, filepath.Join(dir, "in2", "other.txt"), seedRelease())
	r := ex99(t, "", "add", "--index", idx, other)
	if r.code != 0 || strings.Contains(r.stderr, "waiting for readers") || r.took > 5*time.Second {
		t.Errorf("add while a prompt is open: want it added without waiting: %v", r)
	}
	ask(":docs", "other.txt")
}

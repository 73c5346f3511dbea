package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ex99/ex99/internal/seed"
)

var (
	sharedOnce sync.Once
	sharedDir  string
)

// seedIndex is an index of the built-in release on disk, built once for
// all tests (answering from --index is faster than building the built-in
// in-memory index on every run).
func seedIndex(t testing.TB) string {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ex99-test-")
		if err != nil {
			t.Fatal(err)
		}
		sharedDir = dir
		writeFile(t, filepath.Join(dir, seed.Name), seedRelease())
		r := ex99(t, "", "add", "-q", "--index", filepath.Join(dir, "idx"), filepath.Join(dir, seed.Name))
		if r.code != 0 {
			t.Fatalf("add: %v", r)
		}
	})
	return filepath.Join(sharedDir, "idx")
}

// result is what one ex99 run printed and returned.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

func (r result) String() string {
	return fmt.Sprintf("exit %d after %v\nstdout:\n%s\nstderr:\n%s", r.code, r.took.Round(time.Millisecond), clipText(r.stdout), clipText(r.stderr))
}

func clipText(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// ex99 runs ex99 in this process with args and stdin, and fails the test
// on a panic (run does not recover one, so a panic ends the test binary).
func ex99(t testing.TB, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	start := time.Now()
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return result{stdout: out.String(), stderr: errb.String(), code: code, took: time.Since(start)}
}

// child starts ex99 as a separate process, with env added to the test's.
func child(t testing.TB, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "EX99_TEST_MAIN=1"), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	cmd.Stdout = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

func writeFile(t testing.TB, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// docNames lists the releases in an index (ex99 docs --json).
func docNames(t testing.TB, idx string) []string {
	t.Helper()
	r := ex99(t, "", "docs", "--json", "--index", idx)
	if r.code != 0 {
		t.Fatalf("docs: %v", r)
	}
	var names []string
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	for dec.More() {
		var d struct{ Name string }
		if err := dec.Decode(&d); err != nil {
			t.Fatal(err)
		}
		names = append(names, d.Name)
	}
	return names
}

// seedRelease is the built-in release's text.
func seedRelease() []byte { return bytes.Clone(seed.Release) }

// noIndexEnv keeps tests from reading or writing the user's index.
func noIndexEnv(t *testing.T) {
	t.Setenv("EX99_INDEX", filepath.Join(t.TempDir(), "no-index"))
}

// worked reports whether a run of ask or search worked: exit 0, or exit 1
// for nothing found (an answer "none", a search without hits), with no
// error said on stderr, only the notice of the built-in release and that
// no line matches.
func worked(r result) bool {
	if r.code == 0 {
		return true
	}
	if r.code != exitFailed {
		return false
	}
	// the built-in release's notice, then the no-match message (whose
	// terms may hold line breaks)
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		switch {
		case strings.HasPrefix(l, "ex99: no line matches"):
			return r.stdout == ""
		case l != "" && !strings.Contains(l, "answering from the built-in release"):
			return false
		}
	}
	return true
}

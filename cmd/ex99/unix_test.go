//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestAddSpecialFiles: a named pipe given to add is refused at once (reading
// it would wait forever); the other file goes in.
func TestAddSpecialFiles(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	good := writeFile(t, filepath.Join(dir, "innovo-2004q2.txt"), seedRelease())
	done := make(chan result, 1)
	go func() { done <- ex99(t, "", "add", "--index", filepath.Join(dir, "idx"), fifo, good, "/dev/null") }()
	select {
	case r := <-done:
		if r.code != exitFailed || !strings.Contains(r.stderr, fifo+": not a regular file") ||
			!strings.Contains(r.stderr, "/dev/null: not a regular file") || !strings.Contains(r.stderr, "added 1 release ") {
			t.Errorf("add: %v", r)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("add hangs on a named pipe")
	}
}

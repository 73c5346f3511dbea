package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ex99/ex99/internal/synth"
)

// TestAddWritesWhileASlowFileParses: releases already extracted are
// written within the writer's delay (2s) even while the next file is still
// being read, so that a kill then loses only the slow one. Fixed bugs: the
// delay was checked only when the next release arrived, so finished work
// sat unwritten behind a slow file, and add said nothing while it waited.
func TestAddWritesWhileASlowFileParses(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "a-2004q2.txt"), seedRelease())
	slow := writeFile(t, filepath.Join(in, "b-2004q2.txt"), []byte(strings.Replace(string(seedRelease()), "Innovo", "Slowco", 1)))
	release := make(chan struct{})
	defer func(f func(string) ([]byte, error)) { readFile = f }(readFile)
	orig := readFile
	readFile = func(p string) ([]byte, error) {
		if p == slow {
			<-release
		}
		return orig(p)
	}
	idx := filepath.Join(dir, "idx")
	done := make(chan result, 1)
	go func() { done <- ex99(t, "", "add", "--index", idx, in) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		zaps, _ := filepath.Glob(filepath.Join(idx, "store", "*.zap"))
		if len(zaps) > 0 {
			break
		}
		if time.Now().After(deadline) {
			close(release)
			t.Fatalf("the first release was not written while the second was still being read: %v", <-done)
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(slowNote + 500*time.Millisecond) // add says it waits
	close(release)
	r := <-done
	if r.code != 0 {
		t.Fatalf("add: %v", r)
	}
	if !strings.Contains(r.stderr, "b-2004q2.txt is taking a while") {
		t.Errorf("add did not say that it waits for the slow file: %v", r)
	}
	if got := strings.Join(docNames(t, idx), " "); got != "a-2004q2.txt b-2004q2.txt" {
		t.Errorf("index holds %s", got)
	}
}

// TestAddParallelStress adds many text and HTML releases (and the corpus,
// when ../shared is here) into fresh indexes, several times: add extracts
// on several workers at once. .ci/run runs it under -race, which reports
// any state the workers share without a lock. Fixed bugs: a global cache
// in the HTML parser killed 14 of 60 adds of the corpus ("concurrent map
// read and map write", exit 2).
func TestAddParallelStress(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	n := 40
	if testing.Short() {
		n = 12
	}
	if _, err := synth.WriteDir(in, 0, n, 2); err != nil {
		t.Fatal(err)
	}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "*.*"))
	for _, p := range corpus {
		if filepath.Ext(p) != ".md" {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(in, filepath.Base(p)), src)
		}
	}
	want := n + len(corpus)
	if len(corpus) > 0 {
		want-- // SOURCES.md
	}
	for round := 0; round < 3; round++ {
		idx := filepath.Join(dir, fmt.Sprintf("idx%d", round))
		r := ex99(t, "", "add", "-q", "--index", idx, in)
		if r.code != 0 {
			t.Fatalf("round %d: %v", round, r)
		}
		if got := len(docNames(t, idx)); got != want {
			t.Fatalf("round %d: %d releases in the index, want %d", round, got, want)
		}
	}
}

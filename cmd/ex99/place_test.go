package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/seed"
)

// TestNotAnIndex: a path that holds something other than an ex99 index (a
// file, a folder of other files such as / or a home folder), given by
// --index or EX99_INDEX, is refused by every command, reading or writing,
// as not an index: never called damaged, never offered to rm -r, and left
// exactly as it was. An empty folder is still where add makes an index.
func TestNotAnIndex(t *testing.T) {
	noIndexEnv(t)
	dir := t.TempDir()
	release := writeFile(t, filepath.Join(dir, "in", seed.Name), seedRelease())
	home := filepath.Join(dir, "home")
	writeFile(t, filepath.Join(home, ".profile"), []byte("PATH=/bin\n"))
	writeFile(t, filepath.Join(home, "notes.txt"), []byte("hello\n"))
	etc := filepath.Join(dir, "etc")
	writeFile(t, filepath.Join(etc, "passwd"), []byte("root:x:0:0::/root:/bin/sh\n"))
	if err := os.MkdirAll(filepath.Join(etc, "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, filepath.Join(dir, "file.txt"), []byte("hello\n"))
	commands := [][]string{{"docs"}, {"ask", "net sales Q2 2004"}, {"search", "net sales"}, {"add", release}, {"rm", seed.Name}}
	for _, c := range []struct {
		name, path string
		env        bool // given by EX99_INDEX rather than --index
		writes     bool // run the writing commands too (not on real system folders)
	}{
		{"a home folder", home, false, true},
		{"a system folder by EX99_INDEX", etc, true, true},
		{"a file", file, false, true},
		{"the root folder", "/", false, false},
	} {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			before := listing(t, dir)
			for _, args := range commands {
				if (args[0] == "add" || args[0] == "rm") && !c.writes {
					continue
				}
				if c.env {
					t.Setenv("EX99_INDEX", c.path)
				} else {
					args = append(args, "--index", c.path)
				}
				r := ex99(t, "", args...)
				if r.code != exitFailed || !strings.Contains(r.stderr, c.path+" is not an ex99 index") ||
					strings.Contains(r.stderr, "damaged") || strings.Contains(r.stderr, "rm -r") {
					t.Errorf("%s: want it refused as not an ex99 index: %v", args[0], r)
				}
				if c.env && !strings.Contains(r.stderr, "EX99_INDEX") {
					t.Errorf("%s: the message does not say the path came from EX99_INDEX: %v", args[0], r)
				}
			}
			if d := listingDiff(before, listing(t, dir)); d != "" {
				t.Errorf("the commands changed files:\n%s", d)
			}
		})
	}
	t.Run("an_empty_folder", func(t *testing.T) {
		empty := filepath.Join(dir, "empty")
		if err := os.Mkdir(empty, 0o755); err != nil {
			t.Fatal(err)
		}
		if r := ex99(t, "", "ask", "--index", empty, "net sales Q2 2004"); r.code != 0 || !strings.Contains(r.stderr, "built-in release") {
			t.Errorf("ask: want the built-in release: %v", r)
		}
		if r := ex99(t, "", "add", "-q", "--index", empty, release); r.code != 0 {
			t.Errorf("add: %v", r)
		}
		if r := ex99(t, "", "docs", "--index", empty); r.code != 0 || !strings.Contains(r.stdout, seed.Name) {
			t.Errorf("docs: %v", r)
		}
	})
}

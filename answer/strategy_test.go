package answer

import (
	"cmp"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/evalqa"
	"github.com/ex99/ex99/nlq"
)

// TestStrategyTableMatchesDocs checks that docs/ANSWERING.md lists the
// strategies by name in the order the engine tries them, and that the
// table ends with the strategy that never declines.
func TestStrategyTableMatchesDocs(t *testing.T) {
	b, err := os.ReadFile("../docs/ANSWERING.md")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, m := range regexp.MustCompile("(?m)^\\d+\\. `([^`]+)` — ").FindAllStringSubmatch(string(b), -1) {
		documented = append(documented, m[1])
	}
	var names []string
	for _, s := range strategies {
		names = append(names, s.name)
		if s.name == "" || s.path == "" || s.when == "" || s.applies == nil || s.try == nil {
			t.Errorf("strategy %q is incomplete", s.name)
		}
	}
	if !slices.Equal(names, documented) {
		t.Errorf("strategies %q,\ndocs/ANSWERING.md lists %q", names, documented)
	}
	if last := strategies[len(strategies)-1]; last.name != "not found" || last.path != "not found" {
		t.Errorf("the last strategy is %q, want \"not found\"", last.name)
	}
}

// TestComputingStrategiesExclusive checks what the table's comment and
// docs/ANSWERING.md promise of the computing strategies from "derived
// change" to "comparison", over every question of the repository's sets
// (and of ../shared's, when present):
// no two apply to one question, except the three tried in turn on a
// change of a metric (which then make one).
func TestComputingStrategiesExclusive(t *testing.T) {
	files, _ := filepath.Glob("../testdata/qa/*.qa.jsonl")
	more, _ := filepath.Glob(filepath.Join(shared, "eval", "*.qa.jsonl"))
	files = append(append(files, "../testdata/innovo-2004q2.qa.jsonl"), more...)
	group := map[string]string{"stated growth rate": "change", "change": "change", "stated percentage change": "change"}
	from := slices.IndexFunc(strategies, func(s strategy) bool { return s.name == "derived change" })
	to := slices.IndexFunc(strategies, func(s strategy) bool { return s.name == "comparison" })
	n := 0
	for _, f := range files {
		items, err := evalqa.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range items {
			q := nlq.Parse(it.Q)
			applied := map[string]bool{}
			for _, s := range strategies[from : to+1] {
				if s.applies(q) {
					applied[cmp.Or(group[s.name], s.name)] = true
				}
			}
			if len(applied) > 1 {
				var names []string
				for k := range applied {
					names = append(names, k)
				}
				slices.Sort(names)
				t.Errorf("%q: %s all apply", it.Q, strings.Join(names, ", "))
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no questions")
	}
}

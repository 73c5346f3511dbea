package answer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/evalqa"
)

// memIndex indexes the given files in memory.
func memIndex(t testing.TB, paths ...string) *index.Index {
	t.Helper()
	x, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	w := x.NewWriter()
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := extract.Parse(filepath.Base(p), src)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return x
}

// runSet asks every question of a set through the JSON contract and tallies
// the verdicts as score.py would.
func runSet(t *testing.T, x *index.Index, items []evalqa.Item, byDoc bool) evalqa.Tally {
	t.Helper()
	tally := evalqa.Tally{}
	for _, it := range items {
		e := &Engine{Index: x}
		if byDoc && !it.NoDoc {
			e.Doc = it.Doc
		}
		a := e.Ask(it.Q)
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var r evalqa.Response
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		v := evalqa.Judge(it, &r)
		tally[v]++
		if v != evalqa.OK && testing.Verbose() {
			t.Logf("[%s] %q expected %s %q; got %s %q %.90q", v, it.Q, it.Kind, it.Value, a.Kind, a.Value, a.Answer)
		}
	}
	return tally
}

// TestInnovoQuestions runs the seed release's question set and fails below 95%.
func TestInnovoQuestions(t *testing.T) {
	items, err := evalqa.Load("../testdata/innovo-2004q2.qa.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x := memIndex(t, "../testdata/innovo-2004q2.txt")
	tally := runSet(t, x, items, true)
	t.Logf("innovo-2004q2: %s", tally)
	if tally.Pct() < 95 {
		t.Errorf("innovo-2004q2 score %.1f%% is below 95%%: %s", tally.Pct(), tally)
	}
}

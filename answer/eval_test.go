package answer

import (
	"encoding/json"
	"fmt"
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
		addRelease(t, w, p)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return x
}

// addRelease parses the release at path and adds it under its base name.
func addRelease(t testing.TB, w *index.Writer, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Parse(filepath.Base(path), src)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(d); err != nil {
		t.Fatal(err)
	}
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

// TestInnovoQuestions runs the seed release's question set and fails below 98%
// (one miss in 70): the seed is answered whole, and a slip is a regression.
func TestInnovoQuestions(t *testing.T) {
	items, err := evalqa.Load("../testdata/innovo-2004q2.qa.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	x := memIndex(t, "../testdata/innovo-2004q2.txt")
	tally := runSet(t, x, items, true)
	t.Logf("innovo-2004q2: %s", tally)
	if tally.Pct() < 98 {
		t.Errorf("innovo-2004q2 score %.1f%% is below 98%%: %s", tally.Pct(), tally)
	}
}

// shared is where the shared question sets and corpus live (outside the repo).
var shared = filepath.Join("..", "..", "shared")

func haveShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		t.Skip("../shared/corpus is absent")
	}
}

// TestCorpusSets runs the shared question sets for real releases and our own
// sets for the releases without one. Each must stay at or above its floor
// (set one or two questions below the score when it was last raised), and
// the shared sets may give no wrong number: "none" beats a wrong figure.
func TestCorpusSets(t *testing.T) {
	haveShared(t)
	sets := []struct {
		path     string
		floor    float64
		maxWrong int // -1 for no limit
	}{
		{filepath.Join(shared, "eval", "southern-2004q4.qa.jsonl"), 90, 0},
		{filepath.Join(shared, "eval", "apple-2004q3.qa.jsonl"), 90, 0},
		{filepath.Join(shared, "eval", "buckle-2024q3.qa.jsonl"), 90, 0},
		{filepath.Join(shared, "eval", "caterpillar-2022q1.qa.jsonl"), 83, 0},
		{filepath.Join(shared, "eval", "goldman-2021q4.qa.jsonl"), 75, 0},
		{filepath.Join(shared, "eval", "abvc-2024fy.qa.jsonl"), 90, 0},
		{filepath.Join("..", "testdata", "qa", "sears-2004q2.qa.jsonl"), 90, -1},
		{filepath.Join("..", "testdata", "qa", "southern-2006q4.qa.jsonl"), 66, -1},
		{filepath.Join("..", "testdata", "qa", "apple-2024q1.qa.jsonl"), 66, -1},
		{filepath.Join("..", "testdata", "qa", "oracle-2014q4.qa.jsonl"), 91, -1},
		{filepath.Join("..", "testdata", "qa", "pnc-2020q4.qa.jsonl"), 91, -1},
		{filepath.Join("..", "testdata", "qa", "nvidia-2026q4.qa.jsonl"), 91, -1},
		{filepath.Join("..", "testdata", "qa", "innovo-2004q2.more.qa.jsonl"), 87, -1},
	}
	for _, s := range sets {
		items, err := evalqa.Load(s.path)
		if err != nil {
			t.Fatal(err)
		}
		doc := items[0].Doc
		path := filepath.Join(shared, "corpus", doc)
		if _, err := os.Stat(path); err != nil {
			path = filepath.Join("..", "testdata", doc)
		}
		x := memIndex(t, path)
		tally := runSet(t, x, items, true)
		t.Logf("%s: %s", filepath.Base(s.path), tally)
		if tally.Pct() < s.floor {
			t.Errorf("%s: %.1f%% is below its floor %.0f%%", filepath.Base(s.path), tally.Pct(), s.floor)
		}
		if s.maxWrong >= 0 && tally[evalqa.Wrong] > s.maxWrong {
			t.Errorf("%s: %d wrong answers, at most %d allowed", filepath.Base(s.path), tally[evalqa.Wrong], s.maxWrong)
		}
	}
}

// TestTATQA runs TAT-QA's development questions (annual-report tables and
// text) and reports the score by op; the fact and arithmetic questions must
// stay above their floors. It takes a few seconds; -short skips it.
func TestTATQA(t *testing.T) {
	dir := filepath.Join(shared, "external", "tatqa-dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/external/tatqa-dev is absent")
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	items, err := evalqa.Load(filepath.Join(dir, "qa.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	byOp := map[string]evalqa.Tally{}
	core := evalqa.Tally{}
	askTATQA(t, filepath.Join(dir, "docs"), items, func(x *index.Index, _ int, it evalqa.Item) {
		tally := runSet(t, x, []evalqa.Item{it}, true)
		op := it.Kind + "/" + it.Op
		if byOp[op] == nil {
			byOp[op] = evalqa.Tally{}
		}
		for k, v := range tally {
			byOp[op][k] += v
			if it.Kind == "fact" || it.Kind == "computed" && (it.Op == "change" || it.Op == "pct_change" || it.Op == "ratio" || it.Op == "sum" || it.Op == "average") {
				core[k] += v
			}
		}
	})
	for op, tally := range byOp {
		t.Logf("tatqa %-22s %s", op, tally)
	}
	t.Logf("tatqa fact + change/pct_change/ratio/sum/average: %s", core)
	// floors a little under the scores when last raised (fact 66.4%, core 60.0%)
	if f := byOp["fact/lookup"]; f.Pct() < 65 {
		t.Errorf("TAT-QA fact score %.1f%% is below its floor 65%%", f.Pct())
	}
	if core.Pct() < 59.5 {
		t.Errorf("TAT-QA core score %.1f%% is below its floor 59.5%%", core.Pct())
	}
}

// askTATQA runs TAT-QA's questions the way its scores are measured here:
// each document (in the order of its first question, from folder docs) in
// an in-memory index of its own, its questions asked in turn. ask is
// called for each item (i its place in items) with the document's index;
// it asks the question itself, of that document.
func askTATQA(t *testing.T, docs string, items []evalqa.Item, ask func(x *index.Index, i int, it evalqa.Item)) {
	t.Helper()
	byDoc := map[string][]int{}
	var order []string
	for i, it := range items {
		if _, ok := byDoc[it.Doc]; !ok {
			order = append(order, it.Doc)
		}
		byDoc[it.Doc] = append(byDoc[it.Doc], i)
	}
	for _, d := range order {
		x := memIndex(t, filepath.Join(docs, d))
		for _, i := range byDoc[d] {
			ask(x, i, items[i])
		}
		x.Close()
	}
}

// summary says what an answer is in a few words: its kind and value, and
// where it came from ("fact 4394000 USD innovo-2004q2.txt:171").
func summary(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "(no answer)"
	}
	var a Answer
	if err := json.Unmarshal(raw, &a); err != nil {
		return "(unreadable answer)"
	}
	s := a.Kind
	if a.Value != "" {
		s += " " + a.Value
		if a.Unit != "" {
			s += " " + a.Unit
		}
	}
	if len(a.Citations) > 0 {
		c := a.Citations[0]
		s += fmt.Sprintf(" %s:%d", c.Doc, c.Line)
	} else if len(a.Closest) > 0 {
		s += fmt.Sprintf(" closest %s:%d", a.Closest[0].Doc, a.Closest[0].Line)
	}
	return s
}

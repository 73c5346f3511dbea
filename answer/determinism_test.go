package answer

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/evalqa"
)

// TestSameAnswersAnyInsertionOrder builds an index of every release twice,
// adding them forward and then in reverse (as a parallel add may), and
// asks both every analyst question without --doc: the JSON answers must
// be the same, byte for byte. Bleve numbers documents in the order they
// are written and breaks ties in score by that number; ex99 must not.
func TestSameAnswersAnyInsertionOrder(t *testing.T) {
	haveShared(t)
	items, err := evalqa.Load(filepath.Join(shared, "eval", "analyst-questions.qa.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, dir := range []string{filepath.Join(shared, "corpus"), filepath.Join(shared, "seed")} {
		ps, err := filepath.Glob(filepath.Join(dir, "*.*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if filepath.Ext(p) == ".htm" || filepath.Ext(p) == ".txt" {
				paths = append(paths, p)
			}
		}
	}
	if len(paths) < 13 {
		t.Fatalf("found %d releases in ../shared, want 13", len(paths))
	}
	answers := func(order []string) [][]byte {
		x := orderedIndex(t, order)
		defer x.Close()
		var out [][]byte
		for _, it := range items {
			e := &Engine{Index: x}
			var b bytes.Buffer
			if err := e.Ask(it.Q).WriteJSON(&b); err != nil {
				t.Fatal(err)
			}
			out = append(out, b.Bytes())
		}
		return out
	}
	forward := answers(paths)
	reversed := slices.Clone(paths)
	slices.Reverse(reversed)
	backward := answers(reversed)
	for i, it := range items {
		if !bytes.Equal(forward[i], backward[i]) {
			t.Errorf("%q: added forward: %s; added in reverse: %s", it.Q, summary(forward[i]), summary(backward[i]))
		}
	}
}

// orderedIndex indexes the releases in memory in the order given, one
// write each, so that Bleve's document numbers follow that order.
func orderedIndex(t *testing.T, paths []string) *index.Index {
	t.Helper()
	x := memIndex(t)
	for _, p := range paths {
		w := x.NewWriter()
		addRelease(t, w, p)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	return x
}

package index

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
)

// TestRankingIgnoresInsertionOrder indexes three copies of the seed
// release under different names, in one order and then in the reverse:
// every record of one copy ties in score with its twins, and each search
// must return the same hits in the same order either way, ties broken by
// record ID (so the copy named first wins), whether the tie falls inside
// the hits returned or across their cut.
func TestRankingIgnoresInsertionOrder(t *testing.T) {
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"a.txt", "b.txt", "c.txt"}
	docs := map[string]*extract.Document{}
	for _, n := range names {
		if docs[n], err = extract.Parse(n, src); err != nil {
			t.Fatal(err)
		}
	}
	type results struct {
		Passages, OneDoc []PassageHit
		Facts            []Fact
		Docs             []string // names: a DocInfo holds the time it was added
	}
	search := func(order []string) results {
		x, err := OpenMem()
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		w := x.NewWriter()
		for _, n := range order {
			if err := w.Add(docs[n]); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil { // a segment each: Bleve's numbers follow the order
				t.Fatal(err)
			}
		}
		var r results
		if r.Passages, err = x.Passages(PassageQuery{Text: "net sales increased", Size: 4}); err != nil {
			t.Fatal(err)
		}
		if r.OneDoc, err = x.Passages(PassageQuery{Docs: []string{"b.txt"}, Text: "conference call", Size: 2}); err != nil {
			t.Fatal(err)
		}
		if r.Facts, err = x.Facts(FactQuery{Keys: []string{"revenue"}, Words: "net sales", Size: 2}); err != nil {
			t.Fatal(err)
		}
		ds, err := x.FindDocs("innovo", 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			r.Docs = append(r.Docs, d.Name)
		}
		return r
	}
	fwd, rev := search(names), search([]string{"c.txt", "b.txt", "a.txt"})
	if !reflect.DeepEqual(fwd, rev) {
		t.Errorf("results depend on the order releases were added:\nforward  %s\nreversed %s", describe(fwd.Passages, fwd.Facts, fwd.Docs), describe(rev.Passages, rev.Facts, rev.Docs))
	}
	if !slices.Equal(fwd.Docs, []string{"a.txt", "b.txt"}) {
		t.Errorf("FindDocs: got %s, want a.txt, b.txt (equal scores, by ID)", fwd.Docs)
	}
	if len(fwd.Passages) != 4 || fwd.Passages[0].Doc != "a.txt" || fwd.Passages[1].Doc != "b.txt" || fwd.Passages[2].Doc != "c.txt" {
		t.Errorf("Passages: got %s, want the best passage of a.txt, b.txt, c.txt first", describe(fwd.Passages, nil, nil))
	}
	for i := 1; i < len(fwd.Passages); i++ {
		if fwd.Passages[i].Score > fwd.Passages[i-1].Score {
			t.Errorf("Passages: hit %d scores above hit %d", i, i-1)
		}
	}
	if len(fwd.Facts) == 0 || fwd.Facts[0].Doc != "a.txt" {
		t.Errorf("Facts: got %s, want a.txt's first", describe(nil, fwd.Facts, nil))
	}
}

// describe lists hits as NAME:LINE for a failure message.
func describe(ps []PassageHit, fs []Fact, ds []string) string {
	var s []string
	for _, p := range ps {
		s = append(s, fmt.Sprintf("%s:%d", p.Doc, p.Start))
	}
	for _, f := range fs {
		s = append(s, fmt.Sprintf("%s:%d", f.Doc, f.Start))
	}
	s = append(s, ds...)
	return strings.Join(s, " ")
}

// TestFindDocsAboveTie checks that a company search whose last places tie
// across the cut returns the releases scoring above the tie, or, when none
// does, the tied ones by name.
func TestFindDocsAboveTie(t *testing.T) {
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	for _, c := range []string{"Dafeta Apparel Inc.", "Nuzoxa Apparel Inc.", "Dabeque Apparel Inc.", "Zorvami Brands Inc."} {
		d, err := extract.Parse(strings.ToLower(strings.Fields(c)[0])+".txt", src)
		if err != nil {
			t.Fatal(err)
		}
		d.Company = c
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words string
		n     int
		want  []string
	}{
		{"apparel", 2, []string{"dabeque.txt", "dafeta.txt"}},
		{"nuzoxa apparel", 5, []string{"nuzoxa.txt", "dabeque.txt", "dafeta.txt"}},
		{"zorvami", 2, []string{"zorvami.txt"}},
		// fixed bugs
		// a cold ask read the ID of every "... Apparel" release to break the tie
		{"nuzoxa apparel", 2, []string{"nuzoxa.txt"}},
	}
	for _, tt := range tests {
		ds, err := x.FindDocs(tt.words, tt.n)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range ds {
			got = append(got, d.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindDocs(%q, %d) = %v, want %v", tt.words, tt.n, got, tt.want)
		}
	}
}

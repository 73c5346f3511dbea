package index

import (
	"os"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/ex99/ex99/extract"
)

// TestQueryStringWithoutAll checks that a query string's unfielded words
// find the same passages, scored the same, in an index made by the
// current mapping (they search the text field; no "_all") as in one made
// by the mapping before it (they searched the composite "_all" field,
// which held the text): both kinds of index are in use.
func TestQueryStringWithoutAll(t *testing.T) {
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Parse("innovo-2004q2.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	old := newMapping()
	old.DefaultField = "_all"
	for _, dm := range old.TypeMapping {
		delete(dm.Properties, "_all")
		if p, ok := dm.Properties["text"]; ok {
			p.Fields[0].IncludeInAll = true
		}
	}
	open := func(withAll bool) *Index {
		var x *Index
		if !withAll {
			if x, err = OpenMem(); err != nil {
				t.Fatal(err)
			}
		} else {
			b, err := bleve.NewUsing("", old, scorch.Name, scorch.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			x = &Index{b: b, shards: []bleve.Index{b}}
		}
		w := x.NewWriter()
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		return x
	}
	cur, prev := open(false), open(true)
	defer cur.Close()
	defer prev.Close()
	// the two really differ: only the old one has an "_all" field
	if a, _ := cur.Passages(PassageQuery{Text: "_all:fetish", Raw: true}); len(a) != 0 {
		t.Errorf("the current mapping indexes _all: %d hits", len(a))
	}
	if b, _ := prev.Passages(PassageQuery{Text: "_all:fetish", Raw: true}); len(b) == 0 {
		t.Errorf("the old mapping does not index _all")
	}
	for _, q := range []string{"fetish", "+fetish +shago", `"net sales" gross`, "+private -apparel", "section:outlook margin", "licens*"} {
		a, errA := cur.Passages(PassageQuery{Text: q, Raw: true})
		b, errB := prev.Passages(PassageQuery{Text: q, Raw: true})
		if errA != nil || errB != nil {
			t.Fatalf("%q: %v / %v", q, errA, errB)
		}
		if len(a) == 0 && q != "section:outlook margin" {
			t.Errorf("%q: no hits", q)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: without _all %s\nwith _all %s", q, describe(a, nil, nil), describe(b, nil, nil))
		}
	}
}

package index

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	regexpchar "github.com/blevesearch/bleve/v2/analysis/char/regexp"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

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

// TestTMCharFilter: the analyzer with the trademark char filter that
// looks for "TM" first gives the tokens, offsets included, that it gives
// with Bleve's regexp char filter (format 1 indexes), with and without
// the mark.
func TestTMCharFilter(t *testing.T) {
	fast, plain := newMapping().AnalyzerNamed(textAnalyzer), formatOneMapping().AnalyzerNamed(textAnalyzer)
	if fast == nil || plain == nil {
		t.Fatal("no analyzer")
	}
	for _, s := range []string{
		"", "FetishTM jeans", "(Joe's)TM", "ATM machines", "aTM", "aTMx", "TM", "xTM.", "no mark here",
		"Innovo's brandTM and ShopTM, TM", "ÉTM élan", "a\u00a0TM",
	} {
		if got, want := fast.Analyze([]byte(s)), plain.Analyze([]byte(s)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %v, regexp filter %v", s, got, want)
		}
	}
}

// formatOneMapping is the mapping of a format 1 index: Bleve's regexp
// char filter for trademark marks.
func formatOneMapping() *mapping.IndexMappingImpl {
	m := newMapping()
	cfg := maps.Clone(m.CustomAnalysis.CharFilters[tmFilter])
	cfg["type"] = regexpchar.Name
	delete(cfg, "literal")
	m.CustomAnalysis.CharFilters[tmFilter] = cfg
	return m
}

// TestOpenFormatOne: an index of format 1, whose stored mapping names
// Bleve's own regexp char filter, still opens, takes releases and finds
// words next to a trademark mark.
func TestOpenFormatOne(t *testing.T) {
	p := filepath.Join(t.TempDir(), "idx")
	b, err := bleve.NewUsing(p, formatOneMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if err := os.WriteFile(filepath.Join(p, markerName), markerJSON(1, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Parse("tm.txt", []byte("Acme Corp. reported record sales of its WidgetTM line.\n\nNet sales were $5.0 million.\n"))
	if err != nil {
		t.Fatal(err)
	}
	w := x.NewWriter()
	if err := w.Add(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	hits, err := x.Passages(PassageQuery{Text: "widget"})
	if err != nil || len(hits) != 1 {
		t.Errorf("widget: %d hits, %v", len(hits), err)
	}
	x.Close()
}

// TestAnalyzeMatchesBleve: analyze, which remembers each word's term,
// gives the terms Bleve's analyzer gives, over every passage and label of
// the seed release, twice (the second time from the memo).
func TestAnalyzeMatchesBleve(t *testing.T) {
	d := seedDoc(t)
	texts := []string{"", "Joe's Jeans’ FetishTM net sales", "ÉCOLE’S résumés, 3.5% O'Neil's"}
	for _, p := range d.Passages {
		texts = append(texts, p.Text)
	}
	for _, f := range d.Facts {
		texts = append(texts, f.Metric)
	}
	bleveAn := newMapping().AnalyzerNamed(textAnalyzer)
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			var want []string
			for _, tok := range bleveAn.Analyze([]byte(s)) {
				want = append(want, string(tok.Term))
			}
			if got := analyze(s); !slices.Equal(got, want) {
				t.Fatalf("round %d, %.60q: %q, Bleve %q", round, s, got, want)
			}
		}
	}
}

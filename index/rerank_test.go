package index

import (
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
)

// TestPassageKinds checks the kinds of passage Passages ranks below
// content: headings and fragments, lines that only name the company, and
// boilerplate the question does not ask about.
func TestPassageKinds(t *testing.T) {
	company := map[string]bool{"acme": true, "widgets": true}
	tests := []struct {
		text        string
		heading     bool
		companyLine bool
		boiler      bool   // as asked by query
		query       string // the words searched
	}{
		{text: "Acme Widgets Reports", heading: true},
		{text: "Segment Net Revenues (unaudited)", heading: true},
		{text: "(more)", heading: true},
		{text: "See accompanying notes", heading: true, boiler: true},
		{text: "Acme Widgets, Inc.", companyLine: true},
		{text: "Acme", heading: true, companyLine: true},
		{text: "Sales were higher across the three primary segments.", heading: false},
		{text: "FICC $10.58 billion"},
		{text: "Record full-year revenue of $215.9 billion, up 65%"},
		{text: "This release contains forward-looking statements about expected revenue.", boiler: true, query: "revenue"},
		{text: "This release contains forward-looking statements about expected revenue.", boiler: false, query: "forward-looking statements"},
		{text: "Management will hold a conference call at 10:00 a.m. today.", boiler: true, query: "net sales"},
		{text: "Management will hold a conference call at 10:00 a.m. today.", boiler: false, query: "when is the conference call"},
		// fixed bugs
		{text: "2006 Acme earnings bolstered by", heading: true},         // a year is not a figure
		{text: "Assets Under Supervision (unaudited)3,4", heading: true}, // nor a footnote mark
		{text: "© 2024 Acme Inc. All rights reserved.", boiler: true, query: "revenue"},
	}
	for _, tt := range tests {
		asked := map[string]bool{}
		for _, w := range Terms(tt.query) {
			asked[w] = true
		}
		if got := headingLike(tt.text); got != tt.heading {
			t.Errorf("headingLike(%q) = %v, want %v", tt.text, got, tt.heading)
		}
		if got := companyLine(tt.text, company); got != tt.companyLine {
			t.Errorf("companyLine(%q) = %v, want %v", tt.text, got, tt.companyLine)
		}
		if got := boilerplate(tt.text, asked); got != tt.boiler {
			t.Errorf("boilerplate(%q) asked %q = %v, want %v", tt.text, tt.query, got, tt.boiler)
		}
	}
}

// TestPassagesRankContentFirst: a running title printed on every page, a
// line naming the company and safe-harbor text all match the question's
// words, but the paragraph that answers ranks first and the title comes
// once.
func TestPassagesRankContentFirst(t *testing.T) {
	src := strings.Join([]string{
		"Acme Widgets Reports Revenue",
		"",
		"Acme Widgets",
		"",
		"Revenue increased 12% to $40 million, driven by higher widget volume and price increases in every region.",
		"",
		"Acme Widgets Reports Revenue",
		"",
		"This press release contains forward-looking statements about revenue. Actual revenue may differ materially.",
		"",
		"Acme Widgets Reports Revenue",
		"",
	}, "\n")
	d, err := extract.Parse("acme.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d.Company = "Acme Widgets Inc."
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	if err := w.Add(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	hits, err := x.Passages(PassageQuery{Docs: []string{"acme.txt"}, Text: "revenue acme", Size: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || !strings.HasPrefix(hits[0].Text, "Revenue increased") {
		t.Fatalf("first hit %+v, want the paragraph on revenue", hits)
	}
	titles := 0
	for _, h := range hits {
		if h.Text == "Acme Widgets Reports Revenue" {
			titles++
		}
	}
	if titles > 1 {
		t.Errorf("the running title comes %d times", titles)
	}
}

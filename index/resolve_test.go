package index

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
)

func TestResolveName(t *testing.T) {
	docs := []DocInfo{
		{Name: "apple-2004q3.htm", Company: "Apple Computer, Inc.", Ticker: "NASDAQ: AAPL"},
		{Name: "apple-2024q1.htm", Company: "Apple Inc."},
		{Name: "buckle-2024q3.htm", Company: "The Buckle, Inc.", Ticker: "BKE"},
		{Name: "gs-2021q4.htm", Company: "The Goldman Sachs Group, Inc."},
		{Name: "innovo-2004q2.txt", Company: "Innovo Group Inc."},
		{Name: "a:1.txt"},
		{Name: "Innovo-old.txt"},
	}
	for _, c := range []struct {
		q, want string
		err     error  // nil: want resolves
		says    string // in the error
	}{
		{q: "innovo-2004q2.txt", want: "innovo-2004q2.txt"},
		{q: "buckle", want: "buckle-2024q3.htm"},
		{q: "apple-2024", want: "apple-2024q1.htm"},
		{q: "APPLE-2004Q3.HTM", want: "apple-2004q3.htm"},
		{q: "bke", want: "buckle-2024q3.htm"},
		{q: "AAPL", want: "apple-2004q3.htm"},
		{q: "goldman sachs", want: "gs-2021q4.htm"},
		{q: "Goldman", want: "gs-2021q4.htm"},
		{q: "  buckle ", want: "buckle-2024q3.htm"},
		{q: "a:1.txt", want: "a:1.txt"},
		{q: "apple", err: ErrAmbiguous, says: "apple-2004q3.htm or apple-2024q1.htm"},
		{q: "innovo", err: ErrAmbiguous, says: "innovo-2004q2.txt or Innovo-old.txt"},
		{q: "bukle", err: ErrNotFound, says: "did you mean buckle-2024q3.htm?"},
		{q: "aple-2024", err: ErrNotFound, says: "did you mean apple-2024q1.htm?"},
		{q: "goldmann", err: ErrNotFound, says: "did you mean gs-2021q4.htm?"},
		{q: "zzzz", err: ErrNotFound, says: `"zzzz" is not in the index`},
		{q: "", err: ErrNotFound},
		// fixed bugs
		{q: "group", err: ErrAmbiguous, says: "gs-2021q4.htm or innovo-2004q2.txt"}, // a company word several share
		{q: "x", err: ErrNotFound},  // one letter suggests nothing
		{q: "ab", err: ErrNotFound}, // nor two
	} {
		got, err := ResolveName(docs, c.q)
		switch {
		case c.err == nil && (err != nil || got != c.want):
			t.Errorf("%q: got %q, %v; want %q", c.q, got, err, c.want)
		case c.err != nil && !errors.Is(err, c.err):
			t.Errorf("%q: got %q, %v; want %v", c.q, got, err, c.err)
		case c.err != nil && !strings.Contains(err.Error(), c.says):
			t.Errorf("%q: error %q does not say %q", c.q, err, c.says)
		}
	}
	for _, q := range []string{"x", "ab"} {
		if _, err := ResolveName(docs, q); err == nil || strings.Contains(err.Error(), "did you mean") {
			t.Errorf("%q: a release suggested: %v", q, err)
		}
	}
}

// TestIndexResolve: over an index, Resolve reads what each rule needs and
// decides as ResolveName does over every release's description.
func TestIndexResolve(t *testing.T) {
	x, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	for _, r := range []struct{ name, text string }{
		{"acme-2024q1.txt", "Acme Widgets, Inc. (NASDAQ: ACMW) reports first quarter 2024 net sales of $12.5 million.\n"},
		{"acme-2024q2.txt", "Acme Widgets, Inc. (NASDAQ: ACMW) reports second quarter 2024 net sales of $13.5 million.\n"},
		{"zenith-2023q4.txt", "Zenith Gears Corp. (NYSE: ZGC) reports fourth quarter 2023 revenue of $4.1 million.\n"},
	} {
		d, err := extract.Parse(r.name, []byte(r.text))
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
	ds, err := x.Docs()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"acme-2024q1.txt", "acme-2024q2", "zenith", "ZENITH-2023Q4.TXT", "zgc", "Zenith Gears", "gears",
		"acme", "acmw", "Acme Widgets", "zenit-2023", "acne-2024q1.txt", "nothing", "", "x"} {
		want, werr := ResolveName(ds, q)
		got, gerr := x.Resolve(q)
		if got != want || fmt.Sprint(gerr) != fmt.Sprint(werr) {
			t.Errorf("%q: index says %q, %v; ResolveName says %q, %v", q, got, gerr, want, werr)
		}
		if x.Fits(q) != (werr == nil) {
			t.Errorf("%q: Fits says %v", q, x.Fits(q))
		}
	}
}

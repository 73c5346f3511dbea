package synth_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/synth"
)

// TestAnswers checks, in process, that ex99 answers a question naming a
// company and a quarter over several companies' releases with the figure
// synth put in that quarter's release.
func TestAnswers(t *testing.T) {
	x, err := index.OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	w := x.NewWriter()
	var rs []synth.Release
	for _, c := range []int{0, 1, 2, 41} {
		for k := 3; k < 12; k++ {
			i := synth.Nth(c, k)
			r := synth.Generate(i, i%4 == 3)
			d, err := extract.Parse(r.Name, r.Src)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Add(d); err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		want := decimal.RequireFromString(strings.ReplaceAll(r.Revenue, ",", "")).Shift(3) // in thousands
		for _, e := range []*answer.Engine{{Index: x}, {Index: x, Doc: r.Name}} {
			q := fmt.Sprintf("%s net sales Q%d %d", r.Short, r.Quarter, r.Year)
			if e.Doc != "" {
				q = fmt.Sprintf("net sales Q%d %d", r.Quarter, r.Year)
			}
			a := e.Ask(q)
			got, err := decimal.NewFromString(a.Value)
			doc := ""
			if len(a.Citations) > 0 {
				doc = a.Citations[0].Doc
			}
			if a.Kind != answer.KindFact || doc != r.Name || err != nil || !got.Equal(want) {
				t.Errorf("Ask(%q, doc %q) = %s %q from %s; want %s from %s", q, e.Doc, a.Kind, a.Value, a.Doc, want, r.Name)
			}
		}
	}
}

package answer

import (
	"strings"
	"sync"
	"testing"

	"github.com/ex99/ex99/index"
)

var (
	fuzzOnce sync.Once
	fuzzIdx  *index.Index
)

// FuzzAsk asks any question over an in-memory index of the seed release:
// the answer is one of the kinds, a figure has a value and a source, and
// nothing panics.
func FuzzAsk(f *testing.F) {
	for _, s := range []string{
		"What were net sales in the second quarter of fiscal 2004?", "net sales Q2 2004", "EPS Q2 03", "change in net sales from Q2 2003 to Q2 2004",
		"gross margin Q2 2004 to two decimal places", "why did gross margin decline?", "Joe's net sales", "cash at November 29, 2003",
		"total assets", "current ratio", "who is the CEO?", "conference call", "", "title:x AND +y", "*", `"unbalanced`, "30023", "売上高", "📈",
		"net\x00sales", strings.Repeat("net sales ", 40),
	} {
		f.Add(s)
	}
	fuzzOnce.Do(func() { fuzzIdx = memIndex(f, "../testdata/innovo-2004q2.txt") })
	f.Fuzz(func(t *testing.T, question string) {
		for _, doc := range []string{"", "innovo-2004q2.txt"} {
			e := &Engine{Index: fuzzIdx, Doc: doc}
			a := e.Ask(question)
			switch a.Kind {
			case KindFact, KindComputed:
				if a.Value == "" || len(a.Citations) == 0 {
					t.Fatalf("%q: a figure with no value or source: %+v", question, a)
				}
			case KindPassage:
				if len(a.Citations) == 0 {
					t.Fatalf("%q: a passage with no source: %+v", question, a)
				}
			case KindNone:
				if a.Answer == "" {
					t.Fatalf("%q: none with no reason", question)
				}
			default:
				t.Fatalf("%q: kind %q", question, a.Kind)
			}
			if a.Citations == nil {
				t.Fatalf("%q: nil citations", question)
			}
		}
	})
}

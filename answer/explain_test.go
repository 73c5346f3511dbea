package answer

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ex99/ex99/nlq"
)

// TestExplain prints how one question is read and answered (a development
// aid; skipped unless $Q is set):
//
//	Q="net sales Q2 2004" DOC=path/to/release go test ./answer -run TestExplain -v
//
// It shows the parsed query, the periods it resolves to, the scored
// candidate facts for the first period, and the answer with its citations.
// DOC defaults to the seed release.
func TestExplain(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip("set Q (and DOC) to explain a question")
	}
	path := os.Getenv("DOC")
	if path == "" {
		path = "../testdata/innovo-2004q2.txt"
	}
	x := memIndex(t, path)
	defer x.Close()
	info, err := x.Doc(filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	pq := nlq.Parse(q)
	metric := ""
	if pq.Metric != nil {
		metric = pq.Metric.Key
	}
	fmt.Printf("query: intent=%s metric=%q derived=%v op=%q unit=%q terms=%q modifiers=%q operands=%q\n",
		pq.Intent, metric, pq.Derived != nil, pq.Op, pq.Unit, pq.Terms, pq.Modifiers, pq.Operands)
	balance := balanceMetric(pq)
	ts := resolve(pq, info, balance)
	fmt.Printf("targets: %v\n", ts)
	tg := defaultTarget(info, balance)
	if len(ts) > 0 {
		tg = ts[0]
	}
	e := &Engine{Index: x}
	for _, c := range e.findFacts(pq, &docCtx{info: info}, pq.Metric, tg, "") {
		fmt.Printf("  %.2f %s %q %s %s\n", c.score, c.f.Value, c.f.Describe(), c.f.Period, c.f.Entity)
	}
	a := e.Ask(q)
	fmt.Printf("answer: %s %s %s\n", a.Kind, a.Value, a.Answer)
	for _, c := range a.Citations {
		fmt.Printf("  cite %s:%d-%d %s %.160q\n", c.Doc, c.Line, c.EndLine, c.Role, c.Text)
	}
}

package answer

import (
	"fmt"
	"os"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
)

func TestDebugAsk(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	path := os.Getenv("DOC")
	if path == "" {
		path = "../testdata/innovo-2004q2.txt"
	}
	src, _ := os.ReadFile(path)
	d, err := extract.Parse(baseName(path), src)
	if err != nil {
		t.Fatal(err)
	}
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	fmt.Printf("QUERY %+v metric=%v derived=%v periods=%+v\n", pq, pq.Metric, pq.Derived, pq.Periods)
	e := &Engine{Index: x}
	info, _ := x.Doc(d.Name)
	ctx := &docCtx{info: info}
	fmt.Printf("TARGETS %+v\n", resolve(pq, info, balanceMetric(pq)))
	fs, _ := x.Facts(index.FactQuery{Docs: []string{d.Name}, Words: pq.Words, Size: 80})
	fmt.Println("candidates:", len(fs))
	ts := resolve(pq, info, balanceMetric(pq))
	tg := defaultTarget(info, balanceMetric(pq))
	if len(ts) > 0 {
		tg = ts[0]
	}
	for _, c := range e.findFacts(pq, ctx, pq.Metric, tg, "") {
		fmt.Printf("  %.2f %s %q %s %s\n", c.score, c.f.Value, c.f.Describe(), c.f.Period, c.f.Entity)
	}
	a := e.Ask(q)
	fmt.Printf("ANSWER %s %s %s\n", a.Kind, a.Value, a.Answer)
	for _, c := range a.Citations {
		fmt.Printf("  CITE %s %d-%d %q %.200q\n", c.Doc, c.Line, c.EndLine, c.Role, c.Text)
	}
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

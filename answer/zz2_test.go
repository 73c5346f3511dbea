package answer

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
)

func TestWhy(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("DOC"))
	d, _ := extract.Parse(baseName(os.Getenv("DOC")), src)
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	info, _ := x.Doc(d.Name)
	ctx := &docCtx{info: info}
	ts := resolve(pq, info, balanceMetric(pq))
	tg := defaultTarget(info, balanceMetric(pq))
	if len(ts) > 0 {
		tg = ts[0]
	}
	fs, _ := x.AllFacts(d.Name)
	ent := entityTerms(pq, info)
	for _, f := range fs {
		if f.Value.String() != os.Getenv("V") {
			continue
		}
		c, ok := scoreFact(pq, f, pq.Metric, tg, "", termSet(pq.Words), ent, ctx, nil)
		fmt.Printf("%v %.2f key=%s unit=%s basis=%s per=%s %q ent=%q entTerms=%v\n", ok, c.score, f.Key, f.Unit, f.Basis, f.Period, f.Describe(), f.Entity, ent)
	}
}

func TestWhy2(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("DOC"))
	d, _ := extract.Parse(baseName(os.Getenv("DOC")), src)
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	info, _ := x.Doc(d.Name)
	fmt.Printf("company=%q modifiers=%q narrower=%v ent=%v\n", info.Company, pq.Modifiers, narrower(pq, info, entityTerms(pq, info)), entityTerms(pq, info))
	fs, _ := x.Facts(index.FactQuery{Docs: []string{d.Name}, Keys: []string{pq.Metric.Key}, Words: pq.Words, Size: 80})
	n := 0
	for _, f := range fs {
		if f.Key == "eps" {
			n++
		}
	}
	fmt.Println("facts", len(fs), "eps", n)
}

func TestCands(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("DOC"))
	d, _ := extract.Parse(baseName(os.Getenv("DOC")), src)
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	info, _ := x.Doc(d.Name)
	e := &Engine{Index: x}
	ts := resolve(pq, info, balanceMetric(pq))
	tg := defaultTarget(info, balanceMetric(pq))
	if len(ts) > 0 {
		tg = ts[0]
	}
	for _, c := range e.findFacts(pq, &docCtx{info: info}, pq.Metric, tg, "") {
		if c.f.Value.String() == os.Getenv("V") {
			fmt.Printf("  %.2f %s %s %q %q\n", c.score, c.f.Value, c.f.Source, c.f.Describe(), c.f.Cite[:min(60, len(c.f.Cite))])
		}
	}
}

func TestFind(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("DOC"))
	d, _ := extract.Parse(baseName(os.Getenv("DOC")), src)
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	info, _ := x.Doc(d.Name)
	e := &Engine{Index: x}
	ctx := &docCtx{info: info}
	ts := resolve(pq, info, balanceMetric(pq))
	for _, tg := range ts {
		o := e.find(pq, ctx, pq.Metric, tg, nil)
		fmt.Printf("target %+v -> ok=%v %s %s\n", tg, o.ok, o.f.Value, o.f.Period)
		oq := operandQuery(pq, pq.Metric, ctx)
		fs, _ := x.Facts(index.FactQuery{Docs: []string{d.Name}, Keys: []string{pq.Metric.Key}, Words: oq.Words, Size: 80})
		for _, f := range fs {
			if f.Key == pq.Metric.Key {
				c, ok := scoreFact(oq, f, pq.Metric, tg, "", termSet(strings.Join(oq.Terms, " ")), nil, ctx, nil)
				fmt.Printf("   %v %.2f %s %s %s\n", ok, c.score, f.Value, f.Period, f.Unit)
			}
		}
	}
}

func TestNarrow(t *testing.T) {
	q := os.Getenv("Q")
	if q == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(os.Getenv("DOC"))
	d, _ := extract.Parse(baseName(os.Getenv("DOC")), src)
	x, _ := index.OpenMem()
	w := x.NewWriter()
	w.Add(d)
	w.Flush()
	pq := nlq.Parse(q)
	info, _ := x.Doc(d.Name)
	ctx := &docCtx{info: info}
	oq := operandQuery(pq, pq.Metric, ctx)
	fmt.Printf("narrower=%v oq.mods=%v oq.terms=%v words=%q\n", narrower(oq, info, entityTerms(oq, info)), oq.Modifiers, oq.Terms, oq.Words)
	ts := resolve(pq, info, balanceMetric(pq))
	for _, tg := range ts {
		fmt.Printf("target %#v\n", tg)
		all, _ := x.AllFacts(d.Name)
		for _, f := range all {
			fmt.Printf("    pm=%.2f fq=%d fy=%d %s %q\n", periodMatch(f.Period, tg), f.Period.FQ, f.Period.FY, f.Value, f.Metric)
		}
		for _, c := range (&Engine{Index: x}).findFacts(oq, ctx, pq.Metric, tg, "") {
			fmt.Printf("  %.2f %s %q %s\n", c.score, c.f.Value, c.f.Describe(), c.f.Period)
		}
	}
}

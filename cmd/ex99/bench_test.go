package main

// Scale benchmarks over synthetic releases (internal/synth):
//
//	go test ./cmd/ex99 -run '^$' -bench . -benchtime 1x                 # 1,000 releases
//	EX99_BENCH_N=1000,10000 go test ./cmd/ex99 -run '^$' -bench . -benchtime 1x -timeout 2h
//
// Releases and indexes are kept in $EX99_BENCH_DIR (default
// $TMPDIR/ex99-bench) and reused: building 10,000 takes minutes.
// scripts/bench.sh runs these and prints a table with memory and disk use.

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/synth"
)

// benchSizes are the release counts to run at (EX99_BENCH_N, default 1000).
func benchSizes() []int {
	var out []int
	for _, f := range strings.Split(os.Getenv("EX99_BENCH_N"), ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		out = []int{1000}
	}
	return out
}

func benchDir(b *testing.B) string {
	d := os.Getenv("EX99_BENCH_DIR")
	if d == "" {
		d = filepath.Join(os.TempDir(), "ex99-bench")
	}
	if err := os.MkdirAll(d, 0o755); err != nil {
		b.Fatal(err)
	}
	return d
}

// benchReleases writes n synthetic releases (every 4th HTML) once: its
// .complete file holds the synth.Version that wrote them (scripts/bench.sh
// writes the same).
func benchReleases(b *testing.B, n int) string {
	dir := filepath.Join(benchDir(b), fmt.Sprintf("rel-%d", n))
	done := filepath.Join(dir, ".complete")
	if current(done) {
		return dir
	}
	_ = os.RemoveAll(dir)
	if _, err := synth.WriteDir(dir, 0, n, 4); err != nil {
		b.Fatal(err)
	}
	writeFile(b, done, []byte(synth.Version+"\n"))
	return dir
}

// current reports whether the stamp file at path names this synth.Version.
func current(path string) bool {
	v, err := os.ReadFile(path)
	return err == nil && strings.TrimSpace(string(v)) == synth.Version
}

// benchIndex is an index of n synthetic releases, built once; idx-N.synth
// beside it holds the synth.Version of its releases.
func benchIndex(b *testing.B, n int) string {
	idx := filepath.Join(benchDir(b), fmt.Sprintf("idx-%d", n))
	if names, err := indexCount(idx); err == nil && names == n && current(idx+".synth") {
		return idx
	}
	rel := benchReleases(b, n)
	_ = os.RemoveAll(idx)
	b.Logf("building an index of %d releases in %s", n, idx)
	if r := ex99(b, "", "add", "-q", "--index", idx, rel); r.code != 0 {
		b.Fatalf("add: %v", r)
	}
	writeFile(b, idx+".synth", []byte(synth.Version+"\n"))
	return idx
}

func indexCount(idx string) (int, error) {
	x, err := index.Open(idx, index.Options{ReadOnly: true})
	if err != nil {
		return 0, err
	}
	defer x.Close()
	return x.Count()
}

// BenchmarkAdd adds n releases to a new index (extraction included, as
// ex99 add does it) and reports releases per second.
func BenchmarkAdd(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			rel := benchReleases(b, n)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				idx := filepath.Join(b.TempDir(), "idx")
				start := time.Now()
				if r := ex99(b, "", "add", "-q", "--index", idx, rel); r.code != 0 {
					b.Fatalf("add: %v", r)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "releases/s")
			}
		})
	}
}

// question is a benchmark question: its text and the release it is about.
type question struct {
	text, doc string
	named     bool   // the text names the company (no --doc)
	want      string // the value the answer must give, "" when not checked
}

// benchQuestions are questions about releases of the index, each naming
// the release's quarter (a company has many releases: the quarter picks
// one): some name the company, some are asked with --doc.
func benchQuestions(n, count int) []question {
	rng := rand.New(rand.NewSource(int64(n)))
	var qs []question
	for len(qs) < count {
		i := rng.Intn(n)
		r := synth.Generate(i, i%4 == 3)
		quarter := fmt.Sprintf("Q%d %d", r.Quarter, r.Year)
		revenue := strings.ReplaceAll(r.Revenue, ",", "") + "000" // in thousands
		q := question{doc: r.Name, named: true}
		switch len(qs) % 6 {
		case 0:
			q.text, q.want = fmt.Sprintf("%s net sales %s", r.Short, quarter), revenue
		case 1:
			q.text = fmt.Sprintf("%s diluted EPS %s", r.Short, quarter)
		case 2:
			q.text = fmt.Sprintf("What were %s's total assets at the end of %s?", r.Short, quarter)
		case 3:
			q.text = fmt.Sprintf("why did %s gross margin decline in %s?", r.Short, quarter)
		case 4:
			q.text, q.want, q.named = "net sales "+quarter, revenue, false
		case 5:
			q.text, q.named = fmt.Sprintf("change in net sales from Q%d %d to %s", r.Quarter, r.Year-1, quarter), false
		}
		qs = append(qs, q)
	}
	return qs
}

// checkAnswers asks each question once, as the benchmarks will, and
// fails unless it is answered from its release (and with its value, when
// known): a benchmark of "not found" would measure nothing. (A question
// naming no company, asked of more than 50 releases without --doc, is
// declined by design: BenchmarkAsk's "unnamed" times that.)
func checkAnswers(b *testing.B, x *index.Index, qs []question) {
	for _, q := range qs {
		e := &answer.Engine{Index: x}
		if !q.named {
			e.Doc = q.doc
			(&answer.Engine{Index: x}).Ask(q.text) // warm up, as the unnamed benchmark asks
		}
		a := e.Ask(q.text)
		doc := ""
		if len(a.Citations) > 0 {
			doc = a.Citations[0].Doc
		}
		if a.Kind == answer.KindNone || doc != q.doc || q.want != "" && a.Value != q.want {
			b.Fatalf("%q (doc %q): %s %q from %s; want an answer from %s %s", q.text, e.Doc, a.Kind, a.Value, doc, q.doc, q.want)
		}
	}
}

// latencies reports the median and 99th percentile of ds in ms.
func latencies(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(ds[len(ds)/2]), "p50-ms")
	b.ReportMetric(ms(ds[min(len(ds)-1, len(ds)*99/100)]), "p99-ms")
}

// BenchmarkAsk answers questions in process over an open index, after one
// untimed pass over them (a long-running process, like prompt): "named"
// questions name the company and quarter, "doc" ones are asked with
// --doc, and "unnamed" ones name no company (over more than 50 releases
// ex99 searches company names for the words, finds none, and asks for a
// company or --doc: its "answered" is 0, and it times that refusal). It
// reports the median and 99th percentile per question.
func BenchmarkAsk(b *testing.B) {
	for _, n := range benchSizes() {
		idx := benchIndex(b, n)
		x, err := index.Open(idx, index.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		qs := benchQuestions(n, 300)
		checkAnswers(b, x, qs) // and warm up: page the index in, as a long-running prompt has
		for _, kind := range []string{"named", "doc", "unnamed"} {
			b.Run(fmt.Sprintf("%d/%s", n, kind), func(b *testing.B) {
				var ds []time.Duration
				answered := 0
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					for _, q := range qs {
						e := &answer.Engine{Index: x}
						switch {
						case kind == "named" && q.named:
						case kind == "doc" && !q.named:
							e.Doc = q.doc
						case kind == "unnamed" && !q.named:
						default:
							continue
						}
						start := time.Now()
						a := e.Ask(q.text)
						ds = append(ds, time.Since(start))
						if a.Kind != answer.KindNone {
							answered++
						}
					}
				}
				latencies(b, ds)
				b.ReportMetric(float64(answered)/float64(len(ds)), "answered")
			})
		}
		x.Close()
	}
}

// BenchmarkSearch runs full-text searches of passages over all releases.
func BenchmarkSearch(b *testing.B) {
	terms := []string{"conference call", "net sales increased", "gross margin decline", "license agreement termination",
		"private label apparel", "forward-looking statements", "impairment loss facility", "advertising marketing tradeshow"}
	for _, n := range benchSizes() {
		idx := benchIndex(b, n)
		x, err := index.Open(idx, index.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range terms { // warm up
			_, _ = x.Passages(index.PassageQuery{Text: t, Phrases: []string{t}, Size: 10})
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var ds []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for k := 0; k < 20; k++ {
					for _, t := range terms {
						start := time.Now()
						if _, err := x.Passages(index.PassageQuery{Text: t, Phrases: []string{t}, Size: 10}); err != nil {
							b.Fatal(err)
						}
						ds = append(ds, time.Since(start))
					}
				}
			}
			latencies(b, ds)
		})
		x.Close()
	}
}

// BenchmarkColdAsk runs the ex99 binary (built here) for one question, as
// a person would: process start, index open, answer.
func BenchmarkColdAsk(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "ex99")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, n := range benchSizes() {
		idx := benchIndex(b, n)
		qs := benchQuestions(n, 60)
		x, err := index.Open(idx, index.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		checkAnswers(b, x, qs)
		x.Close()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var ds []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, q := range qs {
					args := []string{"ask", "--index", idx, q.text}
					if !q.named {
						args = append(args, "--doc", q.doc)
					}
					start := time.Now()
					out, err := exec.Command(bin, args...).CombinedOutput()
					ds = append(ds, time.Since(start))
					if err != nil {
						b.Fatalf("%v: %v\n%s", args, err, out)
					}
				}
			}
			latencies(b, ds)
		})
	}
}

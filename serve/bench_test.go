package serve

// Benchmarks of ex99 serve over an index of synthetic releases
// (internal/synth), 1,000 unless EX99_BENCH_N says otherwise:
//
//	go test ./serve -run '^$' -bench . -benchtime 3x
//
// The index is built once in $EX99_BENCH_DIR (default $TMPDIR/ex99-bench)
// and reused while synth.Version stays the same. Each reports the median and 99th percentile (p50-ms, p99-ms).

import (
	"context"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/synth"
)

// benchN is the number of releases (EX99_BENCH_N, default 1000).
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("EX99_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// benchIndex is an index of n synthetic releases (every 4th HTML), built
// once and reused.
func benchIndex(b *testing.B, n int) string {
	d := os.Getenv("EX99_BENCH_DIR")
	if d == "" {
		d = filepath.Join(os.TempDir(), "ex99-bench")
	}
	dir := filepath.Join(d, fmt.Sprintf("serve-idx-%d", n))
	if x, err := index.Open(dir, index.Options{ReadOnly: true}); err == nil {
		count, err := x.Count()
		x.Close()
		if v, _ := os.ReadFile(dir + ".synth"); err == nil && count == n && strings.TrimSpace(string(v)) == synth.Version {
			return dir
		}
	}
	_ = os.RemoveAll(dir)
	b.Logf("building an index of %d synthetic releases in %s", n, dir)
	x, err := index.Open(dir, index.Options{})
	if err != nil {
		b.Fatal(err)
	}
	docs := make(chan *extract.Document, 8)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += 2 {
				r := synth.Generate(i, i%4 == 3)
				d, err := extract.Parse(r.Name, r.Src)
				if err != nil {
					panic(err)
				}
				docs <- d
			}
		}(w)
	}
	go func() { wg.Wait(); close(docs) }()
	wr := x.NewWriter()
	for d := range docs {
		if err := wr.Add(d); err != nil {
			b.Fatal(err)
		}
	}
	if err := wr.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dir+".synth", []byte(synth.Version+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// benchServer serves the benchmark index over loopback TCP.
func benchServer(b *testing.B) string {
	s := New(Config{Index: benchIndex(b, benchN())})
	hs := httptest.NewServer(s.Handler())
	b.Cleanup(func() { hs.Close(); s.Close() })
	return hs.URL
}

// fetch GETs a URL and reads it whole, failing on a status other than 200.
func fetch(b *testing.B, c *http.Client, u string) int {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	n, _ := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("%s: %d", u, resp.StatusCode)
	}
	return int(n)
}

// report reports the median and 99th percentile of ds in ms.
func report(b *testing.B, ds []time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(ds[len(ds)/2]), "p50-ms")
	b.ReportMetric(ms(ds[min(len(ds)-1, len(ds)*99/100)]), "p99-ms")
}

// benchAsks are questions about random releases of the index: asked as
// the page asks them (with explain=1), naming the company or with doc.
func benchAsks(n, count int) []string {
	rng := rand.New(rand.NewSource(int64(n)))
	var qs []string
	for len(qs) < count {
		i := rng.Intn(n)
		r := synth.Generate(i, i%4 == 3)
		v := url.Values{"explain": {"1"}}
		quarter := fmt.Sprintf("Q%d %d", r.Quarter, r.Year) // a company has many releases
		switch len(qs) % 4 {
		case 0:
			v.Set("q", fmt.Sprintf("%s net sales %s", r.Short, quarter))
		case 1:
			v.Set("q", fmt.Sprintf("What were %s's total assets at the end of %s?", r.Short, quarter))
		case 2:
			v.Set("q", "net sales "+quarter)
			v.Set("doc", r.Name)
		case 3:
			v.Set("q", fmt.Sprintf("change in net sales from Q%d %d to %s", r.Quarter, r.Year-1, quarter))
			v.Set("doc", r.Name)
		}
		qs = append(qs, "/api/ask?"+v.Encode())
	}
	return qs
}

// BenchmarkAskRoundTrip: GET /api/ask over HTTP, after one untimed pass
// (a running server has the index paged in): "page" as the page asks
// (explain=1, for how the question was read), "api" without.
func BenchmarkAskRoundTrip(b *testing.B) {
	base := benchServer(b)
	c := &http.Client{}
	qs := benchAsks(benchN(), 100)
	for _, q := range qs { // and check each is answered: "not found" would measure nothing
		var a answer.Answer
		getJSON(b, base+q, &a)
		if a.Kind == answer.KindNone {
			b.Fatalf("%s: not answered: %s", q, a.Answer)
		}
	}
	for _, kind := range []string{"page", "api"} {
		b.Run(kind, func(b *testing.B) {
			var ds []time.Duration
			for i := 0; i < b.N; i++ {
				for _, q := range qs {
					if kind == "api" {
						q = strings.Replace(q, "explain=1&", "", 1)
					}
					start := time.Now()
					fetch(b, c, base+q)
					ds = append(ds, time.Since(start))
				}
			}
			report(b, ds)
		})
	}
}

// BenchmarkPageLoad: what a browser fetches to show the page, over HTTP:
// the page, its script and style, and the list of releases for the
// picker (all 1,000, brief, as the page asks; not cached). "browser" measures it end to end in
// headless Chromium: navigation until the page has drawn its picker.
func BenchmarkPageLoad(b *testing.B) {
	base := benchServer(b)
	b.Run("http", func(b *testing.B) {
		c := &http.Client{}
		var ds []time.Duration
		bytes := 0
		for i := 0; i < b.N; i++ {
			for k := 0; k < 20; k++ {
				start := time.Now()
				bytes = 0
				for _, p := range []string{"/", "/static/app.js", "/static/app.css", "/api/docs?brief=1"} {
					bytes += fetch(b, c, base+p)
				}
				ds = append(ds, time.Since(start))
			}
		}
		report(b, ds)
		b.ReportMetric(float64(bytes)/1024, "KiB")
	})
	b.Run("browser", func(b *testing.B) {
		// the page's own measure: from the start of navigation to when it
		// has drawn the picker and the view (performance.now)
		browserLoads(b, base+"/", `document.body.dataset.ready === '1' ? +document.body.dataset.readyMs : 0`)
	})
	b.Run("browser-trivial", func(b *testing.B) {
		// the same browser loading a page of one paragraph: what this
		// machine's Chromium costs whatever the page
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, "<!doctype html><title>trivial</title><p>A page of one paragraph.")
		}))
		defer hs.Close()
		browserLoads(b, hs.URL+"/", `document.readyState === 'complete' ? Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd) : 0`)
	})
}

// browserLoads loads u in headless Chromium, ten times per iteration, and
// reports the milliseconds that js (evaluated until it is a number > 0)
// says each load took.
func browserLoads(b *testing.B, u, js string) {
	path := findBrowser()
	if path == "" {
		b.Skip("no Chromium found")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	load := func() time.Duration {
		run(b, ctx, "navigate", chromedp.Navigate(u+"?r="+strconv.Itoa(rand.Int())))
		for {
			if ms := value(b, ctx, "measure", chromedp.Evaluate[float64](js)); ms > 0 {
				return time.Duration(ms * float64(time.Millisecond))
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	load() // start the browser
	var ds []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := 0; k < 10; k++ {
			ds = append(ds, load())
		}
	}
	report(b, ds)
}

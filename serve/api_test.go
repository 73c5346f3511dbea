package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
)

// TestAPI: every endpoint answers the CLI's JSON, and bad input gets a
// JSON error with the status that fits.
func TestAPI(t *testing.T) {
	_, hs := newTestServer(t, testIndex(t))
	long := strings.Repeat("sales ", 100)
	cases := []struct {
		name   string
		path   string
		status int
		has    []string // in the body
	}{
		{"ask", "/api/ask?q=" + url.QueryEscape("Joe's net sales Q2 2004"), 200,
			[]string{`"kind":"fact"`, `"value":"4394000"`, `"doc":"innovo-2004q2.txt","line":171,"end_line":175`}},
		{"ask in one release", "/api/ask?doc=innovo-2004q2.txt&q=" + url.QueryEscape("why did net sales increase?"), 200, []string{`"kind":"passage"`, `"marked":"`}},
		{"ask, not found", "/api/ask?doc=innovo-2004q2.txt&q=" + url.QueryEscape("research and development expense"), 200, []string{`"kind":"none"`, `"closest":[{`}},
		{"search", "/api/search?q=conference+call&limit=3", 200, []string{`"hits":[{"doc":"innovo-2004q2.txt"`, `\u0001`}},
		{"search one release", "/api/search?q=net+sales&doc=hostile.txt", 200, []string{`"doc":"hostile.txt"`}},
		{"docs", "/api/docs", 200, []string{`"builtin":false`, `"name":"innovo-2004q2.txt"`, `"name":"hostile.txt"`}},
		{"docs, brief", "/api/docs?brief=1", 200, []string{`{"name":"innovo-2004q2.txt","company":"Innovo Group Inc.","format":"text","lines":478,"facts":176,"period_text":"Q2 FY2004"}`}},
		{"docs, brief not 1 or 0", "/api/docs?brief=yes", 400, []string{`brief must be 1 or 0`}},
		{"ask, explained", "/api/ask?explain=1&q=" + url.QueryEscape("Joe's net sales Q2 2004"), 200, []string{`"explain":{"parse":"intent=fact metric=revenue`}},
		{"facts, filtered", "/api/facts?doc=hostile.txt&filter=" + url.QueryEscape("GROSS 2004"), 200, []string{`"facts":[{"metric":"Gross profit"`, `"value":"500000"`}},
		{"facts in an unknown format", "/api/facts?doc=hostile.txt&format=xml", 400, []string{`format must be json or csv`}},
		{"facts", "/api/facts?doc=hostile.txt", 200, []string{`"metric":"Net sales <script>x=1</script>"`}},
		{"show", "/api/show?doc=innovo-2004q2.txt", 200, []string{`"total":478`, `{"line":478,`}},
		{"show lines", "/api/show?doc=innovo-2004q2.txt&from=171&to=172", 200, []string{`"lines":[{"line":171,"text":"Joe's  net  sales`, `{"line":172,`}},
		{"show one line", "/api/show?doc=innovo-2004q2.txt&from=171", 200, []string{`"lines":[{"line":171,`}},
		{"a release named by a prefix", "/api/show?doc=innovo&from=171", 200, []string{`"lines":[{"line":171,`}},
		{"show a table row: its title and headers", "/api/show?doc=hostile.txt&from=13&to=13", 200,
			[]string{`"tables":[{"title":"EVIL WIDGETS INC. <b>STATEMENTS</b> OF OPERATIONS"`, `"header":[{"line":11,`}},
		{"check", "/api/check?doc=innovo-2004q2.txt", 200, []string{`"releases":[{"doc":"innovo-2004q2.txt"`, `"checks":[{`}},

		{"ask without a question", "/api/ask", 400, []string{`"error":"q is missing`, `"status":400`}},
		{"ask a blank question", "/api/ask?q=+++", 400, []string{`q is missing`}},
		{"ask too long a question", "/api/ask?q=" + url.QueryEscape(long), 400, []string{`at most 500`}},
		{"ask an unknown release", "/api/ask?q=sales&doc=nope.txt", 404, []string{`release \"nope.txt\"`, `"status":404`}},
		{"search without terms", "/api/search?doc=hostile.txt", 400, []string{`q is missing`}},
		{"search limit not a number", "/api/search?q=sales&limit=ten", 400, []string{`limit must be`}},
		{"search limit too big", "/api/search?q=sales&limit=100000", 400, []string{`from 1 to 200`}},
		{"search limit zero", "/api/search?q=sales&limit=0", 400, []string{`limit must be`}},
		{"facts without a release", "/api/facts", 400, []string{`doc is missing`}},
		{"facts of an unknown release", "/api/facts?doc=nope", 404, []string{`not in the index`}},
		{"show without a release", "/api/show", 400, []string{`doc is missing`}},
		{"show past the end", "/api/show?doc=hostile.txt&from=999", 400, []string{`line 999 is past the end`}},
		{"show backwards", "/api/show?doc=hostile.txt&from=5&to=2", 400, []string{`before from`}},
		{"show line zero", "/api/show?doc=hostile.txt&from=0", 400, []string{`from must be`}},
		{"check of an unknown release", "/api/check?doc=nope", 404, []string{`not in the index`}},
		{"an API that is not", "/api/nothing", 404, []string{`no such API`}},
		{"too long a query", "/api/ask?q=" + strings.Repeat("a", maxQuery+1), 414, []string{`longer than 4096`}},

		// fixed bugs
		// the query string is ASCII; its decoded value was not checked
		{"not UTF-8", "/api/ask?q=%ff%fe", 400, []string{`not valid UTF-8`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, h, body := get(t, hs.URL+c.path)
			if status != c.status {
				t.Errorf("status %d, want %d: %s", status, c.status, body)
			}
			if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if !json.Valid(body) {
				t.Errorf("not JSON: %s", body)
			}
			for _, s := range c.has {
				if !strings.Contains(string(body), s) {
					t.Errorf("no %s in %s", s, clip(body))
				}
			}
		})
	}
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// TestAskIsTheCLIAnswer: /api/ask answers as answer.Engine does (the
// JSON of ex99 ask --json), field for field.
func TestAskIsTheCLIAnswer(t *testing.T) {
	dir := testIndex(t)
	q := "change in net sales from Q2 2003 to Q2 2004"
	x, err := index.Open(dir, index.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	want := (&answer.Engine{Index: x, Doc: seed.Name}).Ask(q)
	x.Close()
	var sb strings.Builder
	if err := want.WriteJSON(&sb); err != nil {
		t.Fatal(err)
	}
	_, hs := newTestServer(t, dir)
	_, _, body := get(t, hs.URL+"/api/ask?doc="+seed.Name+"&q="+url.QueryEscape(q))
	var got, cli map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(sb.String()), &cli); err != nil {
		t.Fatal(err)
	}
	delete(got, "marked")
	if g, w := fmt.Sprint(got), fmt.Sprint(cli); g != w {
		t.Errorf("API answer\n%s\nCLI answer\n%s", g, w)
	}
	if cli["formula"] == nil {
		t.Errorf("no formula in a computed answer: %v", cli)
	}
}

// TestDownloadsAndETags: facts download as CSV (ex99 facts --format
// csv); the page's files and the list of releases answer 304 to a client
// that has them.
func TestDownloadsAndETags(t *testing.T) {
	_, hs := newTestServer(t, testIndex(t))
	status, h, body := get(t, hs.URL+"/api/facts?format=csv&doc=hostile.txt")
	if status != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" || h.Get("Content-Disposition") != `attachment; filename=hostile.txt.facts.csv` {
		t.Errorf("CSV: %d %v", status, h)
	}
	if !strings.HasPrefix(string(body), "doc,line,end_line,metric,") || !strings.Contains(string(body), "hostile.txt,13,13,Net sales <script>x=1</script>,") {
		t.Errorf("CSV: %s", clip(body))
	}
	_, _, body = get(t, hs.URL+"/api/facts?format=csv&doc=hostile.txt&filter="+url.QueryEscape("net sales 2003"))
	if lines := strings.Split(strings.TrimSpace(string(body)), "\n"); len(lines) != 2 || !strings.Contains(lines[1], "1000000") {
		t.Errorf("filtered CSV: %q", body)
	}
	for _, p := range []string{"/", "/static/app.js", "/static/app.css", "/api/docs", "/api/docs?brief=1"} {
		_, h, _ := get(t, hs.URL+p)
		tag := h.Get("ETag")
		if tag == "" {
			t.Errorf("%s: no ETag", p)
			continue
		}
		req, _ := http.NewRequest("GET", hs.URL+p, nil)
		req.Header.Set("If-None-Match", tag)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d", p, resp.StatusCode)
		}
	}
}

// TestSafetyHeaders: the page, its script and the API carry the CSP and
// nosniff; only GET is taken, and no body.
func TestSafetyHeaders(t *testing.T) {
	_, hs := newTestServer(t, testIndex(t))
	for _, p := range []string{"/", "/doc/innovo-2004q2.txt", "/static/app.js", "/static/app.css", "/api/docs", "/api/nothing"} {
		status, h, _ := get(t, hs.URL+p)
		if status != 200 && !strings.HasPrefix(p, "/api/nothing") {
			t.Errorf("%s: status %d", p, status)
		}
		if h.Get("Content-Security-Policy") != csp || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, h)
		}
		if strings.Contains(h.Get("Content-Security-Policy"), "unsafe") {
			t.Errorf("%s: CSP allows unsafe: %s", p, h.Get("Content-Security-Policy"))
		}
	}
	resp, err := http.Post(hs.URL+"/api/ask?q=x", "text/plain", strings.NewReader("body"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d %v", resp.StatusCode, resp.Header)
	}
	if status, _, _ := get(t, hs.URL+"/nothing-here"); status != 404 {
		t.Errorf("unknown page: %d", status)
	}
}

// TestBusy: while a writer holds the index, requests wait a moment and
// then get 503 with Retry-After; after it, they are answered again.
func TestBusy(t *testing.T) {
	dir := testIndex(t)
	_, hs := newTestServer(t, dir)
	var docs struct{ Releases []index.DocInfo }
	if status := getJSON(t, hs.URL+"/api/docs", &docs); status != 200 {
		t.Fatalf("status %d", status)
	}
	w, err := index.Open(dir, index.Options{WaitReaders: 5 * time.Second})
	if err != nil {
		t.Fatalf("a writer could not get the index from the server: %v", err)
	}
	status, h, body := get(t, hs.URL+"/api/ask?q=sales")
	if status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || !strings.Contains(string(body), "index is busy") {
		t.Errorf("while writing: %d %v %s", status, h, body)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if status := getJSON(t, hs.URL+"/api/docs", &docs); status != 200 || len(docs.Releases) != 4 {
		t.Errorf("after writing: %d, %d releases", status, len(docs.Releases))
	}
}

// TestFreshData: a release added while the server runs is served within
// a moment, without a restart.
func TestFreshData(t *testing.T) {
	dir := testIndex(t)
	_, hs := newTestServer(t, dir)
	r := synth.Generate(synth.Nth(7, 0), false) // a company the index does not have
	q := "/api/ask?q=" + url.QueryEscape(fmt.Sprintf("%s net sales Q%d %d", r.Short, r.Quarter, r.Year))
	var ans answer.Answer
	getJSON(t, hs.URL+q, &ans)
	if ans.Kind != answer.KindNone {
		t.Fatalf("before the release is added: %+v", ans)
	}
	addReleases(t, dir, source{r.Name, r.Src})
	deadline := time.Now().Add(3 * time.Second)
	for {
		getJSON(t, hs.URL+q, &ans)
		if ans.Kind == answer.KindFact && len(ans.Citations) > 0 && ans.Citations[0].Doc == r.Name {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("3s after the release was added: %+v", ans)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBuiltin: with no index the server answers from the built-in
// release, and serves the index once one is made.
func TestBuiltin(t *testing.T) {
	dir := t.TempDir() + "/none"
	s := New(Config{Index: dir, Poll: 10 * time.Millisecond, Builtin: func() (*index.Index, error) {
		x, err := index.OpenMem()
		if err != nil {
			return nil, err
		}
		return x, nil
	}})
	defer s.Close()
	builtin, err := s.Open()
	if err != nil || !builtin {
		t.Fatalf("Open: %v %v", builtin, err)
	}
	hs := httptestServer(t, s)
	var docs struct {
		Builtin  bool
		Releases []index.DocInfo
	}
	getJSON(t, hs+"/api/docs", &docs)
	if !docs.Builtin {
		t.Errorf("no index: not builtin: %+v", docs)
	}
	addReleases(t, dir, fixtures(t)[1])
	deadline := time.Now().Add(3 * time.Second)
	for getJSON(t, hs+"/api/docs", &docs); docs.Builtin; getJSON(t, hs+"/api/docs", &docs) {
		if time.Now().After(deadline) {
			t.Fatal("an index was made, but the server still serves the built-in release")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(docs.Releases) != 1 || docs.Releases[0].Name != "hostile.txt" {
		t.Errorf("releases: %+v", docs.Releases)
	}
}

// TestConcurrent: many requests at once, and a writer among them, are
// all answered (503 only while the writer writes). Run with -race.
func TestConcurrent(t *testing.T) {
	dir := testIndex(t)
	_, hs := newTestServer(t, dir)
	paths := []string{
		"/api/ask?q=" + url.QueryEscape("Joe's net sales Q2 2004"),
		"/api/ask?doc=innovo-2004q2.txt&q=gross+margin",
		"/api/search?q=net+sales",
		"/api/docs",
		"/api/facts?doc=innovo-2004q2.txt",
		"/api/show?doc=innovo-2004q2.txt&from=100&to=120",
		"/api/check?doc=hostile.txt",
	}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				p := paths[(g+i)%len(paths)]
				resp, err := http.Get(hs.URL + p)
				if err != nil {
					errs <- err.Error()
					return
				}
				resp.Body.Close()
				if resp.StatusCode != 200 && resp.StatusCode != http.StatusServiceUnavailable {
					errs <- fmt.Sprintf("%s: %d", p, resp.StatusCode)
				}
			}
		}(g)
	}
	r := synth.Generate(9, true)
	addReleases(t, dir, source{r.Name, r.Src})
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

package serve

// The page in a real browser: headless Chromium driven by chromedp. Locally
// these tests skip when no Chromium is found (say which one with
// EX99_CHROME); in CI (CI=true) a missing browser fails them, and .ci/run
// installs Debian's chromium. With -update, TestScreenshot writes
// docs/serve.png.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/ex99/ex99/internal/synth"
)

var update = flag.Bool("update", false, "write docs/serve.png from the browser test")

// browserNames are the Chromium builds looked for on PATH, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"}

// findBrowser is the path of a Chromium to drive, or "".
func findBrowser() string {
	if p := os.Getenv("EX99_CHROME"); p != "" {
		return p
	}
	for _, n := range browserNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium shared by the tests (started by the
// first that needs it, stopped by TestMain).
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// newTab opens a tab of the shared browser for one test, or skips the
// test (fails it in CI) when there is no browser.
func newTab(t *testing.T) context.Context {
	t.Helper()
	path := findBrowser()
	if path == "" {
		msg := "no Chromium found (looked for " + strings.Join(browserNames, ", ") + " on PATH, and EX99_CHROME): install Debian's chromium to run the browser tests"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	browser.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
			chromedp.WindowSize(1400, 900), chromedp.Flag("hide-scrollbars", false),
			chromedp.Flag("disable-dev-shm-usage", true))
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelB := chromedp.NewContext(actx)
		browser.err = chromedp.Do(bctx) // starts the browser
		browser.ctx, browser.cancel = bctx, func() { cancelB(); cancelA() }
	})
	if browser.err != nil {
		t.Fatalf("starting %s: %v", path, browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelT(); cancel() })
	return ctx
}

// run runs chromedp actions, failing the test on an error.
func run(t testing.TB, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// value runs a chromedp action that reads a value, failing the test on an
// error.
func value[T any](t testing.TB, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// css is a CSS selector.
type css = chromedp.CSS

// pageServer serves the fixtures' index for a browser test.
func pageServer(t *testing.T) string {
	_, hs := newTestServer(t, testIndex(t))
	return hs.URL
}

// highlighted is what the page shows highlighted: the line numbers, and
// whether each is inside the reading view's visible area, below the
// pinned header.
type highlighted struct {
	Lines   []int  `json:"lines"`
	Visible []bool `json:"visible"`
	Pin     string `json:"pin"`
}

const highlightedJS = `(() => {
  const body = document.querySelector('#reader-body').getBoundingClientRect();
  const pin = document.querySelector('#reader-pin');
  const top = pin.hidden ? body.top : pin.getBoundingClientRect().bottom;
  const hl = [...document.querySelectorAll('#reader-lines .ln.hl')];
  return {
    lines: hl.map(e => +e.id.slice(1)),
    visible: hl.map(e => { const r = e.getBoundingClientRect(); return r.top >= top - 1 && r.bottom <= body.bottom + 1; }),
    pin: pin.hidden ? '' : pin.textContent,
  };
})()`

// waitHighlight waits for lines from..to to be highlighted and returns
// what is.
func waitHighlight(t *testing.T, ctx context.Context, from, to int) highlighted {
	t.Helper()
	run(t, ctx, "wait for the highlight", chromedp.WaitVisible(css(fmt.Sprintf(`#L%d.hl`, from))), chromedp.Sleep(50*time.Millisecond))
	h := value(t, ctx, "highlighted lines", chromedp.Evaluate[highlighted](highlightedJS))
	var want []int
	for i := from; i <= to; i++ {
		want = append(want, i)
	}
	if fmt.Sprint(h.Lines) != fmt.Sprint(want) {
		t.Errorf("highlighted lines %v, want %v", h.Lines, want)
	}
	for i, v := range h.Visible {
		if !v {
			t.Errorf("highlighted line %d is not in view", h.Lines[i])
		}
	}
	return h
}

// location is the page's path, query and fragment.
func location(t *testing.T, ctx context.Context) string {
	return value(t, ctx, "location", chromedp.Evaluate[string](`location.pathname + location.search + location.hash`))
}

// TestPageAsk: a question typed and asked with Enter gets its answer; a
// click on its citation opens the release beside it with the cited lines
// highlighted and in view; the back button closes it again.
func TestPageAsk(t *testing.T) {
	base := pageServer(t)
	ctx := newTab(t)
	run(t, ctx, "ask", chromedp.Navigate(base+"/"),
		chromedp.WaitReady(css(`body[data-ready="1"]`)),
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
		chromedp.KeyEvent("/")) // "/" focuses the question box
	if id := value(t, ctx, "focus", chromedp.Evaluate[string](`document.activeElement.id`)); id != "q" {
		t.Errorf("after /, the focus is on %q", id)
	}
	// (chromedp types the "/" as a char event of its own, which the page's
	// keydown handler cannot cancel as it does a real key's)
	run(t, ctx, "type the question", chromedp.Evaluate[chromedp.Void](`document.querySelector('#q').value = ''`),
		chromedp.KeyEvent("Joe's net sales Q2 2004"+kb.Enter),
		chromedp.WaitVisible(css(`.answer .value`)))
	answer := value(t, ctx, "answer", chromedp.Text(css(`.answer .value`)))
	cite := value(t, ctx, "citation", chromedp.Text(css(`.answer a.cite`)))
	if !strings.HasPrefix(answer, "$4,394,000") || cite != "innovo-2004q2.txt:171-175" {
		t.Errorf("answer %q, citation %q", answer, cite)
	}
	run(t, ctx, "close the release the answer opened", chromedp.Click(css(`#reader-close`)),
		chromedp.WaitNotVisible(css(`#reader-doc`)), chromedp.WaitVisible(css(`#reader-empty`)))
	run(t, ctx, "click the citation", chromedp.Click(css(`.answer a.cite`)))
	waitHighlight(t, ctx, 171, 175)
	if got, want := location(t, ctx), "/doc/innovo-2004q2.txt?q=Joe%27s+net+sales+Q2+2004#L171-175"; got != want {
		t.Errorf("URL %s, want %s", got, want)
	}
	run(t, ctx, "back", chromedp.NavigateBack(), chromedp.WaitNotVisible(css(`#reader-doc`)))
	if answer := value(t, ctx, "answer after back", chromedp.Text(css(`.answer .value`))); !strings.HasPrefix(answer, "$4,394,000") {
		t.Errorf("after back: answer %q", answer)
	}
}

// TestPageSearch: search hits are grouped by release and open the
// release at their lines.
func TestPageSearch(t *testing.T) {
	base := pageServer(t)
	ctx := newTab(t)
	run(t, ctx, "search", chromedp.Navigate(base+"/?tab=search&q=conference+call"), chromedp.WaitVisible(css(`.hit a.cite`)))
	group := value(t, ctx, "group", chromedp.Text(css(`.group h3`)))
	if !strings.HasPrefix(group, "innovo-2004q2.txt") {
		t.Errorf("first group %q", group)
	}
	attrs := value(t, ctx, "hit", chromedp.Attributes(css(`.hit a.cite`)))
	var lo, hi int
	fmt.Sscan(attrs["data-from"], &lo)
	fmt.Sscan(attrs["data-to"], &hi)
	if lo < 1 || hi < lo {
		t.Fatalf("hit lines %v", attrs)
	}
	run(t, ctx, "open the hit", chromedp.Click(css(`.hit a.cite`)))
	waitHighlight(t, ctx, lo, hi)
}

// TestPageSharedURL: a shared URL of a table row opens the answer and the
// release at the row, with the table's title and column headers pinned
// above it.
func TestPageSharedURL(t *testing.T) {
	base := pageServer(t)
	ctx := newTab(t)
	run(t, ctx, "load", chromedp.Navigate(base+"/doc/innovo-2004q2.txt?q="+url.QueryEscape("net sales Q2 2004")+"&doc=innovo-2004q2.txt#L378"),
		chromedp.WaitVisible(css(`.answer .value`)))
	h := waitHighlight(t, ctx, 378, 378)
	if !strings.Contains(h.Pin, "STATEMENTS OF OPERATIONS") || !strings.Contains(h.Pin, "Three Months Ended") {
		t.Errorf("pinned header %q", h.Pin)
	}
	if picked := value(t, ctx, "picker", chromedp.Value(css(`#doc`))); picked != "innovo-2004q2.txt" {
		t.Errorf("release picker %q", picked)
	}
	// a shared URL of a release that is gone says so
	run(t, ctx, "a release that is gone", chromedp.Navigate(base+"/?q=sales&doc=gone.txt"), chromedp.WaitVisible(css(`#status.error`)))
	if msg := value(t, ctx, "status", chromedp.Text(css(`#status`))); !strings.Contains(msg, `release "gone.txt": not in the index`) {
		t.Errorf("status %q", msg)
	}
}

// hostileRan is true when release text ran as script or became markup.
const hostileRan = `window.ex99pwned !== undefined || document.querySelectorAll('#main script, #main img, #main b, #main a[href^="javascript"]').length > 0`

// TestPageHostileText: a release whose text holds <script> tags and
// onerror= attributes shows them as text, everywhere release text goes
// (answer, citation, reading view, pinned header, facts, search), and
// none of it runs.
func TestPageHostileText(t *testing.T) {
	dir := testIndex(t)
	// a release whose very name is markup
	hostileName := `x"><img src=z onerror=window.ex99pwned=4>.txt`
	addReleases(t, dir, source{hostileName, fixtures(t)[1].src})
	_, hs := newTestServer(t, dir)
	base := hs.URL
	ctx := newTab(t)
	run(t, ctx, "ask", chromedp.Navigate(base+"/doc/hostile.txt?doc=hostile.txt&q="+url.QueryEscape("net income Q2 2004")+"#L16"),
		chromedp.WaitVisible(css(`.answer .value`)), chromedp.WaitVisible(css(`#L16.hl`)))
	answer := value(t, ctx, "answer", chromedp.Text(css(`.answer`)))
	reader := value(t, ctx, "reader", chromedp.Evaluate[string](`document.querySelector('#reader-body').textContent`))
	for _, s := range []string{"<script>window.ex99pwned=1</script>", `<img src=x onerror="window.ex99pwned=2">`, "<b>STATEMENTS</b>", "Net income <img src=y onerror=alert(1)>"} {
		if !strings.Contains(reader, s) {
			t.Errorf("reading view: no text %s", s)
		}
	}
	if !strings.Contains(answer, "<img src=y onerror=alert(1)>") {
		t.Errorf("answer: %q", answer)
	}
	ran := value(t, ctx, "ran", chromedp.Evaluate[bool](hostileRan))
	run(t, ctx, "facts", chromedp.Navigate(base+"/?tab=facts&doc=hostile.txt"), chromedp.WaitVisible(css(`#view-facts table`)))
	facts := value(t, ctx, "facts", chromedp.Text(css(`#view-facts table`)))
	run(t, ctx, "filter the facts", chromedp.SendKeys(css(`#view-facts input`), "net sales"))
	count := value(t, ctx, "count", chromedp.Text(css(`#view-facts .count`)))
	csv := value(t, ctx, "csv", chromedp.Evaluate[string](`document.querySelector('#view-facts a[download]').getAttribute('href')`))
	if count != "3 of 9 facts" || !strings.Contains(csv, "filter=net+sales") {
		t.Errorf("filtered facts: %q, CSV %q", count, csv)
	}
	ran = ran || value(t, ctx, "ran", chromedp.Evaluate[bool](hostileRan))
	run(t, ctx, "search", chromedp.Navigate(base+"/?tab=search&doc=hostile.txt&q=quarter+went+well"), chromedp.WaitVisible(css(`.hit`)))
	search := value(t, ctx, "search", chromedp.Text(css(`#view-search`)))
	ran = ran || value(t, ctx, "ran", chromedp.Evaluate[bool](hostileRan))
	if !strings.Contains(facts, "Net sales <script>x=1</script>") {
		t.Errorf("facts: no script text: %.300s", facts)
	}
	if !strings.Contains(search, `<img src=x onerror="window.ex99pwned=2">`) {
		t.Errorf("search: %q", search)
	}
	quoted, _ := json.Marshal(hostileName)
	run(t, ctx, "releases", chromedp.Navigate(base+"/?tab=releases"), chromedp.WaitVisible(css(`#view-releases table`)),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('#view-releases tbody a')].find(a => a.textContent === `+string(quoted)+`).click()`),
		chromedp.WaitVisible(css(`#reader-lines .ln`)))
	title := value(t, ctx, "reader title", chromedp.Text(css(`#reader-title`)))
	picker := value(t, ctx, "picker", chromedp.Text(css(`#doc`)))
	ran = ran || value(t, ctx, "ran", chromedp.Evaluate[bool](hostileRan))
	if title != hostileName || !strings.Contains(picker, hostileName) {
		t.Errorf("a release's name: reader title %q, picker %q", title, picker)
	}
	if ran {
		t.Error("release text ran as script or became markup")
	}
}

// TestScreenshot takes the README's picture: the page answering "Joe's
// net sales Q2 2004" with the citation open. With -update it writes
// docs/serve.png.
func TestScreenshot(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	addReleases(t, dir, fixtures(t)[0])
	_, hs := newTestServer(t, dir)
	ctx := newTab(t)
	run(t, ctx, "load", chromedp.EmulateViewport(1280, 720),
		chromedp.Navigate(hs.URL+"/?q="+url.QueryEscape("Joe's net sales Q2 2004")),
		chromedp.WaitVisible(css(`#L171.hl`)), chromedp.Sleep(100*time.Millisecond))
	png := value(t, ctx, "screenshot", chromedp.CaptureScreenshot())
	if len(png) == 0 {
		t.Fatal("empty screenshot")
	}
	if *update {
		if err := os.WriteFile(filepath.Join("..", "docs", "serve.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPageNewRelease: a release added (ex99 add) while the page is open
// shows up in its release picker within a few seconds.
func TestPageNewRelease(t *testing.T) {
	dir := testIndex(t)
	_, hs := newTestServer(t, dir)
	ctx := newTab(t)
	run(t, ctx, "load", chromedp.Navigate(hs.URL+"/"), chromedp.WaitReady(css(`body[data-ready="1"]`)))
	r := synth.Generate(11, false)
	addReleases(t, dir, source{r.Name, r.Src})
	start := time.Now()
	run(t, ctx, "wait for the new release", chromedp.WaitReady(css(`#doc option[value="`+r.Name+`"]`)))
	t.Logf("the new release showed up in %v", time.Since(start).Round(time.Millisecond))
}

// TestPageLayout: asking moves nothing that was on the page (the answer
// fills room kept for it, the release opens in a column kept for it);
// at a phone's width nothing is wider than the screen, and the release
// opens over the answer.
func TestPageLayout(t *testing.T) {
	base := pageServer(t)
	ctx := newTab(t)
	const where = `JSON.stringify([...document.querySelectorAll('#q, #view-ask, #reader')].map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width]; }))`
	run(t, ctx, "load", chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"/"), chromedp.WaitReady(css(`body[data-ready="1"]`)))
	before := value(t, ctx, "before", chromedp.Evaluate[string](where))
	run(t, ctx, "ask", chromedp.SendKeys(css(`#q`), "Joe's net sales Q2 2004"+kb.Enter), chromedp.WaitVisible(css(`#L171.hl`)))
	if after := value(t, ctx, "after", chromedp.Evaluate[string](where)); after != before {
		t.Errorf("asking moved the page: before %s, after %s", before, after)
	}
	const overflow = `document.documentElement.scrollWidth - window.innerWidth`
	run(t, ctx, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile),
		chromedp.Navigate(base+"/?doc=innovo-2004q2.txt&q="+url.QueryEscape("change in net sales from Q2 2003 to Q2 2004")),
		chromedp.WaitVisible(css(`.answer .value`)))
	if px := value(t, ctx, "overflow", chromedp.Evaluate[float64](overflow)); px > 0 {
		t.Errorf("at a phone's width the page is %vpx wider than the screen", px)
	}
	run(t, ctx, "open a citation", chromedp.Click(css(`.answer a.cite`)), chromedp.WaitVisible(css(`.ln.hl`)))
	full := value(t, ctx, "reader", chromedp.Evaluate[bool](`(() => { const r = document.querySelector('#reader').getBoundingClientRect(); return r.left === 0 && r.width === window.innerWidth; })()`))
	if !full {
		t.Error("at a phone's width the release does not open over the answer")
	}
}

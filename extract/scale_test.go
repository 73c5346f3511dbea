package extract_test

import (
	"bytes"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/race"
	"github.com/ex99/ex99/internal/synth"
)

// parseMeasured parses src and returns the time it took and the peak heap
// in use above what was in use before, sampled every few milliseconds.
func parseMeasured(t *testing.T, name string, src []byte) (time.Duration, uint64) {
	t.Helper()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(5 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > base.HeapInuse && m.HeapInuse-base.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse - base.HeapInuse)
			}
		}
	}()
	start := time.Now()
	doc, err := extract.Parse(name, src)
	el := time.Since(start)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Facts) == 0 {
		t.Fatalf("%s: no facts", name)
	}
	return el, peak.Load()
}

// TestLongParagraphLinear parses one long paragraph of figure-dense
// sentences, as one line and wrapped, at two sizes: the larger must not
// cost much more than its share. Period scans that lowered all the text
// before every date, and citing code that refolded every line of the
// paragraph for every figure, made these quadratic (a 1 MB paragraph took
// 20 s to 100 s).
func TestLongParagraphLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabytes")
	}
	if race.Enabled {
		t.Skip("times under the race detector say nothing")
	}
	for _, wrap := range []bool{false, true} {
		small, big := synth.LongParagraph(128<<10, wrap), synth.LongParagraph(512<<10, wrap)
		ts := fastest(t, "small.txt", small, 3)
		tb, mem := parseMeasured(t, "big.txt", big)
		if tb > 9*ts+time.Second {
			tb = min(tb, fastest(t, "big.txt", big, 1))
		}
		t.Logf("wrap=%v: 128 KB %v, 512 KB %v, peak heap %d MB", wrap, ts, tb, mem>>20)
		// linear is 4x; quadratic 16x. Allow for a loaded machine.
		if tb > 9*ts+time.Second || tb > 15*time.Second {
			t.Errorf("wrap=%v: 128 KB took %v, 512 KB %v: not linear", wrap, ts, tb)
		}
		if mem > 64*uint64(len(big))+64<<20 {
			t.Errorf("wrap=%v: peak heap %d MB for %d KB", wrap, mem>>20, len(big)>>10)
		}
	}
}

// TestLongClause parses a paragraph with no sentence or clause break: every
// figure used to read the whole clause before and after it, and scan its
// periods, which cost cubic time (20 KB took 24 s).
func TestLongClause(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a long clause")
	}
	if race.Enabled {
		t.Skip("times under the race detector say nothing")
	}
	src := synth.LongClause(64 << 10)
	el, mem := parseMeasured(t, "clause.txt", src)
	t.Logf("64 KB clause: %v, peak heap %d MB", el, mem>>20)
	if el > 10*time.Second {
		t.Errorf("a 64 KB clause took %v", el)
	}
}

// tallTable returns an HTML release whose one table has a header row of
// cols years and rows-1 rows of figures, each set after a "$" cell of its
// own, as releases set them.
func tallTable(rows, cols int) []byte {
	var b bytes.Buffer
	b.WriteString("<html><body>\n<p>Zorvami Group Inc. (NASDAQ: ZORV) today reported results (in thousands).</p>\n<table>\n<tr><td></td>")
	for c := 0; c < cols; c++ {
		fmt.Fprintf(&b, "<td colspan=2>%d</td>", 2020+c)
	}
	b.WriteString("</tr>\n")
	for r := 0; r < rows-1; r++ {
		fmt.Fprintf(&b, "<tr><td>Item %d</td>", r)
		for c := 0; c < cols; c++ {
			fmt.Fprintf(&b, "<td>$</td><td>%d</td>", (r+1)*(c+1)%9973)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.Bytes()
}

// TestWideTableLinear parses HTML tables of several shapes at two sizes,
// eight times apart: the larger must cost about eight times the time, not
// sixty-four. Every cell of a table looked through every value column for
// its own (a header of 100,000 years took over 100 s).
func TestWideTableLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("parses tables of many thousand cells")
	}
	if race.Enabled {
		t.Skip("times under the race detector say nothing")
	}
	for _, tc := range []struct {
		name               string
		small, big         []byte
		smallName, bigName string
		limit              time.Duration
	}{
		{"wide", synth.WideTable(2, 2500), synth.WideTable(2, 20000), "2×2,500", "2×20,000", 4 * time.Second},
		{"wide and deep", synth.WideTable(50, 250), synth.WideTable(50, 2000), "50×250", "50×2,000", 6 * time.Second},
		{"tall", tallTable(2500, 5), tallTable(20000, 5), "2,500×5", "20,000×5", 10 * time.Second},
	} {
		// the fastest of a few runs is the cost; one run of a few
		// milliseconds on a loaded machine measures the load
		ts := fastest(t, "small.htm", tc.small, 3)
		tb, mem := parseMeasured(t, "big.htm", tc.big)
		if tb > 24*ts+300*time.Millisecond {
			tb = min(tb, fastest(t, "big.htm", tc.big, 1))
		}
		t.Logf("%s: %s %v, %s %v, peak heap %d MB", tc.name, tc.smallName, ts, tc.bigName, tb, mem>>20)
		// linear is 8x, n log n (the cells are sorted) about 10x and,
		// with the garbage collector's share growing with the heap, 14x
		// measured on an idle machine; quadratic is 64x. 24x leaves room
		// for a loaded machine and still catches quadratic.
		if tb > 24*ts+300*time.Millisecond || tb > tc.limit {
			t.Errorf("%s: %s took %v, %s %v: not linear", tc.name, tc.smallName, ts, tc.bigName, tb)
		}
		if mem > 128*uint64(len(tc.big))+64<<20 {
			t.Errorf("%s: peak heap %d MB for %d KB", tc.name, mem>>20, len(tc.big)>>10)
		}
	}
}

// fastest is the least time of n parses of src.
func fastest(t *testing.T, name string, src []byte, n int) time.Duration {
	t.Helper()
	best := time.Duration(1<<63 - 1)
	for range n {
		el, _ := parseMeasured(t, name, src)
		best = min(best, el)
	}
	return best
}

// TestWideTable parses a table of 100,000 year columns over one row of
// figures (2.5 MB) in seconds and a few hundred megabytes.
func TestWideTable(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a table of 200,000 cells")
	}
	if race.Enabled {
		t.Skip("times under the race detector say nothing")
	}
	el, mem := parseMeasured(t, "wide.htm", synth.WideTable(2, 100000))
	t.Logf("2×100,000: %v, peak heap %d MB", el, mem>>20)
	if el > 15*time.Second {
		t.Errorf("a table of 100,000 columns took %v", el)
	}
	if mem > 400<<20 {
		t.Errorf("a table of 100,000 columns: peak heap %d MB", mem>>20)
	}
}

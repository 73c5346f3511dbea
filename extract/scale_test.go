package extract_test

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ex99/ex99/extract"
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
	for _, wrap := range []bool{false, true} {
		small, big := synth.LongParagraph(128<<10, wrap), synth.LongParagraph(512<<10, wrap)
		ts, _ := parseMeasured(t, "small.txt", small)
		tb, mem := parseMeasured(t, "big.txt", big)
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
	src := synth.LongClause(64 << 10)
	el, mem := parseMeasured(t, "clause.txt", src)
	t.Logf("64 KB clause: %v, peak heap %d MB", el, mem>>20)
	if el > 10*time.Second {
		t.Errorf("a 64 KB clause took %v", el)
	}
}

package index

import (
	"runtime"
	"strings"
	"testing"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/synth"
)

// TestClipJoin checks clipJoin against clip of the joined strings.
func TestClipJoin(t *testing.T) {
	for _, a := range []string{"", "ab", "héllo ", strings.Repeat("x", 9), strings.Repeat("é", 6)} {
		for _, b := range []string{"cd", "wörld", strings.Repeat("ü", 8), strings.Repeat("y", 20)} {
			for n := 1; n < 12; n++ {
				if len(a)+len(b) <= n {
					continue
				}
				if got, want := clipJoin(a, b, n), clip(a+b, n); got != want {
					t.Errorf("clipJoin(%q, %q, %d) = %q, want %q", a, b, n, got, want)
				}
			}
		}
	}
}

type nullBatch struct{ n int }

func (b *nullBatch) Index(string, interface{}) error { b.n++; return nil }

// TestAddDocOneLongLine indexes a release that is one 1 MB line with
// thousands of figures: citing each figure copied the whole line (1 MB
// per fact, gigabytes in all).
func TestAddDocOneLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts a megabyte")
	}
	src := synth.LongParagraph(1<<20, false)
	d, err := extract.Parse("long.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	if _, err := addDoc(&nullBatch{}, d); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&m1)
	alloc := m1.TotalAlloc - m0.TotalAlloc
	t.Logf("%d facts, %d MB allocated", len(d.Facts), alloc>>20)
	// each fact is marshalled (about 5 KB of garbage each, 23,000 facts);
	// copying the line per fact was 1 MB each
	if alloc > 256*uint64(len(src)) {
		t.Errorf("addDoc allocated %d MB for a %d KB release", alloc>>20, len(src)>>10)
	}
}

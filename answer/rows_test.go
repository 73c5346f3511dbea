package answer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// segmentRelease is a synthetic release with net sales by segment.
const segmentRelease = `Zeta Brands Inc. Reports Second Quarter Results

Zeta Brands Inc. today reported results for its second quarter ended May 29, 2004.

                               ZETA BRANDS INC.
                        SEGMENT INFORMATION (in thousands)

                                              Three Months Ended
                                                   05/29/04
                                              ------------------
NET SALES:
   Apparel                                     $      4,394
   Accessories                                        9,120
   Footwear                                           2,010
   Total net sales                             $     15,524
`

// TestHighestRow checks that "which segment had the highest …" ranks the
// rows under the metric's heading, leaving out the total, and that a
// release with no such rows gets no figure for an answer.
func TestHighestRow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zeta-2004q2.txt")
	if err := os.WriteFile(path, []byte(segmentRelease), 0o644); err != nil {
		t.Fatal(err)
	}
	x := memIndex(t, path)
	defer x.Close()
	e := &Engine{Index: x}
	tests := []struct{ q, first string }{
		{"Which segment had the highest net sales in Q2 2004?", "Accessories — the segment with the highest revenue"},
		{"Which segment had the lowest net sales in Q2 2004?", "Footwear — the segment with the lowest revenue"},
	}
	for _, tt := range tests {
		a := e.Ask(tt.q)
		if !strings.HasPrefix(a.Answer, tt.first) || strings.Contains(a.Answer, "Total") {
			t.Errorf("%q: %q, want it to start %q, no total", tt.q, a.Answer, tt.first)
		}
	}
	// the seed's statement of operations has no segment rows: no answer,
	// and never the company's total net sales
	seed := memIndex(t, "../testdata/innovo-2004q2.txt")
	defer seed.Close()
	if a := (&Engine{Index: seed}).Ask("Which segment had the highest net sales in Q2 2004?"); a.Kind != KindNone {
		t.Errorf("seed: %s %q, want none", a.Kind, a.Answer)
	}
}

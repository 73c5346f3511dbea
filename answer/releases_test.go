package answer

import (
	"fmt"
	"testing"

	"github.com/ex99/ex99/internal/synth"
)

// TestReleaseByPeriod checks that a question naming a company and a
// period is answered from the release for that period, among more of the
// company's releases than one company search returns.
func TestReleaseByPeriod(t *testing.T) {
	const company, quarters = 3, 24
	paths, err := synth.WriteDir(t.TempDir(), synth.Nth(company, 0), quarters, 4)
	if err != nil {
		t.Fatal(err)
	}
	x := memIndex(t, paths...)
	defer x.Close()
	tests := []struct {
		k        int    // the release's quarter among the company's
		question string // with the company, fiscal quarter and year
	}{
		{0, "%[1]s net sales Q%[2]d %[3]d"},
		{10, "%[1]s diluted EPS Q%[2]d %[3]d"},
		{13, "what were %[1]s's total assets at the end of Q%[2]d %[3]d?"},
		{17, "%[1]s change in net sales from Q%[2]d %[4]d to Q%[2]d %[3]d"},
		// fixed bugs
		{23, "%[1]s net sales Q%[2]d %[3]d"}, // the company search returned the first 20 releases by name, and all were asked
		{21, "why did %[1]s gross margin decline in Q%[2]d %[3]d?"},
	}
	defer func(n int) { periodLimit = n }(periodLimit)
	for _, limit := range []int{periodLimit, 10} { // 10: fewer than the company's releases
		periodLimit = limit
		for _, tt := range tests {
			i := synth.Nth(company, tt.k)
			r := synth.Generate(i, i%4 == 3)
			q := fmt.Sprintf(tt.question, r.Short, r.Quarter, r.Year, r.Year-1)
			a := (&Engine{Index: x}).Ask(q)
			if a.Kind == KindNone || len(a.Citations) == 0 || a.Citations[0].Doc != r.Name {
				t.Errorf("search limit %d: Ask(%q) = %s %q; want an answer from %s", limit, q, a.Kind, a.Answer, r.Name)
			}
		}
	}
}

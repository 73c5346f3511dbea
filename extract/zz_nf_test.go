package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestNF(t *testing.T) {
	p := &Passage{Text: os.Getenv("S"), Start: 1, End: 1}
	var ctx Period
	for _, f := range narrativeFacts(p, "Southern Company", &ctx) {
		fmt.Printf("%s %s %q per=%+v ch=%s key=%s\n", f.Value, f.Unit, f.Metric, f.Period, f.Change, f.Key)
	}
}
func TestNF2(t *testing.T) {
	s := os.Getenv("S")
	for _, c := range clauses(s) {
		cl := s[c[0]:c[1]]
		fmt.Printf("CL %q\n", cl)
		for _, m := range ScanPeriods(cl) {
			fmt.Printf("  %q %+v\n", cl[m.Start:m.End], m.Period)
		}
	}
	for _, n := range numbersIn(s) {
		fmt.Printf("N %q\n", s[n.start:n.end])
	}
}

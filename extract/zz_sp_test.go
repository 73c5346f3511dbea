package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestSP(t *testing.T) {
	for _, s := range []string{os.Getenv("S")} {
		fmt.Printf("%q\n", s)
		for _, m := range ScanPeriods(s) {
			fmt.Printf("   %q %+v fiscal=%v yo=%v\n", s[m.Start:m.End], m.Period, m.Fiscal, m.YearOnly)
		}
	}
}

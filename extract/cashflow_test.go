package extract

import (
	"strings"
	"testing"
)

// TestCashFlowSharesAreCash checks that a row of a statement of cash flows
// named for shares ("Common shares repurchased") is an amount of cash.
func TestCashFlowSharesAreCash(t *testing.T) {
	const release = `Zeta Brands Inc. Reports First Quarter Results

                   ZETA BRANDS INC.
          CONDENSED STATEMENT OF CASH FLOW (Millions of dollars)

                                              Three Months Ended
                                                March 31, 2022
                                              ------------------
Cash flow from financing activities:
   Dividends paid                                     (595)
   Common shares repurchased                          (820)
   Net cash used for financing activities           (1,415)
`
	d, err := Parse("zeta.txt", []byte(release))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range d.Facts {
		if f.Source == "table" && strings.Contains(f.Metric, "Common shares repurchased") {
			found = true
			if f.Unit != USD || f.Value.String() != "-820000000" {
				t.Errorf("shares repurchased: %s %s, want -820000000 USD", f.Value, f.Unit)
			}
		}
	}
	if !found {
		t.Fatalf("no fact of the shares repurchased row in %d facts", len(d.Facts))
	}
}

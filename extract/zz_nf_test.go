package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestNF(t *testing.T) {
	p := &Passage{Text: os.Getenv("S"), Start: 1, End: 1}
	var ctx Period
	for _, f := range narrativeFacts(p, "ABVC BioPharma, Inc.", &ctx, nil) {
		fmt.Printf("%s %s %q per=FY%d M%d K%q ch=%s key=%s\n", f.Value, f.Unit, f.Metric, f.Period.FY, f.Period.Months, f.Period.Kind, f.Change, f.Key)
	}
}

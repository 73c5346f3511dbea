package answer

import (
	"os"
	"path/filepath"
	"testing"
)

// TestChangeOperands checks the operands a change is computed from: a
// balance in a table that heads its columns with years changes from the
// year before, and a change in a share of sales is of the percentages,
// never of the amounts beside them.
func TestChangeOperands(t *testing.T) {
	const release = `<html><body><p>Cash flow summary</p><table>
<tr><td>$ million</td><td>2019</td><td>2018</td><td>Change (%)</td></tr>
<tr><td>Opening cash</td><td>121.6</td><td>95.3</td><td>27.6</td></tr>
<tr><td>Closing cash</td><td>183.2</td><td>121.6</td><td>50.7</td></tr>
</table>
<p>($ in billions)</p><table>
<tr><td></td><td>2019</td><td>2018</td><td>2017</td></tr>
<tr><td>Cash, restricted cash and short-term marketable securities</td><td>$ 9.0</td><td>$12.2</td><td>$12.8</td></tr>
</table>
<p>(dollars in thousands)</p><table>
<tr><td></td><td>Fiscal Year 2019</td><td></td><td>Fiscal Year 2018</td><td></td></tr>
<tr><td></td><td>Net Sales</td><td>% of Total</td><td>Net Sales</td><td>% of Total</td></tr>
<tr><td>APAC</td><td>$533,340</td><td>38.6%</td><td>$479,987</td><td>40.0%</td></tr>
<tr><td>EMEA</td><td>315,535</td><td>22.8%</td><td>277,898</td><td>23.1%</td></tr>
</table></body></html>`
	path := filepath.Join(t.TempDir(), "changes.htm")
	if err := os.WriteFile(path, []byte(release), 0o644); err != nil {
		t.Fatal(err)
	}
	x := memIndex(t, path)
	defer x.Close()
	e := &Engine{Index: x}
	tests := []struct{ q, kind, value string }{
		// fixed bugs
		// the comparison column of a balance headed "2019 | 2018": not the
		// stated 50.7% beside it
		{"What was the change in closing cash?", KindComputed, "61600000"},
		// "cash" named twice is one figure, never averaged with itself
		{"What is the average of Cash, restricted cash and short-term marketable securities?", "", "11330000000"},
		// the amounts of APAC are not its share of sales: the change in
		// points, or none
		{"What was the change in the percentage of sales from APAC between 2018 and 2019?", "", "-1.4"},
	}
	for _, tt := range tests {
		a := e.Ask(tt.q)
		if ok := a.Value == tt.value || tt.kind == "" && a.Kind == KindNone; !ok {
			t.Errorf("%q: %s %v (%q), want %s", tt.q, a.Kind, a.Value, a.Answer, tt.value)
		}
	}
}

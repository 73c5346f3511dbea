package extract

import "testing"

// TestColumnReading checks how column headers are read: a year beside a
// dated column ends on its day; "(%)" after an amount of change is the
// change in percent; "% of total revenue" is a share; a change column takes
// the current period even with share columns between.
func TestColumnReading(t *testing.T) {
	src := []byte(`<html><body><p>Cost of revenue (In thousands, except percentages)</p><table>
<tr><td></td><td colspan="2">Fiscal years ended July 31,</td><td></td><td></td><td></td></tr>
<tr><td></td><td>2019 Amount</td><td>% of total revenue</td><td>2018 Amount</td><td>% of total revenue</td><td>Change ($)</td><td>(%)</td></tr>
<tr><td>Maintenance</td><td>16,499</td><td>2</td><td>14,783</td><td>2</td><td>1,716</td><td>12</td></tr>
<tr><td>Services</td><td>243,053</td><td>34</td><td>246,548</td><td>35</td><td>(3,495)</td><td>(1)</td></tr>
</table></body></html>`)
	d, err := Parse("cols.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(d.Tables))
	}
	want := []struct{ kind, period string }{
		{"", "twelve months ended July 31, 2019"},
		{"percent", ""},
		{"", "twelve months ended July 31, 2018"},
		{"percent", ""},
		{"change", "twelve months ended July 31, 2019"},
		{"pct_change", "twelve months ended July 31, 2019"},
	}
	cols := d.Tables[0].Columns
	if len(cols) != len(want) {
		t.Fatalf("%d columns, want %d: %+v", len(cols), len(want), cols)
	}
	for i, w := range want {
		got := cols[i].Period.String()
		if cols[i].Kind != w.kind || w.period != "" && (len(got) < len(w.period) || got[:len(w.period)] != w.period) {
			t.Errorf("column %d %q = kind %q period %q; want %q %q", i, cols[i].Header, cols[i].Kind, got, w.kind, w.period)
		}
	}
}

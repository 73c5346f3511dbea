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

// TestLostSpans checks tables whose group headings lost their column spans,
// and a breakdown whose column names the metric: "Revenues" over "2019 |
// 2018" covers both; "APAC" under "Net Sales" columns is APAC's net sales.
func TestLostSpans(t *testing.T) {
	src := []byte(`<html><body><p>(in thousands of U.S. dollars)</p><table>
<tr><td></td><td>Revenues</td><td></td><td>Income from vessel operations</td><td></td></tr>
<tr><td></td><td>2019</td><td>2018</td><td>2019</td><td>2018</td></tr>
<tr><td>Teekay LNG</td><td>601,256</td><td>510,762</td><td>299,253</td><td>148,599</td></tr>
</table>
<p>(dollars in thousands)</p><table>
<tr><td></td><td>Fiscal Year 2018 Net Sales</td><td>% of Total</td><td>Fiscal Year 2017 Net Sales</td><td>% of Total</td></tr>
<tr><td>APAC</td><td>479,987</td><td>40.0%</td><td>288,764</td><td>38.1%</td></tr>
<tr><td>Total</td><td>1,199,968</td><td>100.0%</td><td>757,300</td><td>100.0%</td></tr>
</table>
<table>
<tr><td></td><td></td><td></td><td>Percent Change</td><td></td></tr>
<tr><td>(Dollars in millions)</td><td>2019</td><td>Actual</td><td>Constant</td><td>2018</td></tr>
<tr><td>Interest expense</td><td>$2,082</td><td>3%</td><td>3%</td><td>$2,025</td></tr>
</table></body></html>`)
	d, err := Parse("spans.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables) != 3 {
		t.Fatalf("%d tables, want 3", len(d.Tables))
	}
	if h := d.Tables[0].Columns[1].Header; h != "Revenues 2018" {
		t.Errorf("second column of a lost span = %q, want %q", h, "Revenues 2018")
	}
	if h := d.Tables[2].Columns[3].Header; h != "2018" {
		t.Errorf("a heading over a non-period column spread to %q; want 2018 alone", h)
	}
	var apac, total *Fact
	for i := range d.Facts {
		f := &d.Facts[i]
		if f.TableIndex == 1 && f.Unit == USD && f.Period.FY == 2017 {
			switch f.Metric {
			case "APAC":
				apac = f
			case "Total":
				total = f
			}
		}
	}
	if apac == nil || apac.Key != "revenue" || apac.Entity != "APAC" || apac.Value.String() != "288764000" {
		t.Errorf("APAC 2017 = %+v; want revenue of entity APAC, 288764000", apac)
	}
	if total == nil || total.Key != "revenue" || total.Entity != "" {
		t.Errorf("Total 2017 = %+v; want the company's revenue", total)
	}
}

// TestLabelColumnHeading: "October 31," over the label column of an
// otherwise blank header row heads the year columns below it.
func TestLabelColumnHeading(t *testing.T) {
	src := []byte(`<html><body><table>
<tr><td>October 31,</td><td></td><td></td></tr>
<tr><td></td><td>2019</td><td>2018</td></tr>
<tr><td>(In thousands)</td><td></td><td></td></tr>
<tr><td>Packaging materials</td><td>7,488</td><td>6,547</td></tr>
<tr><td>Prepared chicken</td><td>20,032</td><td>13,591</td></tr>
</table></body></html>`)
	d, err := Parse("label.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(d.Tables))
	}
	for i, want := range []string{"as of October 31, 2019", "as of October 31, 2018"} {
		if got := d.Tables[0].Columns[i].Period.String(); got != want {
			t.Errorf("column %d period = %q, want %q", i, got, want)
		}
	}
}

// TestSidewaysTable: years down the side and figures across the top.
func TestSidewaysTable(t *testing.T) {
	src := []byte(`<html><body><table>
<tr><td></td><td>Operating Leases</td><td>Finance Leases</td></tr>
<tr><td>2021</td><td>$138</td><td>$6</td></tr>
<tr><td>2022</td><td>135</td><td>6</td></tr>
<tr><td>Thereafter</td><td>577</td><td>35</td></tr>
</table></body></html>`)
	d, err := Parse("side.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range d.Facts {
		if f.Value.String() == "135" {
			found = true
			if f.Metric != "Operating Leases" || f.Period.FY != 2022 || f.Column != "2022" {
				t.Errorf("135 = %q, FY%d, column %q; want Operating Leases, FY2022, column 2022", f.Metric, f.Period.FY, f.Column)
			}
		}
		if f.Value.String() == "577" && !f.Period.IsZero() {
			t.Errorf("Thereafter has period %s; want none", f.Period)
		}
	}
	if !found {
		t.Fatal("no fact 135")
	}
}

// TestContinuedTable: a table split by a break goes on with its
// predecessor's columns, and a money row after a per-share block is money.
func TestContinuedTable(t *testing.T) {
	src := []byte(`<html><body><table>
<tr><td>(In millions, except per share data)</td><td>Q4 FY26</td><td>Q4 FY25</td></tr>
<tr><td>GAAP net income</td><td>$42,960</td><td>$22,091</td></tr>
</table>
<table>
<tr><td>Diluted net income per share</td><td></td><td></td></tr>
<tr><td>GAAP</td><td>$1.76</td><td>$0.89</td></tr>
<tr><td>Free cash flow</td><td>$34,902</td><td>$15,519</td></tr>
</table></body></html>`)
	d, err := Parse("cont.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	var fcf, eps *Fact
	for i := range d.Facts {
		f := &d.Facts[i]
		switch f.Value.String() {
		case "34902000000":
			fcf = f
		case "1.76":
			eps = f
		}
	}
	if fcf == nil || fcf.Unit != USD || fcf.Key != "free_cash_flow" || fcf.Period.FQ != 4 {
		t.Errorf("free cash flow = %+v; want USD, FY26 Q4", fcf)
	}
	if eps == nil || eps.Unit != "USD/share" || eps.Basis != "diluted" {
		t.Errorf("diluted EPS = %+v; want USD/share, diluted", eps)
	}
}

// TestRegionsUnderHeading: rows naming regions under a heading row that
// names a metric are that metric for each region.
func TestRegionsUnderHeading(t *testing.T) {
	src := []byte(`<html><body><p>($ in millions)</p><table>
<tr><td></td><td>Q4 FY14</td><td>Q4 FY13</td></tr>
<tr><td>REVENUES</td><td></td><td></td></tr>
<tr><td>Americas</td><td>$5,857</td><td>$5,911</td></tr>
<tr><td>Europe, Middle East &amp; Africa</td><td>3,768</td><td>3,328</td></tr>
<tr><td>Total Revenues</td><td>$11,320</td><td>$10,947</td></tr>
</table></body></html>`)
	d, err := Parse("geo.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Facts {
		if f.Value.String() == "3768000000" && (f.Key != "revenue" || f.Entity != "Europe, Middle East & Africa") {
			t.Errorf("EMEA = key %q entity %q; want revenue of Europe, Middle East & Africa", f.Key, f.Entity)
		}
		if f.Value.String() == "11320000000" && f.Entity != "" {
			t.Errorf("Total Revenues has entity %q; want the company's", f.Entity)
		}
	}
}

// TestRepeatedGroups: a heading over a blank cell covers it when the
// sub-headings under it are printed again under the next heading ("Fiscal
// Year 2019 | | Fiscal Year 2018 |" over "Net Sales | % of Total" twice),
// and not when they are not.
func TestRepeatedGroups(t *testing.T) {
	src := []byte(`<html><body><table>
<tr><td></td><td>Fiscal Year 2019</td><td></td><td>Fiscal Year 2018</td><td></td></tr>
<tr><td></td><td>Net Sales</td><td>% of Total</td><td>Net Sales</td><td>% of Total</td></tr>
<tr><td>APAC</td><td>$533,340</td><td>38.6%</td><td>$479,987</td><td>40.0%</td></tr>
</table>
<table>
<tr><td></td><td>Fiscal Year 2019</td><td></td><td>Fiscal Year 2018</td></tr>
<tr><td></td><td>Net Sales</td><td>Backlog</td><td>Net Sales</td></tr>
<tr><td>APAC</td><td>$533,340</td><td>12</td><td>$479,987</td></tr>
</table></body></html>`)
	d, err := Parse("groups.htm", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(d.Tables))
	}
	for i, want := range []int{2019, 2019, 2018, 2018} {
		if got := d.Tables[0].Columns[i].Period.FY; got != want {
			t.Errorf("column %d (%q) fiscal year %d, want %d", i, d.Tables[0].Columns[i].Header, got, want)
		}
	}
	// "Backlog" is not printed again under 2018: no group to restore
	if got := d.Tables[1].Columns[1].Header; got != "Backlog" {
		t.Errorf("an unrepeated column took the heading: %q", got)
	}
}

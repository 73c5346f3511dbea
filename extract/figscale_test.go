package extract

import (
	"strings"
	"testing"
)

// figure is one table fact a figure-scale test expects: the fact of the
// row labelled label in column col has this value and unit.
type figure struct {
	label string
	col   int
	value string
	unit  string
}

// scaleTest is a release (HTML) and the table figures it must give.
type scaleTest struct {
	name string
	html string
	want []figure
}

// checkFigures parses each test's release and checks its figures.
func checkFigures(t *testing.T, tests []scaleTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("r.htm", []byte("<html><body>"+tt.html+"</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				var got []string
				found := false
				for _, f := range d.Facts {
					if f.Source != "table" || !strings.HasSuffix(f.Metric, w.label) {
						continue
					}
					got = append(got, f.Column+"="+f.Value.String()+" "+f.Unit)
					if f.ColIndex == w.col && f.Value.String() == w.value && f.Unit == w.unit {
						found = true
					}
				}
				if !found {
					t.Errorf("%q column %d: want %s %s; facts %q", w.label, w.col, w.value, w.unit, got)
				}
			}
		})
	}
}

// table builds an HTML table from rows of cells ("|"-separated).
func table(rows ...string) string {
	var b strings.Builder
	b.WriteString("<table>\n")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range strings.Split(r, "|") {
			b.WriteString("<td>" + strings.TrimSpace(c) + "</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
	return b.String()
}

// TestFigureScale: a figure's scale is its table's unless its row label or
// column header states its own, and figures that are not amounts (share
// counts, per-share figures, years) are never multiplied as amounts are.
func TestFigureScale(t *testing.T) {
	checkFigures(t, []scaleTest{
		{"row label states the scale", "<p>Results of the last two fiscal years.</p>" + table(
			"Fiscal year ended | June 1, 2019 | June 2, 2018",
			"Gross profit (in thousands) | 222,859 | 361,046",
			"Net average selling price | 1.27 | 1.40"),
			[]figure{{"Gross profit (in thousands)", 0, "222859000", USD}, {"Gross profit (in thousands)", 1, "361046000", USD}}},
		{"row label overrides the table's scale", "<p>(in thousands)</p>" + table(
			" | 2019 | 2018",
			"Revenue | 5,100 | 4,900",
			"Backlog ($ in millions) | 12.5 | 11.0"),
			[]figure{{"Revenue", 0, "5100000", USD}, {"Backlog ($ in millions)", 0, "12500000", USD}}},
		{"column header states per share beside a scaled column", table(
			" | Appropriation of earnings (in thousand NT dollars) | Appropriation of earnings (in thousand NT dollars) | Cash dividend per share (NT dollars) | Cash dividend per share (NT dollars)",
			" | 2018 | 2019 | 2018 | 2019",
			"Legal reserve | $707,299 | $963,947 | | ",
			"Cash dividends | 6,916,105 | 9,765,155 | $0.58 | $0.75"),
			[]figure{{"Legal reserve", 1, "963947000", USD}, {"Cash dividends", 1, "9765155000", USD}, {"Cash dividends", 3, "0.75", PerShare}}},
		{"per-share column of a reconciliation", "<p>(Dollars in millions except per share data)</p>" + table(
			" | Operating Profit | Profit | Profit per Share",
			"Three Months Ended March 31, 2022 - U.S. GAAP | $1,855 | $1,537 | $2.86",
			"Restructuring costs | 13 | 11 | $0.02"),
			[]figure{{"Restructuring costs", 1, "11000000", USD}, {"Restructuring costs", 2, "0.02", PerShare}}},
		{"column headed by a count of shares", "<p>The following table summarizes stock option activity.</p>" + table(
			" | Number of Shares | Weighted-Average Exercise Price Per Share",
			"Outstanding at September 30, 2018 | 2,806,364 | $4.75",
			"Granted | 409,368 | $9.59"),
			[]figure{{"Granted", 0, "409368", Shares}, {"Granted", 1, "9.59", PerShare}}},
		{"column headers with scales of their own", table(
			"Period | Total Number of Shares Purchased | Average Price Paid per Share | Approximate Dollar Value of Shares That May Yet Be Purchased",
			" | (Shares in thousands) | | (Dollars in millions)",
			"January 26, 2019 - February 22, 2019 | 262 | $ 64.77 | $ 2,372"),
			[]figure{{"February 22, 2019", 0, "262000", Shares}, {"February 22, 2019", 1, "64.77", PerShare}, {"February 22, 2019", 2, "2372000000", USD}}},
		{"a column of years is not an amount", "<p>(dollars in thousands)</p>" + table(
			" | Last Fiscal Year of Expiration | Amount",
			"Tax credit carryforwards: | | ",
			"Domestic–state | 2027 | $3,313"),
			[]figure{{"Domestic–state", 0, "2027", Year}, {"Domestic–state", 1, "3313000", USD}}},
		{"a row between two rows of share counts counts shares", "<p>(Tabular amounts in millions, unless otherwise disclosed)</p><p>The following table sets forth earnings per share data (shares in thousands, except per share data):</p>" + table(
			" | 2019 | 2018",
			"Net income attributable to common stockholders | $1,887.8 | $1,227.0",
			"Basic weighted average common shares outstanding | 442,319 | 439,606",
			"Dilutive securities | 3,201 | 3,354",
			"Diluted weighted average common shares outstanding | 445,520 | 442,960"),
			[]figure{{"Net income attributable to common stockholders", 0, "1887800000", USD}, {"Dilutive securities", 0, "3201000", Shares}}},
		{"the text states the table's figures with their scale", table(
			" | 2019 | 2018 | Increase / (Decrease)",
			"Selling, general and administrative | $24.9 | $33.5 | $(8.6)",
			"Depreciation and amortization | 0.1 | 0.1 | —") +
			"<p>Selling, general and administrative expenses decreased $8.6 million to $24.9 million from $33.5 million for the year.</p>",
			[]figure{{"Selling, general and administrative", 0, "24900000", USD}, {"Depreciation and amortization", 1, "100000", USD}}},
		{"one figure the text states with a scale is not enough", table(
			" | Q4 2019 | Q4 2018 | $ CHANGE",
			"Bell Wireline | 3,138 | 3,137 | 1") +
			"<p>Product revenues declined 0.6% or $1 million, and capital spending was $3,138 million.</p>",
			[]figure{{"Bell Wireline", 0, "3138", USD}}},
		{"the text states the figures with two scales", table(
			" | 2019 | 2018",
			"Revenue | 24.9 | 33.5") +
			"<p>Revenue was $24.9 million, against $33.5 million, and 24.9 thousand units were sold.</p>",
			[]figure{{"Revenue", 0, "24.9", USD}}},
		{"lengths of time are not amounts", "<p>(in thousands)</p>" + table(
			" | Fair value | Estimated Useful Life (in years)",
			"Customer relationships | 15,300 | 8",
			"Remaining vesting term (years) | 1.81 | "),
			[]figure{{"Customer relationships", 0, "15300000", USD}, {"Customer relationships", 1, "8", "years"}, {"Remaining vesting term (years)", 0, "1.81", "years"}}},
		// Fixed bugs.
		// "USDm" and "USD ‘000" over the label column were not read as scales.
		{"a currency code with m over the label column", table(
			"USDm | 2019 | 2018",
			"Total (loan) | 828.8 | 885.3"),
			[]figure{{"Total (loan)", 0, "828800000", USD}}},
		{"a currency code with ‘000 over the label column", table(
			"All figures in USD ‘000, except TCE rate per day | 2019 | 2018",
			"Voyage Revenue | 317,220 | 289,016"),
			[]figure{{"Voyage Revenue", 0, "317220000", USD}}},
		// "Change (%)" was read as a change in dollars, and scaled to millions.
		{"a change column headed (%) holds percentages", table(
			"$ million | 2019 | 2018 | Change (%)",
			"Order intake | 532.0 | 470.0 | 13.2"),
			[]figure{{"Order intake", 0, "532000000", USD}, {"Order intake", 2, "13.2", Percent}}},
		// "(In millions, except per share data)" in every column header of a
		// reconciliation made each column one of figures per share.
		{"a unit line in the column header is not per share", table(
			" | Reconciliation (In millions, except per share data) Three Months Ended January 25, 2026",
			"GAAP cost of revenue | $17,034"),
			[]figure{{"GAAP cost of revenue", 0, "17034000000", USD}}},
		// "2000" in a column header was read as "000" (thousands).
		{"a year in a column header is not a scale", "<p>(in millions)</p>" + table(
			" | December 31, 2000",
			"Revenue | 12"),
			[]figure{{"Revenue", 0, "12000000", USD}}},
	})
}

func TestLabelScale(t *testing.T) {
	for _, tt := range []struct {
		label string
		money int32
		ok    bool
	}{
		{"Gross profit (in thousands)", 3, true},
		{"Net income (loss) attributable to Cal-Maine Foods, Inc. - (in thousands)", 3, true},
		{"Backlog ($ in millions)", 6, true},
		{"Revenue", 0, false},
		{"Accounts receivable, net of allowances of $2,000 (2004)", 0, false},
		{"Net sales (dollars)", 0, false},
		{"Total 2000", 0, false},
	} {
		s, ok := labelScale(tt.label)
		if ok != tt.ok || s.Money != tt.money {
			t.Errorf("labelScale(%q) = %+v, %v; want money %d, %v", tt.label, s, ok, tt.money, tt.ok)
		}
	}
}

// TestScaleUnstated: an amount whose release states no scale for it is
// marked, so that an answer can say the number is as printed; one whose
// table, row or column states a scale, or which is not an amount, is not.
func TestScaleUnstated(t *testing.T) {
	for _, tt := range []struct {
		name, html, label string
		col               int
		want              bool
	}{
		{"no scale anywhere", table(" | 2019 | 2018", "Total loans | 828.8 | 885.3"), "Total loans", 0, true},
		{"full dollars, still no scale stated", table(" | Cash Collected", "Total | $702,000"), "Total", 0, true},
		{"except per share alone", "<p>(except per share data)</p>" + table(" | 2019 | 2018", "Total loans | 828.8 | 885.3"), "Total loans", 0, true},
		{"unit line", "<p>(in millions)</p>" + table(" | 2019 | 2018", "Total loans | 828.8 | 885.3"), "Total loans", 0, false},
		{"in dollars", "<p>(in dollars)</p>" + table(" | 2019 | 2018", "Total loans | 828.8 | 885.3"), "Total loans", 0, false},
		{"in U.S. dollars", "<p>(In U.S. dollars, except share data)</p>" + table(" | 2019 | 2018", "Total loans | 828.8 | 885.3"), "Total loans", 0, false},
		{"row label", table(" | 2019 | 2018", "Gross profit (in thousands) | 222,859 | 361,046", "Price per dozen | 1.27 | 1.40"), "Gross profit (in thousands)", 0, false},
		{"column header", table(" | 2019 (in millions) | 2018 (in millions)", "Total loans | 828.8 | 885.3"), "Total loans", 1, false},
		{"per share", table(" | 2019 | 2018", "Diluted earnings per share | 1.27 | 1.40"), "Diluted earnings per share", 0, false},
	} {
		d, err := Parse("r.htm", []byte("<html><body>"+tt.html+"</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range d.Facts {
			if f.Source == "table" && f.Metric == tt.label && f.ColIndex == tt.col {
				found = true
				if f.ScaleUnstated != tt.want {
					t.Errorf("%s: %s %s %s: ScaleUnstated=%v, want %v", tt.name, f.Metric, f.Value, f.Unit, f.ScaleUnstated, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no fact %q column %d", tt.name, tt.label, tt.col)
		}
	}
}

package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// htmlGrids reads src and returns its table grids.
func htmlGrids(t *testing.T, src string) ([]Line, []*grid, []block) {
	t.Helper()
	lines, blocks := readHTML([]byte(src), 0)
	var gs []*grid
	for _, b := range blocks {
		if b.kind == bTable {
			gs = append(gs, b.grid)
		}
	}
	return lines, gs, blocks
}

// rowCells finds the grid row with label and returns its cells.
func rowCells(g *grid, label string) []string {
	for _, r := range g.rows {
		if r.label == label {
			return r.cells
		}
	}
	return nil
}

func TestHTMLTables(t *testing.T) {
	cases := []struct {
		name   string
		src    string
		ncols  int
		header []string // joined header words per column
		label  string
		cells  []string
	}{
		{
			name: "colspan header over two date columns, $ in its own cell, spacer columns",
			src: `<table>
<tr><td></td><td></td><td colspan="5" align="center">Three Months Ended</td></tr>
<tr><td></td><td></td><td colspan="2">June 26, 2004</td><td></td><td colspan="2">June 28, 2003</td></tr>
<tr><td>Net sales</td><td>&nbsp;</td><td>$</td><td>2,014</td><td>&nbsp;</td><td>$</td><td>1,545</td></tr>
<tr><td>Cost of sales</td><td></td><td colspan="2">1,455</td><td></td><td colspan="2">1,117</td></tr>
</table>`,
			ncols:  2,
			header: []string{"Three Months Ended June 26, 2004", "Three Months Ended June 28, 2003"},
			label:  "Net sales",
			cells:  []string{"$2,014", "$1,545"},
		},
		{
			name: "negative split over two cells, percent in its own cell",
			src: `<table>
<tr><td></td><td colspan="2">2024</td><td></td><td colspan="2">Change</td></tr>
<tr><td>Net loss per share</td><td>$</td><td>(0.42</td><td>)</td><td>12.5</td><td>%</td></tr>
<tr><td>Revenue</td><td>$</td><td>509,589</td><td></td><td>234</td><td>%</td></tr>
</table>`,
			ncols:  2,
			header: []string{"2024", "Change"},
			label:  "Net loss per share",
			cells:  []string{"$(0.42)", "12.5%"},
		},
		{
			name: "years header row with no label, footnote superscript in label",
			src: `<table>
<tr><th></th><th>2019</th><th>2018</th></tr>
<tr><td>Total sales<sup>(1)</sup></td><td>$ 1,496.5</td><td>$ 1,202.9</td></tr>
<tr><td>Other</td><td>44.1</td><td>56.7</td></tr>
</table>`,
			ncols:  2,
			header: []string{"2019", "2018"},
			label:  "Total sales",
			cells:  []string{"$ 1,496.5", "$ 1,202.9"},
		},
		{
			name: "label broken by a line break and over source lines",
			src: `<table>
<tr><td></td><td>June 26, 2004</td></tr>
<tr><td><p>Cash and cash<br>
   equivalents</p></td><td>3,120</td></tr>
<tr><td>Inventories</td><td>72</td></tr>
</table>`,
			ncols:  1,
			header: []string{"June 26, 2004"},
			label:  "Cash and cash equivalents",
			cells:  []string{"3,120"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, gs, _ := htmlGrids(t, c.src)
			if len(gs) != 1 {
				t.Fatalf("got %d tables, want 1", len(gs))
			}
			g := gs[0]
			if g.ncols != c.ncols {
				t.Fatalf("ncols = %d, want %d", g.ncols, c.ncols)
			}
			for col, want := range c.header {
				var parts []string
				for _, h := range g.header {
					if len(h) != g.ncols {
						t.Fatalf("header row has %d entries, want %d", len(h), g.ncols)
					}
					if h[col] != "" {
						parts = append(parts, h[col])
					}
				}
				if got := strings.Join(parts, " "); got != want {
					t.Errorf("header of column %d = %q, want %q", col, got, want)
				}
			}
			got := rowCells(g, c.label)
			if strings.Join(got, "|") != strings.Join(c.cells, "|") {
				var labels []string
				for _, r := range g.rows {
					labels = append(labels, r.label)
				}
				t.Errorf("row %q cells = %q, want %q (rows %q)", c.label, got, c.cells, labels)
			}
		})
	}
}

func TestHTMLSectionsAndIndent(t *testing.T) {
	src := `<table>
<tr><td></td><td style="font-weight:bold">2024</td><td>2023</td></tr>
<tr><td style="font-weight:700">OPERATING EXPENSES:</td><td></td><td></td></tr>
<tr><td style="padding-left:9pt">Selling</td><td>71,986</td><td>70,242</td></tr>
<tr><td><b>Total</b></td><td>85,588</td><td>83,150</td></tr>
</table>`
	_, gs, _ := htmlGrids(t, src)
	if len(gs) != 1 {
		t.Fatalf("got %d tables", len(gs))
	}
	g := gs[0]
	if len(g.rows) != 3 || g.rows[0].label != "OPERATING EXPENSES:" || g.rows[0].hasValues() {
		t.Fatalf("rows = %+v", g.rows)
	}
	if !g.rows[0].bold || g.rows[1].bold || !g.rows[2].bold {
		t.Errorf("bold = %v %v %v", g.rows[0].bold, g.rows[1].bold, g.rows[2].bold)
	}
	if g.rows[1].indent <= g.rows[0].indent {
		t.Errorf("indent of Selling %d not deeper than the section's %d", g.rows[1].indent, g.rows[0].indent)
	}
}

func TestHTMLLayoutTables(t *testing.T) {
	src := `<p>Highlights</p>
<table><tr><td>•</td><td><p>Revenue grew 12 percent to $1.2 billion.</p></td></tr>
<tr><td>&#9679;</td><td>Margins improved.</td></tr></table>
<table><tr><td><p>One cell with a paragraph of 2024 text, 1,234 and more.</p><p>And a second one.</p></td></tr></table>
<table><tr><td>1</td><td>Elimination of equity profit earned from subsidiaries.</td></tr></table>`
	_, gs, blocks := htmlGrids(t, src)
	if len(gs) != 0 {
		t.Fatalf("layout tables read as %d data tables", len(gs))
	}
	var bullets, paras []string
	for _, b := range blocks {
		switch b.kind {
		case bBullet:
			bullets = append(bullets, b.text)
		case bPara:
			paras = append(paras, b.text)
		}
	}
	want := []string{"Revenue grew 12 percent to $1.2 billion.", "Margins improved."}
	if strings.Join(bullets, "|") != strings.Join(want, "|") {
		t.Errorf("bullets = %q, want %q", bullets, want)
	}
	wantP := []string{"Highlights", "One cell with a paragraph of 2024 text, 1,234 and more.", "And a second one.", "1 Elimination of equity profit earned from subsidiaries."}
	if strings.Join(paras, "|") != strings.Join(wantP, "|") {
		t.Errorf("paragraphs = %q, want %q", paras, wantP)
	}
}

func TestHTMLTextAndOffsets(t *testing.T) {
	pre := "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.htm\n<DESCRIPTION>EX-99.1\n<TEXT>\n"
	body := `<html><head><title>Document</title><style>p {color:red}</style></head><body>
<script>var x = "Net income was $5";</script>
<!-- a comment -->
<div style="display:none">hidden text</div>
<p style="text-align:center"><b>About&nbsp;the Company</b></p>
<p>The Company&#8217;s net&nbsp;sales   were
$10 million.</p>
<ul><li>First item</li><li>Second item</ul>
</body></html>
</TEXT>
</DOCUMENT>`
	src := pre + body
	const base = 1000
	lines, blocks := readHTML([]byte(src), base)
	var texts []string
	for _, l := range lines {
		if l.Text != "" {
			texts = append(texts, l.Text)
		}
	}
	want := []string{"About the Company", "The Company’s net sales were $10 million.", "First item", "Second item"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("view = %q, want %q", texts, want)
	}
	var kinds []blockKind
	for _, b := range blocks {
		kinds = append(kinds, b.kind)
	}
	if len(kinds) != 4 || kinds[0] != bHeading || kinds[1] != bPara || kinds[2] != bBullet || kinds[3] != bBullet {
		t.Errorf("block kinds = %v", kinds)
	}
	for _, l := range lines {
		if l.Text == "The Company’s net sales were $10 million." {
			el := src[l.Start-base : l.End-base]
			if !strings.HasPrefix(el, "<p>The Company") || !strings.HasSuffix(el, "million.</p>") {
				t.Errorf("offsets %d-%d give %q", l.Start, l.End, el)
			}
		}
	}
	// line numbers in blocks refer to the view
	for _, b := range blocks {
		if b.start < 1 || b.end > len(lines) || lines[b.start-1].Text == "" {
			t.Errorf("block %v %d-%d does not start on a text line", b.kind, b.start, b.end)
		}
	}
}

func TestHTMLMalformed(t *testing.T) {
	srcs := []string{
		"",
		"<table><tr><td>Net sales<td>1,234<tr><td>Cost<td>(5",
		"<p>unclosed <b>bold <i>italic</table></td></tr><p>next",
		"<table><td colspan=0 rowspan=99999>x</td><td colspan=abc>1</td></table>",
		strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 10),
		"<html><body><table><tr><td>$</td></tr></table>",
		"<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<p>x",
	}
	for _, s := range srcs {
		readHTML([]byte(s), 0)
	}
	// every truncation of a real release
	src, err := os.ReadFile(filepath.Join(corpusDir, "buckle-2024q3.htm"))
	if err != nil {
		return
	}
	for n := 0; n < len(src); n += len(src)/97 + 1 {
		readHTML(src[:n], 0)
	}
}

const corpusDir = "../../shared/corpus"

// TestHTMLCorpus checks known figures of real releases.
func TestHTMLCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("no corpus at", corpusDir)
	}
	cases := []struct {
		doc, metric, period, value string
	}{
		{"buckle-2024q3.htm", "NET INCOME", "13 weeks ended November 2, 2024", "44172000"},
		{"buckle-2024q3.htm", "Cash and cash equivalents", "as of November 2, 2024", "301958000"},
		{"apple-2004q3.htm", "Net sales", "three months ended June 26, 2004", "2014000000"},
		{"apple-2004q3.htm", "Net sales", "nine months ended June 26, 2004", "5929000000"},
		{"apple-2004q3.htm", "Cash and cash equivalents", "as of June 26, 2004", "3120000000"},
		{"apple-2004q3.htm", "Operating income (loss)", "nine months ended June 28, 2003", "-32000000"},
		{"caterpillar-2022q1.htm", "Total sales and revenues", "three months ended March 31, 2022", "13589000000"},
		{"caterpillar-2022q1.htm", "Cash and cash equivalents", "as of March 31, 2022", "6526000000"},
		{"goldman-2021q4.htm", "Total net revenues", "twelve months ended December 31, 2021", "59339000000"},
		{"goldman-2021q4.htm", "Net revenues", "twelve months ended December 31, 2021", "14876000000"},
		{"abvc-2024fy.htm", "Total", "", "18298000"},
	}
	docs := map[string]*Document{}
	for _, c := range cases {
		d := docs[c.doc]
		if d == nil {
			src, err := os.ReadFile(filepath.Join(corpusDir, c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if d, err = Parse(c.doc, src); err != nil {
				t.Fatal(err)
			}
			docs[c.doc] = d
		}
		found := false
		for _, f := range d.Facts {
			if f.Source == "table" && f.Metric == c.metric && f.Value.String() == c.value && strings.HasPrefix(f.Period.String(), c.period) {
				found = true
				// the cited line holds the figure's row
				if l := d.Lines[f.Start-1].Text; !strings.Contains(l, c.metric) {
					t.Errorf("%s: %s cites line %d %q", c.doc, c.metric, f.Start, l)
				}
				break
			}
		}
		if !found {
			t.Errorf("%s: no table fact %s = %s for %q", c.doc, c.metric, c.value, c.period)
		}
	}
}

// BenchmarkReadHTML reads the largest corpus release.
func BenchmarkReadHTML(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(corpusDir, "caterpillar-2022q1.htm"))
	if err != nil {
		b.Skip("no corpus")
	}
	for i := 0; i < b.N; i++ {
		readHTML(src, 0)
	}
}

// FuzzReadHTML checks that no input makes the reader panic and that blocks
// stay inside the view.
func FuzzReadHTML(f *testing.F) {
	f.Add("<table><tr><td>Net sales<td>$<td>1,234<td>)</table>")
	f.Add("<p>a<br><br>b<ul><li>c</ul><pre>x  1,234  5\n</pre>")
	f.Add("<DOCUMENT>\n<TEXT>\n<table><tr><td rowspan=3 colspan=2>2024</td></tr><tr><td>x</td><td>(1</td><td>)%</td></tr></table>")
	f.Fuzz(func(t *testing.T, s string) {
		lines, blocks := readHTML([]byte(s), 7)
		for _, b := range blocks {
			if b.start < 1 || b.end > len(lines) || b.start > b.end {
				t.Fatalf("block %d-%d outside view of %d lines", b.start, b.end, len(lines))
			}
			if g := b.grid; g != nil {
				for _, h := range g.header {
					if len(h) != g.ncols {
						t.Fatalf("header of %d entries for %d columns", len(h), g.ncols)
					}
				}
				for _, r := range g.rows {
					if len(r.cells) != g.ncols || r.line < 1 || r.end > len(lines) {
						t.Fatalf("bad row %+v", r)
					}
				}
			}
		}
	})
}

func TestHTMLNbspIndent(t *testing.T) {
	src := `<table>
<tr><td></td><td>2024</td></tr>
<tr><td><font>Revenues:</font></td><td></td></tr>
<tr><td><font>&nbsp;&nbsp;&nbsp;</font><font>Products</font></td><td>1,200</td></tr>
<tr><td>&nbsp;&nbsp;&nbsp;Services</td><td>—%</td></tr>
</table>`
	_, gs, _ := htmlGrids(t, src)
	if len(gs) != 1 || len(gs[0].rows) != 3 {
		t.Fatalf("grids %v", gs)
	}
	rs := gs[0].rows
	if rs[1].label != "Products" || rs[1].indent <= rs[0].indent || rs[2].indent != rs[1].indent {
		t.Errorf("rows %+v", rs)
	}
	if rs[2].cells[0] != "—%" {
		t.Errorf("nil cell = %q", rs[2].cells[0])
	}
}

// TestFootnotes: a row label's footnote mark, superscript or printed,
// points its figures to the footnote below the table.
func TestFootnotes(t *testing.T) {
	src := `<html><body>
<table>
<tr><td></td><td>2022</td><td>2021</td></tr>
<tr><td>Sales</td><td>$ 100</td><td>$ 90</td></tr>
<tr><td>Profit<sup>1</sup></td><td>$ 12</td><td>$ 10</td></tr>
<tr><td>Adjusted profit (2)</td><td>$ 14</td><td>$ 11</td></tr>
</table>
<p>1 Profit attributable to common shareholders.</p>
<p>(2) Excludes restructuring costs.</p>
</body></html>`
	d, err := Parse("r.htm", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Sales": "", "Profit": "1 Profit attributable to common shareholders.", "Adjusted profit": "(2) Excludes restructuring costs."}
	seen := 0
	for _, f := range d.Facts {
		w, ok := want[f.Metric]
		if !ok || f.Source != "table" {
			continue
		}
		seen++
		got := ""
		if len(f.Notes) > 0 {
			got = f.Notes[0].Text
		}
		if got != w {
			t.Errorf("%s: note %q; want %q", f.Metric, got, w)
		}
	}
	if seen != 6 {
		t.Errorf("saw %d facts of the three rows; want 6: %+v", seen, d.Facts)
	}
}

// TestRollForward: a roll-forward's balance columns are balances at the
// start and the end of the year their header names.
func TestRollForward(t *testing.T) {
	src := `<html><body><table>
<tr><td></td><td colspan="3">Year Ended December 31, 2019</td></tr>
<tr><td></td><td>Balance at Beginning of Period</td><td>Increase / (Decrease)</td><td>Balance at End of Period</td></tr>
<tr><td>Accounts receivable</td><td>$ 90,831</td><td>7,117</td><td>$ 97,948</td></tr>
</table></body></html>`
	d, err := Parse("r.htm", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"90831": "as of December 31, 2018", "97948": "as of December 31, 2019"}
	for _, f := range d.Facts {
		if w, ok := want[f.Value.String()]; ok {
			if got := f.Period.String(); !strings.HasPrefix(got, w) {
				t.Errorf("%s: period %q; want %q", f.Value, got, w)
			}
			delete(want, f.Value.String())
		}
	}
	if len(want) > 0 {
		t.Errorf("facts not found: %v", want)
	}
}

// TestUnitNearTable: a table that states no scale takes the one the
// sentence before or after it states for it.
func TestUnitNearTable(t *testing.T) {
	for _, tt := range []struct{ before, after string }{
		{"<p>The following table summarizes our leases (in millions):</p>", ""},
		{"", "<p>Future minimum lease payments as of January 31, 2020 (table in millions):</p>"},
	} {
		src := `<html><body>` + tt.before + `<table>
<tr><td></td><td>Operating Leases</td><td>Finance Leases</td></tr>
<tr><td>2021</td><td>$138</td><td>$6</td></tr>
<tr><td>2022</td><td>135</td><td>6</td></tr>
</table>` + tt.after + `</body></html>`
		d, err := Parse("r.htm", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Tables) != 1 || d.Tables[0].Scale.Money != 6 {
			t.Errorf("%q %q: tables %+v; want one in millions", tt.before, tt.after, d.Tables)
		}
	}
}

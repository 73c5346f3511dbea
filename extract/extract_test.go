package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ex99/ex99/period"
	"github.com/shopspring/decimal"
)

func TestScanPeriods(t *testing.T) {
	tests := []struct {
		in     string
		months int
		fq, fy int
		end    string
		kind   period.PeriodKind
	}{
		{"second quarter of fiscal 2004", 3, 2, 2004, "", period.Duration},
		{"Q2 2004", 3, 2, 2004, "", period.Duration},
		{"2Q04", 3, 2, 2004, "", period.Duration},
		{"Q3 FY04", 3, 3, 2004, "", period.Duration},
		{"first half of fiscal 2004", 6, 2, 2004, "", period.Duration},
		{"six months ended May 29, 2004", 6, 0, 0, "2004-05-29", period.Duration},
		{"the 13 weeks ended July 3, 2004", 3, 0, 0, "2004-07-03", period.Duration},
		{"12 Months Ended December 2004", 12, 0, 0, "2004-12", period.Duration},
		{"as of November 29, 2003", 0, 0, 0, "2003-11-29", period.Instant},
		{"5/29/04", 0, 0, 0, "2004-05-29", period.Unknown},
		{"third quarter of fiscal 2004 ended June 26, 2004", 3, 3, 2004, "2004-06-26", period.Duration},
		{"fiscal 2024 first quarter ended December 30, 2023", 3, 1, 2024, "2023-12-30", period.Duration},
		{"fiscal 2014 ended May 31, 2014", 12, 0, 2014, "2014-05-31", period.Duration},
		{"full year 2004", 12, 0, 2004, "", period.Duration},
	}
	for _, tt := range tests {
		ms := period.ScanPeriods(tt.in)
		if len(ms) != 1 {
			t.Errorf("ScanPeriods(%q): %d mentions %+v, want 1", tt.in, len(ms), ms)
			continue
		}
		p := ms[0].Period
		if p.Months != tt.months || p.FQ != tt.fq || p.FY != tt.fy || p.End.String() != tt.end || p.Kind != tt.kind {
			t.Errorf("ScanPeriods(%q) = %+v, want months %d Q%d FY%d end %q kind %q", tt.in, p, tt.months, tt.fq, tt.fy, tt.end, tt.kind)
		}
	}
	// "prior year" is a relation, not a twelve-month period
	if ms := period.ScanPeriods("compared to the prior year comparative period"); len(ms) != 0 {
		t.Errorf("prior year read as a period: %+v", ms)
	}
}

func TestParseCell(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
		nil_ bool
		pct  bool
	}{
		{"$    30,023", "30023", true, false, false},
		{"(6,728)", "-6728", true, false, false},
		{"$     (0.23)", "-0.23", true, false, false},
		{"8.0%", "8", true, false, true},
		{"-13.0%", "-13", true, false, true},
		{"--", "0", false, true, false},
		{"-", "0", false, true, false},
		{"$.16", "0.16", true, false, false},
	}
	for _, tt := range tests {
		c := parseCell(tt.in)
		if c.Ok != tt.ok || c.Nil != tt.nil_ || c.Pct != tt.pct || c.Ok && !c.Value.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("parseCell(%q) = %+v", tt.in, c)
		}
	}
}

func TestFoldLines(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"the write-", "down to estimated"}, "the write-down to estimated"},
		{[]string{"or (617) 786-", "2904   (international)"}, "or (617) 786-2904 (international)"},
		{[]string{"  Net  sales  for", "the quarter"}, "Net sales for the quarter"},
	}
	for _, tt := range tests {
		if got := foldLines(tt.in); got != tt.want {
			t.Errorf("foldLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCalendar(t *testing.T) {
	c := Calendar{Known: true, End: period.Date{Y: 2004, M: 5, D: 29}, FQ: 2, FY: 2004}
	tests := []struct {
		end    period.Date
		fq, fy int
	}{
		{period.Date{Y: 2004, M: 5, D: 29}, 2, 2004},
		{period.Date{Y: 2003, M: 5, D: 31}, 2, 2003},
		{period.Date{Y: 2003, M: 11, D: 29}, 4, 2003},
		{period.Date{Y: 2004, M: 2, D: 28}, 1, 2004},
		{period.Date{Y: 2004, M: 8, D: 28}, 3, 2004},
	}
	for _, tt := range tests {
		if fq, fy := c.Label(tt.end); fq != tt.fq || fy != tt.fy {
			t.Errorf("Label(%s) = Q%d FY%d, want Q%d FY%d", tt.end, fq, fy, tt.fq, tt.fy)
		}
	}
	if e := c.QuarterEnd(4, 2003); e.Y != 2003 || e.M != 11 {
		t.Errorf("QuarterEnd(4, 2003) = %s, want 2003-11", e)
	}
}

func TestParseScale(t *testing.T) {
	tests := []struct {
		in            string
		money, shares int32
		thing         string
	}{
		{"(in thousands, except per share data)", 3, 3, ""},
		{"(In millions, except share and per share amounts)", 6, 0, ""},
		{"(In Millions of Dollars)", 6, 6, ""},
		{"(In Millions of KWHs)", 6, 6, "kWh"},
		{"($ in millions, except earnings per share)", 6, 6, ""},
		{"(In millions, except number of shares, which are reflected in thousands, and per-share amounts)", 6, 3, ""},
		{"US$’000", 3, 3, ""},
		{"(All amounts expressed in thousands of U.S. Dollars, except share and per share data)", 3, 0, ""},
		{"(amounts in table in millions)", 6, 6, ""},
		{"(in million)", 6, 6, ""},
		{"RMB’Million", 6, 6, ""},
		{"(in 000’s)", 3, 3, ""},
		{"(United States Dollars in thousands, except per share data, unless otherwise noted)", 3, 3, ""},
		{"(in millions except per share data)", 6, 6, ""},
		{"USDm", 6, 6, ""},
		{"DKK bn", 9, 9, ""},
		{"All figures in USD ‘000, except TCE rate per day", 3, 3, ""},
		{"Number of shares (1,000)", 3, 3, ""},
	}
	for _, tt := range tests {
		if !isUnitLine(tt.in) && !reUnitParen.MatchString(tt.in) {
			t.Errorf("%q is not read as a unit line", tt.in)
		}
		s := parseScale(tt.in)
		if s.Money != tt.money || s.Shares != tt.shares || s.Thing != tt.thing {
			t.Errorf("parseScale(%q) = %+v", tt.in, s)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for name, src := range map[string]string{"empty": "", "blank": " \n\t\n", "pdf": "%PDF-1.4\n...", "gif": "GIF89a\x01\x00", "nul": "abc\x00def"} {
		if _, err := Parse(name, []byte(src)); err == nil {
			t.Errorf("Parse(%s) succeeded", name)
		}
	}
	// Windows-1252 quotes become UTF-8
	d, err := Parse("cp1252.txt", []byte("The Company\x92s net sales were $5,000 in the quarter.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Lines[0].Text, "Company’s") {
		t.Errorf("cp1252 not decoded: %q", d.Lines[0].Text)
	}
}

// TestSeedFacts checks the figures the issue names for the seed release.
func TestSeedFacts(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "innovo-2004q2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("innovo-2004q2.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	find := func(source, metric, value string, line int) bool {
		for _, f := range d.Facts {
			if f.Source == source && strings.Contains(f.Describe(), metric) && f.Value.Equal(decimal.RequireFromString(value)) && (line == 0 || f.Start <= line && line <= f.End) {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		source, metric, value string
		line                  int
	}{
		{"table", "NET SALES", "30023000", 378},
		{"table", "NET INCOME (LOSS)", "-6728000", 401},
		{"table", "PER SHARE: Diluted", "-0.23", 406},
		{"table", "SHARES OUTSTANDING: Basic", "28928000", 409},
		{"table", "Cash and cash equivalents", "7000", 309},
		{"table", "Accounts receivable and due from factor", "1394000", 311},
		{"text", "Joe's net sales", "4394000", 171},
		{"text", "gross margin", "11", 194},
		{"text", "additional charges", "1707000", 246},
		{"text", "employees", "31", 253},
	} {
		if !find(tt.source, tt.metric, tt.value, tt.line) {
			t.Errorf("no %s fact %q = %s at line %d", tt.source, tt.metric, tt.value, tt.line)
		}
	}
	if d.Calendar.FQ != 2 || d.Calendar.FY != 2004 || d.Current.End != (period.Date{Y: 2004, M: 5, D: 29}) || d.Latest != (period.Date{Y: 2004, M: 5, D: 29}) {
		t.Errorf("calendar %+v current %s latest %s", d.Calendar, d.Current, d.Latest)
	}
	var ents []string
	ents = append(ents, d.Entities...)
	if !strings.Contains(strings.Join(ents, "|"), "IAA") {
		t.Errorf("entities %v lack IAA", ents)
	}
}

// TestDetectFormat: SGML tags named in prose do not make a submission.
func TestDetectFormat(t *testing.T) {
	tests := []struct{ src, want string }{
		{"<SEC-DOCUMENT>0001.txt\n<SEC-HEADER>\n", "submission"},
		{"<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nNet sales rose.\n</TEXT>\n</DOCUMENT>\n", "submission"},
		{"Notes: the bytes between <TEXT> and </TEXT> of a <SEC-DOCUMENT> file.\n", "text"},
		{"<html><body><p>Net sales rose.</p></body></html>", "html"},
	}
	for _, tt := range tests {
		if got := detectFormat([]byte(tt.src)); got != tt.want {
			t.Errorf("detectFormat(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
}

// TestRespectively pairs a list of figures with a list of periods named in
// the same order; a bare year in the list is the first period, years earlier.
func TestRespectively(t *testing.T) {
	tests := []struct {
		sent string
		want []string // each figure's value and period
	}{
		{"The amortization of intangible assets for the years ended June 30, 2019, 2018 and 2017 was $95.1 million, $97.2 million and $68.7 million, respectively.",
			[]string{"95100000 twelve months ended June 30, 2019", "97200000 twelve months ended June 30, 2018", "68700000 twelve months ended June 30, 2017"}},
		{"Income before income tax expense of $88.8 million and $133.5 million during the years ended December 31, 2019 and 2018, respectively, was earned in the United States.",
			[]string{"88800000 twelve months ended December 31, 2019", "133500000 twelve months ended December 31, 2018"}},
		{"Revenue was $10.2 million and $9.1 million in fiscal 2019 and 2018, respectively.",
			[]string{"10200000 twelve months ended December 2019", "9100000 twelve months ended December 2018"}},
	}
	for _, tt := range tests {
		d, err := Parse("r.txt", []byte(tt.sent+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range d.Facts {
			got = append(got, f.Value.String()+" "+f.Period.String())
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: facts %q; want %q", tt.sent, got, tt.want)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], tt.want[i]) {
				t.Errorf("%q: fact %d is %q; want %q", tt.sent, i, got[i], tt.want[i])
			}
		}
	}
}

// TestColumnPeriod reads column headers into periods.
func TestColumnPeriod(t *testing.T) {
	tests := []struct {
		hdr     string
		balance bool
		want    string
	}{
		// (the document's calendar dates the quarters later)
		{"2019 First", false, "three months (Q1 FY2019)"},
		{"2018 Fourth", false, "three months (Q4 FY2018)"},
		{"Third 2019", false, "three months (Q3 FY2019)"},
		{"2019", false, "twelve months ended 2019"},
		{"Three Months Ended 05/29/04", false, "three months ended May 29, 2004"},
	}
	for _, tt := range tests {
		if got := columnPeriod(tt.hdr, tt.balance, "").String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("columnPeriod(%q) = %q; want %q", tt.hdr, got, tt.want)
		}
	}
	// fixed bugs: a header that says "as of" took the duration of a title
	// that names a year ("Full Year and Fourth Quarter 2021 Earnings Results")
	titled := []struct{ hdr, title, want string }{
		{"AS OF DECEMBER 31, 2021", "Full Year and Fourth Quarter 2021 Earnings Results", "as of December 31, 2021"},
		{"2004", "For the 13 Weeks Ended July 3, 2004 and June 28, 2003", "13 weeks ended July 3, 2004"},
	}
	for _, tt := range titled {
		if got := columnPeriod(tt.hdr, false, tt.title).String(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("columnPeriod(%q, title %q) = %q; want %q", tt.hdr, tt.title, got, tt.want)
		}
	}
}

// TestNoteMark reads footnote marks without their brackets.
func TestNoteMark(t *testing.T) {
	for in, want := range map[string]string{"¹": "1", "(2)": "2", " [12] ": "12", "(a)": "a", "*": "*", "†": "†", "Net": "", "123": ""} {
		if got := noteMark(in); got != want {
			t.Errorf("noteMark(%q) = %q; want %q", in, got, want)
		}
	}
}

package extract

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// samePeriodScan checks that the prefiltered scanners find exactly what the
// plain regular expressions find in s.
func samePeriodScan(t *testing.T, s string) {
	t.Helper()
	pf := newPrefilter(s)
	check := func(name string, got [][]int, re *regexp.Regexp) {
		t.Helper()
		want := re.FindAllStringSubmatchIndex(s, -1)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s on %q: got %v, want %v", name, s, got, want)
		}
	}
	check("reMDY", pf.from(scanMDY), reMDY)
	check("reMY", pf.from(scanMY), reMY)
	check("reOrdQ", pf.from(scanOrdQ), reOrdQ)
	check("reDurWord", pf.chunked(reDurWord, isDurChar, "month", "week", "year", "quarter", "annual", "ytd"), reDurWord)
	check("reDurWord from", pf.from(scanDurWord), reDurWord)
	check("reYOrdQ from", pf.from(scanYOrdQ), reYOrdQ)
	check("reFY from", pf.from(scanFY), reFY)
	check("reYear in", yearsIn(s), reYear)
	check("reDMY", pf.all(pf.dayMonth() && pf.year, reDMY), reDMY)
	check("reISO", pf.all(hasDigitDashDigit(s) && pf.year, reISO), reISO)
	quarter := pf.has("quarter")
	check("reYOrdQ", pf.all(quarter && pf.year, reYOrdQ), reYOrdQ)
	check("reQn", pf.all(pf.has("q1", "q2", "q3", "q4"), reQn), reQn)
	check("reQn from", pf.from(scanQn), reQn)
	check("reNQ", pf.all(pf.has("1q", "2q", "3q", "4q"), reNQ), reNQ)
	check("reHalf", pf.all(pf.has("half", "h1", "h2", "1h", "2h"), reHalf), reHalf)
	check("reFY", pf.all(pf.has("fiscal", "fy"), reFY), reFY)
	check("reYear", pf.all(pf.year, reYear), reYear)
	if got, want := slashDates(s, nil, func(int, int) bool { return false }), slashDates(s, nil, func(int, int) bool { return false }); !pf.has("/") && len(want) > 0 {
		t.Fatalf("slash dates in %q without a slash: %v %v", s, got, want)
	}
}

var periodSamples = []string{
	"Q2 2004", "2Q04", "H1 2004", "1H 04", "first half of fiscal 2004", "fiscal year ended May 31, 2004", "FY04", "FY '04",
	"nine months ended 5/29/04", "13 weeks ended July 3, 2004", "2004-05-29", "29 May 2004", "December 2004", "Dec. 2004",
	"year-to-date", "thirty-nine weeks ended Oct. 2, 2004", "decrease of 5% in December", "the fiſcal year 2004", "twelve weeKs",
	"SECOND QUARTER OF FISCAL 2004", "second-quarter 2004", "the 2nd quarter '04", "second quarter_ 2004", "May_29, 2004",
	"5May 2004", "May 29,2004", "Mayor 29, 2004", "third quarter of the fiscal year 2003", "full-year 2004", "half-year",
	"fiscal 2004 third quarter", "Q4-2004", "Q3 fiscal 2004", "three months ended May 29, 2004 and May 31, 2003",
	"sept 30 2004", "Sept. 30, 2004", "Mar 1 1999", "marches 1999", "annual", "ytd", "the year ended", "",
	"fiscal-year 2021", "fiscal year end 2003", "FY '04", "fy2004", "2004 second quarter", "fiscal 2004 3rd quarter", "12 months", "52-weeks",
	"twenty-six weeks", "fifty three weeks", "a12 months", "x2004", "20045", "2004_", "19 99", "year-to-date 2004", "half year",
	"second quarter  results", "second quarter - - results", "second - - fiscal -- quarter of the fiscal year '04 and", "first-quarter'04x",
	"fiscal - year - ended   2004", "fiscal year 2004 - first - quarter", "twenty - six - weeks", "full-fiscal years ago", "year - to - date",
	"Sept.  30th ,  2004", "Sept . 30, 2004", "Dec. , 2004", "May ,2004", "fy ' 04", "fy'04", "Q2 - 2004", "May\t29,\n2004",
	"Q2 ' fiscal year '04", "q3 - ' fy ' '05 x", "Q4'04", "xQ2 2004", "Q22004", "$5,123 weeks", "5 ,12 months", "123 weeks", "9\tmonths",
	"1 2-month", "on 5\tSept., 2004", "12 May 2004", "12May 2004", "12 ,May 2004", "7 mayo 2004",
}

func TestPrefilterSameAsRegexp(t *testing.T) {
	for _, s := range periodSamples {
		samePeriodScan(t, s)
	}
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	for i := range lines {
		samePeriodScan(t, lines[i])
		if i+4 < len(lines) {
			samePeriodScan(t, strings.Join(lines[i:i+4], "\n"))
		}
	}
	samePeriodScan(t, string(src))
}

// FuzzPeriodScan checks the prefiltered scanners against the plain
// regular expressions on any text.
func FuzzPeriodScan(f *testing.F) {
	for _, s := range periodSamples {
		f.Add(s)
	}
	for _, s := range numberSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		samePeriodScan(t, s)
		sameNumberScan(t, s)
		if ms := ScanPeriods(s); !reflect.DeepEqual(ms, scanPeriods(s)) {
			t.Fatalf("ScanPeriods(%q) differs from its memo", s)
		}
	})
}

func TestMemoCopies(t *testing.T) {
	s := "the second quarter of fiscal 2004 and May 29, 2004"
	a := ScanPeriods(s)
	if len(a) == 0 {
		t.Fatal("no periods")
	}
	a[0].Period.FY = 1900
	if b := ScanPeriods(s); b[0].Period.FY == 1900 {
		t.Fatal("a caller's change reached the memo")
	}
}

// sameNumberScan checks the shortcuts of numbersIn and narrativeFacts
// against the plain regular expressions: a guard that is false means no
// match, and a regexp matched over a tail of s matches as over s.
func sameNumberScan(t *testing.T, s string) {
	t.Helper()
	if !hasDigit(s) && (reMoney.MatchString(s) || rePercent.MatchString(s) || reBare.MatchString(s)) {
		t.Fatalf("a figure in %q without a digit", s)
	}
	if !phoneHint(s) && rePhoneish.MatchString(s) {
		t.Fatalf("rePhoneish matches %q without its hint", s)
	}
	if strings.IndexByte(s, '$') < 0 && reMoney.MatchString(s) {
		t.Fatalf("reMoney matches %q without a $", s)
	}
	if strings.IndexByte(s, '%') < 0 && !containsPer(s) && rePercent.MatchString(s) {
		t.Fatalf("rePercent matches %q without %% or per", s)
	}
	if got, want := findAt(s, moneyAt, moneyStart), reMoney.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("money in %q: got %v, want %v", s, got, want)
	}
	if got, want := findAt(s, bareAt, bareStart), reBare.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("bare figures in %q: got %v, want %v", s, got, want)
	}
	if got, want := findAt(s, percentAt, percentStart), rePercent.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("percentages in %q: got %v, want %v", s, got, want)
	}
	for _, c := range []struct {
		re *regexp.Regexp
		n  int
	}{{reApproxWord, 2}, {reFromWord, 8}, {reChangeBefor, 3}} {
		// every prefix, as the callers match the words before a figure
		for i := 0; i <= len(s); i++ {
			if i > 200 && i < len(s)-200 {
				continue
			}
			p := s[:i]
			tl := tail(p, c.n)
			if got, want := c.re.FindStringSubmatch(tl), c.re.FindStringSubmatch(p); !reflect.DeepEqual(got, want) {
				t.Fatalf("%v on tail %q of %q: got %q, want %q", c.re, tl, p, got, want)
			}
		}
	}
}

var numberSamples = []string{
	"increased by approximately $2.9 million", "compared to a net loss of approximately $(1.2) million", "as compared with a net profit of",
	"up 12.5 percent", "a decrease of   approximately 3 PER cent", "call (800) 555-1212 or 1-800-555-1212 at 10:30", "approx. 5%",
	"more than\t31 employees", "less  than 5", "as  compared\twith  a  net  income  of  approximately  $4", "from", "vs.$3", "ſome 5 %",
	"increase of\napproximately 7%", "(increased by 4", "Fiscal 2004 ... over 12 stores", "",
	"( $ (1.2) ) million", "($0.23)", "$ .16", "$14.88 billion2 x", "(( 5 %", "1,2345%", "5.%", "– 3.5 %", "-(4)%", "(-4 ) PERCENT",
	"1,234,5678%", "12 per cent", "3 percentage points", "7 Percentage  Point", "$5$6", "5%6%", "(\t7.5\t)\t%", "12 pe", "$(", "$ ",
	"$1,234.5 mm3", "$3 thousanDs", "$3 thouſand", "2 pointſ", "8 percentage pointſ",
	"5 stores", "12,345 units", "x5", "\u212a5", "\xaa5", "\xe2\x805 a", "–5 thousand", "ſ5", "1.5 million units", "(5)", "#12", "a-5", "é7 million",
	"9 thouſand", "1,2345 units", "3.1.4 x", "7",
	"2004", "x2004", "2004x", "20045", "é2004é", "_2004", "2004_", "19992000", "1999 2000", "Dec., 2004", "Dec.2004", "Dec. 2004x",
	"full-year", "full fiscal  year", "FULL - year", "full fiscalyear", "fiscal\tyears", "Fiscal Year-to-date", "fiscal 2004 year",
	"fullyear", "full  year",
}

func TestNumberScanShortcuts(t *testing.T) {
	for _, s := range append(append([]string{}, numberSamples...), periodSamples...) {
		sameNumberScan(t, s)
	}
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(src), "\n") {
		sameNumberScan(t, l)
	}
	// no char outside ASCII folds to p, e or r (containsPer's premise)
	for _, c := range "perPER" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII {
				t.Fatalf("%q folds to %q", c, f)
			}
		}
	}
}

// TestFigureGuards checks the needles of the regexps narrativeFacts runs
// around every figure: where foldHas finds none, the regexp matches nothing.
func TestFigureGuards(t *testing.T) {
	guards := []struct {
		re      *regexp.Regexp
		needles []string
	}{
		{reFromWord, fromNeedles}, {reChangeBefor, changeBeforNeedles}, {rePerShareDesc, perShareNeedles},
		{reAdjusted, adjustedNeedles}, {reContrastCut, contrastNeedles}, {reIncludeCut, includeNeedles},
		{reForEntity, forEntityNeedles}, {reForEntity, []string{"for"}}, {reChangeSubject, changeSubjectNeedles},
	}
	samples := append(append([]string{}, numberSamples...), periodSamples...)
	samples = append(samples, "NON-GAAP", "Pro  Forma", "RECONCILIATION of", "as COMPARED with", "Vs. $4", "whereas",
		"consisting of", "Comprised of", "for our Retail SEGMENT", "for the Kelvin \u212a unit", "up by", "DROP OF", "per diluted share",
		"EPS of", "reductions of", "improvement of", "sales rose", "an Increase in sales", "Higher costs", "reduced margins",
		"the growth in revenue", "declines in units", "LOWER prices")
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	samples = append(samples, strings.Split(string(src), "\n")...)
	for _, s := range samples {
		for _, g := range guards {
			if !foldHas(s, g.needles...) && g.re.MatchString(s) {
				t.Errorf("%v matches %q without its needles", g.re, s)
			}
		}
		if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") && rePossessive.MatchString(s) {
			t.Errorf("rePossessive matches %q without an apostrophe", s)
		}
	}
	// the guards' needles must be lower-case ASCII letters (indexFold)
	for _, g := range guards {
		for _, n := range g.needles {
			for i := 0; i < len(n); i++ {
				if n[i] < 'a' || n[i] > 'z' {
					t.Fatalf("needle %q", n)
				}
			}
		}
	}
	if indexFold("Net Sales ROSE", "rose") != 10 || indexFold("ab", "abc") != -1 || indexFold("x[Y", "xy") != -1 {
		t.Fatal("indexFold")
	}
}

// TestPeriodGuards checks that text without a digit or a period word has
// no period phrase, and that the duration scanner finds what reDurWord
// finds in the lowered words before a date.
func TestPeriodGuards(t *testing.T) {
	samples := append(append([]string{}, numberSamples...), periodSamples...)
	samples = append(samples, "the full year", "QUARTERLY results", "first half", "for the thirteen wee\u212a", "annual", "YTD", "weeks",
		"the twelve-month period", "year-to-date", "net sales increased", "")
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	samples = append(samples, strings.Split(string(src), "\n")...)
	for _, s := range samples {
		if !mayHavePeriod(s) && scanPeriods(s) != nil {
			t.Errorf("periods in %q: %v", s, scanPeriods(s))
		}
		l := strings.ToLower(s)
		if got, want := newPrefilter(l).from(scanDurWord), reDurWord.FindAllStringSubmatchIndex(l, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("durations of %q: got %v, want %v", l, got, want)
		}
	}
}

func TestJoinFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "\xffa b\xfe", "net sales rose 5%.",
		"a\u2003b", "a \nb", "ab\r"} {
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestOneChunk(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", " a b ", "Net sales rose 5%.", "é x", " é ", "a\tb", "  "} {
		got, ok := oneChunk(s)
		if !ok {
			continue
		}
		rs := []rune(s)
		var want []chunk
		i := 0
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		j := len(rs)
		if j > i && rs[j-1] == ' ' {
			j--
		}
		if i < j {
			want = []chunk{{i, j, string(rs[i:j])}}
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got, chunksOfRunes(s)) {
			t.Errorf("oneChunk(%q) = %v, want %v", s, got, want)
		}
	}
}

// chunksOfRunes is chunksOf without its one-chunk shortcut: trailing
// spaces make no chunk, and two of them rule the shortcut out.
func chunksOfRunes(s string) []chunk {
	return chunksOf(s + "  ")
}

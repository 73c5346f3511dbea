package period

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/scantest"
)

// samePeriodScan checks that the prefiltered scanners find exactly what the
// plain regular expressions find in s.
func samePeriodScan(t *testing.T, s string) {
	t.Helper()
	pf := newPrefilter(s)
	check := func(name string, got [][]int, re *lazy.Regexp) {
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

func TestPrefilterSameAsRegexp(t *testing.T) {
	for _, s := range scantest.Periods {
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
	for _, s := range scantest.Periods {
		f.Add(s)
	}
	for _, s := range scantest.Numbers {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		samePeriodScan(t, s)
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

// TestPeriodGuards checks that text without a digit or a period word has
// no period phrase, and that the duration scanner finds what reDurWord
// finds in the lowered words before a date.
func TestPeriodGuards(t *testing.T) {
	samples := append(append([]string{}, scantest.Numbers...), scantest.Periods...)
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

package nlq

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

var (
	// reYearAfter is a year right after a phrase: "fiscal year end 2003".
	reYearAfter = lazy.NewRegexp(`^\s*(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d\d\b`)
	// reSinceBefore is "since" shortly before a period: the start of a change.
	reSinceBefore = regexp.MustCompile(`(?i)\bsince\b[^.?!;]{0,40}$`)
	// reOrdinalPair is two ordinals sharing a period noun: "second and first quarter".
	reOrdinalPair = regexp.MustCompile(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:and|&|to|vs\.?|versus)\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarters?|halves|half)\b`)
	// reYearRange is a span of years: "2017 to 2019", "2017-2019", "2017 through 2019".
	reYearRange = lazy.NewRegexp(`\b((?:19|20)\d\d)\s*` + vocab.Default().Group("year_range_connectors") + `\s*(?:fiscal\s+(?:year\s+)?)?((?:19|20)\d\d)\b`)
)

// relativeOrder is the order relative period phrases are looked for in:
// "fiscal year end" before "year", "prior year quarter" before "quarter".
var relativeOrder = []string{"year_end", "prior_year", "ytd", "current"}

// scanPeriods finds the periods text names, in the order it names them,
// and returns text with each one blanked out for the stages after it:
// relative phrases first ("prior year quarter", "this quarter"), then
// "year over year", then dates, quarters, durations and years. question
// is the text as asked (before cleaning), for the ordinal pairs.
func scanPeriods(v *vocab.Vocab, text, question string) ([]PeriodSpec, string) {
	masked := []byte(text)
	ps := relativePeriods(v, text, masked)
	ms := string(masked)
	for _, m := range period.ScanPeriods(ms) {
		ps = append(ps, PeriodSpec{Period: m.Period, Fiscal: m.Fiscal, YearOnly: m.YearOnly,
			Text: text[m.Start:m.End], Since: reSinceBefore.MatchString(ms[:m.Start])})
		blank(masked, m.Start, m.End)
	}
	sortPeriods(ps, text)
	if reOrdinalPair.MatchString(question) {
		shareYear(ps)
	}
	return ps, string(masked)
}

// relativePeriods finds the relative period phrases of text and blanks
// them in masked.
func relativePeriods(v *vocab.Vocab, text string, masked []byte) []PeriodSpec {
	var ps []PeriodSpec
	for _, rel := range relativeOrder {
		for _, ph := range byLength(v.Relative[rel]) {
			for _, at := range findPhrase(strings.ToLower(string(masked)), ph) {
				if rel == "year_end" && reYearAfter.MatchString(text[at+len(ph):]) {
					continue // "fiscal year end 2003" names its year
				}
				p := PeriodSpec{Relative: rel, Text: text[at : at+len(ph)], Since: reSinceBefore.MatchString(text[:at])}
				if rel == "current" && strings.Contains(ph, "quarter") {
					p.Months = 3
				}
				ps = append(ps, p)
				blank(masked, at, at+len(ph))
			}
		}
	}
	// "year over year" asks for a comparison with the prior year
	for _, ph := range v.Phrases("year_over_year") {
		for _, at := range findPhrase(strings.ToLower(string(masked)), ph) {
			ps = append(ps, PeriodSpec{Relative: "prior_year", Text: text[at : at+len(ph)]})
			blank(masked, at, at+len(ph))
		}
	}
	return ps
}

// shareYear gives a quarter named without its year the year of the
// quarter named with one: "the third and fourth quarter of fiscal 2019".
func shareYear(ps []PeriodSpec) {
	year := 0
	for _, p := range ps {
		if p.FQ > 0 && p.FY != 0 {
			year = p.FY
		}
	}
	for i := range ps {
		if p := &ps[i]; year != 0 && p.FQ > 0 && p.FY == 0 && p.End.IsZero() && p.Relative == "" {
			p.FY = year
		}
	}
}

// sortPeriods orders periods as the question names them.
func sortPeriods(ps []PeriodSpec, text string) {
	sort.SliceStable(ps, func(i, j int) bool {
		return strings.Index(text, ps[i].Text) < strings.Index(text, ps[j].Text)
	})
}

// fillYears adds the years between two year-only periods written as a
// span ("the total for 2017 to 2019" is three years' sum).
func fillYears(ps []PeriodSpec, low string) []PeriodSpec {
	a, b := ps[0], ps[1]
	if !a.YearOnly || !b.YearOnly || a.Relative != "" || b.Relative != "" || !reYearRange.MatchString(low) {
		return ps
	}
	lo, hi := a, b
	if lo.FY > hi.FY {
		lo, hi = hi, lo
	}
	if hi.FY-lo.FY < 2 || hi.FY-lo.FY > 10 {
		return ps
	}
	out := []PeriodSpec{lo}
	for y := lo.FY + 1; y < hi.FY; y++ {
		mid := lo
		mid.FY = y
		if !mid.End.IsZero() {
			mid.End.Y = y
		}
		mid.Text = strconv.Itoa(y)
		out = append(out, mid)
	}
	return append(out, hi)
}

// explicitPeriods counts the periods named outright (a date, a quarter, a
// year) or as the prior year.
func explicitPeriods(ps []PeriodSpec) int {
	n := 0
	for _, p := range ps {
		if p.Relative == "" || p.Relative == "prior_year" {
			n++
		}
	}
	return n
}

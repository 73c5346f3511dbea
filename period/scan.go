package period

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/textscan"
	"github.com/ex99/ex99/vocab"
)

// Mention is a period phrase found in text.
type Mention struct {
	Start, End int    // byte offsets in the scanned text
	Period     Period // what the phrase says; parts it does not say are zero
	// Fiscal is true when the phrase says "fiscal" or "FY".
	Fiscal bool
	// YearOnly is true for a bare year ("2004", "fiscal 2014") with no
	// quarter, duration or date.
	YearOnly bool
}

var monthIndex = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// Month returns the number (1–12) of a lower-case month name or
// abbreviation ("may", "sept", "dec"), or 0.
func Month(name string) int { return monthIndex[name] }

// MonthRe is a regexp (without flags or groups of its own) that matches a
// month name or abbreviation with an optional point: "December", "Sept.".
// Use it with (?i) to match any case.
const MonthRe = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`

var (
	// "May 29, 2004", "Nov. 2, 2024", "December 31 2004", "May 29,2004"
	reMDY = lazy.NewRegexp(`(?i)\b(` + MonthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*((?:19|20)\d\d)\b`)
	// "29 May 2004"
	reDMY = lazy.NewRegexp(`(?i)\b(\d{1,2})\s+(` + MonthRe + `)\s*,?\s*((?:19|20)\d\d)\b`)
	// "December 2004", "Dec. 2004"
	reMY = lazy.NewRegexp(`(?i)\b(` + MonthRe + `)\s*,?\s+((?:19|20)\d\d)\b`)
	// "05/29/04", "5/29/2004", "2004-05-29"
	reSlash = lazy.NewRegexp(`\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`)
	reISO   = lazy.NewRegexp(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	// quarters: "second quarter of fiscal 2004", "fourth quarter 2004", "third fiscal quarter of 2004",
	// "quarter ended" handled by durations
	reOrdQ = lazy.NewRegexp(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter(?:\s+(?:of|for|in|ended))?(?:\s+(?:the\s+)?(fiscal(?:\s+year)?|fy))?\s*'?((?:19|20)?\d\d)?\b`)
	// "fiscal 2024 third quarter", "2004 second quarter"
	reYOrdQ = lazy.NewRegexp(`(?i)\b(fiscal\s+(?:year\s+)?|fy\s*)?((?:19|20)\d\d)\s+(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b`)
	// "Q2 2004", "Q2 FY04", "Q2'04", "Q2 fiscal 2004", "Q2-2004", "Q2"
	reQn = lazy.NewRegexp(`(?i)\bQ([1-4])(?:\s*[-']?\s*(fiscal\s+(?:year\s+)?|fy\s*'?)?\s*'?((?:19|20)?\d\d))?\b`)
	// "2Q04", "2Q 2004", "4Q20"
	reNQ = lazy.NewRegexp(`(?i)\b([1-4])Q\s*'?((?:19|20)?\d\d)\b`)
	// "FY2004", "FY 04", "fiscal 2004", "fiscal year 2004", "fiscal year end 2003", "fiscal-year 2021"
	reFY = lazy.NewRegexp(`(?i)\b(?:fiscal[\s-]+(?:year[\s-]+)?(?:end(?:ed)?\s+)?|fy\s*'?)((?:19|20)?\d\d)\b`)
	// "first half", "second half", "H1 2004", "1H04"
	reHalf = lazy.NewRegexp(`(?i)\b(?:(first|second)\s+half|H([12])|([12])H)(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|fy\s*)?'?((?:19|20)?\d\d))?\b`)
	reYear = lazy.NewRegexp(`\b((?:19|20)\d\d)\b`)
	// "nine months", "13 weeks", "twelve-month": durations; matched against vocabulary phrases
	reDurWord = lazy.NewRegexp(`(?i)\b((?:three|six|nine|twelve|3|6|9|12)[\s-]+months?|(?:thirteen|fourteen|twenty[\s-]six|twenty[\s-]seven|thirty[\s-]nine|forty|fifty[\s-]two|fifty[\s-]three|twelve|sixteen|twenty[\s-]four|twenty[\s-]eight|thirty[\s-]six|\d{1,2})[\s-]+weeks?|(?:full[\s-])?(?:fiscal\s+)?years?|quarters?|quarterly|half[\s-]year|annual|ytd|year[\s-]to[\s-]date)\b`)
)

// ParseDate reads the first date in s: "May 29, 2004", "05/29/04",
// "December 2004" or a bare year. It reports false when s holds none.
func ParseDate(s string) (Date, bool) {
	ds := findDates(s)
	if len(ds) == 0 {
		return Date{}, false
	}
	return ds[0].d, true
}

type dateAt struct {
	start, end int
	d          Date
}

// DateSpans returns the byte ranges [start, end) of every full or
// month-year date in s, in order: the text a figure reader must not take
// for an amount.
func DateSpans(s string) [][2]int {
	ds := findDates(s)
	out := make([][2]int, len(ds))
	for i, d := range ds {
		out[i] = [2]int{d.start, d.end}
	}
	return out
}

// findDates returns every full or month-year date in s, in order.
func findDates(s string) []dateAt { return findDatesIn(s, nil) }

// findDatesIn is findDates(s); pf, when not nil, is newPrefilter(s),
// which scanPeriods has made already (lowering the text and listing its
// word starts twice was a tenth of scanning it).
func findDatesIn(s string, pf *prefilter) []dateAt {
	if ds, ok := dateMemo.get(s); ok {
		return ds
	}
	if pf == nil {
		p := newPrefilter(s)
		pf = &p
	}
	ds := scanDatesIn(*pf)
	dateMemo.put(s, ds)
	return ds
}

// scanDatesIn is findDates(pf.s) without the memo.
func scanDatesIn(pf prefilter) []dateAt {
	var out []dateAt
	s := pf.s
	if !pf.year {
		// every form but m/d/yy needs a four-digit year
		if pf.has("/") {
			out = slashDates(s, out, func(int, int) bool { return false })
		}
		return out
	}
	var seen spanSet // the ranges of out
	taken := func(a, b int) bool { return seen.first(a, b) >= 0 }
	keep := func(d dateAt) {
		out = append(out, d)
		seen.add(d.start, d.end)
	}
	for _, m := range pf.from(scanMDY) {
		mo := monthIndex[strings.ToLower(strings.TrimSuffix(s[m[2]:m[3]], "."))]
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if d >= 1 && d <= 31 {
			keep(dateAt{m[0], m[1], Date{y, mo, d}})
		}
	}
	for _, m := range pf.all(pf.dayMonth(), reDMY) {
		if taken(m[0], m[1]) {
			continue
		}
		d, _ := strconv.Atoi(s[m[2]:m[3]])
		mo := monthIndex[strings.ToLower(strings.TrimSuffix(s[m[4]:m[5]], "."))]
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if d >= 1 && d <= 31 {
			keep(dateAt{m[0], m[1], Date{y, mo, d}})
		}
	}
	if pf.has("/") {
		n := len(out)
		out = slashDates(s, out, taken)
		for _, d := range out[n:] {
			seen.add(d.start, d.end)
		}
	}
	for _, m := range pf.all(hasDigitDashDigit(s), reISO) {
		if taken(m[0], m[1]) {
			continue
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		keep(dateAt{m[0], m[1], Date{y, mo, d}})
	}
	for _, m := range pf.from(scanMY) {
		if taken(m[0], m[1]) {
			continue
		}
		mo := monthIndex[strings.ToLower(strings.TrimSuffix(s[m[2]:m[3]], "."))]
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		keep(dateAt{m[0], m[1], Date{Y: y, M: mo}})
	}
	sortDates(out)
	return out
}

// slashDates adds the m/d/yy dates of s that are not taken.
func slashDates(s string, out []dateAt, taken func(a, b int) bool) []dateAt {
	for _, m := range reSlash.FindAllStringSubmatchIndex(s, -1) {
		if taken(m[0], m[1]) {
			continue
		}
		mo, _ := strconv.Atoi(s[m[2]:m[3]])
		d, _ := strconv.Atoi(s[m[4]:m[5]])
		y, _ := strconv.Atoi(s[m[6]:m[7]])
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		out = append(out, dateAt{m[0], m[1], Date{fullYear(y), mo, d}})
	}
	return out
}

// sortDates orders dates by start, keeping the order of equal ones.
func sortDates(ds []dateAt) {
	slices.SortStableFunc(ds, func(a, b dateAt) int { return cmp.Compare(a.start, b.start) })
}

// fullYear turns a two-digit year into a four-digit one (04 → 2004, 98 → 1998).
func fullYear(y int) int {
	switch {
	case y >= 100:
		return y
	case y < 70:
		return 2000 + y
	}
	return 1900 + y
}

var ordinal = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

// ScanPeriods finds the period phrases in s: fiscal quarters ("second quarter
// of fiscal 2004", "Q2 2004", "2Q04"), halves, durations ending at a date
// ("six months ended May 29, 2004", "13 weeks ended July 3, 2004"), fiscal
// years ("fiscal 2014", "FY2004"), dates and bare years, in text order and
// without overlap. Parts a phrase leaves out stay zero.
func ScanPeriods(s string) []Mention {
	if !mayHavePeriod(s) {
		return nil // what scanPeriods finds in s
	}
	if ms, ok := periodMemo.get(s); ok {
		return ms
	}
	ms := scanPeriods(s)
	periodMemo.put(s, ms)
	return ms
}

// periodWords are the words of the period phrases that need no digit:
// every match of reOrdQ holds "quarter", of reHalf without a digit
// "half", and every alternative of reDurWord one of them. Every other
// form (dates, years, Q2, 2Q, H1) has a digit.
var periodWords = []string{"month", "week", "year", "quarter", "half", "annual", "ytd"}

// mayHavePeriod reports whether s may hold a period phrase: a digit or
// one of periodWords. Most of the words before a figure hold neither, and
// scanning them was a tenth of extract.Parse's time.
func mayHavePeriod(s string) bool {
	return hasDigit(s) || textscan.FoldHas(s, periodWords...)
}

// hasDigit reports an ASCII digit in s.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// scanPeriods is ScanPeriods without the memo.
func scanPeriods(s string) []Mention {
	ml := mentionList{}
	v := vocab.Default()
	pf := newPrefilter(s)

	// durations ending at a date: "<duration> ended <date>"
	var lc lowerCursor
	lc.s = s
	for _, d := range findDatesIn(s, &pf) {
		ml.add(dateMention(s, d, &lc))
	}
	// ordinal quarters
	for _, g := range pf.from(scanOrdQ) {
		q := ordinal[strings.ToLower(s[g[2]:g[3]])]
		m := Mention{Start: g[0], End: g[1], Period: Period{Kind: Duration, Months: 3, FQ: q}}
		if g[4] >= 0 {
			m.Fiscal = true
		}
		if g[6] >= 0 {
			y, _ := strconv.Atoi(s[g[6]:g[7]])
			m.Period.FY = fullYear(y)
		} else {
			// "second quarter of 2004" where the year follows "of"
			m.End = g[1]
		}
		if strings.Contains(strings.ToLower(s[g[0]:g[1]]), "fiscal") {
			m.Fiscal = true
		}
		ml.mergeOrAdd(m)
	}
	for _, g := range pf.from(scanYOrdQ) {
		y, _ := strconv.Atoi(s[g[4]:g[5]])
		q := ordinal[strings.ToLower(s[g[6]:g[7]])]
		ml.mergeOrAdd(Mention{Start: g[0], End: g[1], Fiscal: g[2] >= 0, Period: Period{Kind: Duration, Months: 3, FQ: q, FY: y}})
	}
	for _, g := range pf.from(scanQn) {
		q, _ := strconv.Atoi(s[g[2]:g[3]])
		m := Mention{Start: g[0], End: g[1], Fiscal: g[4] >= 0, Period: Period{Kind: Duration, Months: 3, FQ: q}}
		if g[6] >= 0 {
			y, _ := strconv.Atoi(s[g[6]:g[7]])
			m.Period.FY = fullYear(y)
		}
		ml.mergeOrAdd(m)
	}
	for _, g := range pf.all(pf.has("1q", "2q", "3q", "4q"), reNQ) {
		q, _ := strconv.Atoi(s[g[2]:g[3]])
		y, _ := strconv.Atoi(s[g[4]:g[5]])
		ml.mergeOrAdd(Mention{Start: g[0], End: g[1], Period: Period{Kind: Duration, Months: 3, FQ: q, FY: fullYear(y)}})
	}
	for _, g := range pf.all(pf.has("half", "h1", "h2", "1h", "2h"), reHalf) {
		h := 1
		switch {
		case g[2] >= 0 && strings.EqualFold(s[g[2]:g[3]], "second"):
			h = 2
		case g[4] >= 0:
			h, _ = strconv.Atoi(s[g[4]:g[5]])
		case g[6] >= 0:
			h, _ = strconv.Atoi(s[g[6]:g[7]])
		}
		m := Mention{Start: g[0], End: g[1], Period: Period{Kind: Duration, Months: 6}}
		if h == 2 {
			// a second half is a 6-month period ending at the fourth quarter
			m.Period.FQ = 4
		} else {
			m.Period.FQ = 2
		}
		if g[8] >= 0 {
			y, _ := strconv.Atoi(s[g[8]:g[9]])
			m.Period.FY = fullYear(y)
		}
		ml.mergeOrAdd(m)
	}
	for _, g := range pf.from(scanFY) {
		y, _ := strconv.Atoi(s[g[2]:g[3]])
		ml.mergeOrAdd(Mention{Start: g[0], End: g[1], Fiscal: true, YearOnly: true, Period: Period{FY: fullYear(y)}})
	}
	// durations with no end date ("six months", "nine-month", "full year")
	for _, g := range pf.from(scanDurWord) {
		if ml.overlaps(g[0], g[1]) {
			continue
		}
		mo := v.DurationMonths(s[g[2]:g[3]])
		if mo == 0 {
			if wk := weeksIn(s[g[2]:g[3]]); wk > 0 {
				mo = weeksToMonths(wk)
			}
		}
		low := strings.ToLower(s[g[2]:g[3]])
		if low == "ytd" || strings.Contains(low, "to") && strings.Contains(low, "date") {
			continue // year-to-date is relative; nlq handles it
		}
		if (low == "year" || low == "years") && !yearIsPeriod(s[:g[0]], s[g[1]:]) {
			continue // "prior year", "a year ago", "per year"
		}
		if mo == 0 {
			continue
		}
		ml.push(Mention{Start: g[0], End: g[1], Period: Period{Kind: Duration, Months: mo, Weeks: weeksIn(low)}})
	}
	// bare years
	for _, g := range yearsIn(s) {
		if ml.overlaps(g[0], g[1]) {
			continue
		}
		y, _ := strconv.Atoi(s[g[2]:g[3]])
		ml.push(Mention{Start: g[0], End: g[1], YearOnly: true, Period: Period{FY: y}})
	}
	out := ml.ms
	sortMentions(out)
	out = joinMentions(s, out)
	for i := range out {
		p := &out[i].Period
		// "fiscal 2014 ended May 31, 2014": a fiscal year
		if out[i].Fiscal && !p.End.IsZero() && p.FQ == 0 && p.Months == 0 && p.Kind != Instant {
			p.Kind, p.Months = Duration, 12
			out[i].YearOnly = false
		}
	}
	return out
}

// yearIsPeriod reports whether the word "year" between before and after
// names a twelve-month period ("for the year", "full year") rather than a
// relation ("prior year", "a year ago", "per year", "year-over-year").
// Only the words next to "year" matter, so only they are lowered: before
// and after are the whole rest of the text, long in a long paragraph.
func yearIsPeriod(before, after string) bool {
	if strings.HasSuffix(before, "-") || strings.HasPrefix(after, "-") {
		return false // "year-over-year", "multi-year", "year-end"
	}
	b := textscan.LowerEnd(before)
	a := textscan.LowerStart(after)
	for _, w := range []string{"prior", "last", "previous", "next", "per", "a", "each", "same", "comparable", "that", "one", "this", "every", "calendar", "coming", "current", "past", "two", "three", "several", "prior-", "fiscal", "which", "what", "any", "either", "both", "whichever"} {
		if strings.HasSuffix(b, " "+w) || b == w {
			return false
		}
	}
	for _, w := range []string{"ago", "-ago", "earlier", "-earlier", "over", "-over", "-on", "on", "to date", "-to-date", "end", "-end", "'s", "’s"} {
		if strings.HasPrefix(a, w) {
			return false
		}
	}
	return true
}

// dateWords is how many runs of non-space chars before a date dateMention
// reads: "for the thirty-nine weeks ended on" needs 6, and a duration word
// (reDurWord, at most 3 runs) with what may follow it (reDurTail, at most
// 3) before the keyword (2) fits with room for a match that straddles the
// window's start.
const dateWords = 16

// dateMention reads date d of s with the words before it: "six months
// ended May 29, 2004" is a duration, "as of May 29, 2004" an instant. It
// reads only the last dateWords runs of text before the date: lowering and
// scanning all of the text before every date cost time quadratic in a long
// paragraph. Offsets are those of the lowered text, as they always were
// (lc gives the lowered length of what lies before the window).
func dateMention(s string, d dateAt, lc *lowerCursor) Mention {
	end := d.start
	for end > 0 && (s[end-1] == ' ' || s[end-1] == ',') {
		end--
	}
	w := end - len(textscan.Tail(s[:end], dateWords))
	whole := w == 0
	off := lc.at(w) // len(strings.ToLower(s[:w]))
	// trim: the lowered text before the date without its trailing spaces
	// and commas, from the window on; a window that is not the whole holds
	// dateWords runs, longer than every keyword, and follows a space
	trim := strings.ToLower(s[w:end])
	kw := ""
	for _, k := range []string{"ended on", "ending on", "ended", "ending", "end", "as of", "at", "as at", "on"} {
		if strings.HasSuffix(trim, " "+k) || whole && trim == k {
			kw = k
			break
		}
	}
	m := Mention{Start: d.start, End: d.end, Period: Period{End: d.d}}
	if kw == "ended" || kw == "ending" || kw == "ended on" || kw == "ending on" || kw == "end" {
		before := strings.TrimSuffix(trim, kw)
		before = strings.TrimRight(before, " ")
		// the duration words just before "ended"
		months, weeks, ds := durationBefore(before)
		if months > 0 {
			m.Start = off + ds
			m.Period.Kind = Duration
			m.Period.Months = months
			m.Period.Weeks = weeks
		} else {
			m.Start = off + len(before)
			if m.Start > 0 {
				m.Start++
			}
		}
		if m.Period.Kind == Unknown && (strings.HasSuffix(before, "quarter") || strings.HasSuffix(before, "period")) {
			m.Period.Kind = Duration
			if strings.HasSuffix(before, "quarter") {
				m.Period.Months = 3
			}
		}
		// "second quarter of fiscal 2004 ended June 26, 2004" is handled by the quarter pass
	} else if kw == "as of" || kw == "as at" || kw == "at" {
		m.Period.Kind = Instant
		m.Start = d.start - (d.start - (off + len(strings.TrimSuffix(trim, kw))))
		if m.Start < 0 {
			m.Start = d.start
		}
	}
	return m
}

// lowerCursor gives len(strings.ToLower(s[:i])) for rune boundaries i,
// walking s once when i grows (the dates of a text come in order): a rune
// may lower to a different length (the Kelvin sign K to k), and the
// mention offsets have always been those of the lowered text.
type lowerCursor struct {
	s    string
	i, n int // n is the lowered length of s[:i]
}

func (c *lowerCursor) at(i int) int {
	if i < c.i {
		c.i, c.n = 0, 0
	}
	for c.i < i {
		r, size := utf8.DecodeRuneInString(c.s[c.i:])
		switch {
		case r < utf8.RuneSelf:
			c.n++
		case r == utf8.RuneError && size == 1:
			c.n += utf8.RuneLen(utf8.RuneError) // strings.ToLower writes U+FFFD for a bad byte
		default:
			c.n += utf8.RuneLen(unicode.ToLower(r))
		}
		c.i += size
	}
	return c.n
}

// mentionList is scanPeriods' growing list of mentions, with a spanSet of
// their ranges so that overlap checks cost time in what is near, not in
// the length of the list.
type mentionList struct {
	ms   []Mention
	seen spanSet
}

// push appends m.
func (l *mentionList) push(m Mention) {
	l.ms = append(l.ms, m)
	l.seen.add(m.Start, m.End)
}

// overlaps reports a mention that [a, b) overlaps.
func (l *mentionList) overlaps(a, b int) bool { return l.seen.first(a, b) >= 0 }

// add appends m unless it overlaps a mention already found.
func (l *mentionList) add(m Mention) {
	if !l.overlaps(m.Start, m.End) {
		l.push(m)
	}
}

// mergeOrAdd adds m unless it overlaps a mention already found; a quarter
// phrase that overlaps a dated duration ("second quarter of fiscal 2004
// ended June 26, 2004") lends it its fiscal quarter and year. Of several it
// overlaps, the one found first takes it.
func (l *mentionList) mergeOrAdd(m Mention) {
	i := l.seen.first(m.Start, m.End)
	if i < 0 {
		l.push(m)
		return
	}
	x := &l.ms[i]
	if x.Period.FQ == 0 && m.Period.FQ != 0 {
		x.Period.FQ = m.Period.FQ
	}
	if x.Period.FY == 0 && m.Period.FY != 0 {
		x.Period.FY = m.Period.FY
	}
	x.Fiscal = x.Fiscal || m.Fiscal
	x.Start, x.End = min(x.Start, m.Start), max(x.End, m.End)
	l.seen.set(i, x.Start, x.End)
}

// sortMentions orders mentions by start, keeping the order of equal ones.
func sortMentions(ms []Mention) {
	slices.SortStableFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
}

// joinMentions merges adjacent mentions that describe one period:
// "the second quarter of fiscal 2004 ended June 26, 2004" (quarter + date),
// "the three months ended May 29, 2004, or its second quarter of fiscal 2004".
//
// It joins in place, reusing ms (out never gets ahead of the mention it
// reads): a long paragraph's list is large, and copying it cost time and
// held two of them.
func joinMentions(s string, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 0 {
			p := &out[n-1]
			gap := strings.ToLower(strings.TrimSpace(s[p.End:m.Start]))
			joinable := gap == "" || gap == "," || gap == "ended" || gap == "ending" || gap == ", ended" || gap == "ended on" || gap == "(" ||
				gap == ", or" || gap == ", or its" || gap == ", or the" || gap == "or" || gap == "or the" || gap == "or its" || gap == ", the"
			bare := func(x Mention) bool {
				return x.YearOnly && x.Period.End.IsZero() && x.Period.Months == 0 && x.Period.FQ == 0
			}
			mt := strings.ToLower(s[m.Start:m.End])
			endedGap := strings.Contains(gap, "ended") || strings.Contains(gap, "ending") || strings.HasPrefix(mt, "ended") || strings.HasPrefix(mt, "ending")
			if !endedGap && (bare(m) && (p.Period.End.Y != 0 || p.Period.FY != 0) || bare(*p) && (m.Period.End.Y != 0 || m.Period.FY != 0)) {
				joinable = false
			}
			if strings.Contains(gap, "or") {
				// "the three months ended May 29, 2004, or its second quarter": a dated
				// period and a named quarter; not a bare date ("September 30, or December 31")
				dated, named := p.Period, m.Period
				if dated.End.IsZero() {
					dated, named = named, dated
				}
				if dated.Months == 0 || dated.End.IsZero() || named.FQ == 0 {
					joinable = false
				}
			}
			if joinable && compatible(p.Period, m.Period) {
				p.Period = unionPeriod(p.Period, m.Period)
				p.End = m.End
				p.Fiscal = p.Fiscal || m.Fiscal
				p.YearOnly = p.YearOnly && m.YearOnly
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

func compatible(a, b Period) bool {
	if a.Months != 0 && b.Months != 0 && a.Months != b.Months {
		return false
	}
	if a.FQ != 0 && b.FQ != 0 && a.FQ != b.FQ {
		return false
	}
	if a.FY != 0 && b.FY != 0 && a.FY != b.FY {
		// "second quarter of fiscal 2004 ended June 26, 2004": same; "2004 2003": not
		return false
	}
	if !a.End.IsZero() && !b.End.IsZero() {
		return false
	}
	if a.Kind != Unknown && b.Kind != Unknown && a.Kind != b.Kind {
		return false
	}
	// a bare year next to a full period joins only when the other has no date
	return true
}

func unionPeriod(a, b Period) Period {
	if a.Kind == Unknown {
		a.Kind = b.Kind
	}
	if a.End.IsZero() {
		a.End = b.End
	}
	if a.Months == 0 {
		a.Months = b.Months
	}
	if a.Weeks == 0 {
		a.Weeks = b.Weeks
	}
	if a.FQ == 0 {
		a.FQ = b.FQ
	}
	if a.FY == 0 {
		a.FY = b.FY
	}
	return a
}

// durationBefore finds a duration phrase at the end of s ("for the six
// months", "13 weeks", "year", "quarter") and returns its months, weeks
// (when counted in weeks) and start offset.
func durationBefore(s string) (months, weeks, start int) {
	// the scanner finds what reDurWord.FindAllStringSubmatchIndex finds,
	// trying the regexp only where a duration word starts
	locs := newPrefilter(s).from(scanDurWord)
	if len(locs) == 0 {
		return 0, 0, 0
	}
	g := locs[len(locs)-1]
	// "39-week fiscal period", "13-week fiscal quarter" end with a noun
	if tail := strings.TrimSpace(s[g[1]:]); tail != "" && !reDurTail.MatchString(tail) {
		return 0, 0, 0
	}
	w := s[g[2]:g[3]]
	wk := weeksIn(w)
	mo := vocab.Default().DurationMonths(w)
	if mo == 0 && wk > 0 {
		mo = weeksToMonths(wk)
	}
	if mo == 0 {
		l := strings.ToLower(w)
		switch {
		case strings.HasPrefix(l, "quarter"):
			mo = 3
		case strings.Contains(l, "year"), l == "annual":
			mo = 12
		}
	}
	return mo, wk, g[0]
}

var reDurTail = lazy.NewRegexp(`(?i)^(?:fiscal\s+)?(?:periods?|quarters?|years?|reporting\s+periods?)$`)

var wordNum = map[string]int{"twelve": 12, "thirteen": 13, "fourteen": 14, "sixteen": 16, "twenty four": 24, "twenty six": 26, "twenty seven": 27,
	"twenty eight": 28, "thirty six": 36, "thirty nine": 39, "forty": 40, "fifty two": 52, "fifty three": 53}

// weeksIn returns the week count of "13 weeks", "thirty-nine weeks", or 0.
func weeksIn(s string) int {
	l := strings.ToLower(strings.ReplaceAll(s, "-", " "))
	i := strings.Index(l, "week")
	if i < 0 {
		return 0
	}
	n := strings.TrimSpace(l[:i])
	n = strings.Join(strings.Fields(n), " ")
	if k, err := strconv.Atoi(n); err == nil {
		return k
	}
	return wordNum[n]
}

// weeksToMonths maps a retail week count to calendar months (13 → 3, 26 → 6).
func weeksToMonths(w int) int {
	switch {
	case w >= 11 && w <= 17:
		return 3
	case w >= 23 && w <= 30:
		return 6
	case w >= 35 && w <= 43:
		return 9
	case w >= 48 && w <= 54:
		return 12
	}
	return 0
}

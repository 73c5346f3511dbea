package extract

import (
	"strings"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/period"
)

// Calendar is the release's fiscal calendar, learned from a sentence that
// ties a quarter to its end date ("the three months ended May 29, 2004, or
// its second quarter of fiscal 2004"). Without one, fiscal years are
// calendar years.
type Calendar struct {
	Known bool        `json:"known"`
	End   period.Date `json:"end,omitzero"` // end of the anchor quarter
	FQ    int         `json:"fq,omitempty"`
	FY    int         `json:"fy,omitempty"`
}

// Label returns the fiscal quarter and year a period ending at end falls in.
func (c Calendar) Label(end period.Date) (fq, fy int) {
	if end.Y == 0 {
		return 0, 0
	}
	if end.M == 0 {
		return 0, end.Y
	}
	if !c.Known {
		return (end.M-1)/3 + 1, end.Y
	}
	dm := monthsBetween(c.End, end)
	k := roundDiv(dm, 3)
	q := c.FQ - 1 + k
	fy = c.FY + floorDiv(q, 4)
	fq = mod(q, 4) + 1
	return fq, fy
}

// QuarterEnd returns the month in which fiscal quarter fq of fiscal year fy
// ends (the day is left 0 unless it is the anchor quarter).
func (c Calendar) QuarterEnd(fq, fy int) period.Date {
	if fq == 0 || fy == 0 {
		return period.Date{}
	}
	if !c.Known {
		return period.Date{Y: fy, M: fq * 3}
	}
	k := (fy-c.FY)*4 + (fq - c.FQ)
	if k == 0 {
		return c.End
	}
	m := c.End.Y*12 + (c.End.M - 1) + 3*k
	return period.Date{Y: floorDiv(m, 12), M: mod(m, 12) + 1}
}

// monthsBetween counts months from a to b, rounding a date in the first
// days of a month back to the month before (52/53-week calendars end
// "January 3" for a December year).
func monthsBetween(a, b period.Date) int {
	am := a.Y*12 + a.M - 1
	bm := b.Y*12 + b.M - 1
	if a.D > 0 && a.D <= 7 {
		am--
	}
	if b.D > 0 && b.D <= 7 {
		bm--
	}
	return bm - am
}

func roundDiv(a, b int) int {
	if a >= 0 {
		return (a + b/2) / b
	}
	return -((-a + b/2) / b)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func mod(a, b int) int {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

var reOrGap = lazy.NewRegexp(`^[\s,]*or\b`)

// learnCalendar looks for a sentence that names a fiscal quarter and the
// date it ended.
func learnCalendar(texts []string) Calendar {
	type vote struct {
		c Calendar
		n int
	}
	var votes []vote
	w := 1
	add := func(c Calendar) {
		for i := range votes {
			if votes[i].c == c {
				votes[i].n += w
				return
			}
		}
		votes = append(votes, vote{c, w})
	}
	// the fiscal year the release names most ("Fourth Quarter and Fiscal 2026")
	// (each text is scanned once: one long paragraph holds hundreds of
	// thousands of period phrases, and the memo hands out a copy)
	scans := make([][]period.Mention, len(texts))
	fiscal := map[int]int{}
	for ti, t := range texts {
		scans[ti] = period.ScanPeriods(t)
		for _, m := range scans[ti] {
			if m.Fiscal && m.Period.FY > 0 && m.Period.FQ == 0 {
				fiscal[m.Period.FY]++
			}
		}
	}
	for ti, t := range texts {
		w = 1
		if ti < 8 {
			w = 3 // the lead states the release's own quarter
		}
		ms := scans[ti]
		for i, m := range ms {
			p := m.Period
			if p.FQ > 0 && p.FY > 0 && p.End.M > 0 && p.Months == 3 {
				add(Calendar{Known: true, End: p.End, FQ: p.FQ, FY: p.FY})
				continue
			}
			if p.FQ > 0 && p.FY == 0 && p.End.M > 0 && p.End.D > 0 && p.Months == 3 {
				// "the fourth quarter ended January 25, 2026": its year is the fiscal
				// year the release names near that date, else the date's
				fy := p.End.Y
				switch {
				case p.End.M <= 2:
					// a year ending in January or February may be named for the year before
					if fiscal[p.End.Y-1] > fiscal[p.End.Y] {
						fy = p.End.Y - 1
					}
				case fiscal[p.End.Y] == 0 && fiscal[p.End.Y+1] > 0:
					fy = p.End.Y + 1 // named for the year it ends in
				}
				add(Calendar{Known: true, End: p.End, FQ: p.FQ, FY: fy})
				continue
			}
			// "three months ended May 29, 2004, or its second quarter of fiscal 2004"
			if i+1 < len(ms) {
				n := ms[i+1]
				gap := strings.ToLower(t[m.End:n.Start])
				if len(gap) > 40 || strings.ContainsAny(gap, ";.") && !strings.Contains(gap, "inc.") {
					continue
				}
				a, b := p, n.Period
				if a.End.M == 0 && b.End.M > 0 {
					a, b = b, a
				}
				// a dated quarter next to a named fiscal quarter
				if a.End.M > 0 && a.Kind != period.Instant && a.Months == 3 && b.FQ > 0 && b.FY > 0 && b.End.IsZero() && (b.Months == 3) {
					if reOrGap.MatchString(gap) || strings.Contains(gap, "(") || strings.Contains(gap, "ended") || strings.TrimSpace(gap) == "," || strings.TrimSpace(gap) == "" {
						add(Calendar{Known: true, End: a.End, FQ: b.FQ, FY: b.FY})
					}
				}
				// "fourth quarter and fiscal 2014 ended May 31, 2014"
				if p.FQ > 0 && p.FY == 0 && n.Period.FY > 0 && n.Period.End.M > 0 && strings.TrimSpace(gap) == "and" {
					add(Calendar{Known: true, End: n.Period.End, FQ: p.FQ, FY: n.Period.FY})
				}
			}
		}
	}
	best := Calendar{}
	bn := 0
	for _, v := range votes {
		if v.n > bn {
			best, bn = v.c, v.n
		}
	}
	return best
}

// fill completes a period with what the calendar knows: the fiscal quarter
// and year of a dated period, or the end date of a named fiscal quarter.
func (c Calendar) fill(p *period.Period, current period.Period) {
	if p.Kind == period.Unknown && p.End.IsZero() && p.FY == 0 && p.FQ == 0 && p.Months == 0 {
		return
	}
	if !p.End.IsZero() && p.End.M > 0 {
		fq, fy := c.Label(p.End)
		if p.FQ == 0 && (p.Months == 3 || p.Kind == period.Instant || p.Months == 6 || p.Months == 9) {
			p.FQ = fq
		}
		if p.FY == 0 || p.Months == 12 && p.FY == p.End.Y && fy != 0 {
			if p.Months == 12 || p.Kind == period.Instant || p.Months == 3 || p.Months == 6 || p.Months == 9 {
				p.FY = fy
			} else {
				p.FY = fy
			}
		}
		if p.Months == 12 {
			p.FQ = 0
		}
		return
	}
	if p.End.Y > 0 && p.End.M == 0 {
		// a year column
		if p.FY == 0 {
			p.FY = p.End.Y
		}
		if e := c.yearEnd(p.FY); !e.IsZero() && p.Kind == period.Instant || p.Months == 12 {
			if e := c.yearEnd(p.FY); !e.IsZero() {
				p.End = e
			}
		}
		return
	}
	// a named quarter or year with no date
	if p.FQ > 0 && p.FY == 0 {
		p.FY = current.FY
	}
	if p.Months > 0 && p.FQ == 0 && p.FY == 0 && p.End.IsZero() && !current.End.IsZero() {
		// "for the full year", "the nine months": the period ending at the release's date
		p.End = current.End
		fq, fy := c.Label(current.End)
		p.FY = fy
		if p.Months < 12 {
			p.FQ = fq
		}
		if p.Kind == period.Unknown {
			p.Kind = period.Duration
		}
		return
	}
	if p.FQ == 0 && p.FY > 0 && p.Months == 0 && p.Kind == period.Unknown {
		// "in 2004", "fiscal 2014": the year
		p.Months = 12
		p.Kind = period.Duration
	}
	if p.Kind == period.Unknown && (p.Months > 0 || p.FQ > 0) {
		p.Kind = period.Duration
	}
	if p.Months == 0 && p.FQ > 0 {
		p.Months = 3
	}
	switch {
	case p.FQ > 0:
		p.End = c.QuarterEnd(p.FQ, p.FY)
	case p.Months == 12 && p.FY > 0:
		p.End = c.yearEnd(p.FY)
	}
}

// yearEnd is the month fiscal year fy ends in, when the calendar is known.
func (c Calendar) yearEnd(fy int) period.Date {
	if !c.Known {
		return period.Date{Y: fy, M: 12}
	}
	return c.QuarterEnd(4, fy)
}

// calendarFromNarrative ties the release's latest quarter (ending at end) to
// the fiscal quarter its opening paragraphs name most often ("second
// quarter 2004 results"), when no sentence gives both at once.
func calendarFromNarrative(texts []string, end period.Date) (Calendar, bool) {
	count := map[[2]int]int{}
	for i, t := range texts {
		if i > 40 {
			break
		}
		for _, m := range period.ScanPeriods(t) {
			p := m.Period
			if p.FQ > 0 && p.Months == 3 {
				w := 1
				if i < 12 {
					w = 2
				}
				count[[2]int{p.FQ, p.FY}] += w
			}
		}
	}
	// the quarter named most; its year is the latest named with it (the
	// release's own quarter is its latest)
	byQ := map[int]int{}
	for k, n := range count {
		byQ[k[0]] += n
	}
	fq, bn := 0, 0
	for q, n := range byQ {
		if n > bn || n == bn && q > fq {
			fq, bn = q, n
		}
	}
	if bn == 0 {
		return Calendar{}, false
	}
	// a quarter ending at (or within a week of) a calendar quarter's end is
	// that calendar quarter when the text names it at all: releases compare
	// with the previous quarter often enough to outnumber their own
	if cq := nearCalendarQuarter(end); cq > 0 && byQ[cq] > 0 {
		fq = cq
	}
	// its year: the date's year if the text names the quarter with it, else
	// the next (fiscal years named for the year they end in), else the
	// date's; the year before is not taken, because the prior year's quarter
	// is named in comparisons ("compared with the fourth quarter of 2003")
	fy := 0
	for _, y := range []int{end.Y, end.Y + 1} {
		if count[[2]int{fq, y}] > 0 {
			fy = y
			break
		}
	}
	if fy == 0 {
		fy = end.Y
	}
	best := [2]int{fq, fy}
	// a fiscal year named for the year it starts in is at most one year off the date
	if fy < end.Y-1 || fy > end.Y+1 {
		return Calendar{}, false
	}
	return Calendar{Known: true, End: end, FQ: best[0], FY: fy}, true
}

// nearCalendarQuarter returns the calendar quarter whose last day is within
// a week of d (July 3 → 2), or 0.
func nearCalendarQuarter(d period.Date) int {
	if d.M == 0 {
		return 0
	}
	day := d.D
	if day == 0 {
		day = 28
	}
	for q := 1; q <= 4; q++ {
		qm := q * 3
		last := period.Date{Y: d.Y, M: qm, D: 30}
		if qm == 3 || qm == 12 {
			last.D = 31
		}
		diff := period.Date{Y: d.Y, M: d.M, D: day}.Days() - last.Days()
		if diff >= -7 && diff <= 7 {
			return q
		}
	}
	return 0
}

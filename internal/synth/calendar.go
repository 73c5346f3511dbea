package synth

import "time"

// calendar is a company's fiscal calendar. Fiscal quarters are numbered
// by an absolute index t = fiscal year × 4 + (fiscal quarter − 1), so that
// t−4 is the same quarter a year before and t−1 the quarter before.
type calendar struct {
	yearEnd time.Month // the month the fiscal year ends in
	// saturday: quarters end on the last Saturday of their month (a
	// 52/53-week year), not on its last day.
	saturday bool
	// namedByStart: fiscal year N ends early in year N+1, as retailers
	// whose year ends in January or February name it.
	namedByStart bool
}

// calendars are the fiscal calendars companies get, as an ordered table
// of weights (out of 100): most years end in December, many in June,
// September or March, retailers' in January or February.
var calendars = []struct {
	weight int
	cal    calendar
}{
	{46, calendar{yearEnd: time.December}},
	{8, calendar{yearEnd: time.December, saturday: true}},
	{10, calendar{yearEnd: time.June}},
	{9, calendar{yearEnd: time.September}},
	{4, calendar{yearEnd: time.September, saturday: true}},
	{9, calendar{yearEnd: time.March}},
	{7, calendar{yearEnd: time.January, saturday: true, namedByStart: true}},
	{4, calendar{yearEnd: time.February, saturday: true, namedByStart: true}},
	{3, calendar{yearEnd: time.November, saturday: true}}, // like the seed's
}

// pickCalendar returns the calendar for a draw in [0, 100).
func pickCalendar(draw int) calendar {
	for _, c := range calendars {
		if draw < c.weight {
			return c.cal
		}
		draw -= c.weight
	}
	return calendars[0].cal
}

// quarter splits an absolute quarter index into fiscal year and quarter.
func quarter(t int) (fy, fq int) { return t / 4, t%4 + 1 }

// end returns the last day of fiscal quarter t.
func (c calendar) end(t int) time.Time {
	fy, fq := quarter(t)
	y := fy
	if c.namedByStart {
		y++
	}
	m := y*12 + int(c.yearEnd) - 1 - 3*(4-fq) // months since year 0
	return c.lastDay(m/12, time.Month(m%12+1))
}

// lastDay returns the day month m of year y ends on in this calendar.
func (c calendar) lastDay(y int, m time.Month) time.Time {
	d := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	for c.saturday && d.Weekday() != time.Saturday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}

// fiscalYear returns the fiscal year month m of year y falls in (by month:
// the days of a quarter-end month after its last Saturday are ignored).
func (c calendar) fiscalYear(y int, m time.Month) int {
	if m > c.yearEnd {
		y++
	}
	if c.namedByStart {
		y--
	}
	return y
}

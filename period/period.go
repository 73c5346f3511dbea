// Package period holds the time a figure refers to (Period, Date) and the
// reading of period phrases in text (ScanPeriods): "second quarter of
// fiscal 2004", "six months ended May 29, 2004", "FY2004", "as of
// December 31, 2004". Releases and questions are read with the same
// scanner, so both extract and nlq import it; it imports neither.
package period

import "fmt"

// Date is a calendar date; Month or Day may be 0 when the source does not
// give them ("12 Months Ended December 2004", a year column "2019").
type Date struct {
	Y int `json:"y"`
	M int `json:"m,omitempty"`
	D int `json:"d,omitempty"`
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Y == 0 }

// String prints the date as 2004-05-29, 2004-12 or 2004.
func (d Date) String() string {
	switch {
	case d.Y == 0:
		return ""
	case d.M == 0:
		return fmt.Sprintf("%04d", d.Y)
	case d.D == 0:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// Long prints the date the way releases do: "May 29, 2004".
func (d Date) Long() string {
	switch {
	case d.Y == 0:
		return ""
	case d.M == 0:
		return fmt.Sprint(d.Y)
	case d.D == 0:
		return fmt.Sprintf("%s %d", monthNames[d.M-1], d.Y)
	}
	return fmt.Sprintf("%s %d, %d", monthNames[d.M-1], d.D, d.Y)
}

// Days is an approximate day number used to compare dates; missing parts
// count as the end of the month or year.
func (d Date) Days() int {
	m, dd := d.M, d.D
	if m == 0 {
		m = 12
	}
	if dd == 0 {
		dd = 30
	}
	return d.Y*372 + (m-1)*31 + dd
}

// Near reports whether two dates name the same period end: equal where
// both are known, and within a week when the days differ (fiscal calendars
// that end on a weekday).
func (d Date) Near(o Date) bool {
	if d.Y == 0 || o.Y == 0 {
		return false
	}
	if d.M == 0 || o.M == 0 {
		return d.Y == o.Y
	}
	if d.D == 0 || o.D == 0 {
		return d.Y == o.Y && d.M == o.M
	}
	diff := d.Days() - o.Days()
	return diff >= -7 && diff <= 7
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// PeriodKind tells durations from instants.
type PeriodKind string

// Period kinds.
const (
	Duration PeriodKind = "duration" // a flow over months/weeks ending at End
	Instant  PeriodKind = "instant"  // a balance at End
	Unknown  PeriodKind = ""
)

// Period is the time a figure refers to.
type Period struct {
	Kind   PeriodKind `json:"kind,omitempty"`
	End    Date       `json:"end,omitzero"`
	Months int        `json:"months,omitempty"` // length of a duration: 3, 6, 9, 12
	Weeks  int        `json:"weeks,omitempty"`  // as printed, when the release counts weeks
	FQ     int        `json:"fq,omitempty"`     // fiscal quarter 1–4 for a 3-month duration, or the quarter a year-to-date period ends in
	FY     int        `json:"fy,omitempty"`     // fiscal year
	Label  string     `json:"label,omitempty"`  // as printed
	// Year marks a column headed by a year alone ("2019"): whether it is a
	// year's flow or its closing balance is the row's business.
	Year bool `json:"year,omitempty"`
}

// IsZero reports whether nothing is known about the period.
func (p Period) IsZero() bool { return p.End.IsZero() && p.FY == 0 && p.Kind == Unknown }

// String describes the period for people: "three months ended May 29, 2004
// (Q2 FY2004)", "as of November 29, 2003".
func (p Period) String() string {
	var s string
	switch p.Kind {
	case Instant:
		s = "as of " + p.End.Long()
	case Duration:
		n := monthWords[p.Months]
		if p.Weeks > 0 {
			n = fmt.Sprintf("%d weeks", p.Weeks)
		} else if n == "" {
			n = fmt.Sprintf("%d months", p.Months)
		}
		if p.End.IsZero() {
			s = n
		} else {
			s = n + " ended " + p.End.Long()
		}
	default:
		s = p.End.Long()
	}
	if tag := p.Tag(); tag != "" {
		if s == "" {
			return tag
		}
		s += " (" + tag + ")"
	}
	return s
}

// Tag is the short fiscal name of the period: "Q2 FY2004", "H1 FY2004",
// "9M FY2004", "FY2004", or "" when unknown.
func (p Period) Tag() string {
	if p.FY == 0 || p.Kind == Instant {
		return ""
	}
	switch p.Months {
	case 3:
		if p.FQ > 0 {
			return fmt.Sprintf("Q%d FY%d", p.FQ, p.FY)
		}
	case 6:
		return fmt.Sprintf("H1 FY%d", p.FY)
	case 9:
		return fmt.Sprintf("9M FY%d", p.FY)
	case 12:
		return fmt.Sprintf("FY%d", p.FY)
	}
	return ""
}

var monthWords = map[int]string{3: "three months", 6: "six months", 9: "nine months", 12: "twelve months"}

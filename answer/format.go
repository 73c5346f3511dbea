package answer

import (
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/shopspring/decimal"
)

// formatValue prints a value for people: "$4,394,000", "-$0.23 per share",
// "11%", "28,928,000 shares", "31".
func formatValue(d decimal.Decimal, unit string) string {
	return formatFixed(d, unit, -1)
}

// formatFixed is formatValue with a fixed number of decimal places (-1 for as is).
func formatFixed(d decimal.Decimal, unit string, places int32) string {
	neg := d.IsNegative()
	a := d.Abs()
	var s string
	if places >= 0 {
		s = a.StringFixed(places)
	} else {
		s = a.String()
	}
	if unit != extract.Year {
		s = commas(s) // a year is "2027", not "2,027"
	}
	sign := ""
	if neg {
		sign = "-"
	}
	switch unit {
	case extract.USD:
		return sign + "$" + s
	case extract.PerShare:
		if places < 0 && !strings.Contains(s, ".") {
			s += ".00"
		} else if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i == 2 {
			s += "0"
		}
		return sign + "$" + s + " per share"
	case extract.Percent:
		return sign + s + "%"
	case extract.Shares:
		return sign + s + " shares"
	}
	return sign + s
}

// commas puts thousands separators into a plain decimal string.
func commas(s string) string {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + frac
}

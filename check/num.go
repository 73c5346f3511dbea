package check

import (
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/shopspring/decimal"
)

var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	two     = decimal.NewFromInt(2)
	hundred = decimal.NewFromInt(100)
	half    = decimal.New(5, -1)
)

// precision is the unit of the last significant digit of v: 10^k for the
// largest k that divides v (1000 for 13,329,000; 0.01 for -0.23). It is
// zero for zero.
func precision(v decimal.Decimal) decimal.Decimal {
	if v.IsZero() {
		return zero
	}
	s := v.Abs().String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return decimal.New(1, -int32(len(s)-i-1))
	}
	k := 0
	for k < len(s)-1 && s[len(s)-1-k] == '0' {
		k++
	}
	return decimal.New(1, int32(k))
}

// decimals is the unit of the last digit of a figure printed as v, reading
// trailing zeros as printed digits (150 → 1, 3.5 → 0.1).
func decimals(v decimal.Decimal) decimal.Decimal {
	s := v.Abs().String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return decimal.New(1, -int32(len(s)-i-1))
	}
	return one
}

// span is a closed range of values: what a rounded figure may have been
// before rounding, or what a computation over rounded figures may give.
type span struct{ lo, hi decimal.Decimal }

// around is v ± h.
func around(v, h decimal.Decimal) span { return span{v.Sub(h), v.Add(h)} }

func (s span) neg() span { return span{s.hi.Neg(), s.lo.Neg()} }

func (s span) abs() span {
	switch {
	case s.lo.Sign() >= 0:
		return s
	case s.hi.Sign() <= 0:
		return s.neg()
	}
	return span{zero, decimal.Max(s.hi, s.lo.Neg())}
}

func (s span) overlaps(o span) bool { return s.lo.LessThanOrEqual(o.hi) && o.lo.LessThanOrEqual(s.hi) }

func (s span) mid() decimal.Decimal { return s.lo.Add(s.hi).Div(two) }

// straddlesZero reports whether the range reaches zero.
func (s span) straddlesZero() bool { return s.lo.Sign() <= 0 && s.hi.Sign() >= 0 }

// spanOf is the smallest span holding every value.
func spanOf(vs ...decimal.Decimal) span {
	s := span{vs[0], vs[0]}
	for _, v := range vs[1:] {
		s.lo = decimal.Min(s.lo, v)
		s.hi = decimal.Max(s.hi, v)
	}
	return s
}

// quotient is the range of a/b for a in x and b in y (y must not reach zero).
func quotient(x, y span) span {
	return spanOf(x.lo.Div(y.lo), x.lo.Div(y.hi), x.hi.Div(y.lo), x.hi.Div(y.hi))
}

// pctChange is the range of (c − p) / |p| × 100. ok is false when p may be
// zero.
func pctChange(c, p span) (span, bool) {
	if p.straddlesZero() {
		return span{}, false
	}
	var vs []decimal.Decimal
	for _, cv := range []decimal.Decimal{c.lo, c.hi} {
		for _, pv := range []decimal.Decimal{p.lo, p.hi} {
			vs = append(vs, cv.Sub(pv).Div(pv.Abs()).Mul(hundred))
		}
	}
	return spanOf(vs...), true
}

// commas puts thousands separators into a plain decimal string.
func commas(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
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
	return sign + b.String() + frac
}

// printed writes a table figure as the table prints it: scaled back and
// negative figures in parentheses ("(6,728)").
func printed(v decimal.Decimal, scale int32) string {
	return printedIn(v, scale, zero)
}

// printedIn is printed with as many decimals as the table's printed unit
// has ("8.0" in a table of millions with one decimal).
func printedIn(v decimal.Decimal, scale int32, unit decimal.Decimal) string {
	p := v.Shift(-scale)
	s := p.Abs().String()
	if !unit.IsZero() {
		if places := -unit.Shift(-scale).Exponent(); places > 0 {
			s = p.Abs().StringFixed(places)
		}
	}
	if p.IsNegative() {
		return "(" + commas(s) + ")"
	}
	return commas(s)
}

// formatValue writes a value for people: "$6,728,000", "-$0.23", "1,264.7%",
// "28,928,000 shares".
func formatValue(v decimal.Decimal, unit string) string {
	sign := ""
	if v.IsNegative() {
		sign = "-"
	}
	a := commas(v.Abs().String())
	switch unit {
	case extract.USD:
		return sign + "$" + a
	case extract.PerShare:
		if !strings.Contains(a, ".") {
			a += ".00"
		} else if i := strings.IndexByte(a, '.'); len(a)-i == 2 {
			a += "0"
		}
		return sign + "$" + a
	case extract.Percent:
		return sign + a + "%"
	case extract.Shares:
		return sign + a + " shares"
	}
	return sign + a
}

// roundLike rounds a computed value to one more digit than the figure it is
// compared with, for display.
func roundLike(v, unit decimal.Decimal) decimal.Decimal {
	places := -unit.Exponent() + 1
	if unit.GreaterThanOrEqual(one) {
		// 1, 10, 1000: one decimal for percents, none for amounts over 10
		if unit.GreaterThan(one) {
			places = 0
		}
	}
	if places < 0 {
		places = 0
	}
	return v.Round(places)
}

package answer

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// expr is the arithmetic of a computed answer as a small tree: one tree
// both evaluates (in decimal, never float64) and prints the formula the
// answer shows, so the two cannot disagree.
//
//	expr: figure | expr - expr | expr / expr | expr × 100 | sum | average
type expr interface {
	// value is the expression's value; a quotient is rounded to prec
	// decimal places (callers then round the result to the places asked).
	value(prec int32) decimal.Decimal
	// String is the formula as the answer prints it ("(19911 - 15916) / 15916 × 100").
	String() string
	// rank is how tightly the expression binds when printed inside another:
	// a sum or difference binds loosest, a figure tightest.
	rank() int
}

// Ranks of the expressions, loosest first.
const (
	rankAdd  = iota + 1 // sums and differences
	rankMul             // quotients, ×100, averages
	rankAtom            // figures
)

// figure is an operand: its value, and its text as the formula prints it
// (a fact's value, or a computed value rounded for showing).
type figure struct {
	text string
	val  decimal.Decimal
}

// fig is the operand of value d, printed as d prints.
func fig(d decimal.Decimal) figure { return figure{text: d.String(), val: d} }

// shownFig is the operand of value d printed rounded to places decimal
// places (the exact d is what is computed with).
func shownFig(d decimal.Decimal, places int32) figure {
	return figure{text: d.Round(places).String(), val: d}
}

// count is the operand n, a number of figures (the divisor of an average).
func count(n int) figure { return figure{text: fmt.Sprint(n), val: decimal.NewFromInt(int64(n))} }

func (f figure) value(int32) decimal.Decimal { return f.val }
func (f figure) String() string              { return f.text }
func (f figure) rank() int                   { return rankAtom }

// difference is a - b.
type difference struct{ a, b expr }

func (d difference) value(p int32) decimal.Decimal { return d.a.value(p).Sub(d.b.value(p)) }
func (d difference) String() string {
	return inner(d.a, rankAdd) + " - " + inner(d.b, rankAdd+1)
}
func (d difference) rank() int { return rankAdd }

// quotient is num / den, rounded to the precision asked. The caller makes
// sure den is not zero.
type quotient struct{ num, den expr }

func (q quotient) value(p int32) decimal.Decimal { return q.num.value(p).DivRound(q.den.value(p), p) }
func (q quotient) String() string {
	return inner(q.num, rankMul) + " / " + inner(q.den, rankMul+1)
}
func (q quotient) rank() int { return rankMul }

// percent is x × 100. Over a quotient it scales the dividend before
// dividing, so that the rounded quotient keeps prec places of the
// percentage ("(b - a) / a × 100" is (b - a)·100 / a).
type percent struct{ x expr }

func (c percent) value(p int32) decimal.Decimal {
	if q, ok := c.x.(quotient); ok {
		return q.num.value(p).Mul(hundred).DivRound(q.den.value(p), p)
	}
	return c.x.value(p).Mul(hundred)
}
func (c percent) String() string { return inner(c.x, rankMul) + " × 100" }
func (c percent) rank() int      { return rankMul }

// sum is xs[0] + xs[1] + ….
type sum []expr

func (s sum) value(p int32) decimal.Decimal {
	t := decimal.Zero
	for _, x := range s {
		t = t.Add(x.value(p))
	}
	return t
}
func (s sum) String() string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = inner(x, rankAdd)
	}
	return strings.Join(parts, " + ")
}
func (s sum) rank() int { return rankAdd }

// average is the mean of xs, printed as "(a + b + c) / 3".
type average []expr

func (m average) value(p int32) decimal.Decimal {
	return sum(m).value(p).DivRound(decimal.NewFromInt(int64(len(m))), p)
}
func (m average) String() string { return quotient{sum(m), count(len(m))}.String() }
func (m average) rank() int      { return rankMul }

// inner prints x as an operand of an expression that needs at least rank
// r: in parentheses when x binds more loosely.
func inner(x expr, r int) string {
	if x.rank() < r {
		return "(" + x.String() + ")"
	}
	return x.String()
}

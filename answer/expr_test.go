package answer

import (
	"testing"

	"github.com/shopspring/decimal"
)

// dec is the decimal s, for test tables.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// figures are the operands of values, in order.
func figures(vals ...decimal.Decimal) []expr {
	xs := make([]expr, len(vals))
	for i, v := range vals {
		xs[i] = fig(v)
	}
	return xs
}

type exprTest struct {
	name    string
	x       expr
	prec    int32  // the precision quotients are rounded to
	formula string // as printed
	value   string // the value, as decimal.Decimal.String prints it
}

var exprTests = []exprTest{
	{"figure", fig(dec("30023000")), 8, "30023000", "30023000"},
	{"figure trailing zeros", fig(dec("63.60")), 8, "63.6", "63.6"},
	{"difference", difference{fig(dec("30023000")), fig(dec("12013000"))}, 8, "30023000 - 12013000", "18010000"},
	{"difference of negatives", difference{fig(dec("-19911")), fig(dec("-15916"))}, 8, "-19911 - -15916", "-3995"},
	{"difference of differences", difference{fig(dec("10")), difference{fig(dec("4")), fig(dec("1"))}}, 8, "10 - (4 - 1)", "7"},
	{"ratio", quotient{fig(dec("44.1")), fig(dec("56.7"))}, 10, "44.1 / 56.7", "0.7777777778"},
	{"margin", percent{quotient{fig(dec("1200")), fig(dec("30023000"))}}, 10, "1200 / 30023000 × 100", "0.0039969357"},
	{"ratio of a difference", quotient{difference{fig(dec("500")), fig(dec("200"))}, fig(dec("150"))}, 10, "(500 - 200) / 150", "2"},
	{"percentage change", percent{quotient{difference{fig(dec("30023000")), fig(dec("12013000"))}, fig(dec("12013000"))}}, 10,
		"(30023000 - 12013000) / 12013000 × 100", "149.9209190044"},
	{"percentage change of losses", percent{quotient{difference{fig(dec("-19911")), fig(dec("-15916"))}, fig(dec("-15916"))}}, 10,
		"(-19911 - -15916) / -15916 × 100", "25.1005277708"},
	{"percentage change across a change of sign", percent{quotient{difference{fig(dec("500")), fig(dec("-250"))}, fig(dec("250"))}}, 10,
		"(500 - -250) / 250 × 100", "300"},
	{"percent of a figure", percent{fig(dec("0.25"))}, 8, "0.25 × 100", "25"},
	{"sum", sum(figures(dec("1.5"), dec("-2"), dec("3"))), 8, "1.5 + -2 + 3", "2.5"},
	{"average", average(figures(dec("10"), dec("20"), dec("40"))), 10, "(10 + 20 + 40) / 3", "23.3333333333"},
	{"average of two", average(figures(dec("-3"), dec("4"))), 10, "(-3 + 4) / 2", "0.5"},
	{"rounded operands", difference{shownFig(dec("1.23456789"), 4), shownFig(dec("1.2"), 4)}, 8, "1.2346 - 1.2", "0.03456789"},
	{"count", quotient{fig(dec("7")), count(2)}, 10, "7 / 2", "3.5"},

	// fixed bugs
	// a quotient rounds half away from zero, whatever the sign: the
	// percentage of a decrease is the same size as of the increase
	{"rounding half of a negative quotient", quotient{fig(dec("-1")), fig(dec("8"))}, 2, "-1 / 8", "-0.13"},
	// ×100 over a quotient scales the dividend first: 1/3 rounded to 2
	// places ×100 would be 33, not 33.33
	{"percent keeps the quotient's places", percent{quotient{fig(dec("1")), fig(dec("3"))}}, 2, "1 / 3 × 100", "33.33"},
	// a rounded operand prints rounded but computes exactly
	{"shown operand computes unrounded", percent{quotient{difference{shownFig(dec("0.456"), 2), shownFig(dec("0.123"), 2)}, shownFig(dec("0.123"), 2)}}, 4,
		"(0.46 - 0.12) / 0.12 × 100", "270.7317"},
}

func TestExpr(t *testing.T) {
	for _, tt := range exprTests {
		if got := tt.x.String(); got != tt.formula {
			t.Errorf("%s: formula %q, want %q", tt.name, got, tt.formula)
		}
		if got := tt.x.value(tt.prec).String(); got != tt.value {
			t.Errorf("%s: value %s, want %s", tt.name, got, tt.value)
		}
	}
}

// TestShownPlaces checks the places statedAgrees compares a stated figure
// at: as the figure prints, trailing zeros left out.
func TestShownPlaces(t *testing.T) {
	for _, tt := range []struct {
		d    decimal.Decimal
		want int32
	}{
		{dec("63.60"), 1},
		{dec("150"), 0},
		{decimal.New(15, 2), 0},
		{dec("0"), 0},
		{dec("-0.25"), 2},
		{dec("12.000"), 0},
	} {
		if got := shownPlaces(tt.d); got != tt.want {
			t.Errorf("shownPlaces(%s) = %d, want %d", tt.d, got, tt.want)
		}
	}
}

package nlq

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		q       string
		intent  Intent
		metric  string // vocabulary key, "" for none
		derived string
		op      string
		periods string // summary of period specs
		basis   string
		unit    string
		terms   string
	}{
		{q: "Joe's net sales Q2 2004", intent: Lookup, metric: "revenue", periods: "Q2 FY2004", terms: "Joe's"},
		{q: "revenue 2Q04", intent: Lookup, metric: "revenue", periods: "Q2 FY2004"},
		{q: "top line for the six months ended May 29, 2004", intent: Lookup, metric: "revenue", periods: "six months ended May 29, 2004"},
		{q: "diluted EPS Q2 2004", intent: Lookup, metric: "eps", basis: "diluted", periods: "Q2 FY2004"},
		{q: "What was the loss from operations in Q2 2004?", intent: Lookup, metric: "operating_income", periods: "Q2 FY2004"},
		{q: "COGS for the first half", intent: Lookup, metric: "cost_of_sales", periods: "six months"},
		{q: "net loss prior year quarter", intent: Lookup, metric: "net_income", periods: "rel:prior_year"},
		{q: "sales for the quarter", intent: Lookup, metric: "revenue", periods: "rel:current"},
		{q: "SG&A expenses Q2 2004", intent: Lookup, metric: "sga", periods: "Q2 FY2004"},
		{q: "cash at fiscal year end 2003", intent: Lookup, metric: "cash", periods: "FY2003"},
		{q: "What was the change in net sales from Q2 2003 to Q2 2004?", intent: Compute, metric: "revenue", op: "change", periods: "Q2 FY2003,Q2 FY2004"},
		{q: "percentage change in SG&A in Q2 2004 versus Q2 2003, to two decimal places", intent: Compute, metric: "sga", op: "pct_change", periods: "Q2 FY2004,Q2 FY2003"},
		{q: "operating margin Q2 2004", intent: Compute, derived: "operating margin", periods: "Q2 FY2004", unit: "percent"},
		{q: "current ratio as of May 29, 2004", intent: Compute, derived: "current ratio", periods: "as of May 29, 2004"},
		{q: "Why did gross margin decline?", intent: Passage, derived: "gross margin", op: "change"},
		{q: "Who is the CEO of Innovo Group?", intent: Passage},
		{q: "How many employees were hired for the Blue Concept Division acquisition?", intent: Lookup, unit: "count"},
		{q: "What did the termination of the Fetish licensing agreement cost?", intent: Lookup},
		{q: "What revenue does the company expect for fiscal 2005?", intent: Lookup, metric: "revenue", periods: "FY2005"},
		{q: "How much were the additional charges against the remaining Fetish inventory?", intent: Lookup, metric: ""},
		{q: "What is the amount of deposits held as collateral at 31 December 2019?", intent: Lookup},
		{q: "What was the Deferred compensation plan assets in 2018?", intent: Lookup, metric: "total_assets", periods: "FY2018"},
		{q: "How does the company estimate the fair value of their stock options?", intent: Passage},
		{q: "What did the company complete in the second quarter of fiscal 2019?", intent: Passage},
		{q: "What do the additions in the year and prior year relate to?", intent: Passage},
		{q: "What is the 2019 carrying amount of interest rate swaps?", intent: Lookup, unit: ""},
		{q: "What was the effective tax rate in 2019?", intent: Compute, derived: "effective tax rate", unit: "percent"},
		// a name broken by an auxiliary or a share basis is still the name
		{q: "How much net cash was used for financing activities in 2018?", intent: Lookup, metric: "financing_cash_flow", periods: "FY2018"},
		{q: "What was the percentage change in the net income per diluted share between 2018 and 2019?", intent: Compute, metric: "eps", op: "pct_change", basis: "diluted", periods: "FY2018,FY2019"},
		// the figure named after "represented by"; a change in a share is a change
		{q: "What was the percentage of sales represented by gross profit in 2018?", intent: Lookup, metric: "gross_profit", unit: "percent", periods: "FY2018"},
		{q: "What was the change in percentage of sales represented by gross profit between 2018 and 2019?", intent: Compute, metric: "gross_profit", op: "change", unit: "percent"},
		// "weighted-average" names a figure; a rate changes in points
		{q: "What is the increase / (decrease) in the weighted-average common stock outstanding from 2018 to 2019?", intent: Compute, op: "change"},
		{q: "How much did the expected long term rate of return on plan assets decrease by from 2017 to 2019?", intent: Compute, op: "change", unit: "percent"},
		{q: "What is the total net operating loss carry-forwards in 2018 and 2019?", intent: Compute, metric: "nol_carryforwards", op: "sum"},
		{q: "", intent: Lookup},
	}
	for _, tt := range tests {
		q := Parse(tt.q)
		key := ""
		if q.Metric != nil {
			key = q.Metric.Key
		}
		der := ""
		if q.Derived != nil {
			der = q.Derived.Name
		}
		var ps []string
		for _, p := range q.Periods {
			switch {
			case p.Relative != "":
				ps = append(ps, "rel:"+p.Relative)
			case p.Period.Tag() != "":
				ps = append(ps, p.Period.Tag())
			case p.YearOnly:
				ps = append(ps, "FY"+itoa(p.FY))
			default:
				ps = append(ps, p.Period.String())
			}
		}
		if q.Intent != tt.intent || key != tt.metric || der != tt.derived || string(q.Op) != tt.op || tt.periods != "" && strings.Join(ps, ",") != tt.periods ||
			q.Basis != tt.basis || tt.unit != "" && q.Unit != tt.unit || tt.terms != "" && strings.Join(q.Terms, " ") != tt.terms {
			t.Errorf("Parse(%q) = intent %s metric %q derived %q op %q periods %q basis %q unit %q terms %q", tt.q, q.Intent, key, der, q.Op, strings.Join(ps, ","), q.Basis, q.Unit, q.Terms)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}

// TestUnitHeads: "rate" asks for a percentage where it ends its noun phrase.
func TestUnitHeads(t *testing.T) {
	if q := Parse("What is the 2019 carrying amount of interest rate swaps?"); q.Unit != "" {
		t.Errorf("interest rate swaps: unit %q, want none", q.Unit)
	}
	if q := Parse("What is the discount rate?"); q.Unit != "percent" {
		t.Errorf("the discount rate: unit %q, want percent", q.Unit)
	}
}

// TestOperands checks the two-part questions: sums and ratios of named
// figures, and sums over periods.
func TestOperands(t *testing.T) {
	tests := []struct {
		q, op, unit, operands string
	}{
		{q: "What is the sum of accrued expenses and other liabilities in 2019?", op: "sum", operands: "accrued expenses|other liabilities"},
		{q: "What is the ratio of total assets to total liabilities in 2019?", op: "ratio", operands: "total assets|total liabilities"},
		{q: "What was SG&A as a percentage of net sales in Q2 2004?", op: "ratio", unit: "percent", operands: "sg&a|net sales"},
		{q: "What were state tax credits as a ratio of federal tax credits?", op: "ratio", operands: "state tax credits|federal tax credits"},
		{q: "What is the percentage of audit fees in total fees in 2019?", op: "ratio", unit: "percent", operands: "audit fees|total fees"},
		{q: "What is the share of Europe out of the total net sales?", op: "ratio", operands: "europe|total net sales"},
		{q: "What percentage of the total amortized cost is made up of foreign government obligations in 2018?", op: "ratio", unit: "percent", operands: "foreign government obligations|total amortized cost"},
		{q: "What is the total cost of revenue in both 2019 and 2018?", op: "sum"},
		{q: "What is the percentage change in total revenue from 2018 to 2019?", op: "pct_change"},
		{q: "What were total assets in 2019?", op: ""},
	}
	if q := Parse("What is the total cash provided by financing activities between 2017 to 2019?"); q.Op != "sum" || len(q.Periods) != 3 || q.Periods[1].FY != 2018 {
		t.Errorf("a sum over 2017 to 2019 = op %q, %d periods; want sum over three years", q.Op, len(q.Periods))
	}
	if q := Parse("What is the change in revenues between the second and first quarter in the fiscal year 2019?"); len(q.Periods) != 2 || q.Periods[0].FQ != 2 || q.Periods[0].FY != 2019 || q.Periods[1].FQ != 1 {
		t.Errorf("the second and first quarter of 2019 = %+v; want Q2 and Q1 of FY2019", q.Periods)
	}
	if q := Parse("By how much did Q4 net income change from Q4 2003?"); len(q.Periods) != 2 || q.Periods[0].FY != 0 {
		t.Errorf("Q4 … from Q4 2003 = %+v; want the first Q4 left to the release's year", q.Periods)
	}
	if q := Parse("What was the change in revenue from 2017 to 2019?"); len(q.Periods) != 2 {
		t.Errorf("a change from 2017 to 2019 has %d periods; want its two ends", len(q.Periods))
	}
	for _, tt := range tests {
		q := Parse(tt.q)
		if string(q.Op) != tt.op || q.Unit != tt.unit && tt.unit != "" || strings.Join(q.Operands, "|") != tt.operands {
			t.Errorf("Parse(%q) = op %q unit %q operands %q; want %q %q %q", tt.q, q.Op, q.Unit, strings.Join(q.Operands, "|"), tt.op, tt.unit, tt.operands)
		}
	}
}

// TestComparison checks comparisons: which way, and a bound in base units.
func TestComparison(t *testing.T) {
	tests := []struct {
		q     string
		low   bool
		bound string // "" for none
		terms string
	}{
		{q: "In which year were Additions larger?", terms: "Additions"},
		{q: "In which year was the amount for Sensors the largest?", terms: "Sensors"},
		{q: "Which year had lower net sales?", low: true},
		{q: "In which year was Maintenance less than15,000 thousands?", low: true, bound: "15000000", terms: "Maintenance"},
		{q: "In which year was the external valuation % for leasehold less than 50%?", low: true, bound: "50"},
		{q: "In which year was Other income (expense), net negative?", low: true, bound: "0"},
	}
	for _, tt := range tests {
		q := Parse(tt.q)
		bound := ""
		if q.HasBound {
			bound = q.Bound.String()
		}
		if q.Op != "compare" || q.Low != tt.low || bound != tt.bound || tt.terms != "" && strings.Join(q.Terms, " ") != tt.terms {
			t.Errorf("Parse(%q) = op %q low %v bound %q terms %q; want compare %v %q %q", tt.q, q.Op, q.Low, bound, q.Terms, tt.low, tt.bound, tt.terms)
		}
	}
}

// TestParseKnowing: a metric word inside a release's entity name is part of
// the name.
func TestParseKnowing(t *testing.T) {
	q := ParseKnowing("Asset Management Group earnings 4Q20", []string{"Asset Management Group", "Retail Banking"})
	if q.Metric == nil || q.Metric.Key != "net_income" {
		t.Errorf("metric = %v; want net_income (Asset is part of a name)", q.Metric)
	}
	if q := Parse("Asset Management Group earnings 4Q20"); q.Metric == nil {
		t.Errorf("without names the question still has a metric")
	}
}

// TestAsksChange checks which described figures ask for a change's amount.
func TestAsksChange(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"What was the increase in the write-down in 2018?", true},
		{"increase in legal and accounting fees", true},
		{"How much were the increased royalties, commissions and Blue Concept earnout?", false},
		{"What was the change in net sales from Q2 2003 to Q2 2004?", false}, // a metric's change: Op says so
	}
	for _, tt := range tests {
		if got := Parse(tt.q).AsksChange; got != tt.want {
			t.Errorf("Parse(%q).AsksChange = %v, want %v", tt.q, got, tt.want)
		}
	}
}

package nlq

import (
	"slices"
	"strings"
	"testing"
)

// TestShapes tests each production of the question grammar: whether it
// applies to a question, and what it makes of it.
func TestShapes(t *testing.T) {
	tests := []struct {
		shape    string
		q        string
		applies  bool
		op       string
		operands string // joined with " | "
		unit     string
	}{
		{shape: "sum of two", q: "What was the sum of Accrued expenses and Other long-term liabilities in 2019?", applies: true, op: "sum", operands: "accrued expenses | other long-term liabilities"},
		{shape: "sum of two", q: "What is the sum of consolidated net revenues and in-game net revenues in 2019?", applies: true, op: "sum", operands: "consolidated net revenues | in-game net revenues"},
		{shape: "sum of two", q: "What was the sum of net sales in Q2 2004?", applies: false},
		// another operation named first keeps it
		{shape: "sum of two", q: "What was the average of the sum of cash and debt in 2019?", applies: false, op: "average"},

		{shape: "ratio of two", q: "What is the ratio of IMFT's total assets to total liabilities in 2019?", applies: true, op: "ratio", operands: "imft's total assets | total liabilities"},
		{shape: "ratio of two", q: "What was the ratio of cost of goods sold to net sales in Q2 2004?", applies: true, op: "ratio", operands: "cost of goods sold | net sales"},
		{shape: "ratio of two", q: "What is the current ratio in 2019?", applies: false},

		{shape: "as a percentage of", q: "SG&A as a percent of net sales in the second quarter of fiscal 2004", applies: true, op: "ratio", operands: "sg&a | net sales", unit: "percent"},
		{shape: "as a percentage of", q: "What was the employee termination costs as a proportion of total costs in 2018?", applies: true, op: "ratio", operands: "employee termination costs | total costs", unit: "percent"},
		{shape: "as a percentage of", q: "What was debt as a ratio of equity in 2019?", applies: true, op: "ratio", operands: "debt | equity"},
		// a figure the vocabulary defines is computed as defined
		{shape: "as a percentage of", q: "What was gross margin as a percentage of net sales in 2019?", applies: false},

		{shape: "share of a total", q: "What is the percentage of capital leases in the total liabilities?", applies: true, op: "ratio", operands: "capital leases | total liabilities", unit: "percent"},
		{shape: "share of a total", q: "What is the percentage of Bell Wireless out of the Total BCE operating revenues in Q4 2019?", applies: true, op: "ratio", operands: "bell wireless | total bce operating revenues", unit: "percent"},
		{shape: "share of a total", q: "What is the percentage of revenue from services in 2019?", applies: false},

		{shape: "total made of", q: "What percentage of the total amortized cost is made up of foreign government obligations in 2018?", applies: true, op: "ratio", operands: "foreign government obligations | total amortized cost", unit: "percent"},
		{shape: "total made of", q: "What proportion of level 2 inputs is made up of money market funds?", applies: true, op: "ratio", operands: "money market funds | level 2 inputs", unit: "percent"},

		{shape: "change in percent", q: "Compute the exact percentage revenue growth from 2023 to 2024.", applies: true, op: "pct_change", unit: "percent"},
		{shape: "change in percent", q: "What is the change (%) for order intake between 2018 and 2019?", applies: true, op: "pct_change", unit: "percent"},
		{shape: "change in percent", q: "What was the change in net sales from 2018 to 2019?", applies: false, op: "change"},

		{shape: "sum over periods", q: "What is the total special termination benefits charge in 2018 and 2019?", applies: true, op: "sum"},
		{shape: "sum over periods", q: "What is the total number of nonvested shares as of December 31, 2019 and 2018?", applies: true, op: "sum", unit: "count"},
		{shape: "sum over periods", q: "What is the total special termination benefits charge in 2019?", applies: false},

		{shape: "described figure", q: "increase in legal and accounting fees", applies: true},
		{shape: "described figure", q: "How much were the increased royalties, commissions and Blue Concept earnout?", applies: true},
		{shape: "described figure", q: "What was the increase in net sales from Q2 2003 to Q2 2004?", applies: false, op: "change"},

		{shape: "comparison", q: "In which year was the amount of Investments higher?", applies: true, op: "compare"},
		{shape: "comparison", q: "In which year was net income less than 100.0 million?", applies: true, op: "compare"},

		{shape: "span of years", q: "How much was the average operating income from 2015 to 2019?", applies: true, op: "average"},
		{shape: "span of years", q: "What was the average Unvested RSUs between 2017-2019?", applies: true, op: "average"},
		{shape: "span of years", q: "What was the average operating income in 2018 and 2019?", applies: false, op: "average"},

		{shape: "average and change", q: "What is the change between 2018 and 2019 average free cash flow?", applies: true, op: "average"},
		{shape: "average and change", q: "What is the difference between average salaries and average incentive schemes?", applies: true, op: "average"},
		// the average names the row: a percentage change of it
		{shape: "average and change", q: "What was the percentage change in the Average invested capital between 2018 and 2019?", applies: false, op: "pct_change"},

		{shape: "highest row", q: "Which segment had the highest revenue in Q2 2004?", applies: true, op: "compare"},
		{shape: "highest row", q: "In which currency was the total amount of financial assets the smallest?", applies: true, op: "compare"},
		{shape: "highest row", q: "In which year was net income higher?", applies: false, op: "compare"},
		// "minimum" names a tax here, it ranks nothing
		{shape: "highest row", q: "What was the federal alternative minimum tax credit carryforwards?", applies: false},

		// fixed bugs
		// "the change in percentage of sales": a change in a share, in points
		{shape: "change in percent", q: "What was the change in percentage of sales represented by gross profit between 2018 and 2019?", applies: false, op: "change", unit: "percent"},
		// a rate changes in points, not in percent of itself
		{shape: "change in percent", q: "How much did the expected long term rate of return on plan assets decrease by from 2017 to 2019?", applies: false, op: "change", unit: "percent"},
		// "weighted-average" names a figure; it asks for no average
		{shape: "span of years", q: "What was the weighted-average shares outstanding from 2017 to 2019?", applies: false},
		{shape: "sum over periods", q: "What is the total net operating loss carry-forwards in 2018 and 2019?", applies: true, op: "sum"},
		// the "and" that ends a list ("land, property, and equipment") joins
		// no two operands
		{shape: "ratio of two", q: "What is the ratio of the gross cost of land, property, and equipment in fiscal 2019 to fiscal 2018?", applies: false, op: "ratio"},
		{shape: "ratio of two", q: "What is the proportion of IMFT's property, plant, and equipment over total assets in 2018?", applies: true, op: "ratio", operands: "imft's property, plant, and equipment | total assets"},
		// a "%" after the figure's name is its unit: a change in points
		{shape: "change in percent", q: "What was the change in the leasehold external valuation % from 2018 to 2019?", applies: false, op: "change", unit: "percent"},
		// after an operation or a number it asks for a percentage change
		{shape: "change in percent", q: "What is the change (%) for order intake between 2018 and 2019?", applies: true, op: "pct_change", unit: "percent"},
		{shape: "change in percent", q: "What was the % change in revenue from 2018 to 2019?", applies: false, op: "pct_change", unit: "percent"},
	}
	for _, tt := range tests {
		q := Parse(tt.q)
		if got := slices.Contains(q.Shapes, tt.shape); got != tt.applies {
			t.Errorf("%q: shape %q applies = %v, want %v (shapes %q)", tt.q, tt.shape, got, tt.applies, q.Shapes)
			continue
		}
		if tt.op != "" && string(q.Op) != tt.op || tt.applies && string(q.Op) != tt.op {
			t.Errorf("%q: op = %q, want %q", tt.q, q.Op, tt.op)
		}
		if got := strings.Join(q.Operands, " | "); tt.operands != "" && got != tt.operands {
			t.Errorf("%q: operands = %q, want %q", tt.q, got, tt.operands)
		}
		if tt.applies && q.Unit != tt.unit {
			t.Errorf("%q: unit = %q, want %q", tt.q, q.Unit, tt.unit)
		}
	}
}

// TestShapeGroups checks that at most one shape of a group applies.
func TestShapeGroups(t *testing.T) {
	q := Parse("What is the ratio of cost of revenue as a percentage of revenue to total sales in 2019?")
	n := 0
	for _, s := range shapes {
		if s.group == "ratio" && slices.Contains(q.Shapes, s.name) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("shapes of group ratio applied: %q, want exactly one", q.Shapes)
	}
}

// TestTokens checks the lexer's classes on a question of each kind of word.
func TestTokens(t *testing.T) {
	tests := []struct{ q, want string }{
		{"Joe's net sales Q2 2004", "word:Joe's metric:net metric:sales period:Q2 2004"},
		{"What was the percentage change in SG&A prior year quarter?", "question:What question:was question:the op:percentage op:change prep:in metric:SG&A relative:prior year quarter"},
		{"diluted EPS guidance for fiscal 2005", "metric:diluted metric:EPS future:guidance prep:for period:fiscal 2005"},
		// "in which year" is the cue of a comparison; a comma splits a figure
		{"In which year was revenue higher than 5,000?", "op:In op:which op:year question:was metric:revenue op:higher stop:than number:5 number:000"},
		{"basic earnings per share", "qualifier:basic metric:earnings metric:per metric:share"},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Parse(tt.q).Tokens {
			got = append(got, tok.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.q, g, tt.want)
		}
	}
}

package check

import (
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/shopspring/decimal"
)

// Footing: a total row equals the rows above it that it sums. The rows of a
// table are read in order onto a stack; a total that foots replaces the
// rows it sums, so a later total sums subtotals, not their parts (total
// assets sums total current assets and the rows after it).
//
// Which rows a total sums is found, not assumed: the rows of its section
// first (its "natural" block), else any run of rows right above it. Signs
// are found too, by trying each convention tables use: every row as printed
// (expenses printed in parentheses), the first row less the others (net
// sales less cost of goods sold), or expense rows subtracted. A total
// verified in every column that can be read agrees. A disagreement is
// reported only when the total clearly means to foot: the same rows and
// signs foot it in other columns of the same row.

// maxBlock is the most rows a total is taken to sum.
const maxBlock = 40

// convention is how the rows of a block combine into a total.
type convention int

const (
	asPrinted        convention = iota // every row added as printed
	firstLessRest                      // the first row less the others
	lessExpenses                       // expense rows subtracted as printed, others added
	lessExpenseSizes                   // expense rows subtracted by size, others added
)

var conventions = []convention{asPrinted, firstLessRest, lessExpenses, lessExpenseSizes}

func (c convention) String() string {
	switch c {
	case firstLessRest:
		return "the first row less the others"
	case lessExpenses:
		return "expense rows subtracted"
	case lessExpenseSizes:
		return "expense rows subtracted by size"
	}
	return "rows added as printed"
}

// item is a row on the footing stack; a verified total stands for the rows
// it sums.
type item struct {
	r *row
	// sec is the section the item belongs to: a section total belongs to
	// the section around its own.
	sec []string
	// boundary marks a verified top-level total (gross profit, total
	// assets): top-level totals after it sum from it or after it.
	boundary bool
}

// footing is a block of stack items tried as the parts of a total.
type footing struct {
	j       int
	conv    convention
	natural bool
	fits    []int
	fails   []int
	sums    map[int]decimal.Decimal
	tol     decimal.Decimal
	// convs holds the columns footed under another convention than conv.
	convs map[int]convention
}

// convention is the sign convention that foots column col.
func (ft *footing) convention(col int) convention {
	if c, ok := ft.convs[col]; ok {
		return c
	}
	return ft.conv
}

var (
	reTotal  = lazy.NewRegexp(`(?i)^(total|net)\b`)
	reResult = lazy.NewRegexp(`(?i)^(income|earnings|loss|profit|\(loss\))\b.*\b(before|from|after)\b`)
	reLess   = lazy.NewRegexp(`(?i)^less\b`)
	reExpWd  = lazy.NewRegexp(`(?i)\b(cost|costs|expense|expenses|charges|taxes|tax|provision|depreciation|amortization|impairments?|allowance)\b`)
	reIncWd  = lazy.NewRegexp(`(?i)^(income|earnings|revenues?|sales|net|gains?|other income|profit)\b`)
	// "net of tax", "(net of income taxes)" qualify a row; they do not make it a tax
	reNetOf = lazy.NewRegexp(`(?i)[,(]?\s*\bnet\s+of\s+[^,;)]*\)?`)
)

// resultKeys are rows that result from the rows above them.
var resultKeys = map[string]bool{"gross_profit": true, "operating_income": true, "pretax_income": true, "net_income": true,
	"current_assets": true, "total_assets": true, "current_liabilities": true, "total_liabilities": true, "equity": true,
	"liabilities_and_equity": true, "operating_expenses": true, "operating_cash_flow": true}

// expenseKeys are rows a result subtracts.
var expenseKeys = map[string]bool{"cost_of_sales": true, "sga": true, "operating_expenses": true, "rnd": true, "dna": true,
	"interest_expense": true, "other_expense": true, "income_taxes": true, "provision_credit_losses": true, "stock_compensation": true}

// incomeKeys are rows a result adds.
var incomeKeys = map[string]bool{"revenue": true, "gross_profit": true, "operating_income": true, "pretax_income": true,
	"net_income": true, "other_income": true}

// isTotal reports whether a row may total the rows above it.
func isTotal(r *row) bool {
	return reTotal.MatchString(r.label) || resultKeys[r.key] || reResult.MatchString(r.label)
}

// meansToFoot reports whether a row is clearly a total, so that failing to
// foot is a disagreement rather than a sign it was not one.
func meansToFoot(r *row) bool {
	return reTotal.MatchString(r.label) || resultKeys[r.key]
}

// namedTotal reports a row whose name says it is a total or a result
// ("Total current assets", gross profit). A row named only "Net …" is
// often a line item ("Net intercompany purchased receivables", "Net
// charge-offs"), so the rows above it footing it in one column is a
// coincidence as likely as a total.
func namedTotal(r *row) bool {
	return strings.HasPrefix(strings.ToLower(r.label), "total") || resultKeys[r.key]
}

// isExpense reports whether a row is something results subtract.
func isExpense(r *row) bool {
	switch {
	case expenseKeys[r.key]:
		return true
	case incomeKeys[r.key]:
		return false
	case reLess.MatchString(r.label):
		return true
	}
	l := strings.TrimSpace(reNetOf.ReplaceAllString(r.label, " "))
	return reExpWd.MatchString(l) && !reIncWd.MatchString(l)
}

func (c convention) sign(i int, it *item, v decimal.Decimal) decimal.Decimal {
	switch c {
	case firstLessRest:
		if i > 0 {
			return v.Neg()
		}
	case lessExpenses:
		if isExpense(it.r) {
			return v.Neg()
		}
	case lessExpenseSizes:
		if isExpense(it.r) {
			return v.Abs().Neg()
		}
	}
	return v
}

// footTable foots every total of a table.
func footTable(doc string, t *table) []Check {
	cols := t.amountColumns()
	if len(cols) == 0 || t.unit.IsZero() {
		return nil
	}
	var out []Check
	var stack []*item
	for _, r := range t.rows {
		if !r.has(extract.USD) {
			continue
		}
		if isTotal(r) && len(stack) > 0 {
			if ft := bestFooting(stack, r, cols, t.unit); ft != nil {
				out = append(out, footChecks(doc, t, stack[ft.j:], r, ft)...)
				sec := r.section
				if len(sec) > 0 && within(stack[ft.j:], sec) {
					sec = sec[:len(sec)-1]
				}
				stack = append(stack[:ft.j], &item{r: r, sec: sec, boundary: len(r.section) == 0})
				continue
			}
			if meansToFoot(r) && strings.HasPrefix(strings.ToLower(r.label), "total") {
				out = append(out, Check{Kind: Total, Status: NotChecked, Subject: r.name(),
					Note:      "no run of rows above it adds up to it in any column",
					Citations: []Citation{{Doc: doc, Start: r.start, End: r.end, Role: "total", Text: r.cite}}})
			}
		}
		stack = append(stack, &item{r: r, sec: r.section})
	}
	return out
}

// within reports whether every item lies in section sec.
func within(items []*item, sec []string) bool {
	for _, it := range items {
		if !hasPrefix(it.r.section, sec) {
			return false
		}
	}
	return true
}

func hasPrefix(s, p []string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

// naturalStarts are the blocks a total most plausibly sums, as start
// indices into the stack: the rows of its own section; the subsection
// right above it; for a top-level total, the rows after the last top-level
// total, and from it.
func naturalStarts(stack []*item, t *row) []int {
	n := len(stack)
	var js []int
	add := func(j int) {
		if j < 0 || j >= n {
			return
		}
		for _, k := range js {
			if k == j {
				return
			}
		}
		js = append(js, j)
	}
	run := func(sec []string) int {
		j := n
		for j > 0 && hasPrefix(stack[j-1].sec, sec) {
			j--
		}
		return j
	}
	s := t.section
	if len(s) > 0 {
		add(run(s))
	}
	if top := stack[n-1].sec; len(top) > len(s) && hasPrefix(top, s) {
		add(run(top[:len(s)+1]))
	}
	if len(s) == 0 {
		last := -1
		for i := n - 1; i >= 0; i-- {
			if stack[i].boundary {
				last = i
				break
			}
		}
		add(last + 1)
		add(last)
	}
	return js
}

// bestFooting finds the block and convention that foot total t: one that
// foots it in every column that can be read, else, for a row that clearly
// means to foot, one that foots it in most columns (the others then
// disagree). nil when none does.
func bestFooting(stack []*item, t *row, cols []int, unit decimal.Decimal) *footing {
	n := len(stack)
	natural := naturalStarts(stack, t)
	isNat := map[int]bool{}
	order := append([]int{}, natural...)
	for _, j := range natural {
		isNat[j] = true
	}
	for j := n - 1; j >= 0 && j >= n-maxBlock; j-- {
		if !isNat[j] {
			order = append(order, j)
		}
	}
	for _, j := range order {
		for _, c := range conventions {
			ft := evaluate(stack, j, t, c, cols, unit)
			if len(ft.fits) > 0 && len(ft.fails) == 0 {
				ft.natural = isNat[j]
				return ft
			}
		}
	}
	if !meansToFoot(t) {
		return nil
	}
	var best *footing
	for _, j := range order {
		if n-j < 2 {
			continue
		}
		for _, c := range conventions {
			ft := evaluate(stack, j, t, c, cols, unit)
			if len(ft.fits) == 0 || len(ft.fails) == 0 {
				continue
			}
			// a disagreement needs the same rows to foot the total elsewhere:
			// in its own section's block as often as not, for a row named a
			// total; else in two columns or more, with one failing
			plausible := isNat[j] && len(ft.fits) >= len(ft.fails) && (namedTotal(t) || len(ft.fits) >= 2) ||
				len(ft.fits) >= 2 && len(ft.fails) == 1
			if plausible && (best == nil || len(ft.fits) > len(best.fits)) {
				ft.natural = isNat[j]
				best = ft
			}
		}
	}
	if best != nil {
		rescue(stack, t, cols, unit, best)
	}
	return best
}

// rescue takes back the columns of a footing that the same rows foot
// under another sign convention: a row whose sign flips between columns
// (an income tax benefit, a gain) must not read as a disagreement.
func rescue(stack []*item, t *row, cols []int, unit decimal.Decimal, ft *footing) {
	var still []int
	for _, col := range ft.fails {
		ok := false
		for _, c := range conventions {
			if c == ft.conv {
				continue
			}
			o := evaluate(stack, ft.j, t, c, []int{col}, unit)
			if len(o.fits) == 1 {
				ok = true
				ft.sums[col] = o.sums[col]
				if ft.convs == nil {
					ft.convs = map[int]convention{}
				}
				ft.convs[col] = c
				break
			}
		}
		if ok {
			ft.fits = append(ft.fits, col)
		} else {
			still = append(still, col)
		}
	}
	ft.fails = still
}

// evaluate tries stack[j:] with convention c as the parts of total t in
// every column. A column counts only when the total and every part can be
// read and some part is not zero.
func evaluate(stack []*item, j int, t *row, c convention, cols []int, unit decimal.Decimal) *footing {
	block := stack[j:]
	ft := &footing{j: j, conv: c, sums: map[int]decimal.Decimal{}}
	ft.tol = unit.Mul(decimal.Max(one, decimal.NewFromInt(int64(len(block))).Div(two)))
	for _, col := range cols {
		if _, ok := t.cells[col]; !ok {
			continue
		}
		tv, ok := t.amount(col)
		if !ok {
			continue
		}
		sum := zero
		known, nonzero := true, false
		for i, it := range block {
			v, k := it.r.amount(col)
			if !k {
				known = false
				break
			}
			if !v.IsZero() {
				nonzero = true
			}
			sum = sum.Add(c.sign(i, it, v))
		}
		if !known || !nonzero {
			continue
		}
		ft.sums[col] = sum
		if sum.Sub(tv).Abs().LessThanOrEqual(ft.tol) {
			ft.fits = append(ft.fits, col)
		} else {
			ft.fails = append(ft.fails, col)
		}
	}
	return ft
}

// footChecks turns a footing into one check per column.
func footChecks(doc string, t *table, block []*item, total *row, ft *footing) []Check {
	var out []Check
	failed := map[int]bool{}
	for _, c := range ft.fails {
		failed[c] = true
	}
	first := block[0].r
	var names []string
	for _, it := range block {
		names = append(names, it.r.label)
	}
	rows := Citation{Doc: doc, Start: first.start, End: block[len(block)-1].r.end, Role: "rows", Text: strings.Join(names, "; ")}
	for _, col := range append(append([]int{}, ft.fits...), ft.fails...) {
		tv, _ := total.amount(col)
		sum := ft.sums[col]
		scale := total.scale()
		var b strings.Builder
		conv := ft.convention(col)
		for i, it := range block {
			v, _ := it.r.amount(col)
			s := conv.sign(i, it, v)
			switch {
			case i == 0 && s.IsNegative() && !v.IsNegative():
				b.WriteString("−")
			case i > 0 && s.Equal(v):
				b.WriteString(" + ")
			case i > 0:
				b.WriteString(" − ")
			}
			if it.r.dashes[col] {
				b.WriteString("—")
			} else {
				b.WriteString(printedIn(v, scale, t.unit))
			}
		}
		c := Check{Kind: Total, Status: OK, Subject: total.name(), Period: t.column(col),
			Found: ptr(tv), Expected: ptr(sum), Tolerance: ptr(ft.tol), Unit: extract.USD, Rule: ft.rule(),
			Citations: []Citation{{Doc: doc, Start: total.start, End: total.end, Role: "total", Text: total.cite}, rows}}
		if failed[col] {
			c.Status = Mismatch
			c.Formula = b.String() + " = " + printedIn(sum, scale, t.unit) + ", but the table prints " + printedIn(tv, scale, t.unit)
			c.Note = "the same rows foot it in " + plural(len(ft.fits), "other column") + " (" + ft.conv.String() + ")"
		} else {
			c.Formula = b.String() + " = " + printedIn(tv, scale, t.unit)
			if conv != asPrinted {
				c.Note = conv.String()
			}
		}
		out = append(out, c)
	}
	return out
}

// rule says which rows the footing took and how.
func (ft *footing) rule() string {
	where := "a run of rows right above it"
	if ft.natural {
		where = "the rows of its section (or since the total above it)"
	}
	return where + ", " + ft.conv.String()
}

func plural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return itoa(n) + " " + s + "s"
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

var reLiabEquity = lazy.NewRegexp(`(?i)^total\s+liabilities\b.*\b(equity|capital|deficit|deficiency|net worth)\b`)

// balanceTable checks that total assets equal total liabilities and
// equity in each column of a balance sheet.
func balanceTable(doc string, t *table) []Check {
	var ta, le *row
	for _, r := range t.rows {
		if !r.has(extract.USD) {
			continue
		}
		if ta == nil && (r.key == "total_assets" && strings.HasPrefix(strings.ToLower(r.label), "total")) {
			ta = r
		}
		if r.key == "liabilities_and_equity" || reLiabEquity.MatchString(r.label) {
			le = r
		}
	}
	if ta == nil || le == nil || le.index < ta.index {
		return nil
	}
	var out []Check
	for _, col := range t.amountColumns() {
		fa, ok1 := ta.cells[col]
		fl, ok2 := le.cells[col]
		if !ok1 || !ok2 || fa.Unit != extract.USD || fl.Unit != extract.USD {
			continue
		}
		c := Check{Kind: Balance, Status: OK, Subject: "balance sheet balances", Period: t.column(col),
			Found: ptr(fl.Value), Expected: ptr(fa.Value), Tolerance: ptr(zero), Unit: extract.USD,
			Formula: ta.label + " " + printed(fa.Value, fa.Scale) + " = " + le.label + " " + printed(fl.Value, fl.Scale),
			Citations: []Citation{{Doc: doc, Start: ta.start, End: ta.end, Role: "table", Text: ta.cite},
				{Doc: doc, Start: le.start, End: le.end, Role: "table", Text: le.cite}}}
		if !fa.Value.Equal(fl.Value) {
			c.Status = Mismatch
			c.Formula = ta.label + " " + printed(fa.Value, fa.Scale) + " ≠ " + le.label + " " + printed(fl.Value, fl.Scale)
		}
		out = append(out, c)
	}
	return out
}

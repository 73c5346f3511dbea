package check

import (
	"sort"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/shopspring/decimal"
)

// table is a release table rebuilt from its stored facts: rows in order,
// with their sections and cells by column.
type table struct {
	index int
	title string
	rows  []*row
	// unit is the last printed digit of the table's amounts in base units
	// (1000 for a table in thousands printed as integers); zero when the
	// table has no amounts.
	unit decimal.Decimal
	// shareUnit is the same for share counts.
	shareUnit decimal.Decimal
	// rates are the columns extracted as amounts that hold none: rates
	// printed beside amounts (net charge-offs "6 .02 14 .05"), and footnote
	// marks in a column of their own ("(3,139)  151  3"). Read as amounts
	// they would foot nothing and set the table's precision.
	rates map[int]bool
}

// row is one table row.
type row struct {
	t        *table
	index    int
	label    string
	section  []string
	key      string
	basis    string
	adjusted bool
	start    int
	end      int
	cite     string
	cells    map[int]index.Fact
	dashes   map[int]bool
	// glued marks a row whose label swallowed a printed figure ("Merchandise
	// sales $7,771 $"): its cells may sit in the wrong columns.
	glued bool
}

var reGlued = lazy.NewRegexp(`\$\s*[\d,.()-]*\s*\$?\s*$`)

// buildTables groups the table facts of one release into tables, in
// document order.
func buildTables(facts []index.Fact) []*table {
	byTable := map[int]*table{}
	byRow := map[[2]int]*row{}
	for _, f := range facts {
		if f.Source != "table" {
			continue
		}
		t := byTable[f.TableIndex]
		if t == nil {
			t = &table{index: f.TableIndex, title: f.Table}
			byTable[f.TableIndex] = t
		}
		k := [2]int{f.TableIndex, f.RowIndex}
		r := byRow[k]
		if r == nil {
			r = &row{t: t, index: f.RowIndex, label: f.Metric, section: f.Section, key: f.Key, basis: f.Basis,
				adjusted: f.Adjusted, start: f.Start, end: f.End, cite: f.Cite, cells: map[int]index.Fact{}, dashes: map[int]bool{},
				glued: reGlued.MatchString(f.Metric)}
			for _, c := range f.Dashes {
				r.dashes[c] = true
			}
			byRow[k] = r
			t.rows = append(t.rows, r)
		}
		r.cells[f.ColIndex] = f
	}
	var out []*table
	for _, t := range byTable {
		sort.Slice(t.rows, func(i, j int) bool { return t.rows[i].index < t.rows[j].index })
		t.rates = rateColumns(t)
		t.unit = minPrecision(t, extract.USD)
		t.shareUnit = minPrecision(t, extract.Shares)
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].index < out[j].index })
	return out
}

// rateColumns finds the columns of amounts as extracted that are rates: every
// figure printed below 1 with decimals ("0.02", ".05"), in a table whose
// other amount columns print whole numbers of 1 or more.
func rateColumns(t *table) map[int]bool {
	fraction, whole := map[int]bool{}, map[int]bool{}
	for _, r := range t.rows {
		for c, f := range r.cells {
			if f.Unit != extract.USD || f.Value.IsZero() {
				continue
			}
			p := f.Value.Shift(-f.Scale).Abs()
			switch {
			case p.LessThan(one) && !p.IsInteger():
				if _, seen := fraction[c]; !seen {
					fraction[c] = true
				}
			default:
				fraction[c] = false
				if p.IsInteger() {
					whole[c] = true
				}
			}
		}
	}
	rates := map[int]bool{}
	if len(whole) > 0 {
		for c, ok := range fraction {
			if ok && !whole[c] {
				rates[c] = true
			}
		}
	}
	for c := range markColumns(t) {
		rates[c] = true
	}
	return rates
}

var reMark = lazy.NewRegexp(`^[1-9]$`)

// markColumns are the columns without a header whose every figure is
// printed as one digit, in a table with headed columns: footnote marks.
func markColumns(t *table) map[int]bool {
	marks, headed := map[int]bool{}, false
	for _, r := range t.rows {
		for c, f := range r.cells {
			if f.Column != "" || !f.Period.IsZero() {
				headed = true
				marks[c] = false
				continue
			}
			if _, seen := marks[c]; !seen {
				marks[c] = true
			}
			marks[c] = marks[c] && f.Unit == extract.USD && reMark.MatchString(strings.TrimSpace(f.Printed))
		}
	}
	out := map[int]bool{}
	for c, ok := range marks {
		if ok && headed {
			out[c] = true
		}
	}
	return out
}

// minPrecision is the smallest last-digit unit among the table's figures
// of one unit: the table's printed precision.
func minPrecision(t *table, unit string) decimal.Decimal {
	var m decimal.Decimal
	for _, r := range t.rows {
		for c, f := range r.cells {
			if f.Unit != unit || f.Value.IsZero() || unit == extract.USD && t.rates[c] {
				continue
			}
			p := precision(f.Value)
			if m.IsZero() || p.LessThan(m) {
				m = p
			}
		}
	}
	return m
}

// amount is the row's amount in column c: a stored figure, or zero for a
// dash. known is false for a blank cell or a figure of another unit.
func (r *row) amount(c int) (v decimal.Decimal, known bool) {
	if r.glued {
		return zero, false
	}
	if r.t.rates[c] {
		return zero, false
	}
	if f, ok := r.cells[c]; ok {
		return f.Value, f.Unit == extract.USD
	}
	if r.dashes[c] {
		return zero, true
	}
	return zero, false
}

// has reports whether the row has a figure of the unit in some column.
func (r *row) has(unit string) bool {
	for _, f := range r.cells {
		if f.Unit == unit {
			return true
		}
	}
	return false
}

// scale is the power of ten the row's amounts were scaled by.
func (r *row) scale() int32 {
	for _, f := range r.cells {
		if f.Unit == extract.USD {
			return f.Scale
		}
	}
	return 0
}

// text is the row's label with its section path, lower case, for matching.
func (r *row) text() string {
	return strings.ToLower(strings.Join(append(append([]string{}, r.section...), r.label), " "))
}

// name is the row as people know it: "CURRENT ASSETS: TOTAL CURRENT ASSETS"
// only where the label alone says too little.
func (r *row) name() string {
	if len(r.section) > 0 && len(strings.Fields(r.label)) <= 2 {
		return strings.TrimRight(r.section[len(r.section)-1], ": -") + ": " + r.label
	}
	return r.label
}

// column describes column c: its period, else its header.
func (t *table) column(c int) string {
	for _, r := range t.rows {
		if f, ok := r.cells[c]; ok {
			if !f.Period.IsZero() {
				return f.Period.String()
			}
			if f.Column != "" {
				return f.Column
			}
		}
	}
	return ""
}

// amountColumns lists the columns that hold amounts, in order.
func (t *table) amountColumns() []int {
	seen := map[int]bool{}
	var cs []int
	for _, r := range t.rows {
		for c, f := range r.cells {
			if f.Unit == extract.USD && !seen[c] && !t.rates[c] {
				seen[c] = true
				cs = append(cs, c)
			}
		}
	}
	sort.Ints(cs)
	return cs
}

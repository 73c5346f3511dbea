package check

import (
	"sort"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/shopspring/decimal"
)

var (
	// per-share rows that are not net earnings per share
	reNotNetEPS = lazy.NewRegexp(`(?i)\b(before|continuing|discontinued|cumulative|extraordinary|operations|adjusted|non-?gaap|pro\s*forma|excluding|dividends?|book\s+value|cash\s+flow|distributions?)\b`)
	// net income rows that are not the common shareholders' share
	reNotNetIncome = lazy.NewRegexp(`(?i)\b(noncontrolling|non-controlling|minority|continuing|discontinued|before|excluding|adjusted)\b`)
	reCommon       = lazy.NewRegexp(`(?i)\b(available|attributable|applicable)\s+to\s+common\b`)
	rePreferred    = lazy.NewRegexp(`(?i)\bpreferred\b.*\b(dividends?|accretion)\b|\b(dividends?|accretion)\b.*\bpreferred\b|\bparticipating\b|two-class`)
	reShareRow     = lazy.NewRegexp(`(?i)\bshares\b`)
	reNetRow       = lazy.NewRegexp(`(?i)^net\s+(income|earnings|loss|\(loss\)|profit)`)
)

// perShareTable checks each earnings-per-share figure of a table against
// net income divided by the weighted shares of the same basis and column.
func perShareTable(doc string, t *table) []Check {
	ni := netIncomeRow(t)
	if ni == nil {
		return unallocated(doc, t)
	}
	epsRows := map[string][]*row{}
	shareRows := map[string][]*row{}
	for _, r := range t.rows {
		switch {
		case r.glued:
		case r.has(extract.PerShare) && !r.adjusted && !reNotNetEPS.MatchString(r.text()):
			epsRows[r.basis] = append(epsRows[r.basis], r)
		case r.has(extract.Shares) && (r.key == "shares" || reShareRow.MatchString(r.text())) && !strings.Contains(r.text(), "outstanding at") && !strings.Contains(r.text(), "end of"):
			shareRows[r.basis] = append(shareRows[r.basis], r)
		}
	}
	var out []Check
	for basis, rs := range epsRows {
		if len(rs) > 1 {
			var net []*row
			for _, r := range rs {
				if strings.Contains(r.text(), "net") {
					net = append(net, r)
				}
			}
			rs = net
		}
		sh := shareRows[basis]
		if len(sh) == 0 && basis != "" && len(shareRows) == 1 {
			sh = shareRows[""]
		}
		if len(rs) != 1 || len(sh) != 1 {
			continue
		}
		eps, shares := rs[0], sh[0]
		var basic *row
		if basis == "diluted" && len(epsRows["basic"]) == 1 {
			basic = epsRows["basic"][0]
		}
		for _, col := range sortedCols(eps) {
			fe := eps.cells[col]
			fn, ok1 := ni.cells[col]
			fs, ok2 := shares.cells[col]
			if fe.Unit != extract.PerShare || !ok1 || !ok2 || fn.Unit != extract.USD || fs.Unit != extract.Shares || !fs.Value.IsPositive() {
				continue
			}
			c := epsCheck(doc, t, col, eps, ni, shares, basic)
			out = append(out, c)
		}
	}
	return out
}

// unallocated lists as not checked the net per-share rows of a table that
// states preferred dividends or participating securities but no net
// income left for common shareholders to divide.
func unallocated(doc string, t *table) []Check {
	preferred := false
	for _, r := range t.rows {
		preferred = preferred || rePreferred.MatchString(r.label)
	}
	if !preferred {
		return nil
	}
	var out []Check
	for _, r := range t.rows {
		if r.glued || !r.has(extract.PerShare) || r.adjusted || reNotNetEPS.MatchString(r.text()) {
			continue
		}
		out = append(out, Check{Kind: PerShare, Status: NotChecked, Subject: r.name(),
			Note:      "two-class rule: the table states preferred dividends or participating securities, but no net income available to common shareholders to divide",
			Citations: []Citation{{Doc: doc, Start: r.start, End: r.end, Role: "table", Text: r.cite}}})
	}
	return out
}

// netIncomeRow is the table's net income row, preferring the figure
// available to common shareholders; nil when the table has none, or has
// preferred dividends and no figure after them.
func netIncomeRow(t *table) *row {
	var cands []*row
	preferred := false
	for _, r := range t.rows {
		if rePreferred.MatchString(r.label) {
			preferred = true
		}
		if !r.has(extract.USD) || r.adjusted || r.glued || reNotNetIncome.MatchString(r.label) {
			continue
		}
		if r.key == "net_income" || reNetRow.MatchString(r.label) {
			cands = append(cands, r)
		}
	}
	for _, r := range cands {
		if reCommon.MatchString(r.label) {
			return r
		}
	}
	if len(cands) != 1 || preferred {
		return nil
	}
	return cands[0]
}

// epsCheck compares one printed per-share figure with net income / shares,
// both taken as the ranges their rounding allows.
func epsCheck(doc string, t *table, col int, eps, ni, shares, basic *row) Check {
	fe, fn, fs := eps.cells[col], ni.cells[col], shares.cells[col]
	hu := t.unit.Mul(half)
	hs := t.shareUnit.Mul(half)
	q := quotient(around(fn.Value, hu), around(fs.Value, hs))
	exact := fn.Value.Div(fs.Value)
	pu := decimals(fe.Value)
	if pu.GreaterThan(decimal.New(1, -2)) {
		pu = decimal.New(1, -2) // "$0.2" is a printed $0.20
	}
	stated := around(fe.Value, pu.Mul(half))
	c := Check{Kind: PerShare, Status: OK, Subject: eps.name(), Period: t.column(col),
		Found: ptr(fe.Value), Expected: ptr(exact.Round(4)), Tolerance: ptr(pu.Mul(half)), Unit: extract.PerShare,
		Formula: ni.label + " " + printed(fn.Value, fn.Scale) + " / " + shares.name() + " " + printed(fs.Value, fs.Scale) + " = " + exact.Round(4).String(),
		Citations: []Citation{{Doc: doc, Start: eps.start, End: eps.end, Role: "table", Text: eps.cite},
			{Doc: doc, Start: ni.start, End: ni.end, Role: "table", Text: ni.cite},
			{Doc: doc, Start: shares.start, End: shares.end, Role: "table", Text: shares.cite}}}
	if q.overlaps(stated) {
		return c
	}
	// diluted earnings may add back interest on convertibles: between
	// net income / diluted shares and basic earnings per share
	if basic != nil && fn.Value.IsPositive() {
		if fb, ok := basic.cells[col]; ok && fb.Unit == extract.PerShare {
			lo := decimal.Min(q.lo, fb.Value)
			hi := decimal.Max(q.hi, fb.Value)
			if (span{lo, hi}).overlaps(stated) {
				c.Note = "between net income / diluted shares and basic earnings per share (dilutive securities add back earnings)"
				return c
			}
		}
	}
	if note, ok := twoClass(t, col, eps, ni, shares, fe, stated); ok {
		c.Status, c.Note = NotChecked, note
		if strings.HasPrefix(note, "net income less") {
			c.Status = OK
		}
		return c
	}
	// a scale misread (shares in thousands read as units) is not the release's error
	for _, k := range []int32{-9, -6, -3, 3, 6, 9} {
		if (span{q.lo.Shift(k), q.hi.Shift(k)}).overlaps(stated) {
			c.Status = NotChecked
			c.Note = "agrees only at another scale; the table's units are unclear"
			return c
		}
	}
	c.Status = Mismatch
	c.Formula += ", but the table prints " + fe.Value.String()
	return c
}

var (
	// a row of earnings allocated to participating securities (two-class method)
	reAllocated = lazy.NewRegexp(`(?i)\bparticipating\b|\ballocated\s+to\b|\btwo-class\b`)
	// twoClassShare is the most of net income the two-class method is taken to
	// allocate to participating securities (unvested share awards) when the
	// release does not state it
	twoClassShare = decimal.New(3, -2)
)

// twoClass explains a per-share figure below net income / shares by the
// two-class method: earnings allocated to participating securities. With a
// row stating the allocation, the figure is checked against net income
// less it (a note beginning "net income less"); without one, a shortfall of
// at most twoClassShare of positive earnings is left not checked, as what
// an unstated allocation may explain. ok is false when neither applies.
func twoClass(t *table, col int, eps, ni, shares *row, fe index.Fact, stated span) (note string, ok bool) {
	fn, fs := ni.cells[col], shares.cells[col]
	hu, hs := t.unit.Mul(half), t.shareUnit.Mul(half)
	for _, r := range t.rows {
		a, has := r.cells[col]
		if r.index <= ni.index || r.index >= eps.index || !has || a.Unit != extract.USD || !reAllocated.MatchString(r.label) {
			continue
		}
		net := around(fn.Value.Sub(a.Value.Abs()), hu.Mul(two))
		if quotient(net, around(fs.Value, hs)).overlaps(stated) {
			return "net income less the earnings allocated to participating securities (" + r.label + "), per share", true
		}
		return "", false
	}
	if !fn.Value.IsPositive() || !fe.Value.IsPositive() {
		return "", false // losses are not allocated to participating securities
	}
	q := quotient(around(fn.Value, hu), around(fs.Value, hs))
	if stated.hi.GreaterThanOrEqual(q.lo) || stated.hi.LessThan(q.lo.Mul(one.Sub(twoClassShare))) {
		return "", false
	}
	short := q.lo.Sub(stated.hi).Div(q.lo).Mul(hundred).Round(1)
	return "two-class rule: " + short.String() + "% below net income / shares, within what earnings allocated to participating securities explain; the release states no allocation to check it by", true
}

// sortedCols lists the columns of a row's figures in order.
func sortedCols(r *row) []int {
	var cs []int
	for c := range r.cells {
		cs = append(cs, c)
	}
	sort.Ints(cs)
	return cs
}

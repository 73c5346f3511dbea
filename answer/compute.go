package answer

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

var hundred = decimal.NewFromInt(100)

// placesOr is the number of decimal places the question asks for, else def.
func placesOr(q nlq.Query, def int32) int32 {
	if q.Places >= 0 {
		return int32(q.Places)
	}
	return def
}

// operand is a fact used in a computation.
type operand struct {
	f  index.Fact
	ok bool
}

// operandQuery is q narrowed to one metric: the other words of the
// question are dropped, entity words kept.
func operandQuery(q nlq.Query, m *vocab.Metric, ctx *docCtx) nlq.Query {
	o := q
	o.Metric = m
	o.Derived = nil
	o.Op = nlq.OpNone
	o.Unit = ""
	o.Terms = entityTerms(q, ctx.info)
	if m != nil && m == q.Metric {
		// the question's own words about its metric ("net income from
		// continuing operations") still pick the row
		for _, w := range withoutCompany(q.Terms, ctx.info) {
			if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") {
				continue // "IMFT's": whose figure, not which
			}
			if !slices.Contains(o.Terms, w) {
				o.Terms = append(o.Terms, w)
			}
		}
	}
	if m != nil {
		o.Words = strings.Join(append(append([]string{}, q.Modifiers...), o.Terms...), " ") + " " + m.Name()
	}
	if m != q.Metric {
		o.Modifiers = nil
	}
	return o
}

// find returns the best level fact of metric m (or, with m nil, of the
// question's words) at target t, preferring the row of like.
func (e *Engine) find(q nlq.Query, ctx *docCtx, m *vocab.Metric, t target, like *index.Fact) operand {
	op := e.findBest(q, ctx, m, t, like)
	e.exp.operand(m, t, op)
	return op
}

// findBest is find without the record --explain keeps.
func (e *Engine) findBest(q nlq.Query, ctx *docCtx, m *vocab.Metric, t target, like *index.Fact) operand {
	oq := q
	if m != nil {
		oq = operandQuery(q, m, ctx)
		if q.Op == nlq.OpChange && q.Unit == extract.Percent && m.Unit != extract.Percent {
			// "the change in the percentage of sales represented by gross
			// profit": the figures are shares, and the change is in points
			oq.Unit = q.Unit
		}
	} else {
		oq.Op = nlq.OpNone
		oq.Derived = nil
		oq.Unit = ""
		if q.Op == nlq.OpChange && q.Unit == extract.Percent {
			// "the change in the percent of total sales from APAC": a change
			// of a share or a rate, whose figures are percentages
			oq.Unit = extract.Percent
		}
	}
	cands := e.findFacts(oq, ctx, m, t, "")
	if len(cands) == 0 && m != nil && m == q.Metric {
		// "operating loss carryforward" is not operating income: a row whose
		// own words carry every word the question names it by
		cands = e.coveringFacts(q, ctx, t, m)
	}
	if len(cands) == 0 && m != nil && m == q.Metric {
		// "revenue from cloud": a row named by the question's other words
		// ("Cloud") in a table that is about the metric or about nothing else
		cands = e.namedRows(q, ctx, t, m)
	}
	// an operand is a level, never a change printed beside it (an
	// "Increase (Decrease)" column), and of the unit asked for when the
	// question names one (a change in a share of sales is of percentages)
	cands = slices.DeleteFunc(cands, func(c candidate) bool { return c.f.Change != "" || oq.Unit != "" && c.f.Unit != oq.Unit })
	if like != nil {
		// the other operand is another figure, never like itself
		cands = slices.DeleteFunc(cands, func(c candidate) bool { return sameFact(c.f, *like) })
	}
	if len(cands) == 0 || cands[0].feat.ContentMissing > 0 {
		// none, or none that explains every word of the question
		return operand{}
	}
	if like != nil {
		// the other period of the same row, or the same metric said the same way
		for _, c := range cands {
			if c.f.Source == like.Source && c.f.TableIndex == like.TableIndex && c.f.RowIndex == like.RowIndex && like.Source == "table" {
				return operand{f: c.f, ok: true}
			}
		}
		for _, c := range cands {
			if c.f.Entity == like.Entity && c.f.Metric == like.Metric {
				return operand{f: c.f, ok: true}
			}
		}
		// another metric: from the same table, where one is as good as the best
		for _, c := range cands {
			if like.Source == "table" && c.f.Source == "table" && c.f.TableIndex == like.TableIndex && c.score >= cands[0].score-0.3 {
				return operand{f: c.f, ok: true}
			}
		}
	}
	best, _ := finest(cands)
	return operand{f: best.f, ok: true}
}

// findOther finds the same figure as like for another period: like's
// row's, else the best fact of metric m at t.
func (e *Engine) findOther(q nlq.Query, ctx *docCtx, m *vocab.Metric, t target, like *index.Fact) operand {
	if like != nil && like.Source == "table" {
		f, ok := e.rowAt(*like, t)
		if !ok {
			f, ok = e.dashAt(*like, t)
		}
		if ok {
			e.exp.operand(m, t, operand{f: f, ok: true})
			return operand{f: f, ok: true}
		}
	}
	return e.find(q, ctx, m, t, like)
}

// dashAt is like's row's figure for target t where the row prints a dash
// there ("—"): nothing, which the computation takes as zero. The dash's
// column is dated by another row's figure in that column.
func (e *Engine) dashAt(like index.Fact, t target) (index.Fact, bool) {
	if len(like.Dashes) == 0 || like.Change != "" {
		return index.Fact{}, false
	}
dashes:
	for _, ci := range like.Dashes {
		if ci == like.ColIndex {
			continue
		}
		// another row of the table with a figure in the dash's column
		var rows []int
		for r := like.RowIndex - 1; r >= 0 && len(rows) < 20; r-- {
			rows = append(rows, r)
		}
		for r := like.RowIndex + 1; r <= like.RowIndex+20; r++ {
			rows = append(rows, r)
		}
		for _, r := range rows {
			row, err := e.Index.Row(like.Doc, like.TableIndex, r)
			if err != nil {
				return index.Fact{}, false
			}
			for _, f := range row {
				if f.ColIndex != ci || f.Change != "" {
					continue
				}
				if periodMatch(f.Period, t) <= 0 {
					continue dashes
				}
				z := like
				z.Value, z.Period, z.ColIndex, z.Column, z.Printed = decimal.Zero, f.Period, ci, f.Column, "—"
				return z, true
			}
		}
	}
	return index.Fact{}, false
}

// rowAt finds the figure of like's row, of like's kind, entity and unit,
// that best fits target t.
func (e *Engine) rowAt(like index.Fact, t target) (index.Fact, bool) {
	row, err := e.Index.Row(like.Doc, like.TableIndex, like.RowIndex)
	if err != nil {
		return index.Fact{}, false
	}
	var best index.Fact
	bs := 0.0
	for _, f := range row {
		if f.ColIndex == like.ColIndex || f.Change != like.Change || f.Unit != like.Unit || f.Entity != like.Entity || f.Adjusted != like.Adjusted {
			continue
		}
		if s := periodMatch(f.Period, t); s > bs {
			best, bs = f, s
		}
	}
	return best, bs > 0
}

// derivedChange computes a ratio or margin at each of the question's two
// periods and the change between them ("the change in current ratio from
// 2018 to 2019"): in points for a percentage or ratio, or, for a
// percentage change, relative to the earlier.
func (e *Engine) derivedChange(q nlq.Query, ctx *docCtx) (Answer, bool) {
	places := placesOr(q, 2)
	x, y, none, ok := e.derivedEnds(q, ctx)
	if !ok {
		return none, false
	}
	name := q.Derived.Name
	unit := y.a.Unit
	label := "change in " + name
	// each side printed to two more places than the answer, computed exactly
	var f expr = difference{shownFig(y.val, places+2), shownFig(x.val, places+2)}
	if q.Op == nlq.OpPctChange {
		if x.val.IsZero() {
			return Answer{Kind: KindNone, Answer: "Not computed: the earlier value is zero.", Citations: []Citation{}}, false
		}
		base := x.val
		if x.val.Sign() != y.val.Sign() {
			base = base.Abs()
		}
		f = percent{quotient{f, shownFig(base, places+2)}}
		label = "percentage change in " + name
		unit = extract.Percent
	}
	val := f.value(places + 8).Round(places)
	r := Answer{Kind: KindComputed, Value: val.StringFixed(places), num: val, Unit: unit, Metric: label, Entity: y.a.Entity, Formula: f.String()}
	r.Period = fmt.Sprintf("%s vs %s", y.a.Period, x.a.Period)
	r.Citations = sidesCitations(y.a, x.a)
	shown := formatFixed(val, unit, places)
	if q.Op == nlq.OpChange && unit == extract.Percent {
		// the difference of two percentages is in points
		shown = strings.TrimSuffix(shown, "%") + " percentage points"
	}
	side := func(a Answer) string {
		if a.Formula == "" {
			return a.Period + ": as stated"
		}
		return a.Period + ": " + a.Formula
	}
	r.Answer = fmt.Sprintf("%s — %s, %s = %s (%s; %s)", shown, label, r.Period, r.Formula, side(y.a), side(x.a))
	return r, true
}

// derivedEnd is a ratio or margin at one period of a change: its answer
// and value.
type derivedEnd struct {
	a   Answer
	val decimal.Decimal
	end int // the period asked, as a day number to order by
}

// derivedEnds are the derived figure of q at each of its two periods,
// earlier first: computed from its parts, for precision; else (unless the
// question asks to compute) as the release states it. When one is
// missing, none is the answer that says so.
func (e *Engine) derivedEnds(q nlq.Query, ctx *docCtx) (x, y derivedEnd, none Answer, ok bool) {
	var ends []derivedEnd
	for _, ps := range q.Periods {
		one := q
		one.Op, one.Places, one.Exact = nlq.OpNone, 8, true
		one.Periods = []nlq.PeriodSpec{ps}
		a, ok := e.derived(one, ctx, q.Derived)
		if !ok && !q.Exact {
			lq := one
			lq.Exact = false
			a, ok = e.lookupAnswer(lq, ctx)
		}
		if !ok {
			return x, y, a, false
		}
		// order by the period asked: its date, else its year and quarter
		end := ps.End.Days()
		if ps.End.IsZero() {
			end = ps.FY*400 + ps.FQ*90
		}
		ends = append(ends, derivedEnd{a, a.num, end})
	}
	if ends[0].end > ends[1].end {
		ends[0], ends[1] = ends[1], ends[0]
	}
	return ends[0], ends[1], Answer{}, true
}

// sidesCitations cites both sides of a change of a derived figure: each
// side's sources once, then one "operands" citation listing the figures
// of both sides in the formula's order.
func sidesCitations(y, x Answer) []Citation {
	cs := []Citation{}
	var opsText []string
	lo, hi := 0, 0
	for _, c := range append(append([]Citation{}, y.Citations...), x.Citations...) {
		if c.Role == "operands" {
			opsText = append(opsText, c.Text)
			if lo == 0 || c.Line < lo {
				lo = c.Line
			}
			hi = max(hi, c.EndLine)
			continue
		}
		if !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
	}
	if len(opsText) == 2 {
		cs = append(cs, Citation{Doc: y.Citations[0].Doc, Line: lo, EndLine: hi, Text: strings.Join(opsText, " ; "), Role: "operands"})
	}
	return cs
}

// derived computes num/den (×100 for a percentage) or a difference.
func (e *Engine) derived(q nlq.Query, ctx *docCtx, d *vocab.Derived) (Answer, bool) {
	v := vocab.Default()
	t := derivedTarget(q, ctx, d)
	if len(d.Minus) == 2 {
		a, b := e.findPair(q, ctx, d.Minus, t)
		if !a.ok || !b.ok {
			return missing(q, ctx, d.Name, t, a, b, d.Minus[0], d.Minus[1]), false
		}
		x := difference{fig(a.f.Value), fig(b.f.Value)}
		return computed(ctx, d.Name, x.value(0), -1, a.f.Unit, x.String(), a.f.Period, a.f, b.f), true
	}
	num, numX, numFacts := e.dividend(q, ctx, d, t)
	var numLike *index.Fact
	if num.ok {
		numLike = &num.f
	}
	den := e.find(q, ctx, v.Metric(d.Den), t, numLike)
	if num.ok && den.ok && !num.f.Period.End.Near(den.f.Period.End) && !num.f.Period.IsZero() && !den.f.Period.IsZero() {
		// operands must be of one period
		den = e.find(q, ctx, v.Metric(d.Den), periodTarget(num.f.Period), nil)
	}
	if !num.ok || !den.ok {
		return missing(q, ctx, d.Name, t, num, den, d.Num, d.Den), false
	}
	if den.f.Value.IsZero() {
		return Answer{Kind: KindNone, Answer: fmt.Sprintf("Not computed: %s is zero for %s.", den.f.Describe(), den.f.Period), Citations: []Citation{}}, false
	}
	places := placesOr(q, 2)
	x, unit := ratio(numX, fig(den.f.Value), d.Unit == "percent")
	val := x.value(places + 8).Round(places)
	return computed(ctx, d.Name, val, places, unit, x.String(), num.f.Period, append(numFacts, den.f)...), true
}

// derivedTarget is the period a derived figure is computed at: the
// question's first, else the release's own (its balance sheet date when
// either part is a balance).
func derivedTarget(q nlq.Query, ctx *docCtx, d *vocab.Derived) target {
	v := vocab.Default()
	balance := false
	for _, k := range []string{d.Num, d.Den} {
		if m := v.Metric(k); m != nil && m.Kind == "balance" {
			balance = true
		}
	}
	if ts := resolve(q, ctx.info, balance); len(ts) > 0 {
		return ts[0]
	}
	return defaultTarget(ctx.info, balance)
}

// findPair finds the two figures of a difference at t, the second other
// than the first.
func (e *Engine) findPair(q nlq.Query, ctx *docCtx, keys []string, t target) (a, b operand) {
	v := vocab.Default()
	a = e.find(q, ctx, v.Metric(keys[0]), t, nil)
	b = e.find(q, ctx, v.Metric(keys[1]), t, &a.f)
	return a, b
}

// dividend finds the numerator of d at t: its metric's figure, else the
// difference its AltNum defines. num is the figure that dates it (not ok
// when neither is found), x the numerator's expression and facts the
// figures it cites.
func (e *Engine) dividend(q nlq.Query, ctx *docCtx, d *vocab.Derived, t target) (num operand, x expr, facts []index.Fact) {
	num = e.find(q, ctx, vocab.Default().Metric(d.Num), t, nil)
	if num.ok {
		return num, fig(num.f.Value), []index.Fact{num.f}
	}
	if len(d.AltNum.Minus) == 2 {
		if a, b := e.findPair(q, ctx, d.AltNum.Minus, t); a.ok && b.ok {
			return a, difference{fig(a.f.Value), fig(b.f.Value)}, []index.Fact{a.f, b.f}
		}
	}
	return num, fig(num.f.Value), nil
}

// ratio is num / den, ×100 when a percentage is asked, and its unit.
func ratio(num, den expr, pct bool) (expr, string) {
	x := quotient{num, den}
	if pct {
		return percent{x}, extract.Percent
	}
	return x, extract.Ratio
}

func periodTarget(p period.Period) target {
	return target{kind: p.Kind, months: p.Months, end: p.End, fq: p.FQ, fy: p.FY, explicit: true}
}

// change computes the change or percentage change of a metric between two periods.
func (e *Engine) change(q nlq.Query, ctx *docCtx) (Answer, bool) {
	t1, t2 := changeTargets(q, ctx.info)
	a, b, none, ok := e.changeOperands(q, ctx, t1, t2)
	if !ok {
		return none, false
	}
	name := metricName(q)
	if m := q.Metric; m != nil && b.Key != m.Key && b.Source == "table" {
		// a narrower row than the vocabulary's metric: name it as printed
		name = b.Describe()
	}
	if q.Op == nlq.OpPctChange {
		return pctChange(q, ctx, name, a, b)
	}
	var x expr = difference{fig(b.Value), fig(a.Value)}
	what := "change in "
	if decreaseAsked(q) && x.value(0).IsNegative() {
		// "how much did the rate decrease": by 1 point, not by -1
		x, what = difference{fig(a.Value), fig(b.Value)}, "decrease in "
	}
	r := computed(ctx, what+name, x.value(0), -1, b.Unit, x.String(), b.Period, b, a)
	r.Period = fmt.Sprintf("%s vs %s", describePeriod(b.Period, ctx.info), describePeriod(a.Period, ctx.info))
	return r, true
}

// pctChange is the percentage change from a to b (a the earlier), named
// for the metric name.
func pctChange(q nlq.Query, ctx *docCtx, name string, a, b index.Fact) (Answer, bool) {
	if a.Value.IsZero() {
		return Answer{Kind: KindNone, Answer: "Not computed: the earlier value is zero.", Citations: []Citation{}}, false
	}
	places := placesOr(q, 2)
	// two figures of one sign change in size: a loss of (19,911) after
	// (15,916) grew 25.1%; across a change of sign the base is the
	// earlier figure's size
	base := a.Value
	if a.Value.Sign() != b.Value.Sign() {
		base = base.Abs()
	}
	var x expr = percent{quotient{difference{fig(b.Value), fig(a.Value)}, fig(base)}}
	val := x.value(places + 8).Round(places)
	what := "percentage change in "
	if decreaseAsked(q) && val.IsNegative() {
		// "by what percent did sales decline": by 5%, not by -5% (a
		// quotient rounds half away from zero, so this is val's size)
		x, what = percent{quotient{difference{fig(a.Value), fig(b.Value)}, fig(base)}}, "percentage decrease in "
		val = x.value(places + 8).Round(places)
	}
	r := computed(ctx, what+name, val, places, extract.Percent, x.String(), b.Period, b, a)
	r.Period = fmt.Sprintf("%s vs %s", describePeriod(b.Period, ctx.info), describePeriod(a.Period, ctx.info))
	return r, true
}

// changeTargets are the two periods a change is between, earlier first:
// the two the question names, or from the one it names ("since November
// 29, 2003") to the release's, or the release's (or the one named) and
// the year before (a balance: the balance sheet's comparison column).
func changeTargets(q nlq.Query, d *index.DocInfo) (t1, t2 target) {
	balance := balanceMetric(q)
	ts := resolve(q, d, balance)
	switch {
	case len(ts) >= 2:
		t1, t2 = ts[0], ts[1]
		if ts[0].explicit && ts[1].explicit && !ts[0].current && ts[1].fy == ts[0].fy-1 && ts[1].fq == ts[0].fq {
			t1, t2 = ts[1], ts[0]
		}
	case len(ts) == 1 && (sinceAny(q) || balance && ts[0].kind == period.Instant && !ts[0].end.Near(d.Latest) && !ts[0].current):
		// "since November 29, 2003": from that date to the latest
		t1 = ts[0]
		// since a date: to the latest balance, whatever the vocabulary knows
		t2 = defaultTarget(d, balance || t1.kind == period.Instant || t1.months == 0 && !t1.end.IsZero())
	case len(ts) == 1 && onlyRelative(q, "prior_year"):
		// "year over year": the release's period against the year before
		t2 = defaultTarget(d, balance)
		t1 = ts[0]
	case len(ts) == 1:
		t2 = ts[0]
		t1 = priorYearTarget(ts[0])
		if balance {
			t1 = target{kind: period.Instant, explicit: true}
		}
	default:
		t2 = defaultTarget(d, balance)
		t1 = priorYearTarget(t2)
		if balance {
			// the balance sheet's comparison column
			t1 = target{kind: period.Instant, explicit: true}
		}
	}
	return t1, t2
}

// changeOperands finds the figures of q's metric at t2 and at t1, in
// order of time (a before b). When one is missing, none is the answer
// that names it.
func (e *Engine) changeOperands(q nlq.Query, ctx *docCtx, t1, t2 target) (a, b index.Fact, none Answer, ok bool) {
	m := q.Metric
	later := e.find(q, ctx, m, t2, nil)
	if !later.ok {
		// the later figure may be a dash in the earlier one's row
		if o := e.find(q, ctx, m, t1, nil); o.ok && o.f.Source == "table" {
			if z, ok := e.dashAt(o.f, t2); ok {
				later = operand{f: z, ok: true}
			}
		}
	}
	if !later.ok {
		return a, b, missing(q, ctx, metricName(q), t2, later, operand{ok: true}, keyOr(m), ""), false
	}
	if t1.kind == period.Instant && t1.end.IsZero() && later.f.Period.Kind == period.Duration {
		// a balance's comparison column, in a table that heads its
		// columns with years ("Closing cash  2019  2018"): the year before
		t1 = priorYearTarget(periodTarget(later.f.Period))
	}
	earlier := e.findOther(q, ctx, m, t1, &later.f)
	if earlier.ok && sameFact(earlier.f, later.f) {
		// the same cell twice: look for another period of the row
		earlier = operand{}
		for _, c := range e.findFacts(operandQueryOr(q, m, ctx), ctx, m, t1, "") {
			if !sameFact(c.f, later.f) && sameRow(c.f, later.f) {
				earlier = operand{f: c.f, ok: true}
				break
			}
		}
	}
	if !earlier.ok {
		return a, b, missing(q, ctx, metricName(q), t1, earlier, operand{ok: true}, keyOr(m), ""), false
	}
	a, b = earlier.f, later.f
	if a.Period.End.Days() > b.Period.End.Days() {
		a, b = b, a
	}
	return a, b, Answer{}, true
}

// decreaseAsked reports a question that asks how much a figure fell ("how
// much did X decrease", "by what percent did sales decline"): its change
// words all go down ("increase / (decrease)" asks both ways).
func decreaseAsked(q nlq.Query) bool {
	v := vocab.Default()
	down := false
	for _, w := range strings.FieldsFunc(strings.ToLower(q.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch s := v.ChangeSign(w); {
		case s > 0:
			return false
		case s < 0:
			down = true
		}
	}
	return down
}

func operandQueryOr(q nlq.Query, m *vocab.Metric, ctx *docCtx) nlq.Query {
	if m == nil {
		o := q
		o.Op = nlq.OpNone
		return o
	}
	return operandQuery(q, m, ctx)
}

func sameRow(a, b index.Fact) bool {
	if a.Source == "table" && b.Source == "table" {
		return a.TableIndex == b.TableIndex && a.RowIndex == b.RowIndex
	}
	return a.Metric == b.Metric && a.Entity == b.Entity
}

// aggregate sums or averages a metric over the periods the question names.
func (e *Engine) aggregate(q nlq.Query, ctx *docCtx) (Answer, bool) {
	ops, none, ok := e.aggregateOperands(q, ctx)
	if !ok {
		return none, false
	}
	mname := metricName(q)
	if q.Metric != nil && ops[0].Key != q.Metric.Key && ops[0].Source == "table" {
		// a row the vocabulary's metric only guessed at: name it as printed
		mname = ops[0].Describe()
	}
	var x expr = sum(factFigures(ops))
	name := "sum of " + mname
	val := x.value(0)
	if q.Op == nlq.OpAverage {
		places := placesOr(q, 2)
		x, name = average(factFigures(ops)), "average "+mname
		val = x.value(places + 8).Round(places)
	}
	a := computed(ctx, name, val, -1, ops[0].Unit, x.String(), ops[0].Period, ops...)
	var ps []string
	for _, f := range ops {
		if d := describePeriod(f.Period, ctx.info); !slices.Contains(ps, d) {
			ps = append(ps, d)
		}
	}
	if len(ps) > 1 {
		// the figures span periods: name them all
		a.Period = strings.Join(ps, "; ")
		a.Answer = fmt.Sprintf("%s — %s, %s = %s", formatValue(val, ops[0].Unit), name, a.Period, x.String())
	}
	return a, true
}

// aggregateOperands are the figures a sum or average adds: of each metric
// named at one period, of the metric at each period named (an average of
// one year: and the year before), or (an average of no period) every
// period of its row. ok is false with none empty when the question is not
// one to aggregate, with none naming the figure when one is missing.
func (e *Engine) aggregateOperands(q nlq.Query, ctx *docCtx) (ops []index.Fact, none Answer, ok bool) {
	balance := balanceMetric(q)
	ts := resolve(q, ctx.info, balance)
	// "cash, restricted cash and securities" names cash twice: one metric
	ms := slices.CompactFunc(slices.Clone(q.Metrics), func(a, b *vocab.Metric) bool { return a.Key == b.Key })
	switch {
	case len(ms) >= 2 && len(ts) <= 1:
		t := defaultTarget(ctx.info, balance)
		if len(ts) == 1 {
			t = ts[0]
		}
		for _, m := range ms {
			o := e.find(q, ctx, m, t, nil)
			if !o.ok {
				return nil, missing(q, ctx, m.Name(), t, o, operand{ok: true}, m.Key, ""), false
			}
			if containsFact(ops, o.f) {
				// two names found one figure: not two figures to combine
				return nil, Answer{}, false
			}
			ops = append(ops, o.f)
		}
	case len(ts) == 1 && q.Op == nlq.OpAverage:
		// "the 2019 average X": the average of 2019's and the year before's
		ts = append(ts, priorYearTarget(ts[0]))
		fallthrough
	case len(ts) >= 2:
		var like *index.Fact
		for _, t := range ts {
			o := e.findOther(q, ctx, q.Metric, t, like)
			if !o.ok {
				return nil, missing(q, ctx, metricName(q), t, o, operand{ok: true}, keyOr(q.Metric), ""), false
			}
			ops = append(ops, o.f)
			if like == nil {
				f := o.f
				like = &f
			}
		}
	case q.Op == nlq.OpAverage:
		// "the average X": over every period of its row of the same length
		if ops = e.rowAverageOperands(q, ctx); len(ops) < 2 {
			return nil, Answer{}, false
		}
	default:
		return nil, Answer{}, false
	}
	if len(ts) >= 2 {
		// a sum or mean does not depend on order: list the figures as the
		// release prints them
		sort.SliceStable(ops, func(i, j int) bool {
			if ops[i].Offset[0] != ops[j].Offset[0] {
				return ops[i].Offset[0] < ops[j].Offset[0]
			}
			return ops[i].ColIndex < ops[j].ColIndex
		})
	}
	return ops, Answer{}, true
}

// rowAverageOperands are the figures of the best row of q's metric of
// the same length of period, latest first (nil when there is no row).
func (e *Engine) rowAverageOperands(q nlq.Query, ctx *docCtx) []index.Fact {
	first := e.find(q, ctx, q.Metric, target{}, nil)
	if !first.ok {
		return nil
	}
	var ops []index.Fact
	for _, c := range e.findFacts(operandQueryOr(q, q.Metric, ctx), ctx, q.Metric, target{}, "") {
		if sameRow(c.f, first.f) && c.f.Period.Months == first.f.Period.Months && c.f.Period.Kind == first.f.Period.Kind && !containsFact(ops, c.f) {
			ops = append(ops, c.f)
		}
	}
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Period.End.Days() > ops[j].Period.End.Days() })
	return ops
}

// factFigures are the operands of facts' values, in order.
func factFigures(fs []index.Fact) []expr {
	xs := make([]expr, len(fs))
	for i, f := range fs {
		xs[i] = fig(f.Value)
	}
	return xs
}

// compare names the period in which a metric was highest (or lowest).
func (e *Engine) compare(q nlq.Query, ctx *docCtx) (Answer, bool) {
	balance := balanceMetric(q)
	ts := resolve(q, ctx.info, balance)
	var ops []index.Fact
	if len(ts) >= 2 {
		var like *index.Fact
		for _, t := range ts {
			o := e.findOther(q, ctx, q.Metric, t, like)
			if o.ok && !containsFact(ops, o.f) {
				ops = append(ops, o.f)
				if like == nil {
					f := o.f
					like = &f
				}
			}
		}
	} else {
		// every period of the best row
		first := e.find(q, ctx, q.Metric, target{}, nil)
		if !first.ok {
			return Answer{Kind: KindNone, Answer: fmt.Sprintf("Not found: no figure for %s to compare.", metricName(q)), Citations: []Citation{}}, false
		}
		ops = e.rowPeriods(q, ctx, first.f)
	}
	if len(ops) < 2 {
		return Answer{Kind: KindNone, Answer: fmt.Sprintf("Not found: fewer than two periods of %s to compare.", metricName(q)), Citations: []Citation{}}, false
	}
	wantLow := q.Low
	if q.HasBound {
		return boundAnswer(q, ctx, ops), true
	}
	sort.SliceStable(ops, func(i, j int) bool {
		if wantLow {
			return ops[i].Value.LessThan(ops[j].Value)
		}
		return ops[i].Value.GreaterThan(ops[j].Value)
	})
	w := ops[0]
	label := periodLabel(w.Period)
	var parts []string
	for _, f := range ops {
		parts = append(parts, fmt.Sprintf("%s: %s", periodLabel(f.Period), formatValue(f.Value, f.Unit)))
	}
	adj := "higher"
	if wantLow {
		adj = "lower"
	}
	a := computed(ctx, metricName(q), w.Value, -1, w.Unit, strings.Join(parts, "; "), w.Period, ops...)
	a.Answer = fmt.Sprintf("%s — %s was %s in %s (%s)", label, metricName(q), adj, label, strings.Join(parts, "; "))
	a.Value, a.num = "", decimal.Decimal{}
	return a, true
}

// rowPeriods is every period's figure of first's row: for a table row,
// its level figures of first's unit, entity and length of period, one per
// period; for a sentence, the figures the question's words find in it.
func (e *Engine) rowPeriods(q nlq.Query, ctx *docCtx, first index.Fact) []index.Fact {
	var ops []index.Fact
	if first.Source == "table" {
		row, err := e.Index.Row(first.Doc, first.TableIndex, first.RowIndex)
		if err != nil {
			return nil
		}
		for _, f := range row {
			if f.Period.IsZero() || f.Change != "" || f.Unit != first.Unit || f.Entity != first.Entity ||
				f.Period.Months != first.Period.Months || f.Period.Kind != first.Period.Kind {
				continue
			}
			dup := false
			for _, o := range ops {
				dup = dup || samePeriod(o.Period, f.Period)
			}
			if !dup {
				ops = append(ops, f)
			}
		}
		return ops
	}
	for _, c := range e.findFacts(operandQueryOr(q, q.Metric, ctx), ctx, q.Metric, target{}, "") {
		if sameRow(c.f, first) && c.f.Period.Months == first.Period.Months && c.f.Period.Kind == first.Period.Kind && !containsFact(ops, c.f) {
			ops = append(ops, c.f)
		}
	}
	return ops
}

// boundAnswer names the periods whose figure is beyond the question's
// bound ("in which year was X less than 15,000 thousands").
func boundAnswer(q nlq.Query, ctx *docCtx, ops []index.Fact) Answer {
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Period.End.Days() < ops[j].Period.End.Days() })
	rel, op := "more than", func(v decimal.Decimal) bool { return v.GreaterThan(q.Bound) }
	if q.Low {
		rel, op = "less than", func(v decimal.Decimal) bool { return v.LessThan(q.Bound) }
	}
	var hits, parts []string
	var first index.Fact
	for _, f := range ops {
		parts = append(parts, fmt.Sprintf("%s: %s", periodLabel(f.Period), formatValue(f.Value, f.Unit)))
		if op(f.Value) {
			if len(hits) == 0 {
				first = f
			}
			hits = append(hits, periodLabel(f.Period))
		}
	}
	bound := formatValue(q.Bound, ops[0].Unit)
	if len(hits) == 0 {
		return Answer{Kind: KindNone, Citations: []Citation{},
			Answer: fmt.Sprintf("None: %s is not %s %s in any period the release gives (%s).", metricName(q), rel, bound, strings.Join(parts, "; "))}
	}
	a := computed(ctx, metricName(q), first.Value, -1, first.Unit, strings.Join(parts, "; "), first.Period, ops...)
	a.Answer = fmt.Sprintf("%s — %s was %s %s in %s (%s)", strings.Join(hits, ", "), metricName(q), rel, bound, strings.Join(hits, ", "), strings.Join(parts, "; "))
	a.Value, a.num = "", decimal.Decimal{}
	return a
}

// periodLabel is a short name for a period: its fiscal year for a year, else its end date.
func periodLabel(p period.Period) string {
	switch {
	case p.Months == 12 && p.FY != 0:
		return fmt.Sprint(p.FY)
	case p.End.M == 0 && p.End.Y != 0:
		return fmt.Sprint(p.End.Y)
	case p.Tag() != "":
		return p.Tag()
	case p.Kind == period.Instant && p.End.M == 12 && p.End.D >= 28:
		return fmt.Sprint(p.End.Y)
	}
	return p.End.Long()
}

func metricName(q nlq.Query) string {
	switch {
	case q.Metric != nil:
		return q.Metric.Name()
	case q.MetricText != "":
		return q.MetricText
	}
	return strings.Join(q.Terms, " ")
}

func keyOr(m *vocab.Metric) string {
	if m == nil {
		return ""
	}
	return m.Key
}

// missing says which operand a computation lacks.
func missing(q nlq.Query, ctx *docCtx, name string, t target, a, b operand, ka, kb string) Answer {
	v := vocab.Default()
	var lack []string
	if !a.ok {
		n := ka
		if m := v.Metric(ka); m != nil {
			n = m.Name()
		}
		if n == "" {
			n = metricName(q)
		}
		lack = append(lack, n)
	}
	if !b.ok {
		n := kb
		if m := v.Metric(kb); m != nil {
			n = m.Name()
		}
		lack = append(lack, n)
	}
	return Answer{Kind: KindNone, Citations: []Citation{},
		Answer: fmt.Sprintf("Not computed: %s needs %s for %s, which %s does not give.", name, strings.Join(lack, " and "), t.String(), ctx.info.Name)}
}

// computed builds a computed answer citing every operand. places is the
// number of decimal places the value is shown with, -1 for as computed.
func computed(ctx *docCtx, name string, val decimal.Decimal, places int32, unit, formula string, p period.Period, ops ...index.Fact) Answer {
	a := Answer{Kind: KindComputed, Value: val.String(), num: val, Unit: unit, Metric: name, Formula: formula, Citations: []Citation{}}
	if places >= 0 {
		a.Value = val.StringFixed(places)
	}
	a.Entity = ctx.info.Company
	for _, f := range ops {
		if f.Entity != "" {
			a.Entity = f.Entity
		}
		for _, c := range factCitations(f) {
			if !slices.Contains(a.Citations, c) {
				a.Citations = append(a.Citations, c)
			}
		}
	}
	a.Period = describePeriod(p, ctx.info)
	if unit == extract.USD && slices.ContainsFunc(ops, func(f index.Fact) bool { return f.ScaleUnstated }) {
		a.Note = noScaleNote // a change, sum or average of amounts as printed
	}
	a.Answer = fmt.Sprintf("%s — %s, %s = %s", formatFixed(val, unit, places), name, a.Period, formula)
	if len(ops) > 1 {
		// the operands as printed, in the formula's order ("44.1 ; 56.7")
		var printed []string
		lo, hi := ops[0].Start, ops[0].End
		for _, f := range ops {
			pr := strings.TrimSpace(f.Printed)
			if pr == "" {
				pr = f.Value.String()
			}
			printed = append(printed, pr)
			lo, hi = min(lo, f.Start), max(hi, f.End)
		}
		a.Citations = append(a.Citations, Citation{Doc: ops[0].Doc, Line: lo, EndLine: hi, Text: strings.Join(printed, " ; "), Role: "operands"})
	}
	return a
}

func sinceAny(q nlq.Query) bool {
	for _, p := range q.Periods {
		if p.Since {
			return true
		}
	}
	return false
}

// phraseOperands finds the figures a question words ("net bookings",
// "in-game net bookings") at the question's period, preferring one table.
// When one is missing, a is the "none" answer that names it.
func (e *Engine) phraseOperands(q nlq.Query, ctx *docCtx) (ops []index.Fact, a Answer, ok bool) {
	t := target{current: true}
	// the first phrase's metric says nothing of the others: a year is the
	// year's flow or its closing balance, whichever each figure is
	// ("inventory reserves to accrued compensation in 2018")
	pq := q
	pq.Metric, pq.Derived = nil, nil
	if ts := resolve(pq, ctx.info, false); len(ts) > 0 {
		t = ts[0]
	}
	v := vocab.Default()
	var like *index.Fact
	for _, ph := range q.Operands {
		oq := q
		oq.Op, oq.Derived, oq.Unit = nlq.OpNone, nil, ""
		oq.Metric = v.MetricByName(ph)
		oq.Terms = strings.Fields(ph)
		oq.Words = ph
		oq.Modifiers = nil
		o := e.find(oq, ctx, oq.Metric, t, like)
		if !o.ok || !namesHead(o.f, ph) {
			return nil, Answer{Kind: KindNone, Citations: []Citation{}, Answer: fmt.Sprintf("Not computed: %s gives no figure for %q at %s.", ctx.info.Name, ph, t.String())}, false
		}
		ops = append(ops, o.f)
		if like == nil {
			f := o.f
			like = &f
		}
	}
	return ops, Answer{}, true
}

// namesHead reports whether a figure of a sentence is described by the
// head noun of the phrase it is to answer for ("sales" of "AVX's total
// sales"): a sentence holds several figures, and the words of its other
// figures ("related operating profit was $3,300") do not describe it. A
// table's figure is named by its row, which scoring has checked.
func namesHead(f index.Fact, phrase string) bool {
	if f.Source == "table" {
		return true
	}
	ws := index.Terms(phrase)
	if len(ws) == 0 {
		return true
	}
	return termSet(f.Metric)[ws[len(ws)-1]]
}

// sumOfPhrases adds the figures a question names ("the sum of X and Y in 2019").
func (e *Engine) sumOfPhrases(q nlq.Query, ctx *docCtx) (Answer, bool) {
	ops, none, ok := e.phraseOperands(q, ctx)
	if !ok {
		return none, false
	}
	x := sum(factFigures(ops))
	return computed(ctx, "sum of "+strings.Join(q.Operands, " and "), x.value(0), -1, ops[0].Unit, x.String(), ops[0].Period, ops...), true
}

// ratioOfPhrases computes "the ratio of X to Y" where X and Y are worded
// in the question (row labels the vocabulary may not know).
func (e *Engine) ratioOfPhrases(q nlq.Query, ctx *docCtx) (Answer, bool) {
	ops, none, ok := e.phraseOperands(q, ctx)
	if !ok {
		return none, false
	}
	if ops[1].Value.IsZero() {
		return Answer{Kind: KindNone, Citations: []Citation{}, Answer: "Not computed: the second figure is zero."}, false
	}
	places := placesOr(q, 2)
	x, unit := ratio(fig(ops[0].Value), fig(ops[1].Value), q.Unit == extract.Percent)
	val := x.value(places + 8).Round(places)
	a := computed(ctx, fmt.Sprintf("%s to %s", q.Operands[0], q.Operands[1]), val, -1, unit, x.String(), ops[0].Period, ops...)
	// the answer's text shows the value without trailing zeros, Value to the places
	a.Value = val.StringFixed(places)
	return a, true
}

// sameFact reports whether two stored facts are the same figure.
func sameFact(a, b index.Fact) bool {
	return a.Source == b.Source && a.Start == b.Start && a.TableIndex == b.TableIndex && a.RowIndex == b.RowIndex &&
		a.ColIndex == b.ColIndex && a.Value.Equal(b.Value) && a.Period.End == b.Period.End && a.Period.Months == b.Period.Months
}

// onlyRelative reports whether the question's only period phrase is the relative rel.
func onlyRelative(q nlq.Query, rel string) bool {
	return len(q.Periods) == 1 && q.Periods[0].Relative == rel
}

func containsFact(fs []index.Fact, f index.Fact) bool {
	for _, g := range fs {
		if sameFact(g, f) {
			return true
		}
	}
	return false
}

// bothEnds reports a question that names the two periods of a change
// ("from 2018 to 2019", "Q2 2004 versus Q2 2003"), not one and a relation
// ("year over year").
func bothEnds(q nlq.Query) bool {
	n := 0
	for _, p := range q.Periods {
		if p.Relative != "" {
			return false
		}
		n++
	}
	return n == 2
}

// statedAgrees reports whether a stated figure s is the computed c as printed:
// the same unit, and c rounded to s's decimal places is s ("a 150%
// increase" against 149.92; "63.6%" against 63.60).
func statedAgrees(s, c Answer) bool {
	if s.Value == "" || c.Value == "" || s.Unit != c.Unit {
		return false
	}
	return c.num.Round(shownPlaces(s.num)).Equal(s.num)
}

// shownPlaces is the number of decimal places d prints with, trailing
// zeros left out: 1 for 63.60, 0 for 150.
func shownPlaces(d decimal.Decimal) int32 {
	p := int32(0)
	for !d.Round(p).Equal(d) {
		p++
	}
	return p
}

// namedRows are the table figures at t whose row label is made only of the
// question's words other than the metric's ("Cloud" for "revenue from
// cloud"), in the metric's unit, where the row's section names nothing the
// question does not (so not "Cost of revenue: Cloud").
func (e *Engine) namedRows(q nlq.Query, ctx *docCtx, t target, m *vocab.Metric) []candidate {
	terms := withoutCompany(q.Terms, ctx.info)
	if len(terms) == 0 {
		return nil
	}
	dq := q
	dq.Terms = terms
	dq.Metric = nil
	dq.Op, dq.Derived, dq.Unit = nlq.OpNone, nil, ""
	asked := termSet(strings.Join(terms, " ") + " " + q.MetricText + " " + strings.Join(m.Names, " "))
	var own []string // the question's words that name what, not whose
	for _, w := range terms {
		lw := strings.ToLower(w)
		if strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") || genericCompanyWord[lw] {
			continue
		}
		own = append(own, w)
	}
	var out []candidate
	for _, c := range e.findFacts(dq, ctx, nil, t, "") {
		f := c.f
		if f.Source != "table" || f.Change != "" || f.Key != "" && f.Key != m.Key || !unitFits(m.Unit, f.Unit) {
			continue
		}
		label := termSet(f.Metric)
		if len(label) == 0 || !allIn(strings.Fields(f.Metric), asked) {
			continue
		}
		if !allIn(strings.Fields(strings.Join(f.Section, " ")), asked) {
			continue
		}
		// and the question's own words are all the figure's: "goodwill
		// acquisitions for Data Center Group" is not the group's goodwill
		if !allIn(own, termSet(f.Metric+" "+strings.Join(f.Section, " ")+" "+f.Column+" "+f.Table+" "+f.Entity)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

package check

import (
	"slices"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// Narrative checks: the figures the text states against the tables. A
// stated level ("net sales increased to $30,023,000") must equal the
// table's figure of the same metric, period and entity; a stated change
// ("or a 150% increase") must equal the change of the figures it compares;
// a stated margin must equal the ratio of the table figures it is made of.
// Rounded figures ("$2.9 million", "approximately $600,000") agree within
// their rounding, and a net loss stated as a positive amount agrees with a
// negative table figure.

var (
	reFigure   = lazy.NewRegexp(`(?i)\$?\s?\(?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*\)?(\s*(?:thousand|million|billion|trillion)\b)?`)
	reApprox   = lazy.NewRegexp(`(?i)(\b(approximately|about|roughly|nearly|almost|around|over|more\s+than|less\s+than|some|up\s+to|approx\.?|in\s+excess\s+of|close\s+to)|~)\s*\$?\s*$`)
	reLossy    = lazy.NewRegexp(`(?i)\b(loss|losses|deficit|negative)\b`)
	rePoints   = lazy.NewRegexp(`(?i)\b(percentage\s+points?|basis\s+points?|points?|bps|pts?)\b`)
	rePriorYr  = lazy.NewRegexp(`(?i)prior[\s-]year|previous[\s-]year|last\s+year|year[\s-]ago|year[\s-]earlier|same\s+(period|quarter)|year[\s-]over[\s-]year|\byoy\b`)
	approxPart = decimal.New(1, -1) // an "approximately" figure is within 10%
)

// stated is a narrative figure as the text prints it.
type stated struct {
	f      index.Fact
	span   span            // what the printed figure may have been
	unit   decimal.Decimal // its last printed digit, in base units
	approx bool            // said with "approximately", "about" …
	lossy  bool            // said of a loss
	scaled bool            // printed with a scale word ("$2.9 million")
	// before and after are the clause's words right before and after the
	// figure, up to its punctuation or the next figure; rangeEnd marks one
	// end of a range ("$1.65 - $1.75", "between 17.0% and 19.0%").
	before, after string
	rangeEnd      bool
	// at is where the figure stands in its clause (0 when not found).
	at int
}

// statedOf finds the printed form of a text fact in its clause to learn
// its rounding: "$2.9 million" is exact to $100,000, "$6,728,000" to $1,
// "approximately $600,000" to 10%.
func statedOf(f index.Fact) stated {
	s := stated{f: f}
	want := f.Value.Abs()
	found := false
	ms := figuresIn(f.Text)
	for k, m := range ms {
		num := strings.ReplaceAll(f.Text[m[2]:m[3]], ",", "")
		d, err := decimal.NewFromString(num)
		if err != nil {
			continue
		}
		var p int32
		if m[4] >= 0 {
			if sc, ok := vocab.Default().Scale(strings.TrimSpace(f.Text[m[4]:m[5]])); ok {
				p = sc
			}
		}
		if !d.Shift(p).Equal(want) {
			continue
		}
		places := int32(0)
		if i := strings.IndexByte(num, '.'); i >= 0 {
			places = int32(len(num) - i - 1)
		}
		s.unit = decimal.New(1, p-places)
		s.scaled = p > 0
		before := f.Text[:m[0]]
		s.approx = reApprox.MatchString(before)
		s.lossy = reLossy.MatchString(lastChars(before, 60))
		s.before, s.after, s.rangeEnd = surroundings(f.Text, ms, k)
		s.at = m[0]
		found = true
		break
	}
	if !found {
		switch f.Unit {
		case extract.Percent, extract.PerShare:
			s.unit = decimals(f.Value)
		default:
			s.unit = precision(f.Value)
		}
		s.approx = f.Approx && f.Unit != extract.Percent && !s.unit.GreaterThan(one)
	}
	s.lossy = s.lossy || reLossy.MatchString(f.Metric)
	h := s.unit.Mul(half)
	if s.scaled {
		// "$13.56 billion" for 13,554 million: prose rounds loosely (or
		// twice); allow a whole unit of the stated digit
		h = s.unit
	}
	if s.approx {
		h = decimal.Max(h, f.Value.Abs().Mul(approxPart))
	}
	s.span = around(f.Value, h)
	return s
}

var (
	// what ends the words that belong to a figure: punctuation, a
	// conjunction, or the start of a comparison ("$0.80 compared with last
	// year" is this year's $0.80)
	reClauseBreak = lazy.NewRegexp(`(?i)[,;:()—]|\b(?:while|whereas|but|and|compared|versus|vs|from|to)\b`)
	reRangeGap    = lazy.NewRegexp(`(?i)^\s*(?:%|percent)?\s*` + vocab.Default().Group("range_connectors") + `\s*\$?\s*$`)
	reAndGap      = lazy.NewRegexp(`(?i)^\s*(?:%|percent)?\s*and\s*\$?\s*$`)
	// "from X to Y", "increased 5% to $X", "rose by $2 million to $30 million" state a change, not a range
	reCompared   = lazy.NewRegexp(`(?i)\b(?:versus|vs\.?|compared|against|from|over|relative to)\b`)
	reFromEnd    = lazy.NewRegexp(`(?i)\b(?:from|by|up|down|` + vocab.Default().Group("change_cues") + `|` + vocab.Default().Group("growth_words") + `)\s*$`)
	reBetweenEnd = lazy.NewRegexp(`(?i)\bbetween\s*$`)
)

var reStrongBreak = lazy.NewRegexp(`(?i);|\b(?:while|whereas|but)\b`)

// lastPart is what follows the last break between two clauses in s ("up 5%
// compared to last year while non-GAAP EPS were": "non-GAAP EPS were").
func lastPart(s string) string {
	if is := reStrongBreak.FindAllStringIndex(s, -1); len(is) > 0 {
		return s[is[len(is)-1][1]:]
	}
	return s
}

// figuresIn finds the figures of a clause (matches of reFigure), but for
// years ("fiscal 2023"), which are no figures to stand beside.
func figuresIn(text string) [][]int {
	var out [][]int
	for _, m := range reFigure.FindAllStringSubmatchIndex(text, -1) {
		if reYear.MatchString(text[m[0]:m[1]]) && !strings.HasPrefix(strings.TrimSpace(text[m[1]:]), "%") {
			continue
		}
		out = append(out, m)
	}
	return out
}

var reYear = lazy.NewRegexp(`^\s*(19|20)\d\d\s*$`)

// surroundings are the words of text around its figure ms[k] (matches of
// reFigure): before it back to the clause's punctuation or the figure
// before, after it up to the next; and whether the figure is one end of a
// range ("X - Y", "X to Y" but "from X to Y", "between X and Y").
func surroundings(text string, ms [][]int, k int) (before, after string, rangeEnd bool) {
	start, end := 0, len(text)
	if k > 0 {
		start = ms[k-1][1]
	}
	if k+1 < len(ms) {
		end = ms[k+1][0]
	}
	before = text[start:ms[k][0]]
	if is := reClauseBreak.FindAllStringIndex(before, -1); len(is) > 0 {
		before = before[is[len(is)-1][1]:]
	}
	after = strings.TrimLeft(text[ms[k][1]:end], "% ")
	after = strings.TrimPrefix(after, "percent")
	if i := reClauseBreak.FindStringIndex(after); i != nil {
		after = after[:i[0]]
	}
	// a range joins this figure with the next, or the one before with this
	isRange := func(a, b int) bool {
		gap, lead := text[ms[a][1]:ms[b][0]], text[:ms[a][0]]
		pa := strings.HasPrefix(strings.TrimSpace(gap), "%")
		pb := strings.HasPrefix(strings.TrimSpace(text[ms[b][1]:]), "%")
		if pa != pb {
			return false // "5% to $30 million": a change and a level
		}
		return reRangeGap.MatchString(gap) && !reFromEnd.MatchString(lead) || reAndGap.MatchString(gap) && reBetweenEnd.MatchString(lead)
	}
	rangeEnd = k+1 < len(ms) && isRange(k, k+1) || k > 0 && isRange(k-1, k)
	return before, after, rangeEnd
}

func lastChars(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// narrativeCtx holds what the narrative checks look figures up in.
type narrativeCtx struct {
	doc    string
	tables map[int]*table
	facts  []index.Fact // table facts, but for rows whose cells may be misplaced
	all    []index.Fact // every table fact
	// passages give a figure its heading; latest is the day the tables'
	// latest period ends (period.Date.Days), 0 when unknown.
	passages []index.Passage
	latest   int
	// current is the day the release's own period ends (its latest
	// quarter; else latest).
	current int
	// company holds the words of the company's name; entities the
	// entities of the tables by their index.NormEntity form.
	company  map[string]bool
	entities map[string]string
	// clauses holds the text facts of each clause, in order.
	clauses map[clauseKey][]index.Fact
}

// clauseKey names a clause: its first line and its text.
type clauseKey struct {
	start int
	text  string
}

// halfUnit is half the last printed digit of a table figure.
func (x *narrativeCtx) halfUnit(f index.Fact) decimal.Decimal {
	t := x.tables[f.TableIndex]
	switch f.Unit {
	case extract.USD:
		if t != nil && !t.unit.IsZero() {
			return t.unit.Mul(half)
		}
	case extract.Shares:
		if t != nil && !t.shareUnit.IsZero() {
			return t.shareUnit.Mul(half)
		}
	case extract.PerShare:
		return decimal.Min(decimals(f.Value), decimal.New(1, -2)).Mul(half)
	}
	return decimals(f.Value).Mul(half)
}

func (x *narrativeCtx) spanOf(f index.Fact) span { return around(f.Value, x.halfUnit(f)) }

// narrative checks every narrative figure it can tie to the tables.
func narrative(rel Release, tables []*table) []Check {
	x := &narrativeCtx{doc: rel.Doc, tables: map[int]*table{}, passages: slices.Clone(rel.Passages),
		company: map[string]bool{}, entities: map[string]string{}}
	slices.SortStableFunc(x.passages, func(a, b index.Passage) int { return a.Start - b.Start })
	if rel.Info != nil {
		x.company = rel.Info.CompanyWords()
	}
	for _, t := range tables {
		x.tables[t.index] = t
	}
	if rel.Info != nil && !rel.Info.Current.End.IsZero() {
		x.current = rel.Info.Current.End.Days()
	}
	var text []index.Fact
	for _, f := range rel.Facts {
		if f.Source != "table" {
			text = append(text, f)
			continue
		}
		x.all = append(x.all, f)
		if !reGlued.MatchString(f.Metric) {
			x.facts = append(x.facts, f)
		}
		if d := f.Period.End; !d.IsZero() && d.Days() > x.latest {
			x.latest = d.Days()
		}
		if f.Entity != "" {
			x.entities[index.NormEntity(f.Entity)] = f.Entity
		}
	}
	if x.current == 0 {
		x.current = x.latest
	}
	// the facts of each clause, in order
	x.clauses = map[clauseKey][]index.Fact{}
	for _, f := range text {
		k := clauseKey{f.Start, f.Text}
		x.clauses[k] = append(x.clauses[k], f)
	}
	var out []Check
	for _, f := range text {
		clause := x.clauses[clauseKey{f.Start, f.Text}]
		var c *Check
		switch {
		case f.Change == "" && f.Key != "" && (f.Unit == extract.USD || f.Unit == extract.PerShare || f.Unit == extract.Shares):
			c = x.figure(f)
		case f.Change == "pct_change" && f.Unit == extract.Percent:
			c = x.change(f, clause, true)
		case f.Change == "change" && f.Unit == extract.USD && f.Key != "":
			c = x.change(f, clause, false)
		case f.Change == "" && f.Unit == extract.Percent && f.Key != "":
			c = x.ratio(f)
		}
		if c != nil {
			out = append(out, *c)
		}
	}
	return out
}

func sameEntity(a, b string) bool { return index.NormEntity(a) == index.NormEntity(b) }

// samePeriod reports whether two periods are the same figure's: the same
// kind and length ending on the same date, or the same fiscal quarter or
// year.
func samePeriod(a, b period.Period) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	ai, bi := a.Kind == period.Instant, b.Kind == period.Instant
	if ai != bi && a.Kind != period.Unknown && b.Kind != period.Unknown {
		return false
	}
	if !ai && a.Months != 0 && b.Months != 0 && a.Months != b.Months {
		return false
	}
	if ta, tb := a.Tag(), b.Tag(); ta != "" && tb != "" {
		return ta == tb && (a.End.IsZero() || b.End.IsZero() || a.End.Near(b.End))
	}
	if a.End.IsZero() || b.End.IsZero() || !ai && (a.Months == 0 || b.Months == 0) {
		return false
	}
	return a.End.Near(b.End)
}

// priorYear is the same period a year earlier.
func priorYear(p period.Period) period.Period {
	if p.FY != 0 {
		p.FY--
	}
	if p.End.Y != 0 {
		p.End.Y--
	}
	p.Label = ""
	return p
}

// candidates are the table figures a text fact may restate.
func (x *narrativeCtx) candidates(key, unit, entity, basis string, adjusted bool, p period.Period) []index.Fact {
	var out []index.Fact
	for _, g := range x.facts {
		if g.Key != key || g.Unit != unit || g.Change != "" || g.Adjusted != adjusted || !sameEntity(g.Entity, entity) || !samePeriod(g.Period, p) {
			continue
		}
		if basis != "" && g.Basis != "" && g.Basis != basis {
			continue
		}
		out = append(out, g)
	}
	return out
}

// one is the table's figure of a metric for a period: the figure most of
// the tables that give it agree on; ok is false when none gives it or no
// figure has a majority.
func (x *narrativeCtx) one(key, entity string, p period.Period) (index.Fact, bool) {
	cs := x.candidates(key, extract.USD, entity, "", false, p)
	best, votes, tie := -1, 0, false
	for i, g := range cs {
		n := 0
		for _, h := range cs {
			if x.spanOf(g).overlaps(x.spanOf(h)) {
				n++
			}
		}
		switch {
		case n > votes:
			best, votes, tie = i, n, false
		case n == votes && !x.spanOf(cs[best]).overlaps(x.spanOf(g)):
			tie = true
		}
	}
	if best < 0 || tie {
		return index.Fact{}, false
	}
	return cs[best], true
}

// addCite appends a citation unless the same lines are already cited.
func addCite(cs []Citation, c Citation) []Citation {
	for _, o := range cs {
		if o.Doc == c.Doc && o.Start == c.Start && o.End == c.End && o.Role == c.Role {
			return cs
		}
	}
	return append(cs, c)
}

func textCite(doc string, f index.Fact) Citation {
	return Citation{Doc: doc, Start: f.Start, End: f.End, Role: "text", Text: f.Text}
}

func tableCite(doc string, g index.Fact) Citation {
	return Citation{Doc: doc, Start: g.Start, End: g.End, Role: "table", Text: g.Cite}
}

func metricName(key string) string {
	if m := vocab.Default().Metric(key); m != nil {
		return m.Name()
	}
	return key
}

func scaleWords(s int32) string {
	switch s {
	case 3:
		return " (thousands)"
	case 6:
		return " (millions)"
	case 9:
		return " (billions)"
	}
	return ""
}

// figure checks a stated level against the table.
func (x *narrativeCtx) figure(f index.Fact) *Check {
	st := statedOf(f)
	c := &Check{Kind: Figure, Status: NotChecked, Subject: metricName(f.Key), Period: f.Period.String(),
		Found: ptr(f.Value), Unit: f.Unit, Citations: []Citation{textCite(x.doc, f)}}
	ent := x.entityOf(f)
	if ent != "" {
		c.Subject += " (" + ent + ")"
	}
	if why := x.unpaired(f, st); why != "" {
		c.Note = why
		return c
	}
	cands := x.candidates(f.Key, f.Unit, ent, f.Basis, f.Adjusted, f.Period)
	if len(cands) == 0 {
		c.Note = "no table figure for this metric, entity and period"
		return c
	}
	agrees := func(g index.Fact) bool {
		gs := x.spanOf(g)
		return st.span.overlaps(gs) || st.lossy && f.Value.IsPositive() && g.Value.IsNegative() && st.span.overlaps(gs.neg())
	}
	var best index.Fact
	for i, g := range cands {
		if agrees(g) {
			c.Status = OK
			c.Rule = ruleSame
			if why := x.narrower(f, ent); why != "" {
				c.Rule = ruleAgree + " (a difference would not be one: " + why + ")"
			}
			c.Subject = g.Describe()
			c.Expected = ptr(g.Value)
			c.Tolerance = ptr(x.halfUnit(g).Add(st.span.hi.Sub(f.Value)))
			c.Formula = "text " + formatValue(f.Value, f.Unit) + " = table " + printed(g.Value, g.Scale) + scaleWords(g.Scale)
			if st.lossy && f.Value.IsPositive() && g.Value.IsNegative() {
				c.Note = "the text states a loss as a positive amount"
			}
			c.Citations = append(c.Citations, tableCite(x.doc, g))
			return c
		}
		if i == 0 || g.Value.Abs().Sub(f.Value.Abs()).Abs().LessThan(best.Value.Abs().Sub(f.Value.Abs()).Abs()) {
			best = g
		}
	}
	return x.figureDiffers(c, f, st, ent, best)
}

// figureDiffers reports a stated level that differs from the nearest table
// figure best of its metric, entity and period: a disagreement, unless the
// difference has a likelier reading than an error.
func (x *narrativeCtx) figureDiffers(c *Check, f index.Fact, st stated, ent string, best index.Fact) *Check {
	c.Subject = best.Describe()
	c.Expected = ptr(best.Value)
	c.Tolerance = ptr(x.halfUnit(best).Add(st.span.hi.Sub(f.Value)))
	c.Formula = "text " + formatValue(f.Value, f.Unit) + " ≠ table " + printed(best.Value, best.Scale) + scaleWords(best.Scale)
	c.Citations = append(c.Citations, tableCite(x.doc, best))
	// the figure may be another period's, or another row's whose name shares
	// a word with the sentence's subject, read under the wrong name (a figure
	// of any row, by chance as near, is no such evidence)
	for _, g := range x.all {
		if g.Unit == f.Unit && st.span.abs().overlaps(x.spanOf(g).abs()) && (g.Key != "" && g.Key == f.Key || sharesWord(f.Metric, g.Metric)) {
			c.Note = "the table prints this figure for " + g.Metric + ", " + g.Period.String() + "; the text may mean that"
			return c
		}
	}
	bs := x.spanOf(best)
	for _, k := range []int32{-9, -6, -3, 3, 6, 9} {
		if st.span.abs().overlaps(span{bs.lo.Shift(k), bs.hi.Shift(k)}.abs()) {
			c.Note = "agrees only at another scale; the table's units are unclear"
			return c
		}
	}
	if r := f.Value.Abs().Div(decimal.Max(best.Value.Abs(), decimal.New(1, -9))); r.LessThan(half) || r.GreaterThan(two) {
		c.Note = "too far from the table's figure to be meant as the same figure (a part of it?)"
		return c
	}
	if why := x.narrower(f, ent); why != "" {
		c.Note = why + ": a part of the company's figure, not the figure"
		return c
	}
	c.Status = Mismatch
	c.Rule = ruleSame
	if ent != f.Entity {
		c.Rule = "same metric, period and basis; the entity the sentence's subject names (" + ent + ")"
	}
	return c
}

// sharesWord reports whether two labels share a word that names something
// (not a stopword, not "total", not "net").
func sharesWord(a, b string) bool {
	v := vocab.Default()
	ws := map[string]bool{}
	for _, w := range vocab.Tokens(a) {
		ws[vocab.Singular(w)] = true
	}
	for _, w := range vocab.Tokens(b) {
		w = vocab.Singular(w)
		if ws[w] && !v.IsStopword(w) && !v.IsWhole(w) && !v.Words("label_neutral_words")[w] {
			return true
		}
	}
	return false
}

// change checks a stated change (a percentage when pct, else an amount)
// against the figures it compares: the levels stated in the same clause,
// else the table's figures for the period and the year before.
func (x *narrativeCtx) change(f index.Fact, clause []index.Fact, pct bool) *Check {
	kind := "change"
	if pct {
		kind = "% change"
	}
	c := &Check{Kind: Change, Status: NotChecked, Subject: kind + " in " + metricName(f.Key), Period: f.Period.String(),
		Found: ptr(f.Value), Unit: f.Unit, Citations: []Citation{textCite(x.doc, f)}}
	if f.Key == "" {
		c.Subject = kind + " in " + f.Metric
	}
	ent := x.entityOf(f)
	if ent != "" {
		c.Subject += " (" + ent + ")"
	}
	st := statedOf(f)
	if c.Note = x.changeUnpaired(f, st, clause, pct); c.Note != "" {
		return c
	}
	stated := around(f.Value.Abs(), st.span.hi.Sub(f.Value))
	tries := x.changePairs(f, ent, clause, pct)
	// a table that prints the change itself
	if pct && f.Key != "" {
		for _, g := range x.facts {
			if g.Key == f.Key && g.Change == "pct_change" && g.Adjusted == f.Adjusted && sameEntity(g.Entity, ent) &&
				samePeriod(g.Period, f.Period) && stated.overlaps(x.spanOf(g).abs()) {
				c.Status = OK
				c.Rule = ruleTableRate
				c.Expected = ptr(g.Value)
				c.Tolerance = ptr(stated.hi.Sub(f.Value.Abs()))
				c.Formula = "text " + formatValue(f.Value.Abs(), f.Unit) + " = table " + formatValue(g.Value, extract.Percent)
				c.Citations = append(c.Citations, tableCite(x.doc, g))
				return c
			}
		}
	}
	if len(tries) == 0 {
		if c.Note = x.noPairNote(f, ent, clause, pct); c.Note == "" {
			c.Note = "the figures it compares are not found"
		}
		return c
	}
	var first *Check
	for _, t := range tries {
		cc, ok := x.changeCheck(c, f, ent, st, stated, t, pct)
		if !ok {
			continue
		}
		if cc.Status == OK {
			return cc
		}
		if first == nil {
			first = cc
		}
	}
	if first == nil {
		c.Note = "the figures it compares cross zero"
		return c
	}
	// a stated change that fits another pair of periods in the tables was
	// probably read under the wrong period
	if f.Key != "" && x.fitsOtherPeriods(f, ent, stated, pct) {
		first.Status = NotChecked
		first.Note = "agrees with the tables for another period; the text's period is unclear"
	}
	return first
}

// changeUnpaired is why a stated change is compared with nothing, or "".
func (x *narrativeCtx) changeUnpaired(f index.Fact, st stated, clause []index.Fact, pct bool) string {
	if pct && rePoints.MatchString(f.Text) {
		return "a change in percentage points, not a relative change"
	}
	if m := vocab.Default().Metric(f.Key); m != nil && m.Unit == extract.Percent {
		return "a change of a rate"
	}
	for _, g := range clause {
		if g.Change == f.Change && g.Key == f.Key && sameEntity(g.Entity, f.Entity) && samePeriod(g.Period, f.Period) && !g.Value.Equal(f.Value) {
			return "the clause states several changes of this metric; which is which is unclear"
		}
	}
	// a change is of an earlier period by nature: the prior-period rule is not for it
	for _, r := range pairingRules {
		if r.name == "prior-period" {
			continue
		}
		if why := r.why(x, f, st); why != "" {
			return r.name + " rule: " + why
		}
	}
	return ""
}

// changePair is a pair of figures a stated change may compare.
type changePair struct {
	cur, prior span
	cf, pf     index.Fact
	from       string // "text" or "table"
	curScale   int32
}

// changePairs are the pairs of figures a stated change may compare: the
// levels its clause states, then the tables' figures for the period and
// the year before. The tables stand in only when the clause is about the
// metric itself (it states a level of it, and the tables' figure agrees
// with that level: "Net revenues in Investment Banking were $14.88
// billion … 58% higher" is not about total net revenues), it compares with
// the year before, and it names nothing narrower than the company.
func (x *narrativeCtx) changePairs(f index.Fact, ent string, clause []index.Fact, pct bool) []changePair {
	var tries []changePair
	if cf, pf, ok := clausePair(f, clause); ok {
		tries = append(tries, changePair{statedOf(cf).span, statedOf(pf).span, cf, pf, "text", 0})
	}
	if !pct || f.Key == "" || !statesLevel(f, clause) || !x.namesPriorYear(f) || x.noPairNote(f, ent, clause, pct) != "" {
		return tries
	}
	cf, ok1 := x.one(f.Key, ent, f.Period)
	pf, ok2 := x.one(f.Key, ent, priorYear(f.Period))
	if ok1 && ok2 {
		tries = append(tries, changePair{x.spanOf(cf), x.spanOf(pf), cf, pf, "table", cf.Scale})
	}
	return tries
}

// noPairNote is why the tables do not stand in for the figures a stated
// change compares though the clause states a level, or "".
func (x *narrativeCtx) noPairNote(f index.Fact, ent string, clause []index.Fact, pct bool) string {
	if !pct || f.Key == "" || !statesLevel(f, clause) {
		return ""
	}
	if ent == f.Entity {
		if why := x.narrower(f, ent); why != "" {
			return why + ": not the company's figure the tables give"
		}
	}
	cf, ok := x.one(f.Key, ent, f.Period)
	if !ok {
		return ""
	}
	for _, g := range clause {
		if g.Change != "" || g.Key != f.Key || !sameEntity(g.Entity, f.Entity) || g.Unit != cf.Unit || !samePeriod(g.Period, f.Period) {
			continue
		}
		if gs := statedOf(g); x.unpaired(g, gs) == "" && !gs.span.abs().overlaps(x.spanOf(cf).abs()) {
			return "the clause's own level " + formatValue(g.Value, g.Unit) + " is not the table's " + printed(cf.Value, cf.Scale) +
				scaleWords(cf.Scale) + ": the sentence speaks of something else"
		}
	}
	return ""
}

// changeCheck compares a stated change with the change of one pair of
// figures; ok is false when the pair crosses zero.
func (x *narrativeCtx) changeCheck(c *Check, f index.Fact, ent string, st stated, stated span, t changePair, pct bool) (*Check, bool) {
	got, mid, ok := changeOf(t.cur, t.prior, pct)
	if !ok {
		return nil, false
	}
	cc := *c
	cc.Citations = append([]Citation{}, c.Citations...)
	cc.Rule = ruleClause
	cv, pv := formatValue(t.cf.Value, t.cf.Unit), formatValue(t.pf.Value, t.pf.Unit)
	if t.from == "table" {
		cc.Rule = ruleTable
		cc.Citations = addCite(addCite(cc.Citations, tableCite(x.doc, t.cf)), tableCite(x.doc, t.pf))
		cv, pv = printed(t.cf.Value, t.curScale), printed(t.pf.Value, t.curScale)
	}
	cc.Expected = ptr(roundLike(mid, st.unit))
	cc.Tolerance = ptr(stated.hi.Sub(f.Value.Abs()))
	if pct {
		cc.Formula = "(" + cv + " − " + pv + ") / |" + pv + "| = " + commas(roundLike(mid, st.unit).String()) + "%"
	} else {
		cc.Formula = cv + " − " + pv + " = " + formatValue(mid, extract.USD)
	}
	if stated.overlaps(got) {
		cc.Status = OK
		cc.Formula += " ≈ stated " + formatValue(f.Value.Abs(), f.Unit)
		if t.from == "table" {
			cc.Note = "computed from the tables"
		}
		return &cc, true
	}
	cc.Status = Mismatch
	cc.Formula += ", but the text states " + formatValue(f.Value.Abs(), f.Unit)
	if t.from == "text" && f.Key != "" {
		// show the table's lines for the figures compared, too
		for _, p := range []period.Period{t.cf.Period, t.pf.Period} {
			if g, ok := x.one(f.Key, ent, p); ok {
				cc.Citations = addCite(cc.Citations, tableCite(x.doc, g))
			}
		}
	}
	return &cc, true
}

// statesLevel reports whether the clause of a stated change also states a
// level of the same metric.
func statesLevel(f index.Fact, clause []index.Fact) bool {
	for _, g := range clause {
		if g.Change == "" && g.Key == f.Key && sameEntity(g.Entity, f.Entity) && g.Unit != extract.Percent {
			return true
		}
	}
	return false
}

// changeOf is the range of the change from prior to cur, and a value to
// show. A percentage change of two losses is the change of their size.
func changeOf(cur, prior span, pct bool) (got span, mid decimal.Decimal, ok bool) {
	sameSign := cur.lo.Sign() == cur.hi.Sign() && prior.lo.Sign() == prior.hi.Sign() && cur.lo.Sign() == prior.lo.Sign()
	if pct {
		g, ok := pctChange(cur, prior)
		if !ok {
			return span{}, zero, false
		}
		if sameSign && cur.lo.IsNegative() {
			g, _ = pctChange(cur.abs(), prior.abs())
		}
		return g.abs(), g.mid().Abs(), true
	}
	d := span{cur.lo.Sub(prior.hi), cur.hi.Sub(prior.lo)}
	return d.abs(), d.mid().Abs(), true
}

// clausePair finds the current and prior levels a stated change compares
// in its own clause ("increased to $30,023,000 from $12,013,000, or 150%").
func clausePair(f index.Fact, clause []index.Fact) (cur, prior index.Fact, ok bool) {
	var levels []index.Fact
	for _, g := range clause {
		if g.Change == "" && g.Key == f.Key && sameEntity(g.Entity, f.Entity) && g.Adjusted == f.Adjusted &&
			(g.Unit == extract.USD || g.Unit == extract.Shares || g.Unit == extract.PerShare || g.Unit == extract.Count) {
			levels = append(levels, g)
		}
	}
	var cs, ps []index.Fact
	for _, g := range levels {
		switch {
		case samePeriod(g.Period, f.Period):
			cs = append(cs, g)
		case samePeriod(g.Period, priorYear(f.Period)):
			ps = append(ps, g)
		}
	}
	if len(cs) != 1 || len(ps) != 1 || cs[0].Unit != ps[0].Unit {
		return cur, prior, false
	}
	return cs[0], ps[0], true
}

// namesPriorYear reports whether a stated change compares with the year
// before (and with no other period).
func (x *narrativeCtx) namesPriorYear(f index.Fact) bool {
	prior := rePriorYr.MatchString(f.Text)
	cur, py := f.Period, priorYear(f.Period)
	for _, m := range period.ScanPeriods(f.Text) {
		p := m.Period
		// a mention may leave out the year ("fourth quarter") or the quarter ("2003")
		fq := p.FQ == 0 || p.FQ == cur.FQ
		switch {
		case samePeriod(p, cur) || fq && (p.FY == 0 || p.FY == cur.FY) && p.End.IsZero():
		case samePeriod(p, py) || fq && p.FY != 0 && p.FY == py.FY:
			prior = true
		case p.FQ > 0 || p.Months > 0:
			return false // another period: a sequential comparison
		}
	}
	return prior
}

// fitsOtherPeriods reports whether a stated change equals the change
// between two other same-length periods a year apart in the tables.
func (x *narrativeCtx) fitsOtherPeriods(f index.Fact, ent string, stated span, pct bool) bool {
	for _, g := range x.facts {
		if g.Key != f.Key || g.Unit != extract.USD || g.Change != "" || g.Adjusted || !sameEntity(g.Entity, ent) || g.Period.IsZero() {
			continue
		}
		for _, h := range x.facts {
			if h.Key != f.Key || h.Unit != extract.USD || h.Change != "" || h.Adjusted || !sameEntity(h.Entity, ent) {
				continue
			}
			if !samePeriod(h.Period, priorYear(g.Period)) {
				continue
			}
			if got, _, ok := changeOf(x.spanOf(g), x.spanOf(h), pct); ok && got.overlaps(stated) {
				return true
			}
		}
	}
	return false
}

// ratio checks a stated margin or rate against the table: a printed rate
// of the same name, else the ratio of the figures it is made of.
func (x *narrativeCtx) ratio(f index.Fact) *Check {
	c := &Check{Kind: TextRatio, Status: NotChecked, Subject: metricName(f.Key), Period: f.Period.String(),
		Found: ptr(f.Value), Unit: extract.Percent, Citations: []Citation{textCite(x.doc, f)}}
	if f.Entity != "" {
		c.Subject += " (" + f.Entity + ")"
		c.Note = "no table figures for " + f.Entity
		return c
	}
	st := statedOf(f)
	if c.Note = x.unpaired(f, st); c.Note != "" {
		return c
	}
	stated := st.span.abs()
	c.Tolerance = ptr(st.span.hi.Sub(f.Value))
	// a printed rate
	for _, g := range x.facts {
		if g.Key == f.Key && g.Unit == extract.Percent && g.Change == "" && g.Adjusted == f.Adjusted && g.Entity == "" && samePeriod(g.Period, f.Period) {
			c.Expected = ptr(g.Value)
			c.Citations = append(c.Citations, tableCite(x.doc, g))
			if stated.overlaps(x.spanOf(g).abs()) {
				c.Status = OK
				c.Rule = ruleRateRow
				c.Formula = "text " + formatValue(f.Value, extract.Percent) + " = table " + formatValue(g.Value, extract.Percent)
				return c
			}
			c.Formula = "text " + formatValue(f.Value, extract.Percent) + " ≠ table " + formatValue(g.Value, extract.Percent)
			return x.rateMismatch(c, f, ruleRateRow)
		}
	}
	return x.computedRate(c, f, st)
}

// computedRate checks a stated rate against the ratio of the table
// figures the vocabulary defines it by.
func (x *narrativeCtx) computedRate(c *Check, f index.Fact, st stated) *Check {
	stated := st.span.abs()
	d := derivedOf(f.Key)
	if d == nil || f.Adjusted {
		c.Note = "no table figures to compute it from"
		return c
	}
	den, ok := x.one(d.Den, "", f.Period)
	if !ok {
		c.Note = "no table figure of " + metricName(d.Den) + " for the period"
		return c
	}
	var num span
	var cites []Citation
	var numText string
	if nf, ok := x.one(d.Num, "", f.Period); ok {
		num = x.spanOf(nf)
		cites = append(cites, tableCite(x.doc, nf))
		numText = printed(nf.Value, nf.Scale)
	} else if len(d.AltNum.Minus) == 2 {
		a, ok1 := x.one(d.AltNum.Minus[0], "", f.Period)
		b, ok2 := x.one(d.AltNum.Minus[1], "", f.Period)
		if !ok1 || !ok2 {
			c.Note = "no table figure of " + metricName(d.Num) + " for the period"
			return c
		}
		as, bs := x.spanOf(a), x.spanOf(b)
		num = span{as.lo.Sub(bs.hi), as.hi.Sub(bs.lo)}
		cites = append(cites, tableCite(x.doc, a), tableCite(x.doc, b))
		numText = "(" + printed(a.Value, a.Scale) + " − " + printed(b.Value, b.Scale) + ")"
	} else {
		c.Note = "no table figure of " + metricName(d.Num) + " for the period"
		return c
	}
	ds := x.spanOf(den)
	if ds.straddlesZero() {
		return c
	}
	q := quotient(num, ds)
	got := span{q.lo.Mul(hundred), q.hi.Mul(hundred)}.abs()
	mid := roundLike(got.mid(), st.unit)
	c.Expected = ptr(mid)
	for _, ct := range append(cites, tableCite(x.doc, den)) {
		c.Citations = addCite(c.Citations, ct)
	}
	c.Formula = numText + " / " + printed(den.Value, den.Scale) + " = " + commas(mid.String()) + "%"
	if stated.overlaps(got) {
		c.Status = OK
		c.Rule = ruleRatio
		c.Formula += " ≈ stated " + formatValue(f.Value, extract.Percent)
		return c
	}
	c.Formula += ", but the text states " + formatValue(f.Value, extract.Percent)
	if r := f.Value.Abs().Div(decimal.Max(mid, decimal.New(1, -9))); r.LessThan(half) || r.GreaterThan(two) {
		c.Note = "too far from the computed rate to be meant as the same figure"
		return c
	}
	return x.rateMismatch(c, f, ruleRatio)
}

// rateMismatch makes a stated rate that differs from the table's a
// disagreement, unless the sentence names something narrower than the
// company.
func (x *narrativeCtx) rateMismatch(c *Check, f index.Fact, rule string) *Check {
	if why := x.narrower(f, ""); why != "" {
		c.Note = why + ": a part's rate, not the company's"
		return c
	}
	c.Status = Mismatch
	c.Rule = rule + "; the sentence names no narrower subject"
	return c
}

// derivedOf is the vocabulary's definition of a rate metric, as num/den.
func derivedOf(key string) *vocab.Derived {
	v := vocab.Default()
	for _, d := range v.Derived {
		if d.Unit != "percent" || d.Num == "" || d.Den == "" {
			continue
		}
		if m := v.MetricByName(d.Name); m != nil && m.Key == key {
			return d
		}
	}
	return nil
}

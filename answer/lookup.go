package answer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// target is a period a question asks about, resolved against a release.
type target struct {
	kind     period.PeriodKind // Instant, Duration, or Unknown (either)
	months   int               // 0 = any length
	end      period.Date       // zero = any
	fq, fy   int               // 0 = any
	explicit bool              // the question named it
	calKnown bool              // the release states its fiscal calendar: no calendar-quarter reading
	year     bool              // a year, for a figure that may be a flow or a balance
	current  bool              // the release's own period, by default or "this quarter"
	text     string
}

func (t target) String() string {
	if t.text != "" {
		return t.text
	}
	p := period.Period{Kind: t.kind, End: t.end, Months: t.months, FQ: t.fq, FY: t.fy}
	return p.String()
}

// balanceMetric reports whether q asks for a balance (a figure at a date).
func balanceMetric(q nlq.Query) bool {
	return q.Metric != nil && q.Metric.Kind == "balance"
}

// resolve turns the question's period phrases into targets for release d.
// With no period, a flow figure gets the release's own period and a
// balance its latest balance-sheet date.
func resolve(q nlq.Query, d *index.DocInfo, balance bool) (out []target) {
	defer func() {
		for i := range out {
			out[i].calKnown = d.Calendar.Known
		}
	}()
	var base *target
	for _, ps := range q.Periods {
		if ps.Relative != "" {
			continue
		}
		t := explicitTarget(ps, d, balance, q.Metric != nil || q.Derived != nil)
		out = append(out, t)
		if base == nil {
			b := t
			base = &b
		}
	}
	defer func() { out = dedupeTargets(out) }()
	for _, ps := range q.Periods {
		switch ps.Relative {
		case "current":
			t := defaultTarget(d, balance)
			if ps.Months > 0 && !balance {
				t.months = ps.Months
			}
			t.text = ps.Text
			t.explicit = true
			out = append(out, t)
		case "ytd":
			t := ytdTarget(d)
			t.explicit = true
			out = append(out, t)
		case "year_end":
			// the end of the last full fiscal year: the balance sheet's comparison date
			fy := d.Current.FY
			if !(d.Current.FQ == 4 || d.Current.Months == 12) {
				fy--
			}
			t := target{kind: period.Instant, fq: 4, fy: fy, explicit: true, text: ps.Text}
			out = append(out, t)
			if base == nil {
				b := t
				base = &b
			}
		case "prior_year":
			var b target
			if base != nil {
				b = *base
			} else if len(out) > 0 {
				b = out[len(out)-1]
			} else {
				b = defaultTarget(d, balance)
			}
			out = append(out, priorYearTarget(b))
		}
	}
	return out
}

func defaultTarget(d *index.DocInfo, balance bool) target {
	if balance {
		t := target{kind: period.Instant, end: d.Latest, current: true}
		if d.Latest.IsZero() {
			t.end = d.Current.End
		}
		return t
	}
	c := d.Current
	return target{kind: period.Duration, months: c.Months, end: c.End, fq: c.FQ, fy: c.FY, current: true}
}

// ytdTarget is the longest period of the release ending at its current date.
func ytdTarget(d *index.DocInfo) target {
	best := d.Current
	for _, p := range d.Periods {
		if p.Kind == period.Duration && p.End.Near(d.Current.End) && p.Months > best.Months && p.Months <= 12 {
			best = p
		}
	}
	return target{kind: period.Duration, months: best.Months, end: best.End, fy: best.FY, fq: best.FQ, explicit: true, text: "year to date"}
}

func priorYearTarget(b target) target {
	t := b
	if t.fy != 0 {
		// the fiscal year names it; a 52/53-week year may end in another month
		t.fy--
		t.end = period.Date{}
	} else if t.end.Y != 0 {
		t.end.Y--
		t.end.D = 0 // fiscal calendars shift the day
	}
	t.current = false
	t.explicit = true
	t.text = ""
	return t
}

// explicitTarget reads a period the question names.
func explicitTarget(ps nlq.PeriodSpec, d *index.DocInfo, balance, flowKnown bool) target {
	p := ps.Period
	t := target{kind: p.Kind, months: p.Months, end: p.End, fq: p.FQ, fy: p.FY, explicit: true}
	if p.Weeks > 0 && t.months == 0 {
		t.months = p.Weeks / 4
	}
	if t.fq > 0 && t.months == 0 {
		t.months = 3
	}
	if t.fq > 0 && t.fy == 0 {
		t.fy = d.Current.FY
	}
	if t.months > 0 && t.months <= 12 && t.fq == 0 && t.fy == 0 && t.end.IsZero() {
		// "the six months", "nine-month sales": the period ending at the release's date
		t.end = d.Current.End
		t.fy = d.Current.FY
		if t.months == 3 {
			t.current = true
		}
	}
	switch {
	case ps.YearOnly && t.end.IsZero() && t.fq == 0 && t.months == 0:
		// "2004", "fiscal 2014", "fiscal year end 2003"
		switch {
		case balance || containsAny(strings.ToLower(ps.Text), yearEndCues):
			t.kind = period.Instant
			t.fq = 4
		case !flowKnown:
			// a figure the vocabulary does not know: the year's flow or its closing balance
			t.year = true
		default:
			t.kind = period.Duration
			t.months = 12
		}
	case !t.end.IsZero() && t.kind == period.Unknown && t.months == 0:
		if balance {
			t.kind = period.Instant
		}
	case t.months > 0 && t.kind == period.Unknown:
		t.kind = period.Duration
	}
	if balance && t.kind == period.Duration && t.fq == 0 && t.months == 12 && t.fy != 0 && t.end.IsZero() {
		// a balance "for year 2019": the year's closing balance
		t.kind, t.fq = period.Instant, 4
	}
	if balance && t.kind == period.Duration && t.fq > 0 && t.months == 3 && t.end.IsZero() {
		// a balance "at the end of the second quarter": the quarter's end date
		t.kind = period.Instant
	}
	if t.kind == period.Instant {
		t.months = 0
	}
	if t.end.M > 0 && t.fq == 0 && t.fy == 0 && (t.kind == period.Instant || t.months == 3) {
		// a date: its fiscal quarter and year, so "11/29/03" meets "fiscal year end 2003"
		t.fq, t.fy = d.Calendar.Label(t.end)
	}
	if t.months == 12 && t.fq == 0 && t.fy != 0 {
		// a fiscal year: its end is the release calendar's year end
		t.fq = 0
	}
	return t
}

// yearEndCues, anywhere in a phrase that names a year alone ("fiscal year
// end 2003"), ask for the year's closing balance: vocab's year_end_cues.
var yearEndCues = vocab.Default().Phrases("year_end_cues")

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// periodMatch scores how well fact period p fits target t: 1 exact, lower
// for weaker fits, 0 for no fit.
func periodMatch(p period.Period, t target) float64 {
	if p.IsZero() || p.Kind == period.Unknown && p.End.IsZero() && p.FY == 0 {
		// a figure with no period of its own fits only the release's own period
		if t.current || !t.explicit {
			return 0.6
		}
		return 0
	}
	if t.year {
		// the year's flow or its closing balance
		y := p.FY
		if y == 0 {
			y = p.End.Y
		}
		if y == t.fy && (p.Kind == period.Instant || p.Months == 12 || p.Year) {
			return 1
		}
		return 0
	}
	// kind; a column headed by a year alone holds a year's flow or its
	// closing balance, whichever the row is
	if p.Year && t.kind != period.Unknown && p.Kind != t.kind && (t.fy != 0 && p.FY == t.fy || !t.end.IsZero() && p.End.Y == t.end.Y) && (t.fq == 0 || t.fq == 4 && t.kind == period.Instant) {
		return 0.9
	}
	if t.kind == period.Instant && p.Kind == period.Duration || t.kind == period.Duration && p.Kind == period.Instant {
		return 0
	}
	if t.months > 0 && p.Kind == period.Duration && p.Months != 0 && p.Months != t.months {
		return 0
	}
	if t.months > 0 && p.Months == 0 && p.Kind != period.Instant {
		// a duration of unknown length: only a weak fit
		if !endFits(p, t) {
			return 0
		}
		return 0.5
	}
	score := 1.0
	matched := false
	if t.fq > 0 || t.fy > 0 {
		if t.fy > 0 && p.FY != 0 && p.FY != t.fy {
			// a calendar-year reading of the question may still fit the date
			if !(t.fq == 0 && p.End.Y == t.fy && p.Months == 12) && !(!t.calKnown && t.fq > 0 && calendarQuarter(p.End) == t.fq && p.End.Y == t.fy) {
				return 0
			}
			score = 0.8
		}
		if t.fq > 0 && p.FQ != 0 && p.FQ != t.fq && !(!t.calKnown && calendarQuarter(p.End) == t.fq && p.End.Y == t.fy) {
			if !(!t.calKnown && t.fq == 4 && t.kind == period.Instant && p.Kind == period.Instant && t.end.IsZero() && p.End.Y == t.fy) {
				return 0
			}
			// a balance "in 2019" where the release does not say when its
			// year ends: a balance dated in 2019 may be the year's close
			score = min(score, 0.8)
		}
		if t.fy > 0 && p.FY == 0 && p.End.Y != t.fy {
			return 0
		}
		matched = true
	}
	if !t.end.IsZero() {
		if !endFits(p, t) {
			return 0
		}
		matched = true
	}
	if !matched && t.kind == period.Unknown && t.months == 0 {
		return 0.5
	}
	return score
}

func endFits(p period.Period, t target) bool {
	if p.End.IsZero() {
		return false
	}
	return p.End.Near(t.end)
}

func calendarQuarter(d period.Date) int {
	if d.M == 0 {
		return 0
	}
	return (d.M-1)/3 + 1
}

// candidate is a fact with its score for a question.
type candidate struct {
	f      index.Fact
	score  float64
	target target
	// feat is what the score weighs (features.score).
	feat features
	// rejected says why the fact cannot answer the question; nil when it can.
	rejected *rejection
}

// findFacts scores the release's candidate facts for q at target t, best first.
func (e *Engine) findFacts(q nlq.Query, ctx *docCtx, metric *vocab.Metric, t target, change string) []candidate {
	out, _ := e.scoreFacts(q, ctx, metric, t, change, false)
	return out
}

// scoreFacts is findFacts, and with keepRejected (for --explain) also the
// facts rejected, in the index's order; what it returns first is the same.
func (e *Engine) scoreFacts(q nlq.Query, ctx *docCtx, metric *vocab.Metric, t target, change string, keepRejected bool) (out, rejected []candidate) {
	var keys []string
	if metric != nil {
		keys = []string{metric.Key}
	}
	words := q.Words
	if metric != nil && len(q.Modifiers) > 0 {
		// a narrower figure may sit in a row the vocabulary does not key
		// ("iPhone" under "Net sales by category"): look for the metric's names too
		words += " " + strings.Join(metric.Names[:min(len(metric.Names), 8)], " ")
	}
	facts, err := ctx.searchFacts(e.Index, index.FactQuery{Docs: []string{ctx.info.Name}, Keys: keys, Words: words, Size: 80})
	if err != nil {
		return nil, nil
	}
	entTerms := entityTerms(q, ctx.info)
	qterms := termSet(strings.Join(withoutCompany(q.Terms, ctx.info), " "))
	proper := properTerms(q, ctx.info)
	var hint *vocab.Metric
	if metric != nil && narrower(q, ctx.info, entTerms) {
		// "retail kilowatt-hour sales" is not sales: match the words, the metric is a hint
		hint = metric
		metric = nil
		// the metric's own words are met by any of its names ("iPhone" in a
		// table of net sales by category is iPhone revenue)
		qterms = termSet(strings.Join(withoutCompany(append(append([]string{}, q.Modifiers...), q.Terms...), ctx.info), " "))
	}
	for _, f := range facts {
		c := scoreFact(q, f, metric, t, change, qterms, entTerms, ctx, hint)
		if c.rejected == nil && len(proper) > 0 && !allIn(proper, termSet(factText(f)+" "+f.Column+" "+f.Table+" "+f.Entity)) {
			// "revenues in Japan": a name the figure's lines do not carry is not this figure
			c.rejected = reject(rejProperNames, strings.Join(proper, " "), nil)
		}
		if c.rejected == nil && hint != nil && f.Key == hint.Key && allIn(q.Modifiers, termSet(f.Metric)) {
			c.feat.HintedModifiers = true
			c.score = c.feat.score()
		}
		if c.rejected == nil {
			out = append(out, c)
		} else if keepRejected {
			rejected = append(rejected, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if mi, mj := out[i].feat.ContentMissing == 0, out[j].feat.ContentMissing == 0; mi != mj {
			return mi // every word of the question explained comes first
		}
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].f.Start < out[j].f.Start
	})
	return out, rejected
}

// factText is the text a fact is matched by: its label or description, its
// section and table title, and (for figures in sentences) the clause.
func factText(f index.Fact) string {
	parts := []string{f.Metric, strings.Join(f.Section, " "), f.Text}
	if f.Source == "table" {
		parts = append(parts, f.Table, f.Column)
	}
	return strings.Join(parts, " ")
}

// labelNames reports whether a fact's label contains one of the metric's
// names as a phrase ("Net sales (Note 3)").
func labelNames(f index.Fact, m *vocab.Metric, qterms map[string]bool) bool {
	if f.Source != "table" {
		return false
	}
	label := " " + vocab.Normalize(f.Metric) + " "
	for _, nn := range m.NormNames() {
		// (a normalized name has single spaces between words: one word has none)
		if !strings.Contains(nn, " ") || !strings.Contains(label, " "+nn+" ") {
			continue
		}
		// the name must be most of the label: "Net sales (Note 3)", not
		// "Total liabilities and stockholders' equity"
		rest := strings.Fields(strings.Replace(label, " "+nn+" ", " ", 1))
		extra := 0
		for _, w := range rest {
			switch {
			case labelJoiningWord[w]:
				// another figure's name joined to this one's
				extra += 2
			case labelNeutralWord[w]:
			case asked(w, qterms):
				// words the question asks for ("from continuing operations")
			default:
				extra++
			}
		}
		if extra <= 1 {
			return true
		}
	}
	return false
}

// labelJoiningWord words join a metric's name to another figure's in a row
// label ("Total liabilities and stockholders' equity"); labelNeutralWord
// words may stand beside a metric's name in the label of its own row
// ("Total net sales"). They are vocab's label_joining_words and
// label_neutral_words.
var (
	labelJoiningWord = vocab.Default().Words("label_joining_words")
	labelNeutralWord = vocab.Default().Words("label_neutral_words")
)

func metricWord(w string, m *vocab.Metric) bool {
	return m != nil && metricNameTerms()[m.Key][w]
}

// metricNameTerms are, by metric key, the index terms of the metric's
// names, built once, when first asked: scoring asks them of every
// candidate fact.
var metricNameTerms = sync.OnceValue(func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, m := range vocab.Default().Metrics {
		out[m.Key] = termsOf(m.Names)
	}
	return out
})

// unitFits reports whether a fact's unit can answer a question wanting want.
func unitFits(want, got string) bool {
	switch want {
	case "":
		return true
	case extract.Count:
		return got == extract.Count || got == extract.Shares
	case extract.Shares:
		return got == extract.Shares || got == extract.Count
	}
	return want == got
}

// termsOf is the set of the index terms of words: what a fact's text
// must hold to carry any of them.
func termsOf(words []string) map[string]bool { return termSet(strings.Join(words, " ")) }

// termSet is the set of the index terms of s.
func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range index.Terms(s) {
		m[t] = true
	}
	return m
}

// coverage is the share of question terms found in the fact's terms.
func coverage(q, f map[string]bool) (float64, int) {
	if len(q) == 0 {
		return 0, 0
	}
	hit := 0
	for w := range q {
		if f[w] {
			hit++
		}
	}
	return float64(hit) / float64(len(q)), len(q)
}

func allIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		for _, t := range index.Terms(w) {
			if !set[t] {
				return false
			}
		}
	}
	return true
}

// entityTerms are the question's words that name an entity of the release
// (a segment, subsidiary, region) rather than the company.
func entityTerms(q nlq.Query, d *index.DocInfo) []string {
	var ents []string
	seen := map[string]bool{}
	for _, e := range d.Entities {
		ents = append(ents, entityWords(e, d)...)
	}
	var out []string
	for _, t := range q.Terms {
		n := index.NormEntity(t)
		if n == "" || isCompanyWord(n, d) || seen[n] || qualifierEntity[n] {
			continue
		}
		for _, e := range ents {
			if e == n {
				out = append(out, n)
				seen[n] = true
				break
			}
		}
	}
	return out
}

// entityWords are the words that identify entity e of release d: its
// words less those of the company's own name and those generic in names
// of companies and segments ("Group", "Segment"). An entity named by
// generic words alone ("Services", "Financial Services") is identified
// by them.
func entityWords(e string, d *index.DocInfo) []string {
	var out, generic []string
	for _, w := range strings.Fields(index.NormEntity(e)) {
		switch {
		case isCompanyWord(w, d):
		case genericCompanyWord[w] || statementish[w]:
			generic = append(generic, w)
		default:
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return generic
	}
	return out
}

// qualifierEntity words qualify a figure, never name an entity: vocab's
// entity_qualifiers.
var qualifierEntity = vocab.Default().Words("entity_qualifiers")

// statementish words appear in entity names but do not identify one:
// vocab's generic_entity_words.
var statementish = vocab.Default().Words("generic_entity_words")

func isEntityTerm(w string, ents []string) bool {
	for _, e := range ents {
		for _, t := range index.Terms(e) {
			if t == w {
				return true
			}
		}
	}
	return false
}

// entityMentioned reports whether the question names the fact's entity:
// the question has entity words, and every one of them is in the entity's
// name ("Georgia Power" is not "Alabama Power", though both say "power").
func entityMentioned(fe string, entTerms []string, q nlq.Query) bool {
	if len(entTerms) == 0 {
		return false
	}
	fw := map[string]bool{}
	for _, w := range strings.Fields(fe) {
		fw[w] = true
	}
	for _, e := range entTerms {
		if !fw[e] {
			return false
		}
	}
	return true
}

// lookupAnswer answers with a stated figure.
func (e *Engine) lookupAnswer(q nlq.Query, ctx *docCtx) (Answer, bool) {
	a := Answer{Kind: KindNone, Citations: []Citation{}}
	metric := q.Metric
	if metric == nil && q.Derived != nil {
		metric = vocab.Default().MetricByName(q.Derived.Name)
	}
	change := ""
	if q.Op == nlq.OpChange || q.Op == nlq.OpPctChange {
		change = string(q.Op)
	}
	balance := balanceMetric(q)
	ts := resolve(q, ctx.info, balance)
	var t target
	switch {
	case len(ts) == 0:
		t = defaultTarget(ctx.info, balance)
		if metric == nil {
			// a figure the vocabulary does not know: any period of the release fits
			t = target{current: true}
		}
	default:
		t = ts[0]
		if change != "" {
			// "change from Q2 2003 to Q2 2004": the later period holds the stated change
			t = latestTarget(ts)
		}
	}
	var cands []candidate
	if e.exp != nil {
		var rejected []candidate
		cands, rejected = e.scoreFacts(q, ctx, metric, t, change, true)
		e.exp.candidates(t, cands, rejected)
		e.exp.step("lookup: %d scored, %d rejected", len(cands), len(rejected))
	} else {
		cands = e.findFacts(q, ctx, metric, t, change)
	}
	if len(cands) == 0 && metric != nil && change == "" {
		// "how much cash has ABVC collected from ForSeeCon": no cash balance, but a
		// row and column that carry every word of the question
		cands = e.coveringFacts(q, ctx, t, metric)
		e.exp.step("lookup: rows covering the question's words: %d", len(cands))
	}
	if len(cands) == 0 && metric != nil && metric == q.Metric && change == "" {
		// "sales in Mexico": the "Mexico" row of a table of sales
		cands = e.namedRows(q, ctx, t, metric)
		e.exp.step("lookup: rows named in a table of the metric: %d", len(cands))
	}
	if len(cands) == 0 {
		a.Answer = notFoundReason(q, ctx, metric, t, len(ts) > 0)
		e.exp.step("lookup: declined (%s)", a.Answer)
		return a, false
	}
	if cands[0].feat.ContentMissing > 0 {
		// "how many nonvested shares were granted": the year-end balance of
		// nonvested shares leaves "granted" unexplained
		a.Answer = fmt.Sprintf("Not found: %s has no figure that explains every word of the question; the nearest, %q, leaves %d of them out.", ctx.info.Name, cands[0].f.Metric, cands[0].feat.ContentMissing)
		e.exp.step("lookup: declined (%s)", a.Answer)
		return a, false
	}
	best, also := finest(cands)
	a = factAnswer(q, best.f, ctx)
	for _, c := range also {
		a.Citations = append(a.Citations, factCitation(c.f))
	}
	return a, true
}

// coveringFacts finds the figures at t whose own label, column or section
// carry every word of the question's metric phrase and terms, for a
// question whose vocabulary metric matched no figure. A figure keyed to
// another metric is not one.
func (e *Engine) coveringFacts(q nlq.Query, ctx *docCtx, t target, metric *vocab.Metric) []candidate {
	dq := q
	dq.Terms = append(strings.Fields(q.MetricText), q.Terms...)
	dq.Op, dq.Derived, dq.Unit = nlq.OpNone, nil, ""
	want := termSet(strings.Join(withoutCompany(dq.Terms, ctx.info), " "))
	var out []candidate
	for _, c := range e.findFacts(dq, ctx, nil, t, "") {
		// every word in the figure's own label, column or section, not just its sentence
		own := termSet(c.f.Metric + " " + c.f.Column + " " + strings.Join(c.f.Section, " "))
		unit := metric.Unit
		if q.Unit != "" && q.Op == nlq.OpNone {
			// a lookup in the unit asked; a computation's operands are in the metric's
			unit = q.Unit
		}
		// a label that is the question's words and no more names its own
		// unit ("dividend yield" is a percentage, whatever "dividend" is)
		exact := c.f.Source == "table" && allIn(strings.Fields(c.f.Metric), want)
		if cov, _ := coverage(want, own); cov >= 0.99 && (c.f.Key == "" || c.f.Key == metric.Key) && (unitFits(unit, c.f.Unit) || exact) && c.f.Change == "" {
			out = append(out, c)
		}
	}
	return out
}

// finest picks, among the top candidates that state the same figure for
// the same period (within the rounding of the coarser), the most precise
// one: the table's 30,023 thousand over "$30 million", the narrative's
// "$204.5 million" over a table's 204 million. The others that agree are
// returned as further sources.
func finest(cands []candidate) (candidate, []candidate) {
	best := cands[0]
	var agree []candidate
	for _, c := range cands[1:] {
		if c.score < best.score-0.8 || c.f.Unit != best.f.Unit || !samePeriod(c.f.Period, best.f.Period) || c.f.Adjusted != best.f.Adjusted {
			continue
		}
		if c.f.Source == "text" && reFutureText.MatchString(c.f.Metric+" "+c.f.Text) && !reFutureText.MatchString(best.f.Metric+" "+best.f.Text) {
			// a sentence of what the company expects ("expects earnings per
			// share … including $0.24 per share related to the special
			// charges") states another thing that happens to be the same
			// number: no source for a reported figure
			continue
		}
		if !agrees(c.f.Value, best.f.Value) {
			continue
		}
		agree = append(agree, c)
	}
	pick := best
	for _, c := range agree {
		// a finer figure that says more ("$204.5 million" over 204); the same
		// figure twice keeps the better-scored source
		if !c.f.Value.Equal(pick.f.Value) && factPrecision(c.f).LessThan(factPrecision(pick.f)) {
			pick = c
		}
	}
	var also []candidate
	seen := map[string]bool{pick.f.Cite: true}
	others := append([]candidate{best}, agree...)
	// a sentence stating the figure is the most telling second source
	sort.SliceStable(others, func(i, j int) bool { return others[i].f.Source == "text" && others[j].f.Source != "text" })
	for _, c := range others {
		if !seen[c.f.Cite] && len(also) < 4 {
			seen[c.f.Cite] = true
			also = append(also, c)
		}
	}
	return pick, also
}

func samePeriod(a, b period.Period) bool {
	if a.IsZero() || b.IsZero() {
		return a.IsZero() == b.IsZero()
	}
	return a.Months == b.Months && (a.End.Near(b.End) || a.FY == b.FY && a.FQ == b.FQ)
}

// precision is the place of a value's last significant digit: 204500000 →
// 100000, 30023000 → 1000, 0.23 → 0.01.
func precision(d decimal.Decimal) decimal.Decimal {
	d = d.Abs()
	if d.IsZero() {
		return decimal.NewFromInt(1)
	}
	exp := int32(0)
	for d.Mod(decimal.New(1, exp+1)).IsZero() && exp < 15 {
		exp++
	}
	for exp > -10 && !d.Mod(decimal.New(1, exp)).IsZero() {
		exp--
	}
	return decimal.New(1, exp)
}

// factPrecision is the step a figure is printed to: "75.0%" is to 0.1,
// "30,023" in thousands to 1,000, "$2.9 million" to 100,000.
func factPrecision(f index.Fact) decimal.Decimal {
	m := reNumber.FindString(f.Printed)
	if m == "" {
		return precision(f.Value)
	}
	p, err := decimal.NewFromString(strings.ReplaceAll(m, ",", ""))
	if err != nil || p.IsZero() {
		return precision(f.Value)
	}
	places := int32(0)
	if i := strings.IndexByte(m, '.'); i >= 0 {
		places = int32(len(m) - i - 1)
	}
	// the printed figure times its scale is the value
	return decimal.New(1, -places).Mul(f.Value.Abs().Div(p.Abs()))
}

var reNumber = lazy.NewRegexp(`\d[\d,]*(?:\.\d+)?`)

// agrees reports whether two values state the same figure within the
// rounding of the coarser one.
func agrees(a, b decimal.Decimal) bool {
	if a.Sign() != b.Sign() && !a.IsZero() && !b.IsZero() && !a.Abs().Equal(b.Abs()) {
		// a loss printed in parentheses and written out as "a net loss of $X" agree by magnitude
		a, b = a.Abs(), b.Abs()
	}
	a, b = a.Abs(), b.Abs()
	pa, pb := precision(a), precision(b)
	coarse := pa
	if pb.GreaterThan(coarse) {
		coarse = pb
	}
	return a.Sub(b).Abs().LessThanOrEqual(coarse.Div(decimal.NewFromInt(2)))
}

func latestTarget(ts []target) target {
	best := ts[0]
	for _, t := range ts[1:] {
		if t.end.Days() > best.end.Days() || t.fy > best.fy || t.fy == best.fy && t.fq > best.fq {
			best = t
		}
	}
	return best
}

// noScaleNote is said of an amount read from a table whose release states
// no scale for it: the number is given as printed, and may be in thousands
// or millions. (Declining such figures was measured on TAT-QA dev: 70
// right answers lost for 14 wrong ones, since most such tables are in
// units; the note keeps the figure and says what is not known.)
const noScaleNote = "The release states no scale (such as \"in thousands\") for this figure; it is given as printed."

// factAnswer turns a fact into an answer.
func factAnswer(q nlq.Query, f index.Fact, ctx *docCtx) Answer {
	a := Answer{Kind: KindFact, Value: f.Value.String(), num: f.Value, Unit: f.Unit, Metric: f.Describe(), Citations: factCitations(f),
		Printed: strings.TrimSpace(f.Printed)}
	a.Entity = f.Entity
	if a.Entity == "" {
		a.Entity = ctx.info.Company
	}
	a.Period = describePeriod(f.Period, ctx.info)
	what := a.Metric
	if f.Entity != "" && !strings.Contains(strings.ToLower(what), strings.ToLower(f.Entity)) {
		what = f.Entity + " — " + what
	}
	kindWord := ""
	switch f.Change {
	case "pct_change":
		kindWord = " (change)"
	case "change":
		kindWord = " (change)"
	}
	shown := formatValue(f.Value, f.Unit)
	if f.Unit == extract.Percent {
		// to the places printed: "75.0%", not "75%"
		if m := reNumber.FindString(f.Printed); strings.Contains(m, ".") {
			shown = formatFixed(f.Value, f.Unit, int32(len(m)-strings.IndexByte(m, '.')-1))
		}
	}
	a.Answer = fmt.Sprintf("%s — %s%s, %s", shown, what, kindWord, a.Period)
	if f.Approx {
		a.Note = "The release gives this figure rounded."
	}
	if f.Adjusted {
		a.Note = strings.TrimSpace(a.Note + " This is an adjusted (non-GAAP) figure.")
	}
	if f.ScaleUnstated {
		a.Note = strings.TrimSpace(a.Note + " " + noScaleNote)
	}
	if f.Source == "table" {
		// add the column header lines so the column can be checked
		a.Answer += fmt.Sprintf(" [table: %s; column: %s]", firstNonEmpty(f.Table, "table"), f.Column)
	}
	return a
}

func describePeriod(p period.Period, d *index.DocInfo) string {
	if p.IsZero() {
		return "period not stated (the release's " + d.Current.String() + ")"
	}
	return p.String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// notFoundReason says what the release lacks.
func notFoundReason(q nlq.Query, ctx *docCtx, metric *vocab.Metric, t target, explicitPeriod bool) string {
	name := q.MetricText
	if metric != nil {
		name = metric.Name()
	}
	if name == "" {
		name = strings.Join(q.Terms, " ")
	}
	if name == "" {
		name = "that"
	}
	doc := ctx.info.Name
	if metric != nil {
		// is the metric there for another period or entity?
		return fmt.Sprintf("Not found: %s has no %s for %s that matches the question.", doc, name, t.String())
	}
	return fmt.Sprintf("Not found: %s states no figure for %q.", doc, name)
}

// narrower reports whether the words right before the metric name make it
// a narrower figure than the metric ("online sales", "retail kilowatt-hour
// sales") rather than name the company or one of its entities.
func narrower(q nlq.Query, d *index.DocInfo, entTerms []string) bool {
	ent := map[string]bool{}
	for _, e := range entTerms {
		ent[e] = true
	}
	for _, m := range q.Modifiers {
		if strings.HasSuffix(m, "'s") || strings.HasSuffix(m, "’s") || strings.HasSuffix(m, "s'") {
			continue // "Apple's net profit": a name, the company's or an entity's
		}
		if isAcronym(m) && !ent[index.NormEntity(m)] {
			continue // "GS diluted EPS": a ticker or the company's initials
		}
		if vocab.Default().IsWhole(strings.ToLower(m)) {
			continue // "total provision for income taxes" is all of it
		}
		for _, w := range strings.Fields(index.NormEntity(m)) {
			if !ent[w] && !isCompanyWord(w, d) && !genericCompanyWord[w] {
				return true
			}
		}
	}
	return false
}

// withoutCompany drops the words that name the company.
func withoutCompany(terms []string, d *index.DocInfo) []string {
	var out []string
	for _, t := range terms {
		n := index.NormEntity(t)
		if n == "" || isCompanyWord(n, d) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// isCompanyWord reports whether a question word (folded by NormEntity)
// names the release's company: a word of its name, its ticker ("CAT",
// "GS"), or the start of a word of its name ("Cat" for Caterpillar).
func isCompanyWord(w string, d *index.DocInfo) bool {
	if w == "" {
		return false
	}
	cw := d.CompanyWords()
	if cw[w] {
		return true
	}
	if len(w) >= 3 {
		for c := range cw {
			if strings.HasPrefix(c, w) && !genericCompanyWord[c] {
				return true
			}
		}
	}
	return misspeltIn(w, cw)
}

// companyMisspelt reports whether w misspells by one letter a word of d's
// company name ("catepillar" for "caterpillar", "nvidai" for "nvidia").
func companyMisspelt(w string, d *index.DocInfo) bool { return misspeltIn(w, d.CompanyWords()) }

// misspeltIn reports whether w misspells by one letter a distinctive word
// of the company words cw, for words of five letters or more.
func misspeltIn(w string, cw map[string]bool) bool {
	if len(w) < 5 {
		return false
	}
	for c := range cw {
		if len(c) >= 5 && !genericCompanyWord[c] && vocab.OneEdit(w, c) {
			return true
		}
	}
	return false
}

// reAdjustmentRow matches a row label or section that opens with a word of
// adjustment ("Less:", "Adjustments"): vocab's adjustment_row_words.
var reAdjustmentRow = regexp.MustCompile(`(?i)^\s*` + vocab.Default().Alternation("adjustment_row_words") + `\b\s*:?`)

// lightWords carry little meaning in a question ("add", "have"); they count
// a third as much as other words. They are index terms, stemmed as
// index.Terms gives them: vocab's light_words.
var lightWords = vocab.Default().Words("light_words")

// weightedCoverage is coverage with light words counting less.
func weightedCoverage(q, f map[string]bool) (float64, int) {
	if len(q) == 0 {
		return 0, 0
	}
	var hit, total float64
	for w := range q {
		wt := 1.0
		if lightWords[w] {
			wt = 0.3
		}
		total += wt
		if f[w] {
			hit += wt
		}
	}
	return hit / total, len(q)
}

// dedupeTargets drops a target that names the same period as an earlier
// one ("since the fiscal year end (11/29/03)").
func dedupeTargets(ts []target) []target {
	var out []target
	for _, t := range ts {
		dup := false
		for _, o := range out {
			if o.kind == t.kind && o.months == t.months && (!o.end.IsZero() && !t.end.IsZero() && o.end.Near(t.end) ||
				o.fy != 0 && o.fy == t.fy && o.fq == t.fq && (o.end.IsZero() || t.end.IsZero())) {
				dup = true
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// descNames reports whether a sentence figure's description names the metric.
func descNames(f index.Fact, m *vocab.Metric) bool {
	d := " " + vocab.Normalize(f.Metric) + " "
	for _, nn := range m.NormNames() {
		if len(nn) >= 6 && strings.Contains(d, " "+nn+" ") {
			return true
		}
	}
	return false
}

// namesIn reports whether text names the metric by any of its names.
func namesIn(text string, m *vocab.Metric) bool {
	t := " " + singulars(vocab.Normalize(text)) + " "
	for _, nn := range m.NormNames() {
		if strings.Contains(t, " "+singulars(nn)+" ") {
			return true
		}
	}
	return false
}

// singulars puts each word of s in the singular ("deferred tax assets" →
// "deferred tax asset").
func singulars(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = vocab.Singular(w)
	}
	return strings.Join(ws, " ")
}

// isAcronym reports an all-capital word of two to five letters ("GS", "CAT").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// asked reports whether a label word is one of the question's terms.
func asked(w string, qterms map[string]bool) bool {
	for _, t := range index.Terms(w) {
		if qterms[t] {
			return true
		}
	}
	return false
}

// properTerms are the question's capitalized words that name something
// (a region, a product, a segment) other than the company, a period or a
// vocabulary word: a figure that answers must mention them.
func properTerms(q nlq.Query, d *index.DocInfo) []string {
	v := vocab.Default()
	var out []string
	for i, t := range q.Terms {
		r := []rune(t)
		if len(r) < 2 || !unicode.IsUpper(r[0]) {
			continue
		}
		n := index.NormEntity(t)
		if n == "" || isCompanyWord(n, d) || qualifierEntity[n] || v.IsStopword(strings.ToLower(t)) || v.MetricByName(t) != nil {
			continue
		}
		if i == 0 && strings.EqualFold(t, strings.Fields(q.Text)[0]) {
			continue // the question's first word is capitalized anyway
		}
		if isAcronym(t) && !strings.Contains(strings.Join(d.Entities, " "), t) {
			continue // a ticker or an abbreviation of the company
		}
		out = append(out, t)
	}
	return out
}

// labelCovers reports whether a fact's own label carries every question term.
func labelCovers(qterms map[string]bool, f index.Fact) bool {
	if len(qterms) == 0 {
		return false
	}
	cov, _ := coverage(qterms, termSet(f.Metric))
	return cov >= 0.99
}

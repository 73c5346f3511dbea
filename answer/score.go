package answer

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

// weights says how much each feature of a candidate fact counts toward its
// score (features.score). Rewards are positive, penalties negative; read
// top to bottom in the order the score adds them.
var weights = struct {
	// MetricKey rewards a fact the index keyed as the question's metric.
	MetricKey float64
	// MetricLabel rewards a table row whose label is one of the metric's
	// names ("Net sales (Note 3)") though the index did not key it.
	MetricLabel float64
	// MetricDescription rewards a sentence figure whose description names
	// the metric ("increased the use of stock-based compensation…").
	MetricDescription float64
	// UnexplainedWord penalizes, per word, the question's words beyond the
	// metric and entity that the fact's text lacks (metric questions).
	UnexplainedWord float64
	// DescriptionCoverage rewards, for a question without a metric, the
	// share of its words found in the figure's own label and section (on
	// top of the share found anywhere in its text, which counts as is).
	DescriptionCoverage float64
	// EntityNamed rewards a segment's figure whose entity the question names.
	EntityNamed float64
	// EntityRowLabel penalizes a segment's figure that a question without
	// metric or entity reaches by its row label alone ("Appliances" under
	// "Communications Solutions").
	EntityRowLabel float64
	// EntityInText rewards a company-level figure whose text mentions the
	// entity the question names.
	EntityInText float64
	// PeriodReread scales the period fit when the fact's period is read
	// another way to fit: a year's column as its closing balance, or a
	// date's column over flows as the period ending then.
	PeriodReread float64
	// BasicUnasked penalizes a basic per-share figure when the question
	// names no basis (diluted is the usual answer).
	BasicUnasked float64
	// AdjustedUnasked penalizes an adjusted (non-GAAP) figure when the
	// question asks for the reported one.
	AdjustedUnasked float64
	// FromTable rewards a figure from a table over one from a sentence.
	FromTable float64
	// Approx penalizes an approximate figure ("about $2 million").
	Approx float64
	// AdjustmentRow penalizes a row that adjusts a figure ("Less: Net
	// income attributable to noncontrolling interests").
	AdjustmentRow float64
	// PreferredLabel rewards a row label with a phrase the metric prefers.
	PreferredLabel float64
	// ChangeCued rewards a figure described by its change ("boosting the
	// number of customers by 61,342") when the question has a change cue.
	ChangeCued float64
	// ChangeUncued penalizes such a figure when the question has none.
	ChangeUncued float64
	// ExtraLabelWord penalizes, per word up to ExtraLabelWordsMax, the row
	// label's words the question lacks (not the metric's, not stopwords).
	ExtraLabelWord float64
	// ExtraLabelWordsMax caps the words ExtraLabelWord counts.
	ExtraLabelWordsMax int
	// HintedModifiers rewards, when the metric is only a hint (a narrower
	// figure), a fact keyed as it whose label has all the question's
	// modifiers.
	HintedModifiers float64
}{
	MetricKey:           1,
	MetricLabel:         0.8,
	MetricDescription:   0.7,
	UnexplainedWord:     -0.15,
	DescriptionCoverage: 0.45,
	EntityNamed:         0.3,
	EntityRowLabel:      -0.2,
	EntityInText:        0.1,
	PeriodReread:        0.85,
	BasicUnasked:        -0.05,
	AdjustedUnasked:     -0.6,
	FromTable:           0.1,
	Approx:              -0.25,
	AdjustmentRow:       -0.3,
	PreferredLabel:      0.05,
	ChangeCued:          0.15,
	ChangeUncued:        -0.2,
	ExtraLabelWord:      -0.02,
	ExtraLabelWordsMax:  10,
	HintedModifiers:     0.3,
}

// minWordCoverage is the least share of its words (light words counting
// less) a question without a metric must find in a fact's text.
const minWordCoverage = 0.6

// planAfterDays is how long after the release's latest date a sentence's
// figure must be dated to be a plan or an expectation, not reported.
const planAfterDays = 62

// metricMatch is how a fact meets the question's metric.
type metricMatch int

const (
	metricByWords       metricMatch = iota // no metric asked: by the question's words
	metricByKey                            // the index keyed it as the metric
	metricByLabel                          // its row label is one of the metric's names
	metricByDescription                    // a sentence's description names the metric
)

// entityMatch is how a fact meets the entity the question names, if any.
type entityMatch int

const (
	entityNone     entityMatch = iota // a company-level figure, no entity asked
	entityNamed                       // the question names the fact's entity
	entityRowLabel                    // a segment's figure reached by its row label alone
	entityInText                      // a company-level figure whose text mentions the entity asked
)

// changeMatch is how a fact's level or change meets the question's.
type changeMatch int

const (
	changeSame   changeMatch = iota // a level for a level, a change for the same change
	changeCued                      // a change figure for a level question with a change cue
	changeUncued                    // a change figure for a level question without one
)

// features is what scoring knows of one candidate fact for a question:
// each field is one thing the score rewards or penalizes (weights).
type features struct {
	// MetricBy is how the fact meets the question's metric.
	MetricBy metricMatch
	// UnexplainedWords counts the question's words beyond the metric and
	// entity that the fact's text lacks (metric questions only).
	UnexplainedWords int
	// WordCoverage is the share of the question's words (light words
	// counting less) in the fact's text (questions without a metric).
	WordCoverage float64
	// DescriptionCoverage is the share of the question's words in the
	// fact's own label and section (questions without a metric).
	DescriptionCoverage float64
	// Entity is how the fact meets the entity the question names.
	Entity entityMatch
	// PeriodFit is how well the fact's period fits the period asked
	// (periodMatch: 1 exact, lower for weaker fits).
	PeriodFit float64
	// PeriodReread says PeriodFit is of the fact's period read another way
	// (a year's column as its close, a date's column as a flow's period).
	PeriodReread bool
	// Change is how the fact's level or change meets the question's.
	Change changeMatch
	// BasicUnasked: a basic per-share figure, the question naming no basis.
	BasicUnasked bool
	// AdjustedUnasked: an adjusted figure, the question asking the reported.
	AdjustedUnasked bool
	// FromTable: the figure is from a table, not a sentence.
	FromTable bool
	// Approx: the figure is approximate.
	Approx bool
	// AdjustmentRow: the row adjusts a figure ("Less: …").
	AdjustmentRow bool
	// PreferredLabel: the row label has a phrase the metric prefers.
	PreferredLabel bool
	// ExtraLabelWords counts the row label's words the question lacks.
	ExtraLabelWords int
	// HintedModifiers: the metric is a hint, and the fact is keyed as it
	// with all the question's modifiers in its label.
	HintedModifiers bool
	// ContentMissing counts the question's content words the fact's text
	// lacks (questions without a metric): such a fact ranks below those
	// that explain every word, and cannot answer alone.
	ContentMissing int
}

// score is the features weighed. It adds the same terms in the same order
// as scoreFact always has, so that scores stay the same to the bit.
func (x features) score() float64 {
	w := &weights
	var metric float64
	switch x.MetricBy {
	case metricByWords:
		metric = x.WordCoverage
		metric += w.DescriptionCoverage * x.DescriptionCoverage
	default:
		metric = [...]float64{metricByKey: w.MetricKey, metricByLabel: w.MetricLabel, metricByDescription: w.MetricDescription}[x.MetricBy]
		metric += w.UnexplainedWord * float64(x.UnexplainedWords)
	}
	entity := [...]float64{entityNone: 0, entityNamed: w.EntityNamed, entityRowLabel: w.EntityRowLabel, entityInText: w.EntityInText}[x.Entity]
	period := x.PeriodFit
	if x.PeriodReread {
		period = w.PeriodReread * x.PeriodFit
	}
	source := when(x.FromTable, w.FromTable) + when(x.Approx, w.Approx) + when(x.AdjustmentRow, w.AdjustmentRow) + when(x.PreferredLabel, w.PreferredLabel)
	change := [...]float64{changeSame: 0, changeCued: w.ChangeCued, changeUncued: w.ChangeUncued}[x.Change]
	s := metric + entity + period + when(x.BasicUnasked, w.BasicUnasked) + when(x.AdjustedUnasked, w.AdjustedUnasked) + source + change +
		w.ExtraLabelWord*float64(min(x.ExtraLabelWords, w.ExtraLabelWordsMax))
	if x.HintedModifiers {
		s += w.HintedModifiers
	}
	return s
}

// when is w if on, else 0.
func when(on bool, w float64) float64 {
	if on {
		return w
	}
	return 0
}

// reason names why a fact cannot answer a question.
type reason string

// The reasons a fact is rejected.
const (
	rejMetric      reason = "metric does not match"
	rejHint        reason = "does not name the metric hinted"
	rejWords       reason = "too few of the question's words"
	rejEntity      reason = "entity not asked"
	rejEntityText  reason = "does not mention the entity asked"
	rejPlan        reason = "a plan or expectation, not a reported figure"
	rejPeriod      reason = "period does not match"
	rejMetricUnit  reason = "unit does not fit the metric"
	rejUnit        reason = "unit does not fit the question"
	rejChange      reason = "level or change does not match"
	rejBasis       reason = "basis does not match"
	rejAdjusted    reason = "adjusted asked, fact is reported"
	rejProperNames reason = "lacks a name the question asks for"
	rejUnexplained reason = "leaves words of the question unexplained"
)

// rejection is why a candidate fact cannot answer a question: a reason,
// with what the question asked and what the fact is when they tell more.
type rejection struct {
	Reason     reason
	Asked, Got any // nil when the reason says it all
}

// String says why, as --explain shows it: "rejected: period does not
// match (asked Q2 FY2004, fact is Q2 FY2003)".
func (r *rejection) String() string {
	switch {
	case r.Asked == nil && r.Got == nil:
		return "rejected: " + string(r.Reason)
	case r.Got == nil:
		return fmt.Sprintf("rejected: %s (asked %v)", r.Reason, r.Asked)
	}
	return fmt.Sprintf("rejected: %s (asked %v, fact is %v)", r.Reason, r.Asked, r.Got)
}

// reject is a rejection for reason, with what was asked and what the fact is.
func reject(r reason, asked, got any) *rejection {
	return &rejection{Reason: r, Asked: asked, Got: got}
}

// scoring is what scoreFact knows of the question, the same for every
// fact it scores.
type scoring struct {
	q        nlq.Query
	metric   *vocab.Metric // nil: the question's words, not a metric, find the figure
	hint     *vocab.Metric // a metric the figure may be a narrower part of
	t        target
	change   string
	qterms   map[string]bool
	entTerms []string
	ctx      *docCtx
}

// scoreFact scores one fact for a question. c.rejected says why, when the
// fact cannot answer it (wrong metric, entity, period, unit or basis).
func scoreFact(q nlq.Query, f index.Fact, metric *vocab.Metric, t target, change string, qterms map[string]bool, entTerms []string, ctx *docCtx, hint *vocab.Metric) candidate {
	s := &scoring{q: q, metric: metric, hint: hint, t: t, change: change, qterms: qterms, entTerms: entTerms, ctx: ctx}
	c := candidate{f: f, target: t}
	text := factText(f)
	fterms := termSet(text)
	want := s.wantUnit()
	if c.rejected = s.metricFeatures(&c.feat, f, text, fterms); c.rejected != nil {
		return c
	}
	if c.rejected = s.entityFeature(&c.feat, f, text); c.rejected != nil {
		return c
	}
	if c.rejected = s.periodFeature(&c); c.rejected != nil {
		return c
	}
	if c.rejected = s.unitCheck(f, want); c.rejected != nil {
		return c
	}
	if c.rejected = s.changeFeature(&c.feat, f, want); c.rejected != nil {
		return c
	}
	if c.rejected = s.basisFeatures(&c.feat, f); c.rejected != nil {
		return c
	}
	s.sourceFeatures(&c.feat, f)
	c.score = c.feat.score()
	return c
}

// metricFeatures is how the fact meets the question's metric, or its words.
func (s *scoring) metricFeatures(x *features, f index.Fact, text string, fterms map[string]bool) *rejection {
	if s.metric == nil {
		if s.hint != nil && f.Key != s.hint.Key && !namesIn(text, s.hint) {
			return reject(rejHint, s.hint.Key, keyOrLabel(f))
		}
		cov, n := weightedCoverage(s.qterms, fterms)
		if n == 0 || cov < minWordCoverage {
			return reject(rejWords, fmt.Sprintf("%.2f of them", minWordCoverage), fmt.Sprintf("%.2f", cov))
		}
		// a word of the question the figure's text lacks does not rule the
		// figure out here (it may still support another that has it), but
		// it cannot answer: see findFacts and lookupAnswer
		x.ContentMissing = len(s.contentMissing(f, fterms))
		x.MetricBy = metricByWords
		x.WordCoverage = cov
		// words in the figure's own description weigh more than the clause's
		x.DescriptionCoverage, _ = coverage(s.qterms, termSet(f.Metric+" "+strings.Join(f.Section, " ")))
		return nil
	}
	switch {
	case f.Key == s.metric.Key:
		x.MetricBy = metricByKey
	case labelNames(f, s.metric, s.qterms) && !keyedOtherwise(f, s.metric):
		x.MetricBy = metricByLabel
	case f.Source == "text" && f.Key == "" && descNames(f, s.metric):
		// "increased the use of stock-based compensation in 2024 to $2.77 million"
		x.MetricBy = metricByDescription
	default:
		return reject(rejMetric, s.metric.Key, keyOrLabel(f))
	}
	// words beyond the metric that the fact does not have count against it
	// a light word ("bring", "versus"), or a word of the metric's own names
	// ("common shareholders" of net income), costs a little; a content
	// word ("services", "continuing") the fact does not explain rules it out
	var missing []string
	for w := range s.qterms {
		switch {
		case fterms[w] || isEntityTerm(w, s.entTerms):
		case lightWords[w] || wholeTerms[w] || metricWord(w, s.metric):
			x.UnexplainedWords++
		default:
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return reject(rejUnexplained, strings.Join(missing, " "), nil)
	}
	return nil
}

// wholeTerms are the index terms of the vocabulary's words that ask for
// the whole of a figure ("total", "overall"): a row that is the whole
// explains them without printing them.
var wholeTerms = termsOf(vocab.Default().WholeWords)

// keyedOtherwise reports a fact the extractor keyed as another metric
// whose name holds m's whole ("Accumulated depreciation and amortization"
// is accumulated depreciation, a balance, not depreciation and
// amortization): its label names that metric, not m.
func keyedOtherwise(f index.Fact, m *vocab.Metric) bool {
	if f.Key == "" || f.Key == m.Key {
		return false
	}
	other := vocab.Default().Metric(f.Key)
	if other == nil {
		return false
	}
	for _, n := range other.Names {
		for _, mn := range m.Names {
			if len(n) > len(mn) && containsWords(n, mn) {
				return true
			}
		}
	}
	return false
}

// containsWords reports whether phrase holds sub as whole words.
func containsWords(phrase, sub string) bool {
	return strings.Contains(" "+phrase+" ", " "+sub+" ")
}

// unitTerms are, by unit, the index terms of the words that ask for it
// ("share", "percentage" for percent): a figure of that unit explains them.
var unitTerms = func() map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for u, phs := range vocab.Default().Units {
		out[u] = termsOf(phs)
	}
	return out
}()

// figureKindTerms are the index terms of the words metric names are made
// of ("income", "expense", "revenue", "asset"): words that say what kind
// of figure is asked, which a table's rows often leave to its title or
// lead-in ("Non-Swiss" under "income before taxes"), unlike the words
// that say which ("granted", "Swiss").
var figureKindTerms = termsOf(slices.Collect(maps.Keys(vocab.Default().NameWords())))

// contentMissing are the question's content words (not light, not of
// the whole, not an entity's) the fact's text lacks, sorted.
func (s *scoring) contentMissing(f index.Fact, fterms map[string]bool) []string {
	var missing []string
	for w := range s.qterms {
		if !fterms[w] && !isEntityTerm(w, s.entTerms) && !lightWords[w] && !wholeTerms[w] && !unitTerms[f.Unit][w] && !figureKindTerms[w] {
			missing = append(missing, w)
		}
	}
	sort.Strings(missing)
	return missing
}

// keyOrLabel names a fact's metric: its key, or else its label.
func keyOrLabel(f index.Fact) string {
	if f.Key != "" {
		return f.Key
	}
	return fmt.Sprintf("%q", f.Metric)
}

// entityFeature is how the fact meets the entity the question names.
func (s *scoring) entityFeature(x *features, f index.Fact, text string) *rejection {
	if f.Entity != "" {
		fe := index.NormEntity(f.Entity)
		switch {
		case entityMentioned(fe, s.entTerms, s.q):
			x.Entity = entityNamed
		case s.metric == nil && len(s.entTerms) == 0 && labelCovers(s.qterms, f):
			// "Appliances" names its row under "Communications Solutions" alone
			x.Entity = entityRowLabel
		default:
			return reject(rejEntity, s.entitiesAsked(), f.Entity)
		}
	} else if len(s.entTerms) > 0 {
		// the question names an entity; a company-level figure must at least mention it
		if !allIn(s.entTerms, termSet(text+" "+f.Column)) {
			return reject(rejEntityText, s.entitiesAsked(), "the company's")
		}
		x.Entity = entityInText
	}
	return nil
}

// entitiesAsked is the entity words of the question, for a rejection.
func (s *scoring) entitiesAsked() string {
	if len(s.entTerms) == 0 {
		return "none"
	}
	return strings.Join(s.entTerms, " ")
}

// balance reports a fact of a balance: the question's metric is one, or,
// asking none, the fact is keyed as one.
func (s *scoring) balance(f index.Fact) bool {
	m := s.metric
	if m == nil {
		m = vocab.Default().Metric(f.Key)
	}
	return m != nil && m.Kind == "balance"
}

// asksPerShare reports a question with a word of a figure per share
// ("per share", "EPS"), wherever it stands.
func asksPerShare(q nlq.Query) bool {
	words := " " + strings.Join(vocab.Tokens(q.Text), " ") + " "
	for _, ph := range vocab.Default().Units[extract.PerShare] {
		if strings.Contains(words, " "+strings.Join(vocab.Tokens(ph), " ")+" ") {
			return true
		}
	}
	return false
}

// periodFeature is how well the fact's period fits the period asked; a
// date's column read as a flow's period becomes the fact's period.
func (s *scoring) periodFeature(c *candidate) *rejection {
	f, t, x := c.f, s.t, &c.feat
	fp := f.Period
	if t.kind == period.Instant && fp.Kind == period.Duration && f.Source == "text" && !fp.End.IsZero() && (s.metric == nil || s.metric.Kind == "balance") {
		// "book value per share increased during the year to $284.39": the balance at the period's end
		fq := fp.FQ
		if fq == 0 && fp.Months == 12 {
			fq = 4
		}
		fp = period.Period{Kind: period.Instant, End: fp.End, FQ: fq, FY: fp.FY}
		c.f.Period = fp // and the answer says so
	}
	if latest := s.ctx.info.Latest; !s.q.Forward && f.Source == "text" && s.ctx.info.Calendar.Known && !fp.End.IsZero() && fp.End.M > 0 && !latest.IsZero() && latest.M > 0 && fp.End.Days() > latest.Days()+planAfterDays {
		// a sentence's figure for a period after the release's own is a plan
		// or an expectation ("600 branches" once an acquisition closes in
		// 2021), not a reported figure; a table's schedule of payments due in
		// later years is reported
		return reject(rejPlan, latest, fp.End)
	}
	x.PeriodFit = periodMatch(fp, t)
	if x.PeriodFit == 0 && t.kind == period.Instant && t.end.IsZero() && t.fq == 4 && fp.Kind == period.Duration && fp.Months == 12 && !fp.End.IsZero() {
		// a balance asked by year, in a table headed "Fiscal Year Ended August
		// 31, 2019": the year's column holds its close
		x.PeriodFit = periodMatch(period.Period{Kind: period.Instant, End: fp.End, FQ: 4, FY: fp.FY}, t)
		x.PeriodReread = true
	} else if x.PeriodFit == 0 && t.kind == period.Instant && fp.Kind == period.Duration && !fp.End.IsZero() && s.balance(f) {
		// a balance has no duration: in a column headed "December 2021" read
		// as the year (or quarter) ended then, it is the close at that date
		fq := fp.FQ
		if fq == 0 && fp.Months == 12 {
			fq = 4
		}
		ip := period.Period{Kind: period.Instant, End: fp.End, FQ: fq, FY: fp.FY}
		if x.PeriodFit = periodMatch(ip, t); x.PeriodFit > 0 {
			c.f.Period = ip // and the answer says so
			x.PeriodReread = true
		}
	} else if x.PeriodFit == 0 && t.kind == period.Duration && fp.Kind == period.Instant && !fp.End.IsZero() {
		// a flow cannot be at a date: a column headed by a date alone
		// ("December 31, 2018") over sales and profit is the period ending then
		if fm := vocab.Default().Metric(f.Key); fm != nil && fm.Kind == "flow" {
			months := t.months
			if months == 0 {
				months = 12
			}
			dp := period.Period{Kind: period.Duration, End: fp.End, Months: months, FQ: fp.FQ, FY: fp.FY}
			if x.PeriodFit = periodMatch(dp, t); x.PeriodFit > 0 {
				c.f.Period = dp // and the answer says so
				x.PeriodReread = true
			}
		}
	}
	if x.PeriodFit == 0 {
		return reject(rejPeriod, t, f.Period)
	}
	return nil
}

// wantUnit is the unit the question wants of a figure, "" for any.
func (s *scoring) wantUnit() string {
	want := s.q.Unit
	if s.change == "pct_change" {
		want = extract.Percent
	}
	if want == "" && s.hint != nil && s.change == "" {
		want = s.hint.Unit
	}
	return want
}

// unitCheck rejects a fact whose unit neither the metric nor the question
// can have.
func (s *scoring) unitCheck(f index.Fact, want string) *rejection {
	if s.metric != nil && s.change == "" && !unitFits(s.metric.Unit, f.Unit) && !(s.q.Unit == extract.Percent && f.Unit == extract.Percent) {
		// a percentage asked of a metric is its share ("what percentage of net sales came from…")
		return reject(rejMetricUnit, s.metric.Unit, f.Unit)
	}
	if want != "" && !unitFits(want, f.Unit) {
		return reject(rejUnit, want, f.Unit)
	}
	if want == "" && s.metric == nil && f.Unit == extract.PerShare && !asksPerShare(s.q) {
		// a figure per share answers only a question that asks per share
		// ("how much stock did it repurchase" is not its average cost a share)
		return reject(rejUnit, "no figure per share", f.Unit)
	}
	return nil
}

// changeFeature is how the fact's level or change meets the question's; a
// figure described by its change ("boosting the number of customers by
// 61,342") may answer a question of its words.
func (s *scoring) changeFeature(x *features, f index.Fact, want string) *rejection {
	if s.q.AsksChange && f.Change == "" && s.metric == nil && !namesChange(f) {
		// "the increase in the write-down": the write-down itself is no
		// answer; a row that is the change ("Net decrease in cash") is
		return reject(rejChange, "change", "level")
	}
	if f.Change == s.change {
		return nil
	}
	if s.metric != nil && s.metric.Growth && f.Unit == extract.Percent && (f.Change == "pct_change" && s.change == "" || f.Change == "" && s.change == "pct_change") {
		// a metric that is itself a percentage change: "comparable store
		// sales decreased 2.9 percent" is the figure asked either way
		return nil
	}
	// a percentage change answers only a question about change: "product
	// percentage of revenue" is a share, not the 6% growth beside it
	// ("ABVC expenses change 2024", asking no unit, is answered by
	// "expenses down 21%")
	if s.metric != nil || s.change != "" || f.Change == "pct_change" && (want != extract.Percent && want != "" || !s.q.ChangeCue) {
		return reject(rejChange, levelOr(s.change), levelOr(f.Change))
	}
	x.Change = changeUncued
	if s.q.ChangeCue {
		x.Change = changeCued
	}
	return nil
}

// changeNounTerms are the index terms of vocab's change_nouns.
var changeNounTerms = termsOf(vocab.Default().Phrases("change_nouns"))

// namesChange reports a fact whose own words say it is a change ("Net
// decrease in cash and cash equivalents").
func namesChange(f index.Fact) bool {
	for _, t := range index.Terms(f.Metric + " " + strings.Join(f.Section, " ")) {
		if changeNounTerms[t] {
			return true
		}
	}
	return false
}

// levelOr names a change, or a level for none.
func levelOr(change string) string {
	if change == "" {
		return "level"
	}
	return change
}

// basisFeatures are the fact's per-share basis and its reported or
// adjusted measure against the question's.
func (s *scoring) basisFeatures(x *features, f index.Fact) *rejection {
	if s.q.Basis != "" && f.Basis != "" && f.Basis != s.q.Basis {
		return reject(rejBasis, s.q.Basis, f.Basis)
	}
	x.BasicUnasked = s.q.Basis == "" && f.Basis == "basic"
	if s.q.Adjusted != f.Adjusted {
		if s.q.Adjusted {
			return reject(rejAdjusted, nil, nil)
		}
		x.AdjustedUnasked = true
	}
	return nil
}

// sourceFeatures are where the figure is and what its row label says.
func (s *scoring) sourceFeatures(x *features, f index.Fact) {
	x.FromTable = f.Source == "table"
	x.Approx = f.Approx
	// a row label with many words the question lacks is a less likely match
	for w := range termSet(f.Metric) {
		if !s.qterms[w] && !metricWord(w, s.metric) && !vocab.Default().IsStopword(w) {
			x.ExtraLabelWords++
		}
	}
	// "Less: Net income attributable to noncontrolling interests" is an adjustment, not the figure
	x.AdjustmentRow = reAdjustmentRow.MatchString(f.Metric) || len(f.Section) > 0 && reAdjustmentRow.MatchString(f.Section[len(f.Section)-1])
	if s.metric != nil {
		label := vocab.Normalize(f.Metric)
		for _, ph := range s.metric.NormPrefer() {
			if strings.Contains(label, ph) {
				x.PreferredLabel = true
				break
			}
		}
	}
}

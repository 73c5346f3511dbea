package answer

import (
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/vocab"
)

// strategy is one way of answering a question from one release. The
// engine tries the strategies in the order of the table below; the first
// that does not decline answers (an answer of kind "none" too: a
// computation that names the figure it lacks ends the search).
type strategy struct {
	// name is how `ex99 ask --explain` names the strategy.
	name string
	// path is what Explanation.Path reports when the strategy answers.
	path string
	// when says, as a noun phrase, which questions the strategy is for;
	// a question that is not one is declined with "not " + when.
	when string
	// applies reports whether q is such a question.
	applies func(q nlq.Query) bool
	// try answers, or declines with a short reason (then the answer is empty).
	try func(at *attempt) (a Answer, declined string)
}

// strategies is the order in which a question is answered from one
// release. docs/ANSWERING.md lists the same names in the same order.
//
// The computing strategies (from "change between named periods" to
// "comparison") only see questions nlq reads as computations; a stated
// figure answers one first unless the question asks to compute exactly.
// Of "derived change" to "comparison" no two apply to one question, except
// "stated growth rate", "change" and "stated percentage change", tried in
// turn on a change of a metric.
var strategies = []strategy{
	// "the change between the 2018 and 2019 average free cash flow": a
	// computation on another's results, which ex99 does not do; saying so
	// beats computing a part of it
	{name: "unsupported computation", path: "not found", when: "a computation ex99 does not do",
		applies: func(q nlq.Query) bool { return q.Unsupported != "" },
		try:     (*attempt).unsupported},
	// "why did gross margin decline?", "who is the CFO?"
	{name: "passage", path: "passage", when: "a question asking for text",
		applies: func(q nlq.Query) bool { return q.Intent == nlq.Passage },
		try:     (*attempt).passage},
	// "the change in revenue from 2018 to 2019": where the release prints
	// both figures, their exact difference (beside the stated change when
	// it agrees); failing that, a stated change may answer below
	{name: "change between named periods", path: "computed", when: "a change between two periods the question names",
		applies: func(q nlq.Query) bool {
			return computing(q) && q.Derived == nil && changeOp(q) && bothEnds(q)
		},
		try: (*attempt).changeBetween},
	// "operating margin Q2 2004", "revenue growth": the figure as the
	// release states it, unless the question asks to compute ("to two
	// decimal places")
	{name: "stated instead of computed", path: "computed", when: "a derived figure or change the question does not ask to compute exactly",
		applies: func(q nlq.Query) bool { return computing(q) && !q.Exact && (q.Derived != nil || changeOp(q)) },
		try:     (*attempt).statedFirst},
	// "the change in current ratio from 2018 to 2019": the ratio at each
	// period (computed, else stated), then the change between them
	{name: "derived change", path: "computed", when: "a change of a derived figure between two periods",
		applies: derivedChangeAsked,
		try:     (*attempt).derivedChange},
	// "operating margin", "free cash flow": num/den (×100) or a difference
	// of the figures the vocabulary defines it by
	{name: "derived", path: "computed", when: "a derived figure",
		applies: func(q nlq.Query) bool { return computing(q) && q.Derived != nil && !derivedChangeAsked(q) },
		try:     (*attempt).derived},
	// "how much did kWh sales grow": a stated growth rate
	{name: "stated growth rate", path: "computed", when: "a question how much a metric grew that does not ask to compute exactly",
		applies: func(q nlq.Query) bool { return metricChange(q) && q.Growth && q.Op == nlq.OpChange && !q.Exact },
		try:     (*attempt).statedGrowth},
	// "the change in net sales", "percentage change in revenue": the
	// difference of the figures at two periods, relative for a percentage
	{name: "change", path: "computed", when: "a change of a metric",
		applies: metricChange,
		try:     (*attempt).change},
	// "how did comparable sales change", when "change" found no two
	// figures: a stated percentage change, else change's "none"
	{name: "stated percentage change", path: "computed", when: "a change of a metric that does not ask to compute exactly",
		applies: func(q nlq.Query) bool { return metricChange(q) && q.Op == nlq.OpChange && !q.Exact },
		try:     (*attempt).statedPctChange},
	// "the ratio of Data Center Group goodwill to Mobileye goodwill"
	{name: "ratio of phrases", path: "computed", when: "a ratio of two worded figures",
		applies: func(q nlq.Query) bool { return plainOp(q, "ratio") && len(q.Operands) == 2 },
		try:     (*attempt).ratioOfPhrases},
	// "the ratio of net income to revenue"
	{name: "ratio of metrics", path: "computed", when: "a ratio of two metrics",
		applies: func(q nlq.Query) bool { return plainOp(q, "ratio") && len(q.Operands) != 2 && len(q.Metrics) >= 2 },
		try:     (*attempt).ratioOfMetrics},
	// "the sum of net bookings and in-game net bookings in 2019"
	{name: "sum of phrases", path: "computed", when: "a sum of two worded figures",
		applies: func(q nlq.Query) bool { return plainOp(q, "sum") && len(q.Operands) == 2 },
		try:     (*attempt).sumOfPhrases},
	// "total revenue of 2018 and 2019", "the average inventory"
	{name: "sum or average", path: "computed", when: "a sum or average of a metric",
		applies: func(q nlq.Query) bool {
			return plainOp(q, "sum") && len(q.Operands) != 2 || plainOp(q, "average")
		},
		try: (*attempt).aggregate},
	// "which segment had the highest revenue in Q2 2004"
	{name: "highest row", path: "computed", when: "a comparison of a table's rows",
		applies: func(q nlq.Query) bool { return plainOp(q, "compare") && q.AcrossRows },
		try:     (*attempt).highestRow},
	// "in which year was net income higher"
	{name: "comparison", path: "computed", when: "a comparison of periods",
		applies: func(q nlq.Query) bool { return plainOp(q, "compare") && !q.AcrossRows },
		try:     (*attempt).compare},
	// "what revenue does the company expect for Q3": guidance is not a
	// reported figure, so a passage that states it, or none
	{name: "outlook", path: "outlook passage", when: "a question about guidance",
		applies: func(q nlq.Query) bool { return q.Forward },
		try:     (*attempt).outlook},
	// "net sales Q2 2004": the figure whose metric, entity and period match
	{name: "stated figure", path: "lookup fact", when: "any question",
		applies: func(nlq.Query) bool { return true },
		try:     (*attempt).lookup},
	// "dividend policy": no metric, no period, no arithmetic, but words a
	// passage may be about
	{name: "topic passage", path: "passage", when: "a topic: words without a metric, unit or arithmetic",
		applies: looksLikeTopic,
		try:     (*attempt).topic},
	// what the release lacks, with the closest passages
	{name: "not found", path: "not found", when: "any question",
		applies: func(nlq.Query) bool { return true },
		try:     (*attempt).notFound},
}

// attempt is one question being answered from one release: what the
// strategies read, and what one leaves for a later one.
type attempt struct {
	e   *Engine
	q   nlq.Query
	ctx *docCtx
	// lookupNone is "stated figure"'s answer when no figure fits: why not.
	lookupNone Answer
	// changeNone is "change"'s answer when it found no two figures and a
	// stated percentage change may still answer.
	changeNone Answer
}

// askDocBy answers q from one release and names the path that answered:
// the first strategy, in table order, that does not decline. How each
// declined is recorded for --explain.
func (e *Engine) askDocBy(q nlq.Query, d *index.DocInfo) (Answer, string) {
	at := &attempt{e: e, q: q, ctx: &docCtx{info: d}}
	for _, s := range strategies {
		if !s.applies(q) {
			e.exp.step("%s: declined (not %s)", s.name, s.when)
			continue
		}
		a, why := s.try(at)
		if why != "" {
			e.exp.step("%s: declined (%s)", s.name, why)
			continue
		}
		if a.Kind == KindNone {
			e.exp.step("%s: answered none (%s)", s.name, a.Answer)
		} else {
			e.exp.step("%s: answered", s.name)
		}
		return a, s.path
	}
	// "not found" applies to every question and never declines
	return e.withClosest(at.lookupNone, q, at.ctx), "not found"
}

// computing reports a question nlq reads as a computation.
func computing(q nlq.Query) bool { return q.Intent == nlq.Compute }

// changeOp reports a question asking for a change or a percentage change.
func changeOp(q nlq.Query) bool { return q.Op == nlq.OpChange || q.Op == nlq.OpPctChange }

// derivedChangeAsked reports a computation of the change of a derived
// figure between two periods.
func derivedChangeAsked(q nlq.Query) bool {
	return computing(q) && q.Derived != nil && changeOp(q) && len(q.Periods) == 2
}

// metricChange reports a computation of a change of a metric (or of a
// figure the question words): not of a derived figure.
func metricChange(q nlq.Query) bool {
	return computing(q) && q.Derived == nil && changeOp(q) && (q.Metric != nil || len(q.Terms) > 0)
}

// plainOp reports a computation of op on figures that are not derived.
func plainOp(q nlq.Query, op nlq.Op) bool {
	return computing(q) && q.Derived == nil && q.Op == op
}

// looksLikeTopic reports a question that may ask for text: it names no
// figure the vocabulary knows, no unit and no operation, but other words
// (a period it names, the topic passage must cover).
func looksLikeTopic(q nlq.Query) bool {
	return q.Metric == nil && q.Derived == nil && q.Unit == "" && q.Op == nlq.OpNone && len(q.Terms) > 0
}

// outcome is a computation's result as a strategy's: its answer; a
// "none" answer that names what is missing, with the closest passages; or,
// with neither, a decline.
func (at *attempt) outcome(a Answer, ok bool) (Answer, string) {
	switch {
	case ok:
		return a, ""
	case a.Kind == KindNone && a.Answer != "":
		return at.e.withClosest(a, at.q, at.ctx), ""
	}
	return Answer{}, "nothing to compute"
}

// stated is the figure the release states for q, asked as a change of
// kind op ("" to ask as q does).
func (at *attempt) stated(op nlq.Op) (Answer, bool) {
	q := at.q
	if op != "" {
		q.Op = op
	}
	return at.e.lookupAnswer(q, at.ctx)
}

// orReason is why, or def when why is empty: a decline always has a reason.
func orReason(why, def string) string {
	if why == "" {
		return def
	}
	return why
}

// passage is strategy "passage": the passages that best match.
func (at *attempt) passage() (Answer, string) {
	return at.e.passageAnswer(at.q, at.ctx, ""), ""
}

// changeBetween is strategy "change between named periods", citing
// where the release states the same change.
func (at *attempt) changeBetween() (Answer, string) {
	a, ok := at.e.change(at.q, at.ctx)
	if !ok {
		return Answer{}, orReason(a.Answer, "no two figures")
	}
	if s, ok := at.stated(""); ok && statedAgrees(s, a) {
		// the release says so too: cite it beside the operands
		for _, c := range s.Citations {
			c.Role = "stated"
			a.Citations = append(a.Citations, c)
		}
		a.Note = strings.TrimSpace(a.Note + " The release states " + s.Answer[:strings.Index(s.Answer+" —", " —")] + ".")
	}
	return a, ""
}

// statedFirst is strategy "stated instead of computed".
func (at *attempt) statedFirst() (Answer, string) {
	if a, ok := at.stated(""); ok {
		return a, ""
	}
	return Answer{}, "the release states no such figure"
}

// derivedChange is strategy "derived change".
func (at *attempt) derivedChange() (Answer, string) {
	return at.outcome(at.e.derivedChange(at.q, at.ctx))
}

// derived is strategy "derived": the question's derived figure.
func (at *attempt) derived() (Answer, string) {
	return at.outcome(at.e.derived(at.q, at.ctx, at.q.Derived))
}

// statedGrowth is strategy "stated growth rate".
func (at *attempt) statedGrowth() (Answer, string) {
	if a, ok := at.stated("pct_change"); ok {
		return a, ""
	}
	return Answer{}, "the release states no percentage change"
}

// change is strategy "change". Where a stated percentage change may
// answer instead, it declines and leaves its "none" for that strategy.
func (at *attempt) change() (Answer, string) {
	a, ok := at.e.change(at.q, at.ctx)
	if !ok && at.q.Op == nlq.OpChange && !at.q.Exact {
		// a stated percentage change may still answer
		at.changeNone = a
		return Answer{}, orReason(a.Answer, "no two figures")
	}
	return at.outcome(a, ok)
}

// statedPctChange is strategy "stated percentage change": a stated
// percentage change, else the "none" of strategy "change".
func (at *attempt) statedPctChange() (Answer, string) {
	if a, ok := at.stated("pct_change"); ok {
		return a, ""
	}
	return at.outcome(at.changeNone, false)
}

// ratioOfPhrases is strategy "ratio of phrases".
func (at *attempt) ratioOfPhrases() (Answer, string) {
	return at.outcome(at.e.ratioOfPhrases(at.q, at.ctx))
}

// ratioOfMetrics is strategy "ratio of metrics": the first metric named
// over the second, a percentage when the question asks for one.
func (at *attempt) ratioOfMetrics() (Answer, string) {
	q := at.q
	d := &vocab.Derived{Name: "ratio", Num: q.Metrics[0].Key, Den: q.Metrics[1].Key, Unit: "ratio"}
	if q.Unit == extract.Percent {
		d.Unit = "percent"
	}
	return at.outcome(at.e.derived(q, at.ctx, d))
}

// sumOfPhrases is strategy "sum of phrases".
func (at *attempt) sumOfPhrases() (Answer, string) {
	return at.outcome(at.e.sumOfPhrases(at.q, at.ctx))
}

// aggregate is strategy "sum or average".
func (at *attempt) aggregate() (Answer, string) {
	return at.outcome(at.e.aggregate(at.q, at.ctx))
}

// compare is strategy "comparison".
func (at *attempt) compare() (Answer, string) {
	return at.outcome(at.e.compare(at.q, at.ctx))
}

// outlook is strategy "outlook".
func (at *attempt) outlook() (Answer, string) {
	return at.e.outlookAnswer(at.q, at.ctx), ""
}

// lookup is strategy "stated figure". When no figure fits, it keeps
// the answer that says why for strategy "not found".
func (at *attempt) lookup() (Answer, string) {
	a, ok := at.e.lookupAnswer(at.q, at.ctx)
	if !ok {
		at.lookupNone = a
		return Answer{}, "no figure fits"
	}
	if op := at.q.Op; computing(at.q) && op == nlq.OpCompare {
		// "which segment had the highest revenue": a figure is no answer
		at.lookupNone = Answer{Kind: KindNone, Answer: "Not compared: " + at.ctx.info.Name + " gives no figures of " + metricName(at.q) + " to compare."}
		return Answer{}, "a comparison, which one figure does not answer"
	}
	if op := at.q.Op; computing(at.q) && (op == nlq.OpAverage || op == nlq.OpSum || op == nlq.OpRatio) && !statesOp(a.Metric, op) {
		// "the average percentage of net revenues of OEM": one year's 70% is
		// a part of the answer, not the average the computation could not make
		at.lookupNone = Answer{Kind: KindNone, Answer: "Not computed: " + at.ctx.info.Name + " states " + a.Metric + " but not its " + opNoun[op] + ", and ex99 found no figures to compute it from."}
		return Answer{}, "a figure without the " + opNoun[op] + " asked"
	}
	return a, ""
}

// opNoun names an operation's result in a sentence.
var opNoun = map[nlq.Op]string{nlq.OpAverage: "average", nlq.OpSum: "total", nlq.OpRatio: "ratio"}

// statesOp reports a figure's label that says it is the result of op
// ("Average invested capital", "Total revenues"): a stated figure of the
// operation asked.
func statesOp(label string, op nlq.Op) bool {
	low := strings.ToLower(label)
	for _, c := range vocab.Default().Ops[string(op)] {
		if strings.Contains(low, c) {
			return true
		}
	}
	return op == nlq.OpSum && strings.Contains(low, "total")
}

// unsupported is strategy "unsupported computation": none, saying which
// computation the question asks for, with the closest passages.
func (at *attempt) unsupported() (Answer, string) {
	a := Answer{Kind: KindNone, Answer: "Not computed: the question asks for " + at.q.Unsupported + ", which ex99 does not compute; ask for each figure instead."}
	return at.e.withClosest(a, at.q, at.ctx), ""
}

// topic is strategy "topic passage".
func (at *attempt) topic() (Answer, string) {
	p, why := at.e.topicAnswer(at.q, at.ctx)
	if p.Kind == KindPassage {
		return p, ""
	}
	return Answer{}, why
}

// notFound is strategy "not found": why the lookup found nothing, with
// the closest passages.
func (at *attempt) notFound() (Answer, string) {
	return at.e.withClosest(at.lookupNone, at.q, at.ctx), ""
}

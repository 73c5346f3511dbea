package answer

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/vocab"
)

// Explanation is how one question was answered, for `ex99 ask --explain`:
// how it was read, where ex99 looked, the candidate figures it weighed and
// the path that produced the answer. Engine.AskExplained gathers it; plain
// Ask gathers nothing.
type Explanation struct {
	// Parse is the question as nlq read it (nlq.Query.String).
	Parse string `json:"parse"`
	// Tokens are the question's words and periods as nlq's lexer classed
	// them, each as kind:text ("period:Q2 2004", "word:Joe's").
	Tokens []string `json:"tokens"`
	// Shapes are the question shapes of nlq's grammar that applied ("ratio
	// of two"), in order; none for a plain lookup.
	Shapes []string `json:"shapes,omitempty"`
	// Scope names the releases searched; ScopeNote says why none was.
	Scope     []string `json:"scope"`
	ScopeNote string   `json:"scope_note,omitempty"`
	// Path is what produced the answer: "lookup fact", "computed",
	// "passage", "outlook passage" or "not found".
	Path string `json:"path"`
	// Doc is the release the answer came from ("" when none did).
	Doc string `json:"doc,omitempty"`
	// Docs is what was tried in each release searched, in scope order.
	Docs []DocExplanation `json:"docs"`
}

// DocExplanation is what answering tried in one release.
type DocExplanation struct {
	// Doc is the release's name as added.
	Doc string `json:"doc"`
	// Path is what answered from this release (as Explanation.Path).
	Path string `json:"path"`
	// Steps are the strategies tried, in the order of the strategy table,
	// each with its outcome ("derived: answered", "passage: declined (not
	// a question asking for text)"), with what a lookup found between them
	// ("lookup: 3 scored, 12 rejected").
	Steps []string `json:"steps"`
	// Period is the period the figure lookup sought ("" if none ran).
	Period string `json:"period,omitempty"`
	// Candidates are the figures the lookup scored, best first (at most
	// MaxExplained).
	Candidates []ExplainedCandidate `json:"candidates"`
	// Rejected are the figures the lookup rejected, nearest to winning
	// first: those that failed a later check (period, unit, basis) before
	// those that failed an earlier one (metric, entity); at most MaxExplained.
	Rejected []ExplainedCandidate `json:"rejected"`
	// Operands are the figures a computation looked for, in the order it
	// looked (at most MaxOperands): each with the period sought and the
	// figure found, or none.
	Operands []ExplainedOperand `json:"operands,omitempty"`
}

// ExplainedOperand is one figure a computation looked for.
type ExplainedOperand struct {
	// What is the metric's key, or "the question's words" when the
	// computation looks for a figure the vocabulary does not name.
	What string `json:"what"`
	// Period is the period sought.
	Period string `json:"period"`
	// Found is the figure found, or nil when there is none.
	Found *ExplainedCandidate `json:"found"`
}

// MaxOperands is how many operand searches an Explanation keeps per release.
const MaxOperands = 16

// ExplainedCandidate is one figure weighed for a question.
type ExplainedCandidate struct {
	// Doc and Lines locate the figure: its release and "171" or "171-175".
	Doc   string `json:"doc"`
	Lines string `json:"lines"`
	// What is the figure's description; Period and Value its period and
	// value as the release states them (Value in base units).
	What   string `json:"what"`
	Period string `json:"period"`
	Value  string `json:"value"`
	Unit   string `json:"unit"`
	// Score is the features weighed (0 for a rejected figure).
	Score float64 `json:"score"`
	// Features are what the score weighs, by name; zero features are left
	// out. A rejected figure has those found before the check it failed.
	Features map[string]any `json:"features"`
	// Rejected says why the figure cannot answer ("" when it can).
	Rejected string `json:"rejected,omitempty"`
}

// MaxExplained is how many candidates, and how many rejected ones, an
// Explanation keeps per release.
const MaxExplained = 8

// explainer gathers an Explanation while an engine answers.
type explainer struct {
	x   Explanation
	cur *DocExplanation
}

// AskExplained answers like Ask, with the same answer, and says how.
func (e *Engine) AskExplained(question string) (Answer, *Explanation) {
	ee := *e
	ee.exp = &explainer{}
	a := ee.Ask(question)
	x := &ee.exp.x
	x.Path = "not found"
	if a.Kind != KindNone {
		x.Doc = a.Doc
		for _, d := range x.Docs {
			if len(x.Docs) == 1 || d.Doc == a.Doc {
				x.Path, x.Doc = d.Path, d.Doc
			}
		}
	}
	return a, x
}

// parsed records how the question was read.
func (x *explainer) parsed(q nlq.Query) {
	if x != nil {
		x.x.Parse = q.String()
		x.x.Tokens = []string{}
		for _, t := range q.Tokens {
			x.x.Tokens = append(x.x.Tokens, t.String())
		}
		x.x.Shapes = q.Shapes
	}
}

// scoped records the releases searched, or why none was.
func (x *explainer) scoped(names []string, why string) {
	if x != nil {
		x.x.Scope = names
		x.x.ScopeNote = why
	}
}

// doc starts recording what is tried in one release.
func (x *explainer) doc(name string) {
	if x != nil {
		x.x.Docs = append(x.x.Docs, DocExplanation{Doc: name, Candidates: []ExplainedCandidate{}, Rejected: []ExplainedCandidate{}})
		x.cur = &x.x.Docs[len(x.x.Docs)-1]
	}
}

// step records a strategy tried in the current release and its outcome.
func (x *explainer) step(format string, args ...any) {
	if x != nil && x.cur != nil {
		x.cur.Steps = append(x.cur.Steps, fmt.Sprintf(format, args...))
	}
}

// answered records the path that answered from the current release.
func (x *explainer) answered(a Answer, path string) {
	if x != nil && x.cur != nil {
		if a.Kind == KindNone {
			path = "not found"
		}
		x.cur.Path = path
	}
}

// operand records a figure a computation looked for, and what it found.
func (x *explainer) operand(m *vocab.Metric, t target, op operand) {
	if x == nil || x.cur == nil || len(x.cur.Operands) >= MaxOperands {
		return
	}
	eo := ExplainedOperand{What: "the question's words", Period: t.String()}
	if m != nil {
		eo.What = m.Key
	}
	if op.ok {
		c := explainCandidate(candidate{f: op.f})
		c.Features = nil
		eo.Found = &c
	}
	x.cur.Operands = append(x.cur.Operands, eo)
}

// candidates records the figure lookup's period, candidates and rejections.
func (x *explainer) candidates(t target, kept, rejected []candidate) {
	if x == nil || x.cur == nil {
		return
	}
	x.cur.Period = t.String()
	for _, c := range kept[:min(len(kept), MaxExplained)] {
		x.cur.Candidates = append(x.cur.Candidates, explainCandidate(c))
	}
	rs := append([]candidate(nil), rejected...)
	sort.SliceStable(rs, func(i, j int) bool {
		si, sj := rejectionStage[rs[i].rejected.Reason], rejectionStage[rs[j].rejected.Reason]
		if si != sj {
			return si > sj
		}
		pi, pj := rs[i].feat.score(), rs[j].feat.score()
		if pi != pj {
			return pi > pj
		}
		return rs[i].f.Start < rs[j].f.Start
	})
	for _, c := range rs[:min(len(rs), MaxExplained)] {
		x.cur.Rejected = append(x.cur.Rejected, explainCandidate(c))
	}
}

// rejectionStage orders the reasons by how far through scoreFact (and
// findFacts after it) a fact got before failing: a later check failed is a
// figure nearer to winning.
var rejectionStage = map[reason]int{
	rejMetric:      0,
	rejHint:        0,
	rejWords:       0,
	rejEntity:      1,
	rejEntityText:  1,
	rejPlan:        2,
	rejPeriod:      2,
	rejMetricUnit:  3,
	rejUnit:        3,
	rejChange:      4,
	rejBasis:       5,
	rejAdjusted:    5,
	rejUnexplained: 1,
	rejProperNames: 6,
}

func explainCandidate(c candidate) ExplainedCandidate {
	f := c.f
	lines := fmt.Sprint(f.Start)
	if f.End > f.Start {
		lines = fmt.Sprintf("%d-%d", f.Start, f.End)
	}
	ec := ExplainedCandidate{Doc: f.Doc, Lines: lines, What: f.Describe(), Period: f.Period.String(), Value: f.Value.String(), Unit: f.Unit, Features: c.feat.named()}
	if f.Entity != "" && !strings.Contains(strings.ToLower(ec.What), strings.ToLower(f.Entity)) {
		ec.What = f.Entity + " — " + ec.What
	}
	if f.ScaleUnstated {
		// not scored: the release states no scale for it, and the answer says so
		ec.Features["scale_unstated"] = true
	}
	if c.rejected != nil {
		ec.Rejected = c.rejected.String()
	} else {
		ec.Score = c.score
	}
	return ec
}

var metricMatchNames = [...]string{metricByWords: "words", metricByKey: "key", metricByLabel: "label", metricByDescription: "description"}
var entityMatchNames = [...]string{entityNone: "none", entityNamed: "named", entityRowLabel: "row label", entityInText: "in text"}
var changeMatchNames = [...]string{changeSame: "same", changeCued: "cued", changeUncued: "uncued"}

// named is the feature record by name, zero features left out (how the
// metric matched is always there).
func (x features) named() map[string]any {
	m := map[string]any{"metric_by": metricMatchNames[x.MetricBy]}
	put := func(k string, on bool, v any) {
		if on {
			m[k] = v
		}
	}
	put("unexplained_words", x.UnexplainedWords != 0, x.UnexplainedWords)
	put("word_coverage", x.WordCoverage != 0, round2(x.WordCoverage))
	put("description_coverage", x.DescriptionCoverage != 0, round2(x.DescriptionCoverage))
	put("entity", x.Entity != entityNone, entityMatchNames[x.Entity])
	put("period_fit", x.PeriodFit != 0, round2(x.PeriodFit))
	put("period_reread", x.PeriodReread, true)
	put("change", x.Change != changeSame, changeMatchNames[x.Change])
	put("basic_unasked", x.BasicUnasked, true)
	put("adjusted_unasked", x.AdjustedUnasked, true)
	put("from_table", x.FromTable, true)
	put("approx", x.Approx, true)
	put("adjustment_row", x.AdjustmentRow, true)
	put("preferred_label", x.PreferredLabel, true)
	put("extra_label_words", x.ExtraLabelWords != 0, x.ExtraLabelWords)
	put("hinted_modifiers", x.HintedModifiers, true)
	put("content_missing", x.ContentMissing != 0, x.ContentMissing)
	return m
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

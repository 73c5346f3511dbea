package nlq

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/vocab"
)

// A shape is one production of the question grammar: a form of question
// that says what is computed and of which figures. Its comment gives the
// form it reads, in the notation
//
//	X, Y    a phrase naming a figure          [w]   an optional word
//	P       a period                          a|b   either word
//	…       any words
//
// The parser tries the shapes in the order of the table; a shape with a
// group is an alternative of the others of that group, and the first of
// a group that applies ends it. Each shape that applies is recorded in
// Query.Shapes, which `ex99 ask --explain` shows.
type shape struct {
	name  string
	group string
	apply func(p *parser) bool
}

// shapes is the question grammar, read top to bottom.
var shapes = []shape{
	{"sum of two", "", sumOfTwo},
	{"ratio of two", "ratio", ratioOfTwo},
	{"as a percentage of", "ratio", asPercentageOf},
	{"share of a total", "ratio", shareOfTotal},
	{"total made of", "ratio", totalMadeOf},
	{"change in percent", "", changeInPercent},
	{"sum over periods", "", sumOverPeriods},
	{"described figure", "", describedFigure},
	{"highest row", "", highestRow},
	{"comparison", "", comparisonShape},
	{"average and change", "", averageAndChange},
	{"span of years", "", spanOfYears},
}

// readShape applies the shapes of the grammar in order.
func (p *parser) readShape() {
	done := map[string]bool{}
	for _, s := range shapes {
		if s.group != "" && done[s.group] {
			continue
		}
		if s.apply(p) {
			p.q.Shapes = append(p.q.Shapes, s.name)
			if s.group != "" {
				done[s.group] = true
			}
		}
	}
}

// periodEnd ends an operand phrase: a period's preposition, punctuation or
// the end of the question.
var periodEnd = `\s*(?:\b` + vocab.Default().Group("operand_end_words") + `\b|[?.,]|$)`

var (
	reSumOf   = regexp.MustCompile(`\b` + vocab.Default().Group("sum_of_words") + `\s+of\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)` + periodEnd)
	reRatioOf = regexp.MustCompile(`\b` + vocab.Default().Group("ratio_words") + `\s+(?:of|between)\s+(?:the\s+)?(.+?)\s+` + vocab.Default().Group("ratio_connectors") + `\s+(?:the\s+)?(.+?)` + periodEnd)
	rePctOf   = regexp.MustCompile(`^\s*(?:what\s+(?:is|was|were|are)\s+)?(?:the\s+)?(.+?)\s+as\s+an?\s+(` + vocab.Default().Group("as_share_words") + `)\s+of\s+(?:the\s+)?(.+?)` + periodEnd)
	// rePartOfTotal is "the percentage of X in the total Y", "X's share of total Y".
	rePartOfTotal = regexp.MustCompile(`\b(` + vocab.Default().Group("share_words") + `)\s+(?:of\s+)?(?:constitution\s+of\s+)?(?:the\s+)?(.+?)\s+` + vocab.Default().Group("share_of_connectors") + `\s+(?:the\s+)?(total\s+.+?)` + periodEnd)
	// reTotalMadeOf is "what percentage of total Y is made up of X".
	reTotalMadeOf = regexp.MustCompile(`\bwhat\s+(` + vocab.Default().Group("share_words") + `)\s+of\s+(?:the\s+)?(.+?)\s+(?:is|was|are|were)\s+` + vocab.Default().Group("made_of_verbs") + `\s+(?:the\s+)?(.+?)` + periodEnd)
	// reLeadRatio is a ratio's name before its first operand, with the
	// operation asked of it: "average proportion of".
	reLeadRatio = lazy.NewRegexp(`^(?:\w+\s+)?` + vocab.Default().Group("ratio_words") + `\s+of\s+(?:the\s+)?`)
	reShareOf   = lazy.NewRegexp(`\b(?:percentage|percent)\s+of\b|%\s+of\b`)
)

// sumOfTwo: [the] sum|total|combined of [the] X and [the] Y [P]
// The two operands are added.
func sumOfTwo(p *parser) bool {
	m := reSumOf.FindStringSubmatch(p.lrest)
	if m == nil || p.q.Op != OpSum && p.q.Op != OpNone {
		return false
	}
	p.q.Operands = []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[2])}
	p.q.Op = OpSum
	return true
}

// ratioOfTwo: ratio|proportion of|between [the] X to|over|and|against|versus Y [P]
// X is divided by Y. Not where X ends a list ("land, property, and …").
func ratioOfTwo(p *parser) bool {
	// "of land, property, and equipment": the "and" that ends a list
	// joins no two operands
	m := reRatioOf.FindStringSubmatch(strings.ReplaceAll(p.lrest, ", and ", ", \x00 "))
	if m == nil {
		return false
	}
	listAnd := strings.NewReplacer("\x00", "and")
	x, y := strings.TrimSpace(listAnd.Replace(m[1])), strings.TrimSpace(listAnd.Replace(m[2]))
	if !strings.ContainsFunc(y, unicode.IsLetter) {
		// "X in fiscal 2019 to fiscal 2018" (periods are read out of the
		// text): one figure at two periods, not two figures
		return false
	}
	p.q.Operands = []string{x, y}
	if p.q.Op == OpNone || p.q.Op == OpChange {
		p.q.Op = OpRatio
	}
	return true
}

// asPercentageOf: [what is] [the] X as a percentage|share|ratio of [the] Y [P]
// X is divided by Y, in percent unless a ratio is asked. Not of a figure
// the vocabulary defines ("gross margin as a percentage of sales").
func asPercentageOf(p *parser) bool {
	m := rePctOf.FindStringSubmatch(p.lrest)
	if m == nil || p.q.Derived != nil {
		return false
	}
	// "the average proportion of X as a percentage of Y": X
	x := reLeadRatio.ReplaceAllString(strings.TrimSpace(m[1]), "")
	p.q.Operands = []string{x, strings.TrimSpace(m[3])}
	if p.q.Op == OpNone || p.q.Op == OpChange {
		// (an average or a sum of the shares is still asked)
		p.q.Op = OpRatio
	}
	if m[2] != "ratio" {
		p.q.Unit = "percent"
	}
	return true
}

// shareOfTotal: percentage|share [of] [the] X in|among|of|to [the] total Y [P]
// X is divided by the total Y.
func shareOfTotal(p *parser) bool { return shareOf(p, rePartOfTotal, 2, 3) }

// totalMadeOf: what percentage|share of [the] Y is|was made up of|generated by|… [the] X [P]
// X is divided by Y.
func totalMadeOf(p *parser) bool { return shareOf(p, reTotalMadeOf, 3, 2) }

// shareOf applies a share shape whose regular expression re captures the
// share word first, and the part and the whole at the indexes given. It
// reads no figure the vocabulary defines, nor a question asking another
// operation.
func shareOf(p *parser, re *regexp.Regexp, part, whole int) bool {
	m := re.FindStringSubmatch(p.lrest)
	if m == nil || p.q.Derived != nil || p.q.Op != OpNone && p.q.Op != OpRatio {
		return false
	}
	p.q.Operands = []string{strings.TrimSpace(m[part]), strings.TrimSpace(m[whole])}
	p.q.Op = OpRatio
	if m[1] == "percentage" || m[1] == "percent" {
		p.q.Unit = "percent"
	}
	return true
}

// changeInPercent: … change|growth … in percent, of a figure that is not a rate
// "the exact percentage revenue growth" asks a percentage change. Not "the
// change in the percentage of sales …" (a change in a share, in points),
// nor a rate's change ("how much did the rate of return decrease").
func changeInPercent(p *parser) bool {
	q := &p.q
	if q.Op != OpChange || q.Unit != "percent" || p.unitOfFigure || q.Derived != nil ||
		q.Metric != nil && q.Metric.Unit == "percent" || reShareOf.MatchString(p.lrest) {
		return false
	}
	q.Op = OpPctChange
	return true
}

// sumOverPeriods: [the] total|combined X in P and P
// Two or more periods named outright and a cue of a sum ("total", "in
// all") with no other operation ask for the periods' sum. The cue names
// no figure, so its words leave the terms.
func sumOverPeriods(p *parser) bool {
	q := &p.q
	if q.Op != OpNone || explicitPeriods(q.Periods) < 2 {
		return false
	}
	for _, c := range p.v.PeriodSumCues {
		if hasPhrase(p.low, c) {
			q.Op = OpSum
			q.Terms = withoutWords(q.Terms, c)
			q.Words = strings.Join(withoutWords(strings.Fields(q.Words), c), " ")
			return true
		}
	}
	return false
}

// describedFigure: [how much did] X increase|change [P]  (X not in the vocabulary)
// A change cue about a figure the vocabulary does not know, with at most
// one period, more likely describes the figure ("increase in legal
// fees") than asks for a change, unless the question asks for a change
// in so many words.
func describedFigure(p *parser) bool {
	q := &p.q
	if q.hasFigure() || q.Op != OpChange || hasExplicitChange(p.lrest) || explicitPeriods(q.Periods) >= 2 {
		return false
	}
	q.Op = ""
	// "the increase in the write-down": the amount of an increase, not the
	// write-down; "the increased royalties" are royalties
	for _, n := range vocab.Default().Phrases("change_nouns") {
		for _, at := range findPhrase(p.lrest, n) {
			if rest := strings.Fields(p.lrest[at+len(n):]); len(rest) > 0 && (rest[0] == "in" || rest[0] == "of") {
				q.AsksChange = true
			}
		}
	}
	return true
}

// reWhichRow is a question that opens by asking which thing: "which
// country", "in which currency", "for 2019, what is the component".
var reWhichRow = regexp.MustCompile(`^(?:[^,]*,\s*)?(?:in\s+|for\s+)?(?:which|what)\s+(?:(?:is|was|are|were)\s+the\s+)?([a-z][a-z\-]+)\b`)

// highestRow: which K has|had the highest|lowest X [P]
// A comparison of the rows of a table (K is what a row is: a country, a
// segment, a component), not of periods: the row whose figure is the
// highest or lowest. Not "which year" (a comparison of periods), nor a
// question without a word of comparison.
func highestRow(p *parser) bool {
	q := &p.q
	m := reWhichRow.FindStringSubmatch(p.lrest)
	if m == nil || q.Op != OpNone && q.Op != OpChange || q.hasFigure() && q.Metric == nil {
		return false
	}
	kind := m[1]
	if p.v.Words("period_nouns")[kind] || p.v.IsStopword(kind) || questionWord[kind] || slices.Contains(p.v.CompareHigh, kind) || slices.Contains(p.v.CompareLow, kind) {
		return false
	}
	high, low := false, false
	for _, w := range p.words {
		if p.v.Words("rank_words")[w.Norm] {
			// "highest", "smallest", "most"; not "minimum" ("alternative
			// minimum tax") nor "over"
			high = high || slices.Contains(p.v.CompareHigh, w.Norm)
			low = low || slices.Contains(p.v.CompareLow, w.Norm)
		}
	}
	if high == low {
		return false
	}
	q.Op, q.AcrossRows, q.RowKind, q.Low = OpCompare, true, kind, low
	drop := map[string]bool{kind: true}
	for _, w := range append(append([]string{}, p.v.CompareHigh...), p.v.CompareLow...) {
		drop[w] = true
	}
	var terms []string
	for _, t := range q.Terms {
		if !drop[strings.ToLower(t)] {
			terms = append(terms, t)
		}
	}
	q.Terms = terms
	return true
}

// comparisonShape: in which P was X higher|lower|more than N
// Reads what a comparison asks for (comparison, in compare.go).
func comparisonShape(p *parser) bool {
	if p.q.Op != OpCompare {
		return false
	}
	comparison(&p.q, p.v, p.lrest)
	return true
}

// averageAndChange: [the] change|difference … average X … | [the] average change|increase in X
// Two operations, one on the other's results: "the change between the
// 2018 and 2019 average free cash flow", "the difference between average
// salaries and average incentives", "the average increase in customers".
// ex99 computes one operation; it says so instead of computing a part.
func averageAndChange(p *parser) bool {
	if p.q.Op != OpAverage || !slices.Contains(p.q.Cues, OpChange) && !slices.Contains(p.q.Cues, OpPctChange) {
		return false
	}
	p.q.Unsupported = "an average of changes, or a change between averages"
	return true
}

// spanOfYears: the total|average of X from Y1 to Y2
// A sum or average over a span of years takes every year between.
func spanOfYears(p *parser) bool {
	if p.q.Op != OpSum && p.q.Op != OpAverage || len(p.q.Periods) != 2 {
		return false
	}
	before := len(p.q.Periods)
	p.q.Periods = fillYears(p.q.Periods, p.low)
	return len(p.q.Periods) != before
}

// explicitChange phrases ask for a change in so many words.
var explicitChange = vocab.Default().Phrases("explicit_change")

// hasExplicitChange reports questions that ask for a change in so many words.
func hasExplicitChange(l string) bool {
	for _, w := range explicitChange {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// withoutWords drops the words of phrase from ws (case-insensitive).
func withoutWords(ws []string, phrase string) []string {
	drop := map[string]bool{}
	for _, w := range strings.Fields(phrase) {
		drop[strings.ToLower(w)] = true
	}
	var out []string
	for _, w := range ws {
		if !drop[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

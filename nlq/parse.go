package nlq

import (
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/ex99/ex99/vocab"
)

// parser holds one question on its way to a Query. Each stage of stages
// reads what the stages before it left and fills in more of q.
type parser struct {
	v     *vocab.Vocab
	q     Query
	names []string // the entities of the release asked about, if known

	question    string // as asked
	text, low   string // cleaned, and lower case
	rest, lrest string // text with the periods blanked out, and lower case

	words  []Token      // the word tokens of rest
	spans  []vocab.Span // the metric names among words, the one asked for first
	ops    []opHit      // the operation cues of lrest, outside metric names
	opAt   map[int]bool // byte positions of lrest inside an operation cue
	stopAt int          // index in words where the head of the question ends

	unitOfFigure bool // the unit cue names what the figure is ("rate"), not how to answer
}

// opHit is an operation cue found in the question.
type opHit struct {
	op         Op
	start, end int
}

// stages are the parser's stages, in order. Each reads the question's
// text or tokens and the fields earlier stages set.
var stages = []struct {
	name string
	run  func(*parser)
}{
	{"periods", (*parser).readPeriods},     // dates, quarters, years, relative periods
	{"places", (*parser).readPlaces},       // "to two decimal places", "exact"
	{"unit", (*parser).readUnit},           // percent, per share, a count, dollars
	{"basis", (*parser).readBasis},         // basic or diluted, adjusted
	{"operations", (*parser).readOps},      // "change", "ratio", "average" …
	{"metrics", (*parser).readMetrics},     // the vocabulary's names; drops cues inside them
	{"head", (*parser).readHead},           // where the figure's noun phrase ends
	{"figure", (*parser).readFigure},       // the metric asked for, and its operands
	{"modifiers", (*parser).readModifiers}, // the words right before the metric
	{"cues", (*parser).readCues},           // growth, change and future cues
	{"terms", (*parser).readTerms},         // the words left, for entities and search
	{"shape", (*parser).readShape},         // the question's shape (shapes.go)
	{"intent", (*parser).readIntent},       // a figure, a computation or a passage
	{"tokens", (*parser).keepTokens},       // the tokens, for explanations
}

// Parse reads a question. It never fails; an empty or unreadable question
// gives a Query with no metric, period or words.
func Parse(question string) Query { return ParseKnowing(question, nil) }

// ParseKnowing is Parse for a question about a release whose entities
// (segments, subsidiaries, regions) are names: a metric word inside one of
// them ("Asset" in "Asset Management Group earnings") names no metric.
func ParseKnowing(question string, names []string) Query {
	p := &parser{v: vocab.Default(), names: names, question: question}
	p.q = Query{Text: question, Intent: Lookup, Places: -1}
	p.text = cleanQuestion(question)
	p.low = strings.ToLower(p.text)
	for _, st := range stages {
		st.run(p)
	}
	return p.q
}

func (p *parser) readPeriods() {
	p.q.Periods, p.rest = scanPeriods(p.v, p.text, p.question)
	p.lrest = strings.ToLower(p.rest)
}

var rePlaces = regexp.MustCompile(`(?i)\b(one|two|three|four|zero|no|\d)\s+decimal(?:\s+places?)?`)

// readPlaces reads the decimal places asked for and the cues that ask to
// compute rather than look up ("exact", "precisely").
func (p *parser) readPlaces() {
	if m := rePlaces.FindStringSubmatch(p.low); m != nil {
		if n, ok := p.v.DecimalPlaces[strings.ToLower(m[1])]; ok {
			p.q.Places = n
		} else {
			p.q.Places = int(m[1][0] - '0')
		}
		p.q.Exact = true
	}
	for _, c := range p.v.ComputeCues {
		if hasPhrase(p.low, c) {
			p.q.Exact = true
		}
	}
}

// unitOrder is the order unit cues are tried in: the first found wins.
var unitOrder = []string{"count", "USD/share", "percent", "USD"}

// readUnit reads the unit the question wants from a unit cue at the head
// of its noun phrase.
func (p *parser) readUnit() {
	for _, u := range unitOrder {
		for _, ph := range p.v.Units[u] {
			if p.q.Unit == "" && atHead(p.lrest, ph) {
				p.q.Unit = u
				p.unitOfFigure = slices.Contains(p.v.UnitHeads, ph) ||
					slices.Contains(p.v.UnitSigns, ph) && signNamesFigure(p.lrest, ph, p.v)
			}
		}
	}
}

// readBasis reads basic or diluted (diluted wins), and adjusted.
func (p *parser) readBasis() {
	for _, t := range vocab.Tokens(p.rest) {
		switch t {
		case "diluted":
			p.q.Basis = "diluted"
		case "basic":
			if p.q.Basis == "" {
				p.q.Basis = "basic"
			}
		}
	}
	for _, ph := range p.v.Qualifiers["adjusted"] {
		if hasPhrase(p.lrest, ph) {
			p.q.Adjusted = true
		}
	}
}

// opOrder is the order operation cues are looked for in: a cue's words
// are taken by the first operation that finds them ("percentage change"
// is pct_change before "change" is looked for).
var opOrder = []Op{OpCompare, OpPctChange, OpAverage, OpSum, OpRatio, OpChange}

// readOps finds the operation cues, longest phrase first, except where
// the words around them say otherwise.
func (p *parser) readOps() {
	p.opAt = map[int]bool{}
	for _, op := range opOrder {
		for _, ph := range byLength(p.v.Ops[string(op)]) {
			for _, at := range findPhrase(p.lrest, ph) {
				if p.opTaken(at, at+len(ph)) || notAnOp(op, ph, p.lrest, at) {
					continue
				}
				p.ops = append(p.ops, opHit{op, at, at + len(ph)})
				for i := at; i < at+len(ph); i++ {
					p.opAt[i] = true
				}
			}
		}
	}
}

func (p *parser) opTaken(start, end int) bool {
	for i := start; i < end; i++ {
		if p.opAt[i] {
			return true
		}
	}
	return false
}

// notAnOp reports an operation cue whose neighbours make it something else.
func notAnOp(op Op, ph, lrest string, at int) bool {
	switch {
	case op == OpPctChange && strings.HasPrefix(ph, "in ") && strings.HasPrefix(strings.TrimSpace(lrest[at+len(ph):]), "of "):
		// "the change in percentage of sales": a change in a share
		return true
	case op == OpAverage && (strings.HasSuffix(lrest[:at], "weighted ") || strings.HasSuffix(lrest[:at], "weighted-")):
		// "weighted-average shares outstanding" names a figure
		return true
	}
	return false
}

// readMetrics tokenizes the question and finds the metric names the
// vocabulary knows (outside the release's entity names); an operation cue
// inside a name is part of the name ("weighted average shares"). The
// first cue left sets the operation (pct_change over change).
func (p *parser) readMetrics() {
	p.words = lexWords(p.v, p.rest)
	nt := make([]string, len(p.words))
	for i, w := range p.words {
		nt[i] = w.Norm
	}
	p.spans = p.findNames(nt)
	var kept []opHit
	for _, h := range p.ops {
		if p.insideMetric(h) {
			for i := h.start; i < h.end; i++ {
				delete(p.opAt, i)
			}
			continue
		}
		kept = append(kept, h)
		if p.q.Op == OpNone || p.q.Op == OpChange && h.op == OpPctChange {
			p.q.Op = h.op
		}
	}
	p.ops = kept
	for _, h := range kept {
		if !slices.Contains(p.q.Cues, h.op) {
			p.q.Cues = append(p.q.Cues, h.op)
		}
	}
	for i := range p.words {
		if p.opAt[p.words[i].Pos] {
			p.words[i].Class |= ClassOp
		}
		if inSpans(p.spans, i) {
			p.words[i].Class |= ClassMetric
		}
	}
	p.stopAt = len(p.words)
}

// findNames finds the metric names among the normalized tokens nt, outside
// the release's entity names. A word that names nothing but misspells a
// name's word by one letter is read as it, when that makes it part of a
// name ("revnue" → "revenue"); the reading is kept in Query.Spelled.
func (p *parser) findNames(nt []string) []vocab.Span {
	find := func(nt []string) []vocab.Span {
		spans := findMetrics(p.v, nt)
		if len(p.names) > 0 {
			spans = outsideNames(spans, nt, p.names)
		}
		return spans
	}
	spans := find(nt)
	fixed := append([]string(nil), nt...)
	var at []int
	for i, w := range p.words {
		if w.Class == 0 && !inSpans(spans, i) {
			if to, ok := p.v.Spelled(w.Norm); ok {
				fixed[i] = to
				at = append(at, i)
			}
		}
	}
	if len(at) == 0 {
		return spans
	}
	respans := find(fixed)
	for _, i := range at {
		if inSpans(respans, i) {
			p.words[i].Norm = fixed[i]
			p.q.Spelled = append(p.q.Spelled, Spelling{From: p.words[i].Text, To: fixed[i]})
		} else {
			fixed[i] = nt[i]
		}
	}
	if len(p.q.Spelled) == 0 {
		return spans
	}
	return find(fixed)
}

func (p *parser) insideMetric(h opHit) bool {
	for _, sp := range p.spans {
		if sp.End > sp.Start && p.words[sp.Start].Pos <= h.start && h.end <= p.words[sp.End-1].Pos+len(p.words[sp.End-1].Text) {
			return true
		}
	}
	return false
}

// readHead finds where the noun phrase that names the figure ends: at the
// first head preposition after the question's opening words ("revenue
// of the segment"), unless a metric name holds it. The longest metric
// name in the head is the figure ("cash dividend per share" is a
// dividend, not cash), or the one after "represented by".
func (p *parser) readHead() {
	lead := true
	for i, w := range p.words {
		if lead && w.Is(ClassStop|ClassPrep|ClassOp|ClassQuestion|ClassQualifier) {
			continue
		}
		lead = false
		if w.Is(ClassPrep) && !w.Is(ClassOp) && !inSpans(p.spans, i) {
			p.stopAt = i
			break
		}
	}
	primary := -1
	for i, sp := range p.spans {
		if sp.Start <= p.stopAt && (primary < 0 || sp.End-sp.Start > p.spans[primary].End-p.spans[primary].Start) {
			primary = i
		}
	}
	// "percentage of sales represented by gross profit": the figure is
	// the one named after "represented by", a share of the one before
	for i, w := range p.words {
		if !w.Is(ClassRepresent) || i+1 >= len(p.words) || p.words[i+1].Norm != "by" && p.words[i+1].Norm != "for" {
			continue
		}
		for k, sp := range p.spans {
			if sp.Start > i && sp.Start <= i+3 {
				primary, p.stopAt = k, len(p.words)
				break
			}
		}
	}
	if primary > 0 {
		sp := p.spans
		p.spans = append([]vocab.Span{sp[primary]}, append(append([]vocab.Span{}, sp[:primary]...), sp[primary+1:]...)...)
	}
}

// readFigure takes the metric or derived figure asked for from the names
// in the head; a name after the head is an operand of a ratio or a sum.
func (p *parser) readFigure() {
	q := &p.q
	var metricWords []string
	for _, sp := range p.spans {
		if sp.Start > p.stopAt {
			if (q.Metric != nil || q.Derived != nil) && sp.Metric != nil && (q.Op == OpRatio || q.Op == OpSum) {
				q.Metrics = append(q.Metrics, sp.Metric)
			}
			continue
		}
		if sp.Derived != nil && q.Derived == nil && q.Metric == nil {
			q.Derived = sp.Derived
		} else if sp.Metric != nil {
			if q.Metric == nil && q.Derived == nil {
				q.Metric = sp.Metric
			}
			q.Metrics = append(q.Metrics, sp.Metric)
		}
		for i := sp.Start; i < sp.End; i++ {
			if !p.words[i].Cont {
				metricWords = append(metricWords, p.words[i].Text)
			}
		}
	}
	q.MetricText = strings.Join(metricWords, " ")
	if q.Derived != nil && q.Derived.Unit == "percent" && q.Unit == "" {
		q.Unit = "percent"
	}
}

// hasFigure reports whether the question names a figure the vocabulary knows.
func (q *Query) hasFigure() bool { return q.Metric != nil || q.Derived != nil }

// readModifiers takes the words right before the first metric name in the
// head that are not part of it: an entity or a narrower figure.
func (p *parser) readModifiers() {
	for _, sp := range p.spans {
		if sp.Start > p.stopAt || (sp.Metric == nil && sp.Derived == nil) {
			continue
		}
		for j := sp.Start - 1; j >= 0; j-- {
			w := p.words[j]
			if w.Is(ClassStop|ClassQuestion|ClassQualifier|ClassOp|ClassPrep) || inSpans(p.spans, j) {
				break
			}
			if !w.Cont {
				p.q.Modifiers = append([]string{w.Text}, p.q.Modifiers...)
			}
		}
		break
	}
}

// readCues reads the words that say a figure grew, changed, or lies ahead.
func (p *parser) readCues() {
	for _, w := range p.words {
		p.q.Forward = p.q.Forward || w.Is(ClassForward)
		p.q.Growth = p.q.Growth || w.Is(ClassGrowth)
		p.q.ChangeCue = p.q.ChangeCue || w.Is(ClassGrowth|ClassChangeCue)
	}
}

// readTerms keeps the content words: all of them for search (Words), and
// those left after the metric, cues and qualifiers for entities (Terms).
func (p *parser) readTerms() {
	q := &p.q
	var terms, all []string
	for i, w := range p.words {
		if w.Is(ClassStop|ClassQuestion) || w.Cont {
			continue
		}
		all = append(all, w.Text)
		if inSpans(p.spans, i) && q.hasFigure() && i <= p.stopAt+8 {
			continue
		}
		if w.Is(ClassOp | ClassQualifier) {
			continue
		}
		terms = append(terms, w.Text)
	}
	q.Terms = terms
	q.Words = strings.Join(all, " ")
	if q.MetricText != "" && strings.Contains(q.MetricText, " ") {
		q.Phrases = append(q.Phrases, q.MetricText)
	}
}

// readIntent decides what kind of answer the question wants: "what
// revenue does X expect" asks for a figure, "what drove revenue" for a
// passage.
func (p *parser) readIntent() {
	q := &p.q
	metricFirst := false
	for i, w := range p.words {
		if w.Is(ClassStop | ClassQuestion) {
			continue
		}
		metricFirst = inSpans(p.spans, i) && q.hasFigure()
		break
	}
	q.TextForm = textForm(p.low, *q)
	switch {
	case q.TextForm != "":
		q.Intent = Passage
	case !(metricFirst && (strings.HasPrefix(p.low, "what") || strings.HasPrefix(p.low, "which"))) && isPassageQuestion(p.low, *q):
		q.Intent = Passage
	case q.Derived != nil || q.Op != OpNone:
		q.Intent = Compute
	}
}

// keepTokens records the question's tokens in the order written: its
// words (a word split in parts once, with its first part's classes) and
// the periods the first stage took out.
func (p *parser) keepTokens() {
	var toks []Token
	for _, w := range p.words {
		if !w.Cont {
			toks = append(toks, w) // "SG&A" once, not once per part
		}
	}
	for _, ps := range p.q.Periods {
		c := ClassPeriod
		if ps.Relative != "" {
			c = ClassRelative
		}
		if at := strings.Index(p.text, ps.Text); at >= 0 && ps.Text != "" {
			toks = append(toks, Token{Text: ps.Text, Norm: strings.ToLower(ps.Text), Pos: at, Class: c})
		}
	}
	sort.SliceStable(toks, func(i, j int) bool { return toks[i].Pos < toks[j].Pos })
	p.q.Tokens = toks
}

func inSpans(spans []vocab.Span, i int) bool {
	for _, s := range spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

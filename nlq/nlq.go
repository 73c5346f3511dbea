// Package nlq turns a question about an earnings release into a structured
// query: what is asked (a figure, a passage, a computation), the metric,
// the periods, basic or diluted, reported or adjusted, the unit wanted, and
// the remaining words (which may name an entity or describe a figure the
// vocabulary does not know).
//
// The parser is rule-based and driven by the vocabulary in package vocab;
// it never fails: a question it cannot read still yields its words, which
// the answer step matches against the release's text.
package nlq

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// Intent is what kind of answer a question wants.
type Intent string

// Intents.
const (
	Lookup  Intent = "fact"    // a figure the release states
	Compute Intent = "compute" // a figure computed from others
	Passage Intent = "passage" // a paragraph that answers a why/who/when question
)

// Query is a parsed question.
type Query struct {
	Text   string `json:"text"`
	Intent Intent `json:"intent"`
	// Metric is the vocabulary metric asked for, or nil.
	Metric *vocab.Metric `json:"-"`
	// Metrics are all vocabulary metrics named, in order (for ratios, sums).
	Metrics []*vocab.Metric `json:"-"`
	// Derived is a figure defined as a ratio or difference, or nil.
	Derived *vocab.Derived `json:"-"`
	// MetricText is the metric as the question words it.
	MetricText string `json:"metric_text,omitempty"`
	// Op is the arithmetic asked for: "", "change", "pct_change", "sum",
	// "average", "ratio", "compare".
	Op string `json:"op,omitempty"`
	// Exact says the question asks to compute even where the release states a
	// rounded figure ("to two decimal places").
	Exact bool `json:"exact,omitempty"`
	// Places is the number of decimal places asked for, or -1.
	Places   int          `json:"places"`
	Periods  []PeriodSpec `json:"periods,omitempty"`
	Basis    string       `json:"basis,omitempty"` // "basic" or "diluted"
	Adjusted bool         `json:"adjusted,omitempty"`
	// Unit is the unit the question wants, when it says ("percent", "count").
	Unit string `json:"unit,omitempty"`
	// Terms are the content words left after metric, period and question
	// words are taken out; they may name an entity or describe a figure.
	Terms []string `json:"terms,omitempty"`
	// Modifiers are the words right before the metric name that are not
	// part of it ("retail kilowatt-hour" in "retail kilowatt-hour sales",
	// "Joe's" in "Joe's net sales"): an entity, or a narrower figure.
	Modifiers []string `json:"modifiers,omitempty"`
	// Growth says the question asks how much something grew or fell, which a
	// stated percentage change answers.
	Growth bool `json:"growth,omitempty"`
	// ChangeCue says a word of the question asks about a change ("add",
	// "increase"), so a figure stated as a change fits it.
	ChangeCue bool `json:"change_cue,omitempty"`
	// Forward says the question asks about the future (guidance, outlook):
	// no reported figure answers it, a passage may.
	Forward bool `json:"forward,omitempty"`
	// Operands are the two things a ratio compares, as worded ("Data Center
	// Group goodwill", "Mobileye goodwill"), when the question names them.
	Operands []string `json:"operands,omitempty"`
	// Low says a comparison asks for the smaller figure ("in which year was
	// X lower").
	Low bool `json:"low,omitempty"`
	// Bound, when HasBound, is the figure a comparison measures against, in
	// base units ("less than 15,000 thousands" is 15000000; "negative" is 0).
	Bound    decimal.Decimal `json:"bound"`
	HasBound bool            `json:"has_bound,omitempty"`
	// Words are all content words (metric words included), for full-text search.
	Words string `json:"words"`
	// Phrases are multi-word phrases of the question worth matching as written.
	Phrases []string `json:"phrases,omitempty"`
}

// PeriodSpec is a period as a question names it.
type PeriodSpec struct {
	period.Period
	// Relative is "current" (this quarter), "prior_year" (a year before the
	// other period or the current one), "ytd" (year to date), or "".
	Relative string `json:"relative,omitempty"`
	Fiscal   bool   `json:"fiscal,omitempty"`
	YearOnly bool   `json:"year_only,omitempty"`
	// Since marks "since <date>": the start of a change.
	Since bool   `json:"since,omitempty"`
	Text  string `json:"text"`
}

var (
	rePlaces  = regexp.MustCompile(`(?i)\b(one|two|three|four|zero|no|\d)\s+decimal(?:\s+places?)?`)
	reSumOf   = regexp.MustCompile(`\b(?:sum|total|combined)\s+of\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s*(?:\b(?:in|for|at|as of|during|on)\b|[?.,]|$)`)
	reRatioOf = regexp.MustCompile(`\b(?:ratio|proportion)\s+(?:of|between)\s+(?:the\s+)?(.+?)\s+(?:to|over|and|against|divided by|versus|vs\.?)\s+(?:the\s+)?(.+?)\s*(?:\b(?:in|for|at|as of|during|on)\b|[?.,]|$)`)
	rePctOf   = regexp.MustCompile(`^\s*(?:what\s+(?:is|was|were|are)\s+)?(?:the\s+)?(.+?)\s+as\s+an?\s+(percentage|percent|%|share|proportion|ratio)\s+of\s+(?:the\s+)?(.+?)\s*(?:\b(?:in|for|at|as of|during|on)\b|[?.,]|$)`)
	// "the percentage of X in the total Y", "X's share of total Y"
	rePartOfTotal = regexp.MustCompile(`\b(percentage|percent|proportion|share)\s+(?:of\s+)?(?:constitution\s+of\s+)?(?:the\s+)?(.+?)\s+(?:in|among|out of|within|of|to)\s+(?:the\s+)?(total\s+.+?)\s*(?:\b(?:in|for|at|as of|during|on)\b|[?.,]|$)`)
	// "what percentage of total Y is made up of X"
	reTotalMadeOf = regexp.MustCompile(`\bwhat\s+(percentage|percent|proportion|share)\s+of\s+(?:the\s+)?(.+?)\s+(?:is|was|are|were)\s+(?:made up of|generated from|generated by|accounted for by|attributable to|comprised of|represented by|derived from)\s+(?:the\s+)?(.+?)\s*(?:\b(?:in|for|at|as of|during|on)\b|[?.,]|$)`)
	reYearAfter   = regexp.MustCompile(`^\s*(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d\d\b`)
	reSinceBefore = regexp.MustCompile(`(?i)\bsince\b[^.?!;]{0,40}$`)
	reWord        = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’&.\-]*`)
)

// Parse reads a question. It never fails; an empty or unreadable question
// gives a Query with no metric, period or words.
func Parse(question string) Query { return ParseKnowing(question, nil) }

// ParseKnowing is Parse for a question about a release whose entities
// (segments, subsidiaries, regions) are names: a metric word inside one of
// them ("Asset" in "Asset Management Group earnings") names no metric.
func ParseKnowing(question string, names []string) Query {
	v := vocab.Default()
	q := Query{Text: question, Intent: Lookup, Places: -1}
	text := cleanQuestion(question)
	low := strings.ToLower(text)

	// periods: relative phrases first ("prior year quarter", "this quarter"),
	// then dates, quarters, durations and years
	masked := []byte(text)
	for _, rel := range []string{"year_end", "prior_year", "ytd", "current"} {
		for _, ph := range byLength(v.Relative[rel]) {
			for _, at := range findPhrase(strings.ToLower(string(masked)), ph) {
				if rel == "year_end" && reYearAfter.MatchString(text[at+len(ph):]) {
					continue // "fiscal year end 2003" names its year
				}
				ps := PeriodSpec{Relative: rel, Text: text[at : at+len(ph)], Since: reSinceBefore.MatchString(text[:at])}
				if rel == "current" && strings.Contains(ph, "quarter") {
					ps.Months = 3
				}
				q.Periods = append(q.Periods, ps)
				blank(masked, at, at+len(ph))
			}
		}
	}
	// "year over year" asks for a comparison with the prior year
	for _, ph := range v.Phrases("year_over_year") {
		for _, at := range findPhrase(strings.ToLower(string(masked)), ph) {
			q.Periods = append(q.Periods, PeriodSpec{Relative: "prior_year", Text: text[at : at+len(ph)]})
			blank(masked, at, at+len(ph))
		}
	}
	ms := string(masked)
	for _, m := range period.ScanPeriods(ms) {
		ps := PeriodSpec{Period: m.Period, Fiscal: m.Fiscal, YearOnly: m.YearOnly, Text: text[m.Start:m.End]}
		if reSinceBefore.MatchString(ms[:m.Start]) {
			ps.Since = true
		}
		q.Periods = append(q.Periods, ps)
		blank(masked, m.Start, m.End)
	}
	sortPeriods(q.Periods, text)
	// "the third and fourth quarter of fiscal 2019": a quarter without its
	// year shares the year of the quarter named with one
	year := 0
	for _, ps := range q.Periods {
		if !reOrdinalPair.MatchString(question) {
			break
		}
		if ps.FQ > 0 && ps.FY != 0 {
			year = ps.FY
		}
	}
	for i := range q.Periods {
		if p := &q.Periods[i]; year != 0 && p.FQ > 0 && p.FY == 0 && p.End.IsZero() && p.Relative == "" {
			p.FY = year
		}
	}
	rest := string(masked)
	lrest := strings.ToLower(rest)

	// decimal places and compute cues
	if m := rePlaces.FindStringSubmatch(low); m != nil {
		if n, ok := v.DecimalPlaces[strings.ToLower(m[1])]; ok {
			q.Places = n
		} else {
			q.Places = int(m[1][0] - '0')
		}
		q.Exact = true
	}
	for _, c := range v.ComputeCues {
		if len(findPhrase(low, c)) > 0 {
			q.Exact = true
		}
	}
	// unit wanted
	unitOfFigure := false // the unit names what the figure is ("rate"), not how to answer
	for _, u := range []string{"count", "USD/share", "percent", "USD"} {
		for _, ph := range v.Units[u] {
			if atHead(lrest, ph) {
				if q.Unit == "" {
					q.Unit = u
					unitOfFigure = slices.Contains(v.UnitHeads, ph)
				}
			}
		}
	}
	// basis and adjusted
	toks := vocab.Tokens(rest)
	for _, t := range toks {
		switch t {
		case "diluted":
			q.Basis = "diluted"
		case "basic":
			if q.Basis == "" {
				q.Basis = "basic"
			}
		}
	}
	for _, ph := range v.Qualifiers["adjusted"] {
		if len(findPhrase(lrest, ph)) > 0 {
			q.Adjusted = true
		}
	}
	// operations (longest phrase first; pct_change before change), except
	// inside a metric's name ("weighted average shares")
	type opHit struct {
		op         string
		start, end int
	}
	var opHits []opHit
	opAt := map[int]bool{}
	for _, op := range []string{"compare", "pct_change", "average", "sum", "ratio", "change"} {
		for _, ph := range byLength(v.Ops[op]) {
			for _, at := range findPhrase(lrest, ph) {
				taken := false
				for i := at; i < at+len(ph); i++ {
					taken = taken || opAt[i]
				}
				if taken {
					continue
				}
				if op == "pct_change" && strings.HasPrefix(ph, "in ") && strings.HasPrefix(strings.TrimSpace(lrest[at+len(ph):]), "of ") {
					// "the change in percentage of sales": a change in a share
					continue
				}
				if op == "average" && (strings.HasSuffix(lrest[:at], "weighted ") || strings.HasSuffix(lrest[:at], "weighted-")) {
					// "weighted-average shares outstanding" names a figure
					continue
				}
				opHits = append(opHits, opHit{op, at, at + len(ph)})
				for i := at; i < at+len(ph); i++ {
					opAt[i] = true
				}
			}
		}
	}

	// metrics: names the vocabulary knows, where they head the phrase
	words := tokensWithPos(rest)
	var nt []string
	for _, w := range words {
		nt = append(nt, w.norm)
	}
	spans := findMetrics(v, nt)
	if len(names) > 0 {
		spans = outsideNames(spans, nt, names)
	}
	for _, h := range opHits {
		inside := false
		for _, sp := range spans {
			if sp.End > sp.Start && words[sp.Start].pos <= h.start && h.end <= words[sp.End-1].pos+len(words[sp.End-1].raw) {
				inside = true
			}
		}
		if inside {
			for i := h.start; i < h.end; i++ {
				delete(opAt, i)
			}
			continue
		}
		if q.Op == "" || q.Op == "change" && h.op == "pct_change" {
			q.Op = h.op
		}
	}
	lead := true
	stopAt := len(nt)
	for i, w := range words {
		isOp := opAt[w.pos]
		if lead && (v.IsStopword(w.norm) || headPrep[w.norm] || isOp || questionWord[w.norm] || qualifierWord[w.norm]) {
			continue
		}
		lead = false
		if headPrep[w.norm] && !inSpans(spans, i) && !isOp {
			stopAt = i
			break
		}
	}
	// the longest name heads the question ("cash dividend per share" is a
	// dividend, not cash): take it first
	primary := -1
	for i, sp := range spans {
		if sp.Start <= stopAt && (primary < 0 || sp.End-sp.Start > spans[primary].End-spans[primary].Start) {
			primary = i
		}
	}
	// "percentage of sales represented by gross profit": the figure is
	// the one named after "represented by", a share of the one before
	for i, w := range words {
		if !representWord[w.norm] || i+1 >= len(words) || words[i+1].norm != "by" && words[i+1].norm != "for" {
			continue
		}
		for k, sp := range spans {
			if sp.Start > i && sp.Start <= i+3 {
				primary, stopAt = k, len(nt)
				break
			}
		}
	}
	if primary > 0 {
		spans = append([]vocab.Span{spans[primary]}, append(append([]vocab.Span{}, spans[:primary]...), spans[primary+1:]...)...)
	}
	var metricWords []string
	for _, sp := range spans {
		if sp.Start > stopAt && (q.Metric != nil || q.Derived != nil) {
			// a later metric is an operand ("ratio of X to Y") or an object
			if sp.Metric != nil && (q.Op == "ratio" || q.Op == "sum") {
				q.Metrics = append(q.Metrics, sp.Metric)
			}
			continue
		}
		if sp.Start > stopAt {
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
			if !words[i].cont {
				metricWords = append(metricWords, words[i].raw)
			}
		}
	}
	q.MetricText = strings.Join(metricWords, " ")
	// the words right before the first metric name
	for _, sp := range spans {
		if sp.Start > stopAt || (sp.Metric == nil && sp.Derived == nil) {
			continue
		}
		for j := sp.Start - 1; j >= 0; j-- {
			w := words[j]
			if v.IsStopword(w.norm) || questionWord[w.norm] || qualifierWord[w.norm] || opAt[w.pos] || headPrep[w.norm] || inSpans(spans, j) {
				break
			}
			if !w.cont {
				q.Modifiers = append([]string{w.raw}, q.Modifiers...)
			}
		}
		break
	}
	for _, w := range words {
		if forwardWord[w.norm] {
			q.Forward = true
		}
		if growthWord[w.norm] {
			q.Growth = true
		}
		if growthWord[w.norm] || changeCue[w.norm] {
			q.ChangeCue = true
		}
	}
	if q.Derived != nil && q.Derived.Unit == "percent" && q.Unit == "" {
		q.Unit = "percent"
	}
	// terms: what is left
	var terms, all []string
	for i, w := range words {
		if v.IsStopword(w.norm) || questionWord[w.norm] || w.cont {
			continue
		}
		all = append(all, w.raw)
		if inSpans(spans, i) && (q.Metric != nil || q.Derived != nil) && i <= stopAt+8 {
			continue
		}
		if opAt[w.pos] || qualifierWord[w.norm] {
			continue
		}
		terms = append(terms, w.raw)
	}
	q.Terms = terms
	q.Words = strings.Join(all, " ")
	if q.MetricText != "" && strings.Contains(q.MetricText, " ") {
		q.Phrases = append(q.Phrases, q.MetricText)
	}

	// the parts of a sum: "the sum of X and Y", "the total of X and Y"
	if m := reSumOf.FindStringSubmatch(strings.ToLower(rest)); m != nil && (q.Op == "sum" || q.Op == "") {
		q.Operands = []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[2])}
		q.Op = "sum"
	}
	// the two sides of a ratio: "ratio of X to Y", "X as a percentage of Y"
	if m := reRatioOf.FindStringSubmatch(strings.ToLower(rest)); m != nil {
		q.Operands = []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[2])}
		if q.Op == "" || q.Op == "change" {
			q.Op = "ratio"
		}
	} else if m := rePctOf.FindStringSubmatch(strings.ToLower(rest)); m != nil && q.Derived == nil {
		q.Operands = []string{strings.TrimSpace(m[1]), strings.TrimSpace(m[3])}
		q.Op = "ratio"
		if m[2] != "ratio" {
			q.Unit = "percent"
		}
	} else if m := rePartOfTotal.FindStringSubmatch(strings.ToLower(rest)); m != nil && q.Derived == nil && (q.Op == "" || q.Op == "ratio") {
		q.Operands = []string{strings.TrimSpace(m[2]), strings.TrimSpace(m[3])}
		q.Op = "ratio"
		if m[1] == "percentage" || m[1] == "percent" {
			q.Unit = "percent"
		}
	} else if m := reTotalMadeOf.FindStringSubmatch(strings.ToLower(rest)); m != nil && q.Derived == nil && (q.Op == "" || q.Op == "ratio") {
		q.Operands = []string{strings.TrimSpace(m[3]), strings.TrimSpace(m[2])}
		q.Op = "ratio"
		if m[1] == "percentage" || m[1] == "percent" {
			q.Unit = "percent"
		}
	}
	// "the exact percentage revenue growth": a change asked in percent
	// ("the change in the percentage of sales …" is a change in a share)
	// ("how much did the rate of return decrease": a rate changes in points)
	if q.Op == "change" && q.Unit == "percent" && !unitOfFigure && q.Derived == nil && (q.Metric == nil || q.Metric.Unit != "percent") && !reShareOf.MatchString(strings.ToLower(rest)) {
		q.Op = "pct_change"
	}
	// a change asked of something the vocabulary does not know is more
	// likely a described figure ("increase in legal fees")
	explicit := 0
	for _, ps := range q.Periods {
		if ps.Relative == "" || ps.Relative == "prior_year" {
			explicit++
		}
	}
	if q.Op == "" && explicit >= 2 {
		// "the total cost of revenue in 2019 and 2018": the periods' sum
		for _, c := range v.PeriodSumCues {
			if len(findPhrase(low, c)) > 0 {
				q.Op = "sum"
				// the cue asks for arithmetic; it does not name the figure
				q.Terms = withoutWords(q.Terms, c)
				q.Words = strings.Join(withoutWords(strings.Fields(q.Words), c), " ")
				break
			}
		}
	}
	if q.Metric == nil && q.Derived == nil && (q.Op == "change") && !hasExplicitChange(lrest) && explicit < 2 {
		q.Op = ""
	}
	if q.Op == "compare" {
		comparison(&q, v, lrest)
	}
	if (q.Op == "sum" || q.Op == "average") && len(q.Periods) == 2 {
		q.Periods = fillYears(q.Periods, low)
	}
	// intent: "what revenue does X expect" asks for a figure, "what drove revenue" for a passage
	metricFirst := false
	for i, w := range words {
		if v.IsStopword(w.norm) || questionWord[w.norm] {
			continue
		}
		metricFirst = inSpans(spans, i) && (q.Metric != nil || q.Derived != nil)
		break
	}
	switch {
	case !(metricFirst && (strings.HasPrefix(low, "what") || strings.HasPrefix(low, "which"))) && isPassageQuestion(low, q):
		q.Intent = Passage
	case q.Derived != nil || q.Op != "" && q.Op != "compare" || q.Op == "compare":
		q.Intent = Compute
	}
	return q
}

// headPrep words end the head of a noun phrase in a question ("of",
// "related to").
var headPrep = vocab.Default().Words("head_prepositions")

// questionWord words ask and name nothing ("what", "how much", "please").
var questionWord = vocab.Default().Words("question_words")

// qualifierWord words qualify the figure asked for, not what it is of
// ("diluted", "two decimal places").
var qualifierWord = vocab.Default().Words("qualifier_words")

// growthWord words say a figure grew or shrank.
var growthWord = vocab.Default().Words("growth_words")

// forwardWord marks a question about the future: guidance, an outlook.
var forwardWord = vocab.Default().Words("forward_words")

// changeCue words ask how much something changed without naming a change
// ("how many customers did it add").
var changeCue = vocab.Default().Words("change_cues")

// explicitChange phrases ask for a change in so many words.
var explicitChange = vocab.Default().Phrases("explicit_change")

// surePassageCue are the passage cues that, opening a question, always
// ask for a passage ("why", "what drove").
var surePassageCue = vocab.Default().Words("sure_passage_cues")

// hasExplicitChange reports questions that ask for a change in so many words.
func hasExplicitChange(l string) bool {
	for _, w := range explicitChange {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isPassageQuestion reports why/who/when questions and others that want a
// paragraph, not a figure.
func isPassageQuestion(low string, q Query) bool {
	v := vocab.Default()
	ws := strings.Fields(strings.Trim(low, " ?.!"))
	if len(ws) == 0 {
		return false
	}
	numericVerb := false
	for _, w := range ws[1:] {
		for _, nv := range v.NumericVerbs {
			if strings.Trim(w, "?,.") == nv {
				numericVerb = true
			}
		}
	}
	if reWhatIs.MatchString(low) && (q.Metric != nil || q.Derived != nil) {
		// "what was the deferred compensation plan assets in 2018": a named
		// figure of a date, whatever verbs its name holds
		for _, ps := range q.Periods {
			if ps.Relative == "" && !ps.Since {
				return false
			}
		}
	}
	for _, w := range ws {
		for _, pv := range v.PassageVerbs {
			if strings.Trim(w, "?,.") == pv {
				return !strings.HasPrefix(low, "how much") && !strings.HasPrefix(low, "how many")
			}
		}
	}
	if strings.HasPrefix(low, "how much") || strings.HasPrefix(low, "how many") {
		return false
	}
	for _, c := range byLength(v.PassageCues) {
		if strings.HasPrefix(low, c+" ") || low == c {
			switch {
			case surePassageCue[c]:
				return true
			case c == "which":
				return q.Op != "compare"
			}
			if numericVerb {
				return false
			}
			if reWhatIs.MatchString(low) {
				// "what is the amount of deposits held", "what was the deposit
				// held at 31 December 2019": a figure, of a date
				for _, w := range ws[2:] {
					for _, n := range v.NumericNouns {
						if strings.Trim(w, "?,.") == n {
							return false
						}
					}
				}
				for _, ps := range q.Periods {
					if ps.Relative == "" && !ps.Since {
						return false
					}
				}
			}
			// "what is/are/does …" wants a figure when it names a metric
			return q.Metric == nil && q.Derived == nil && q.Op == "" && q.Unit == ""
		}
	}
	return false
}

type word struct {
	raw, norm string
	pos       int
	// cont marks the second and later parts of a raw word that normalizes
	// to several ("long-term" → "long", "term"): its raw text is the first's
	cont bool
}

// tokensWithPos splits text into words with their byte positions; norm is
// the word as vocabulary matching sees it.
func tokensWithPos(s string) []word {
	var out []word
	for _, loc := range reWord.FindAllStringIndex(s, -1) {
		raw := strings.Trim(s[loc[0]:loc[1]], ".-'’")
		if raw == "" {
			continue
		}
		n := vocab.Normalize(raw)
		for i, part := range strings.Fields(n) {
			out = append(out, word{raw: raw, norm: part, pos: loc[0] + i, cont: i > 0})
		}
	}
	return out
}

func inSpans(spans []vocab.Span, i int) bool {
	for _, s := range spans {
		if i >= s.Start && i < s.End {
			return true
		}
	}
	return false
}

// cleanQuestion folds white space, drops control characters and keeps at
// most 1,000 characters.
func cleanQuestion(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	// "the second and first quarter": each ordinal names its quarter
	s = reOrdinalPair.ReplaceAllString(s, "$1 $3 and $2 $3")
	if len(s) > 1000 {
		s = strings.ToValidUTF8(s[:1000], "")
	}
	return s
}

func blank(b []byte, start, end int) {
	for i := start; i < end && i < len(b); i++ {
		b[i] = ' '
	}
}

// findPhrase returns where phrase occurs in s as whole words.
func findPhrase(s, phrase string) []int {
	var out []int
	if phrase == "" {
		return nil
	}
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return out
		}
		at := i + j
		end := at + len(phrase)
		okL := at == 0 || !isWordChar(s[at-1]) || !isWordChar(phrase[0])
		okR := end == len(s) || !isWordChar(s[end]) || !isWordChar(phrase[len(phrase)-1])
		if okL && okR {
			out = append(out, at)
		}
		i = at + 1
	}
}

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func byLength(ps []string) []string {
	out := append([]string(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

func sortPeriods(ps []PeriodSpec, text string) {
	sort.SliceStable(ps, func(i, j int) bool {
		return strings.Index(text, ps[i].Text) < strings.Index(text, ps[j].Text)
	})
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

// reYearRange is a span of years: "2017 to 2019", "2017-2019", "2017 through 2019".
var reYearRange = regexp.MustCompile(`\b((?:19|20)\d\d)\s*(?:to|through|thru|until|-|–|—)\s*(?:fiscal\s+(?:year\s+)?)?((?:19|20)\d\d)\b`)

// fillYears adds the years between two year-only periods written as a
// span ("the total for 2017 to 2019" is three years' sum).
func fillYears(ps []PeriodSpec, low string) []PeriodSpec {
	a, b := ps[0], ps[1]
	if !a.YearOnly || !b.YearOnly || a.Relative != "" || b.Relative != "" || !reYearRange.MatchString(low) {
		return ps
	}
	lo, hi := a, b
	if lo.FY > hi.FY {
		lo, hi = hi, lo
	}
	if hi.FY-lo.FY < 2 || hi.FY-lo.FY > 10 {
		return ps
	}
	out := []PeriodSpec{lo}
	for y := lo.FY + 1; y < hi.FY; y++ {
		mid := lo
		mid.FY = y
		if !mid.End.IsZero() {
			mid.End.Y = y
		}
		mid.Text = strconv.Itoa(y)
		out = append(out, mid)
	}
	return append(out, hi)
}

// reWhatIs opens a question that asks what something is or was.
var reWhatIs = regexp.MustCompile(`^(?:what|which)\s+(?:is|was|are|were)\b`)

// reOrdinalPair is two ordinals sharing a period noun: "second and first quarter".
var reOrdinalPair = regexp.MustCompile(`(?i)\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:and|&|to|vs\.?|versus)\s+(first|second|third|fourth|1st|2nd|3rd|4th)\s+(quarters?|halves|half)\b`)

// reBound is a comparison with a figure: "less than 15,000 thousands",
// "above $2.5 million", "less than 50%".
var reBound = regexp.MustCompile(`\b(?:less|lower|smaller|fewer|below|under|more|greater|higher|larger|above|over)\s*(?:than\s*)?(-?\$?\s?\d[\d,]*(?:\.\d+)?)\s*(%|thousands?|millions?|billions?|k\b|m\b|bn\b)?`)

// comparison reads what a comparison asks for: the greater or smaller
// figure, or the figures beyond a bound; its words leave the terms.
func comparison(q *Query, v *vocab.Vocab, lrest string) {
	drop := map[string]bool{"than": true}
	for _, w := range v.CompareHigh {
		drop[w] = true
	}
	for _, w := range v.CompareLow {
		drop[w] = true
		if len(findPhrase(lrest, w)) > 0 {
			q.Low = true
		}
	}
	if m := reBound.FindStringSubmatch(lrest); m != nil {
		num := strings.NewReplacer("$", "", ",", "", " ", "").Replace(m[1])
		if d, err := decimal.NewFromString(num); err == nil {
			if sc, ok := v.Scale(strings.TrimSuffix(m[2], "s")); ok {
				d = d.Shift(sc)
			} else if sc, ok := v.Scale(m[2]); ok {
				d = d.Shift(sc)
			}
			q.Bound, q.HasBound = d, true
			for _, w := range strings.Fields(strings.NewReplacer(",", " ", "$", " ", "%", " ").Replace(m[0])) {
				drop[w] = true
			}
		}
	} else if len(findPhrase(lrest, "negative")) > 0 || len(findPhrase(lrest, "positive")) > 0 {
		q.Bound, q.HasBound = decimal.Zero, true
		q.Low = len(findPhrase(lrest, "negative")) > 0
	}
	keep := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			lw := strings.ToLower(w)
			if drop[lw] || q.HasBound && strings.Trim(lw, "0123456789,.$") == "" {
				continue
			}
			out = append(out, w)
		}
		return out
	}
	q.Terms = keep(q.Terms)
	q.Words = strings.Join(keep(strings.Fields(q.Words)), " ")
	q.Modifiers = keep(q.Modifiers)
}

// atHead reports whether phrase occurs in low where it ends its noun
// phrase: a one-word cue ("rate") followed by another noun ("interest rate
// swaps") is part of a name, not the head.
func atHead(low, phrase string) bool {
	for _, at := range findPhrase(low, phrase) {
		if !slices.Contains(vocab.Default().UnitHeads, phrase) {
			return true
		}
		rest := strings.Fields(low[at+len(phrase):])
		if len(rest) == 0 {
			return true
		}
		next := strings.Trim(rest[0], "?.,;:!()")
		if next == "" || headPrep[next] || vocab.Default().IsStopword(next) || questionWord[next] || reYearWord.MatchString(next) {
			return true
		}
	}
	return false
}

var reYearWord = regexp.MustCompile(`^(?:19|20)\d\d$|^q[1-4]$|^fy\d*$`)

// outsideNames drops the metric spans that lie inside one of names, found
// as whole words in the normalized tokens nt.
func outsideNames(spans []vocab.Span, nt []string, names []string) []vocab.Span {
	inside := make([]bool, len(nt))
	for _, n := range names {
		ws := vocab.Tokens(n)
		if len(ws) < 2 {
			continue // a one-word name ("Joe's") cannot hide a metric
		}
		for i := 0; i+len(ws) <= len(nt); i++ {
			if slices.Equal(nt[i:i+len(ws)], ws) {
				for k := i; k < i+len(ws); k++ {
					inside[k] = true
				}
			}
		}
	}
	out := spans[:0:0]
	for _, sp := range spans {
		all := true
		for k := sp.Start; k < sp.End; k++ {
			all = all && inside[k]
		}
		if !all {
			out = append(out, sp)
		}
	}
	return out
}

// reShareOf asks for a share ("percentage of sales").
var reShareOf = regexp.MustCompile(`\b(?:percentage|percent)\s+of\b|%\s+of\b`)

// representWord says the figure asked for is named after it ("represented
// by", "accounted for by", "made up by").
var representWord = vocab.Default().Words("represent_words")

// auxiliaries are the verbs a question puts inside a metric's name ("how
// much net cash was used for financing activities"), and the share bases
// it may put there ("net income per diluted share"); names are matched as
// if they were not there (the basis is read from the question apart).
var auxiliaries = vocab.Default().Words("auxiliaries")

// findMetrics is v.FindMetrics over the tokens without auxiliaries, its
// spans given back in positions of tokens.
func findMetrics(v *vocab.Vocab, tokens []string) []vocab.Span {
	var kept []string
	var at []int
	for i, t := range tokens {
		if auxiliaries[t] && i > 0 {
			continue
		}
		kept = append(kept, t)
		at = append(at, i)
	}
	if len(kept) == len(tokens) {
		return v.FindMetrics(tokens)
	}
	spans := v.FindMetrics(kept)
	for i := range spans {
		spans[i].Start, spans[i].End = at[spans[i].Start], at[spans[i].End-1]+1
	}
	return spans
}

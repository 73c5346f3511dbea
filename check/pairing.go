package check

import (
	"sort"
	"strings"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

// Pairing: which table figure a narrative figure may be compared with.
// Agreement needs the same metric, entity, period and basis (the same
// evidence ask matches a question by). A disagreement needs more: positive
// evidence that the sentence speaks of the very figure the table prints.
// The rules below, tried in order, leave a figure not checked, each saying
// why: an outlook is no result; a range is no figure; a figure the
// sentence ties to the prior period is not this period's, whatever period
// the extraction gave it; an item's effect ("a 0.1% impact") is not the
// metric; a figure on another basis ("in constant currency") is not the
// reported one. A figure whose subject or heading names something narrower than
// the company ("Data Center revenue", "Net revenues in Investment Banking")
// is compared with the table only to agree: its difference from the
// company's figure is no disagreement.

// Rule names, as a check's Rule states them.
const (
	ruleSame      = "same metric, entity, period and basis; the sentence names no narrower subject"
	ruleAgree     = "same metric, entity, period and basis, and the figures agree"
	ruleClause    = "the change of the two levels the same clause states"
	ruleTable     = "the clause states this metric's level; the tables give it for the period and the year before"
	ruleTableRate = "the change the table prints beside the figures"
	ruleRatio     = "the rate of the table figures the vocabulary defines it by"
	ruleRateRow   = "a printed rate of the same name, entity and period"
)

// pairingRule leaves a narrative figure not checked when why returns a
// reason.
type pairingRule struct {
	name string
	why  func(x *narrativeCtx, f index.Fact, st stated) string
}

// pairingRules are tried in order; the first that gives a reason decides.
var pairingRules = []pairingRule{
	{"outlook", (*narrativeCtx).outlook},
	{"range", func(_ *narrativeCtx, _ index.Fact, st stated) string {
		if st.rangeEnd {
			return "one end of a range, not a figure of its own"
		}
		return ""
	}},
	{"prior-period", (*narrativeCtx).priorPeriod},
	{"comparison", (*narrativeCtx).comparisonBase},
	{"effect", func(_ *narrativeCtx, _ index.Fact, st stated) string {
		if w := effectWord(st); w != "" {
			return "the effect of an item on the metric (\"" + w + "\"), not the metric itself"
		}
		return ""
	}},
	{"basis", func(_ *narrativeCtx, f index.Fact, st stated) string {
		for _, w := range []string{st.before, st.after, f.Metric} {
			if m := reOtherBasis.FindString(w); m != "" {
				return "on another basis than the tables' reported figures (\"" + m + "\")"
			}
		}
		return ""
	}},
}

// unpaired is the first pairing rule's reason to leave f unchecked, or "".
func (x *narrativeCtx) unpaired(f index.Fact, st stated) string {
	for _, r := range pairingRules {
		if why := r.why(x, f, st); why != "" {
			return r.name + " rule: " + why
		}
	}
	return ""
}

var (
	reOutlook = lazy.NewRegexp(`(?i)\b` + vocab.Default().Group("outlook_text_words") + `\b`)
	rePrior   = lazy.NewRegexp(`(?i)\b` + vocab.Default().Group("prior_period_phrases") + `\b`)
	// "up 10% in constant currency", "organic growth of 4%"
	reOtherBasis = lazy.NewRegexp(`(?i)\b` + vocab.Default().Group("other_basis_phrases") + `\b`)
)

// outlook reports a figure of guidance: its period ends after every period
// the tables report, or its heading or sentence speaks of the future while
// its period is no later than the release's own (an outlook given no
// period of its own is no result of the release's period). An outlook for
// a later period may still agree with an outlook table of that period.
func (x *narrativeCtx) outlook(f index.Fact, _ stated) string {
	end := f.Period.End
	if !end.IsZero() && x.latest > 0 && end.Days() > x.latest+7 {
		return "its period (" + f.Period.String() + ") ends after every period the tables report"
	}
	if !end.IsZero() && x.current > 0 && end.Days() > x.current+7 {
		return ""
	}
	if h := x.heading(f); h != "" && reOutlook.MatchString(h) {
		return "stated under the heading \"" + h + "\""
	}
	if m := reOutlook.FindString(f.Text); m != "" {
		return "the sentence speaks of the future (\"" + m + "\")"
	}
	return ""
}

// priorPeriod reports a figure the words beside it tie to an earlier
// period ("compared to the prior quarter GAAP gross margin of 47.0%", "$51.8
// million in the prior quarter") while its period is the release's latest.
func (x *narrativeCtx) priorPeriod(f index.Fact, st stated) string {
	for _, w := range []string{st.before, st.after} {
		if m := rePrior.FindString(w); m != "" && x.isLatest(f) {
			return "the sentence ties it to an earlier period (\"" + m + "\"), not to " + f.Period.String()
		}
	}
	// a period phrase right after the figure is its own ("$57.0 billion in Q3")
	if m := otherPeriod(st.after, f.Period); m != "" {
		return "the sentence ties it to another period (\"" + m + "\") than " + f.Period.String()
	}
	return ""
}

// comparisonBase reports a figure the sentence sets against an earlier
// figure of the same metric and period ("revenue was $120.5 million versus
// $100.0 million"; "$0.89 per share …, compared with net income of $51.8
// million, or $1.05 per share"): the base of a comparison, whose period the
// sentence leaves unsaid right after it, and the extraction took for the
// earlier figure's.
func (x *narrativeCtx) comparisonBase(f index.Fact, st stated) string {
	if st.at == 0 || namesPeriod(st.after, f.Period) {
		return "" // "$100.0 million for the fourth quarter of fiscal 2023" says its period
	}
	for _, g := range x.clauses[clauseKey{f.Start, f.Text}] {
		if g.Key != f.Key || g.Unit != f.Unit || g.Change != "" || g.Adjusted != f.Adjusted || g.Basis != f.Basis ||
			!sameEntity(g.Entity, f.Entity) || g.Value.Equal(f.Value) || !samePeriod(g.Period, f.Period) {
			continue
		}
		if gs := statedOf(g); gs.at < st.at && reCompared.MatchString(lastPart(f.Text[gs.at:st.at])) {
			return "compared with " + formatValue(g.Value, g.Unit) + " of the same metric and period in the sentence: the base of the comparison, of another period"
		}
	}
	return ""
}

// namesPeriod reports whether text names period p: a quarter, year or
// length of p, and nothing else of it.
func namesPeriod(text string, p period.Period) bool {
	for _, m := range period.ScanPeriods(text) {
		q := m.Period
		if q.FQ == 0 && q.FY == 0 && q.Months == 0 {
			continue
		}
		if (q.FQ == 0 || q.FQ == p.FQ) && (q.FY == 0 || q.FY == p.FY) && (q.Months == 0 || q.Months == p.Months) {
			return true
		}
	}
	return false
}

// otherPeriod is a period phrase of text (not a bare year) that names
// another quarter, year or length than p ("$57.0 billion in Q3" of a
// fourth-quarter figure), or "".
func otherPeriod(text string, p period.Period) string {
	for _, m := range period.ScanPeriods(text) {
		q := m.Period
		if m.YearOnly {
			continue
		}
		if q.FQ != 0 && p.FQ != 0 && q.FQ != p.FQ || q.FY != 0 && p.FY != 0 && q.FY != p.FY ||
			q.Months != 0 && p.Months != 0 && q.Months != p.Months {
			return strings.TrimSpace(text[m.Start:m.End])
		}
	}
	return ""
}

// isLatest reports whether a figure's period ends when the tables' latest
// period does (or is not known).
func (x *narrativeCtx) isLatest(f index.Fact) bool {
	if f.Period.End.IsZero() || x.latest == 0 {
		return true
	}
	d := f.Period.End.Days() - x.latest
	return d >= -7 && d <= 7
}

// effectWord is the word beside a figure that makes it an item's effect on
// a metric ("inclusive of a 0.1% impact", "a $37 million charge"): among
// the last three words before it or the first two after it.
func effectWord(st stated) string {
	words := vocab.Default().Words("effect_words")
	before := strings.Fields(strings.ToLower(st.before))
	if len(before) > 3 {
		before = before[len(before)-3:]
	}
	after := strings.Fields(strings.ToLower(st.after))
	if len(after) > 2 {
		after = after[:2]
	}
	for _, w := range append(before, after...) {
		w = strings.Trim(w, `"'“”’(),.;:`)
		if words[w] {
			return w
		}
	}
	return ""
}

// heading is the heading of the passage that states f, or "" (passages
// are in document order).
func (x *narrativeCtx) heading(f index.Fact) string {
	i := sort.Search(len(x.passages), func(i int) bool { return x.passages[i].Start > f.Start })
	if i > 0 && f.Start <= x.passages[i-1].End {
		return x.passages[i-1].Section
	}
	return ""
}

// narrower names what makes a sentence's subject narrower than the
// company's figure of its metric: words of its subject beside the
// metric's name ("Data Center" in "Record Data Center revenue", "Investment
// Banking" in "Net revenues in Investment Banking"), or a heading that
// names a part of the company ("Data Center" over "Fourth-quarter revenue
// was a record $62.3 billion"). "" when nothing does.
func (x *narrativeCtx) narrower(f index.Fact, ent string) string {
	own := map[string]bool{}
	for _, w := range strings.Fields(index.NormEntity(ent)) {
		own[w] = true
	}
	if q := x.qualifiers(subjectWords(f), own); q != "" {
		return "part rule: its subject \"" + f.Metric + "\" names " + q
	}
	if h := x.heading(f); h != "" {
		if q := x.qualifiers(vocab.Tokens(h), own); q != "" {
			return "part rule: it stands under the heading \"" + h + "\", which names " + q
		}
	}
	return ""
}

// subjectWords are the words of a text fact's subject that qualify its
// metric's name: the run of words right before the name back to a
// stopword ("Record Data Center" in "Record Data Center revenue", none in
// "We generated a net loss"), and those of a phrase after it that a
// preposition opens ("in Investment Banking").
func subjectWords(f index.Fact) []string {
	v := vocab.Default()
	toks := vocab.Tokens(f.Metric)
	spans := v.FindMetrics(toks)
	if len(spans) == 0 {
		return nil
	}
	var out []string
	for _, s := range spans {
		i := s.Start
		for i > 0 && !v.IsStopword(toks[i-1]) {
			i--
		}
		out = append(out, toks[i:s.Start]...)
	}
	rest := toks[spans[len(spans)-1].End:]
	if len(rest) > 0 && v.Words("head_prepositions")[rest[0]] {
		out = append(out, rest[1:]...)
	}
	return out
}

// qualifiers are the words that narrow a subject, quoted: those that name
// no period, no share of the whole, not the company, no metric, and are
// not among the words that leave a subject the company's ("record",
// "quarterly", "highlights"). "" when there are none.
func (x *narrativeCtx) qualifiers(words []string, own map[string]bool) string {
	var q []string
	for _, w := range x.qualifierWords(words) {
		if !own[w] {
			q = append(q, w)
		}
	}
	if len(q) == 0 {
		return ""
	}
	return "\"" + strings.Join(q, " ") + "\""
}

func (x *narrativeCtx) qualifierWords(words []string) []string {
	v := vocab.Default()
	var out []string
	for _, word := range words {
		for _, w := range strings.Split(word, "-") {
			w = index.NormEntity(w) // "" for "inc", "corp", "the"
			s := vocab.Singular(w)
			switch {
			case w == "" || strings.ContainsAny(w, "0123456789"):
			case v.IsStopword(w) || v.IsWhole(w) || v.NameWords()[s] || x.company[w]:
			case v.Words("neutral_subject_words")[w] || v.Words("period_nouns")[w] || v.Words("entity_qualifiers")[w]:
			case v.DurationMonths(w) > 0 || reOrdinalMonth.MatchString(w):
			default:
				out = append(out, w)
			}
		}
	}
	return out
}

var reOrdinalMonth = lazy.NewRegexp(`^(first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]|h[12]|fy|fiscal|january|february|march|april|may|june|july|august|september|october|november|december)$`)

// entityOf is the entity a text fact's figure is of: its own, else a
// table entity its subject's qualifying words name exactly ("Net revenues
// in Investment Banking" of the segment INVESTMENT BANKING).
func (x *narrativeCtx) entityOf(f index.Fact) string {
	if f.Entity != "" {
		return f.Entity
	}
	sw := subjectWords(f)
	for _, ws := range []string{strings.Join(sw, " "), strings.Join(x.qualifierWords(sw), " ")} {
		if e, ok := x.entities[index.NormEntity(ws)]; ok && ws != "" {
			return e
		}
	}
	return ""
}

package answer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

// passageAnswer answers with the passages that best match the question,
// best first, with the question's words marked in the first.
func (e *Engine) passageAnswer(q nlq.Query, ctx *docCtx, _ string) Answer {
	a := Answer{Kind: KindNone, Citations: []Citation{}}
	words := passageWords(q, ctx.info)
	if strings.TrimSpace(words) == "" {
		a.Answer = "Not found: the question has no words to search for."
		return a
	}
	// the periods asked, as a release words them ("first quarter", "fiscal
	// 2024"): a passage comparing the two quarters asked about is about them
	words = strings.TrimSpace(words + " " + periodWords(resolve(q, ctx.info, false)))
	hits := e.tableLeadIns(q, ctx, words)
	var err error
	if len(hits) == 0 {
		hits, err = e.Index.Passages(index.PassageQuery{Docs: []string{ctx.info.Name}, Text: words, Phrases: q.Phrases, Size: 3})
		if err == nil && asksForQuote(q) {
			hits = e.withQuotes(ctx, hits)
		}
	}
	if err != nil || len(hits) == 0 {
		a.Answer = "Not found: no passage of " + ctx.info.Name + " matches the question."
		return a
	}
	a.Kind = KindPassage
	for _, h := range hits {
		a.Citations = append(a.Citations, passageCitation(h.Passage))
	}
	a.Marked = Mark(hits[0].Text, words)
	a.Answer = hits[0].Text
	a.score = hits[0].Score
	if hits[0].Section != "" {
		a.Metric = hits[0].Section
	}
	return a
}

// Coverage a passage needs to answer a question no figure answered
// (topicAnswer): the share of the question's content terms it holds.
const (
	// topicCoverage is for a question that names no period: at least half
	// ("Tesla vehicle deliveries" is not answered by a passage on timely
	// delivery of products).
	topicCoverage = 0.5
	// periodTopicCoverage is for a question that names one: every term,
	// and the passage must name the period too.
	periodTopicCoverage = 1.0
)

// topicAnswer answers, with a passage, a question that names no figure the
// vocabulary knows and that no figure answered ("What was the company
// acquired in 2019?"): the best passage that holds enough of the
// question's content terms (topicCoverage, periodTopicCoverage) and, when
// the question names a period, names it. It returns kind none and the
// reason when no passage does.
func (e *Engine) topicAnswer(q nlq.Query, ctx *docCtx) (Answer, string) {
	a := e.passageAnswer(q, ctx, "")
	if a.Kind != KindPassage {
		return a, "no passage matches"
	}
	words := passageWords(q, ctx.info)
	need := topicCoverage
	var targets []target
	if len(q.Periods) > 0 {
		need = periodTopicCoverage
		if targets = resolve(q, ctx.info, false); len(targets) == 0 {
			return Answer{Kind: KindNone}, "the period asked is not the release's"
		}
	}
	for i, c := range a.Citations {
		if termCoverage(words, c.Text) < need || len(targets) > 0 && !mentionsPeriod(c.Text, targets) {
			continue
		}
		if i > 0 {
			// the passage that answers first
			a.Citations[0], a.Citations[i] = a.Citations[i], a.Citations[0]
			a.Answer = c.Text
			a.Marked = Mark(c.Text, words)
		}
		return a, ""
	}
	return Answer{Kind: KindNone}, fmt.Sprintf("no passage holds enough of %q", words)
}

// termCoverage is the share of the content terms of words (as the index
// analyzes them, light words aside) that text holds; 0 when words has none.
func termCoverage(words, text string) float64 {
	want := map[string]bool{}
	for _, t := range index.Terms(words) {
		if !lightWords[t] {
			want[t] = true
		}
	}
	if len(want) == 0 {
		return 0
	}
	have := termSet(text)
	n := 0
	for t := range want {
		if have[t] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

var (
	// tableWord names a table in a question ("what does the table
	// show?"): vocab's table_words.
	tableWord = vocab.Default().Words("table_words")
	// textVerb asks what a thing is made of or stands for ("represent",
	// "include"): vocab's text_verbs.
	textVerb = vocab.Default().Words("text_verbs")
	// reTableWord matches a table word in a passage.
	reTableWord = lazy.NewRegexp(`(?i)\b(?:` + vocab.Default().Alternation("table_words") + `)\b`)
	// reTableLead matches a passage that introduces a table: it ends with
	// a colon, or holds one of vocab's table_lead_phrases ("as follows",
	// "the following table", "shown below").
	reTableLead = lazy.NewRegexp(`(?i):\s*$|\b(?:` + vocab.Default().Alternation("table_lead_phrases") + `)\b`)
)

// tableLeadBonus is added to a table lead-in's coverage of the question
// when it names a table (half when it ends in a colon): less than one
// more word of the question held.
const tableLeadBonus = 0.2

// tableLeadIns answers a question about a table ("What does the table
// show?") with the passages that introduce tables (reTableLead): those
// that hold more of the question's other words first, then those that
// name a table or end in a colon, then in document order. None when the
// question is not about a table (nlq.FormTable), or when no lead-in holds
// any of its other words.
func (e *Engine) tableLeadIns(q nlq.Query, ctx *docCtx, words string) []index.PassageHit {
	if q.TextForm != nlq.FormTable {
		return nil
	}
	var rest []string
	for _, w := range strings.Fields(words) {
		if lw := strings.ToLower(w); !tableWord[lw] && !textVerb[lw] {
			rest = append(rest, w)
		}
	}
	ps, err := e.Index.DocPassages(ctx.info.Name)
	if err != nil {
		return nil
	}
	var hits []index.PassageHit
	for _, p := range ps {
		if reTableLead.MatchString(p.Cite) {
			hits = append(hits, index.PassageHit{Passage: p, Score: termCoverage(strings.Join(rest, " "), p.Cite)})
		}
	}
	if len(rest) > 0 && !slices.ContainsFunc(hits, func(h index.PassageHit) bool { return h.Score > 0 }) {
		// "What is the unit used for the data in the table?": about what
		// is in a table, which no lead-in says
		return nil
	}
	for i := range hits {
		// a lead-in that names a table, or ends in a colon, leads into one
		if reTableWord.MatchString(hits[i].Cite) {
			hits[i].Score += tableLeadBonus
		}
		if strings.HasSuffix(strings.TrimSpace(hits[i].Cite), ":") {
			hits[i].Score += tableLeadBonus / 2
		}
	}
	slices.SortStableFunc(hits, func(a, b index.PassageHit) int { return cmp.Compare(b.Score, a.Score) })
	if len(hits) > 3 {
		hits = hits[:3]
	}
	return hits
}

// sayWord asks what someone said ("what did the CEO say?"): vocab's
// say_words.
var sayWord = vocab.Default().Words("say_words")

// asksForQuote reports a question about what someone said.
func asksForQuote(q nlq.Query) bool {
	for _, w := range strings.Fields(strings.ToLower(q.Text)) {
		if sayWord[strings.Trim(w, "?.,!")] {
			return true
		}
	}
	return false
}

// withQuotes puts before each attribution among hits ("- David M.
// Solomon, Chairman and Chief Executive Officer", a line of its own that
// matches "CEO") the quotation it attributes: the passage right before
// it, when that holds a quotation mark. At most three hits are kept.
func (e *Engine) withQuotes(ctx *docCtx, hits []index.PassageHit) []index.PassageHit {
	var ps []index.Passage
	var out []index.PassageHit
	seen := map[int]bool{}
	for _, h := range hits {
		if h.Weak == index.WeakHeading || reAttribution.MatchString(h.Cite) {
			if ps == nil {
				ps, _ = e.Index.DocPassages(ctx.info.Name)
			}
			var prev *index.Passage
			for i := range ps {
				if ps[i].End < h.Start {
					prev = &ps[i]
				}
			}
			if prev != nil && !seen[prev.Start] && strings.ContainsAny(prev.Cite, "“\"") {
				seen[prev.Start] = true
				out = append(out, index.PassageHit{Passage: *prev, Score: h.Score})
			}
		}
		if !seen[h.Start] {
			seen[h.Start] = true
			out = append(out, h)
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// reAttribution matches a line that names who said the quotation above
// it: it opens with a dash.
var reAttribution = lazy.NewRegexp(`^\s*[-–—]`)

// passageWords are the words to search passages for: the question's
// content words with abbreviations expanded ("CEO" → "chief executive
// officer"), without the company's name, which every passage shares.
func passageWords(q nlq.Query, d *index.DocInfo) string {
	v := vocab.Default()
	var keep []string
	for _, w := range strings.Fields(q.Words) {
		if !isCompanyWord(index.NormEntity(w), d) {
			keep = append(keep, w)
		}
		if x, ok := v.Expansions[strings.ToLower(strings.Trim(w, ".,?!"))]; ok {
			keep = append(keep, x)
		}
	}
	if len(keep) == 0 {
		return q.Words
	}
	return strings.Join(keep, " ")
}

// periodWords names targets the way releases write them: "first quarter
// fiscal 2024".
func periodWords(ts []target) string {
	ord := map[int]string{}
	for w, n := range vocab.Default().Ordinals {
		if len(w) > 3 && (ord[n] == "" || len(w) < len(ord[n])) {
			ord[n] = w
		}
	}
	var out []string
	for _, t := range ts {
		if t.fq > 0 && ord[t.fq] != "" {
			out = append(out, ord[t.fq]+" quarter")
		}
		if t.fy > 0 {
			out = append(out, fmt.Sprintf("fiscal %d", t.fy))
		}
	}
	return strings.Join(out, " ")
}

// Mark puts \x01 and \x02 around the words of text that match the terms of
// query (compared as the index analyzes them).
func Mark(text, query string) string {
	want := termSet(query)
	var b strings.Builder
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if j > i {
			w := text[i:j]
			hit := false
			for _, t := range index.Terms(w) {
				if want[t] {
					hit = true
				}
			}
			if hit {
				b.WriteString("\x01" + w + "\x02")
			} else {
				b.WriteString(w)
			}
			i = j
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c >= 0x80
}

// outlookAnswer answers a question about guidance with the passage that
// states it: one that speaks of the future, names the metric, and names
// the period asked about. Anything less is "none".
func (e *Engine) outlookAnswer(q nlq.Query, ctx *docCtx) Answer {
	a := Answer{Kind: KindNone, Citations: []Citation{}}
	hits, err := e.Index.Passages(index.PassageQuery{Docs: []string{ctx.info.Name}, Text: passageWords(q, ctx.info), Phrases: q.Phrases, Size: 8})
	if err == nil {
		targets := resolve(q, ctx.info, false)
		for _, h := range hits {
			text := h.Text
			var lead *index.Passage
			if h.Bullet && len(period.ScanPeriods(text)) == 0 {
				// "•Revenue is expected to be $78.0 billion" under "NVIDIA's
				// outlook for the first quarter of fiscal 2027 is as follows:"
				if l, ok := e.leadIn(ctx, h.Passage); ok {
					lead = &l
					text = l.Text + " " + text
				}
			}
			if outlookFits(text, q, targets) {
				a.Kind = KindPassage
				a.Citations = append(a.Citations, passageCitation(h.Passage))
				if lead != nil {
					// the lines that say which period it is for
					a.Citations = append(a.Citations, passageCitation(*lead))
				}
				if a.Answer == "" {
					a.Answer = h.Text
					a.Marked = Mark(h.Text, q.Words)
				}
			}
		}
	}
	if a.Kind == KindNone {
		a.Answer = fmt.Sprintf("Not found: %s gives no outlook for %s%s.", ctx.info.Name, metricName(q), periodSuffix(q, ctx))
		return e.withClosest(a, q, ctx)
	}
	if len(a.Citations) > 3 {
		a.Citations = a.Citations[:3]
	}
	return a
}

// leadIn is the paragraph that introduces a run of bullets: the last
// passage before p that is not a bullet, in p's section.
func (e *Engine) leadIn(ctx *docCtx, p index.Passage) (index.Passage, bool) {
	hits, err := e.Index.Passages(index.PassageQuery{Docs: []string{ctx.info.Name}, Text: p.Section + " " + p.Text, Size: 30})
	if err != nil {
		return index.Passage{}, false
	}
	best := index.Passage{}
	for _, h := range hits {
		if h.Section == p.Section && !h.Bullet && h.End < p.Start && h.End > best.End {
			best = h.Passage
		}
	}
	return best, best.End > 0
}

var (
	// reFutureText matches a word of the future: vocab's outlook_text_words.
	reFutureText = lazy.NewRegexp(`(?i)\b` + vocab.Default().Alternation("outlook_text_words") + `\b`)
	// reFigureText matches a dollar figure or a percentage ("12%", "12
	// percent": vocab's percent_marks after a digit).
	reFigureText = lazy.NewRegexp(`\$\s?\.?\d|\d\s?` + vocab.Default().Alternation("percent_marks"))
)

// outlookFits reports whether a passage states the outlook asked for.
func outlookFits(text string, q nlq.Query, targets []target) bool {
	if !reFutureText.MatchString(text) || !reFigureText.MatchString(text) {
		return false
	}
	tt := termSet(text)
	if q.Metric != nil {
		found := false
		for _, n := range q.Metric.Names {
			if allIn(strings.Fields(n), tt) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return len(targets) == 0 || mentionsPeriod(text, targets)
}

// mentionsPeriod reports whether text names one of the periods targets:
// the same fiscal year (and quarter, when one is asked), or the quarter
// alone.
func mentionsPeriod(text string, targets []target) bool {
	for _, m := range period.ScanPeriods(text) {
		for _, t := range targets {
			p := m.Period
			if t.fy != 0 && (p.FY == t.fy || p.End.Y == t.fy) && (t.fq == 0 || p.FQ == t.fq) {
				return true
			}
			if t.fq != 0 && p.FQ == t.fq && p.FY == 0 {
				return true
			}
		}
	}
	return false
}

func periodSuffix(q nlq.Query, ctx *docCtx) string {
	ts := resolve(q, ctx.info, false)
	if len(ts) == 0 {
		return ""
	}
	return " for " + ts[0].String()
}

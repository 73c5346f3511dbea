// Package answer answers a question about indexed releases: it parses the
// question (package nlq), picks the release, finds the fact whose metric,
// entity and period match (or the passage that answers a why/who/when
// question, or the operands of a computation), and cites its source lines.
// When the release lacks what was asked it answers kind "none" with the
// reason and the closest passages: never a near miss. The ways of
// answering are tried in the order of one table, strategies (strategy.go,
// docs/ANSWERING.md); computed answers build their arithmetic as an
// expression tree (expr.go) that evaluates and prints the formula.
package answer

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/nlq"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

// Kinds of answer.
const (
	KindFact     = "fact"
	KindComputed = "computed"
	KindPassage  = "passage"
	KindNone     = "none"
)

// Answer is ex99's answer to one question; its JSON form is the stable
// contract of `ex99 ask --json`.
type Answer struct {
	Question  string     `json:"question"`
	Kind      string     `json:"kind"`
	Answer    string     `json:"answer"`
	Value     string     `json:"value,omitempty"`
	Unit      string     `json:"unit"`
	Metric    string     `json:"metric,omitempty"`
	Entity    string     `json:"entity,omitempty"`
	Period    string     `json:"period,omitempty"`
	Formula   string     `json:"formula,omitempty"`
	Doc       string     `json:"doc,omitempty"`
	Note      string     `json:"note,omitempty"`
	Citations []Citation `json:"citations"`
	// Closest are the passages nearest a question that got no answer.
	Closest []Citation `json:"closest,omitempty"`
	// Others are the answers other releases give to a question that names
	// no company, when more than one release answers it: ex99 answers
	// from one and lists the others rather than choose silently.
	Others []Other `json:"others,omitempty"`
	// Printed is a fact's figure as its cited row or sentence prints it
	// ("$ 30,023", "(5,919)"), for the text view to show where it stands;
	// "" for other answers (a computation's operands are listed in its
	// "operands" citation).
	Printed string `json:"-"`
	// Marked is the cited passage text with the question's words marked
	// (passage answers only); marks are the bytes \x01 and \x02 around a word.
	Marked string `json:"-"`
	// num is Value as a decimal, for what is computed or checked from this
	// answer, so that nothing parses Value back; zero when Value is empty.
	num decimal.Decimal
	// score is how well the first cited passage matches the question
	// (passage answers only), to choose among releases' answers.
	score float64
}

// Other is another release's answer to the same question.
type Other struct {
	Doc    string `json:"doc"`
	Answer string `json:"answer"`
	Value  string `json:"value,omitempty"`
	Unit   string `json:"unit"`
}

// WriteJSON writes the answer as `ex99 ask --json` prints it: one JSON
// object on a line, with <, > and & as they are.
func (a Answer) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(a)
}

// Citation is a source for an answer: lines of a release's reading view.
type Citation struct {
	Doc     string `json:"doc"`
	Line    int    `json:"line"`
	EndLine int    `json:"end_line"`
	Text    string `json:"text"`
	// Offset is the byte range of the cited element in the source file.
	Offset [2]int `json:"offset"`
	// Role is "operands" for the citation that lists a computation's
	// figures as printed, in the formula's order; "stated" for where the
	// release itself states a computed figure (rounded as printed);
	// "footnote" for the footnote a cited row's label points to; "" for
	// source lines.
	Role string `json:"role,omitempty"`
	// Header says the citation is the column header lines of a table row
	// cited just before it: what says which period the row's figure is
	// for. Not part of the JSON: the text view shows a row with its
	// headers.
	Header bool `json:"-"`
}

// Engine answers questions over an index.
type Engine struct {
	Index *index.Index
	// Doc limits answers to one release (its name as added); "" for all.
	Doc string
	// exp gathers an Explanation (AskExplained); nil for plain Ask.
	exp *explainer
}

// Ask answers one question. It never fails: problems become kind "none"
// with the reason in Answer.
func (e *Engine) Ask(question string) Answer {
	q := nlq.Parse(question)
	e.exp.parsed(q)
	a := Answer{Question: question, Kind: KindNone, Citations: []Citation{}}
	if strings.TrimSpace(q.Words) == "" && q.Metric == nil && q.Derived == nil {
		a.Answer = "Not found: the question has no words to look for. Ask about a figure (\"net sales Q2 2004\") or a topic (\"why did gross margin decline?\")."
		return a
	}
	docs, why := e.scope(q)
	if e.exp != nil {
		names := []string{}
		for _, d := range docs {
			names = append(names, d.Name)
		}
		e.exp.scoped(names, why)
	}
	if len(docs) == 0 {
		a.Answer = "Not found: " + why
		return a
	}
	var best *Answer
	var figures []Answer  // the releases' figure answers, in scope order
	var passages []Answer // and their passage answers
	for i := range docs {
		dq := q
		if names := namedEntities(question, docs[i].Entities); len(names) > 0 {
			// the release's own names hide the metric words inside them
			dq = nlq.ParseKnowing(question, names)
		}
		if e.exp != nil {
			e.exp.doc(docs[i].Name)
			if len(docs) > 1 || dq.String() != q.String() {
				e.exp.step("read knowing the release's names as: %s", dq.String())
			}
		}
		r := e.askDoc(dq, &docs[i])
		r.Question = question
		if len(docs) > 1 {
			r.Doc = docs[i].Name
		}
		if best == nil || rank(r) > rank(*best) || rank(r) == rank(*best) && r.Kind == KindPassage && r.score > best.score {
			rr := r
			best = &rr
		}
		switch r.Kind {
		case KindFact, KindComputed:
			figures = append(figures, r)
		case KindPassage:
			passages = append(passages, r)
		}
	}
	if len(docs) > 1 && best.Kind != KindNone {
		best.Note = strings.TrimSpace(best.Note + " Answered from " + best.Doc + ".")
	}
	if len(figures) > 1 && len(namedAmong(q, docs)) == 0 {
		others(best, figures)
	}
	if best.Kind == KindPassage && len(passages) > 1 && len(namedAmong(q, docs)) == 0 {
		otherPassages(best, passages)
	}
	if read := readAs(q, docs); read != "" {
		best.Note = strings.TrimSpace(read + " " + best.Note)
	}
	return *best
}

// others lists in best the figures the other releases give, and says in
// its note that the question named no company to choose between them.
func others(best *Answer, figures []Answer) {
	var docs []string
	for _, f := range figures {
		if f.Doc == best.Doc {
			continue
		}
		short, _, _ := strings.Cut(f.Answer, " — ")
		best.Others = append(best.Others, Other{Doc: f.Doc, Answer: f.Answer, Value: f.Value, Unit: f.Unit})
		docs = append(docs, f.Doc+" ("+short+")")
	}
	verb := "answer"
	if len(docs) == 1 {
		verb = "answers"
	}
	if len(docs) > 0 {
		best.Note = strings.TrimSpace(best.Note + " The question names no company; " + strings.Join(docs, ", ") + " also " + verb + " it. Name the company or use --doc to choose.")
	}
}

// otherPassages lists in best the passages of other releases that answer
// a question naming no company about as well as best's (at least
// closeShare of its score, the maxOthers best), and says so in its note.
func otherPassages(best *Answer, passages []Answer) {
	const closeShare, maxOthers = 0.75, 3
	slices.SortStableFunc(passages, func(a, b Answer) int { return cmp.Compare(b.score, a.score) })
	var docs []string
	for _, p := range passages {
		if p.Doc == best.Doc || p.score < closeShare*best.score || len(docs) == maxOthers {
			continue
		}
		best.Others = append(best.Others, Other{Doc: p.Doc, Answer: p.Answer})
		where := p.Doc
		if len(p.Citations) > 0 {
			where = fmt.Sprintf("%s:%d", p.Doc, p.Citations[0].Line)
		}
		docs = append(docs, where)
	}
	if len(docs) > 0 {
		best.Note = strings.TrimSpace(best.Note + " The question names no company; passages of " + strings.Join(docs, ", ") + " may answer it too. Name the company or use --doc to choose.")
	}
}

// readAs says how ex99 read the misspelt words of a question: metric
// words (nlq's Query.Spelled) and company names ("Read “Catepillar” as
// Caterpillar Inc."), or "" when it read none.
func readAs(q nlq.Query, docs []index.DocInfo) string {
	var rs []string
	for _, s := range q.Spelled {
		rs = append(rs, fmt.Sprintf("“%s” as “%s”", s.From, s.To))
	}
	for _, t := range q.Terms {
		n := index.NormEntity(t)
		for i := range docs {
			if companyMisspelt(n, &docs[i]) && !docs[i].CompanyWords()[n] {
				rs = append(rs, fmt.Sprintf("“%s” as %s", t, strings.TrimSuffix(docs[i].Company, ".")))
				break
			}
		}
	}
	if len(rs) == 0 {
		return ""
	}
	return "Read " + strings.Join(rs, ", ") + "."
}

// namedEntities are the entities of a release the question names, word for
// word (case aside).
func namedEntities(question string, entities []string) []string {
	low := " " + strings.Join(vocab.Tokens(question), " ") + " "
	var out []string
	for _, e := range entities {
		if n := strings.Join(vocab.Tokens(e), " "); n != "" && strings.Contains(low, " "+n+" ") {
			out = append(out, e)
		}
	}
	return out
}

// rank orders answers from different releases: an answer beats none, a
// fact beats a passage (and of two passages, the one that matches the
// question better wins).
func rank(a Answer) float64 {
	switch a.Kind {
	case KindFact, KindComputed:
		return 3
	case KindPassage:
		return 2
	}
	return 0
}

// docCtx is what answering needs to know about one release.
type docCtx struct {
	info *index.DocInfo
	// facts remembers the index's candidate facts by query: answering one
	// question asks the same search for several periods and operands.
	facts map[string][]index.Fact
}

// searchFacts is x.Facts(fq), remembered for the question being answered.
// The facts returned are shared: callers must not change them.
func (c *docCtx) searchFacts(x *index.Index, fq index.FactQuery) ([]index.Fact, error) {
	k := strings.Join(fq.Docs, "\x00") + "\x01" + strings.Join(fq.Keys, "\x00") + "\x01" + fq.Words + "\x01" + fmt.Sprint(fq.Size)
	if fs, ok := c.facts[k]; ok {
		return fs, nil
	}
	fs, err := x.Facts(fq)
	if err != nil {
		return nil, err
	}
	if c.facts == nil {
		c.facts = map[string][]index.Fact{}
	}
	c.facts[k] = fs
	return fs, nil
}

// askDoc answers q from one release.
func (e *Engine) askDoc(q nlq.Query, d *index.DocInfo) Answer {
	a, path := e.askDocBy(q, d)
	e.exp.answered(a, path)
	return a
}

// closestPerKept is how many passages withClosest reads for each it
// keeps: page headers and boilerplate rank high on a release's words.
const closestPerKept = 4

// withClosest adds the closest passages to a "none" answer.
func (e *Engine) withClosest(a Answer, q nlq.Query, ctx *docCtx) Answer {
	a.Kind = KindNone
	a.Value, a.num = "", decimal.Decimal{}
	a.Unit = ""
	if a.Answer == "" {
		a.Answer = "Not found."
	}
	// the question's words without the company's name, which every
	// passage of its release shares; then, if fewer than three passages
	// are left once boilerplate and headings are dropped, also the names
	// the release may use for the metric ("net sales" for revenue)
	texts := []string{passageWords(q, ctx.info)}
	if q.Metric != nil {
		texts = append(texts, texts[0]+" "+strings.Join(q.Metric.Names, " "))
	}
	for _, text := range texts {
		hits, _ := e.Index.Passages(index.PassageQuery{Docs: []string{ctx.info.Name}, Text: text, Phrases: q.Phrases, Size: 3 * closestPerKept})
		for _, h := range hits {
			c := passageCitation(h.Passage)
			if h.Weak == "" && len(a.Closest) < 3 && !slices.ContainsFunc(a.Closest, func(o Citation) bool { return o.Line == c.Line }) {
				a.Closest = append(a.Closest, c)
			}
		}
		if len(a.Closest) == 3 {
			break
		}
	}
	if a.Citations == nil {
		a.Citations = []Citation{}
	}
	return a
}

func passageCitation(p index.Passage) Citation {
	return Citation{Doc: p.Doc, Line: p.Start, EndLine: p.End, Text: p.Cite, Offset: p.Offset}
}

func factCitation(f index.Fact) Citation {
	return Citation{Doc: f.Doc, Line: f.Start, EndLine: f.End, Text: f.Cite, Offset: f.Offset}
}

// factCitations cites a fact: its row or sentence, then (for a table
// figure) the column header lines that say which period the column is.
func factCitations(f index.Fact) []Citation {
	cs := []Citation{factCitation(f)}
	if f.Header != "" {
		cs = append(cs, Citation{Doc: f.Doc, Line: f.HeaderLines[0], EndLine: f.HeaderLines[1], Text: f.Header, Offset: f.HeaderOffset, Header: true})
	}
	for _, n := range f.Notes {
		// the footnote the row's label points to says what the row is
		cs = append(cs, Citation{Doc: f.Doc, Line: n.Start, EndLine: n.End, Text: n.Text, Offset: n.Offset, Role: "footnote"})
	}
	return cs
}

// scope picks the releases a question is about.
func (e *Engine) scope(q nlq.Query) ([]index.DocInfo, string) {
	if e.Doc != "" {
		d, err := e.Index.Doc(e.Doc)
		if err != nil {
			return nil, fmt.Sprintf("no release named %q is indexed; `ex99 docs` lists them.", e.Doc)
		}
		return []index.DocInfo{*d}, ""
	}
	n, err := e.Index.Count()
	if err != nil || n == 0 {
		return nil, "the index holds no releases; add some with `ex99 add FILE...`."
	}
	if n == 1 {
		ds, err := e.Index.Docs()
		if err != nil || len(ds) == 0 {
			return nil, "the index holds no releases."
		}
		return ds, ""
	}
	// a company named in the question
	words := strings.Join(q.Terms, " ")
	if words != "" {
		limit := namedSearch(q)
		ds, err := e.Index.FindDocs(words, limit)
		if err == nil {
			if named := namedAmong(q, ds); len(named) > 0 {
				if len(ds) == limit && limit == periodLimit {
					named = e.everyRelease(named)
				}
				return ofPeriod(q, named), ""
			}
		}
	}
	var all []index.DocInfo
	if n <= 50 {
		if all, err = e.Index.Docs(); err == nil {
			if named := namedAmong(q, all); len(named) > 0 {
				// a company the search did not find: named by initials or misspelt
				return ofPeriod(q, named), ""
			}
		}
	}
	if name := unknownName(e.Index, q); name != "" {
		// "Tesla vehicle deliveries" over releases none of which is Tesla's
		return nil, fmt.Sprintf("no indexed release mentions %q; `ex99 docs` lists them.", name)
	}
	if len(all) > 0 {
		return all, ""
	}
	ds, err := e.Index.FindDocs(q.Words, 10)
	if err != nil || len(ds) == 0 {
		return nil, "no indexed release matches the question; name the company or use --doc."
	}
	return ds, ""
}

// unknownName is a name the question gives (a capitalized word of its
// terms: "Tesla") that no indexed release mentions anywhere, or "": the
// question is about a company, product or place the index does not hold.
func unknownName(x *index.Index, q nlq.Query) string {
	for _, t := range q.Terms {
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) || utf8.RuneCountInString(t) < 3 {
			continue
		}
		if ok, err := x.Mentions(t); err == nil && !ok {
			return t
		}
	}
	return ""
}

// namedAmong are the releases of ds whose company the question names,
// less those whose company it names by only some of the words it names
// another's by: "Nuzoxa Apparel" names Nuzoxa Apparel Inc., not every
// "... Apparel Inc." that shares one word with it (in a large index there
// are many, and each was asked in turn). Releases named by different
// words ("Joe's Jeans and Innovo") all stay.
func namedAmong(q nlq.Query, ds []index.DocInfo) []index.DocInfo {
	var out []index.DocInfo
	var words []map[string]bool
	for i := range ds {
		if w := companyNamedBy(q, &ds[i]); len(w) > 0 {
			out = append(out, ds[i])
			words = append(words, w)
		}
	}
	keep := out[:0]
	for i := range out {
		if !namedByFewer(words, i) {
			keep = append(keep, out[i])
		}
	}
	return keep
}

// namedByFewer reports whether the words naming release i are a strict
// subset of those naming another.
func namedByFewer(words []map[string]bool, i int) bool {
	for j := range words {
		if j != i && len(words[i]) < len(words[j]) && subset(words[i], words[j]) {
			return true
		}
	}
	return false
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// companyNamedBy is the set of the question's distinctive words (not
// "Inc.", "Group", "Company") that name d's company.
func companyNamedBy(q nlq.Query, d *index.DocInfo) map[string]bool {
	var ws map[string]bool
	for _, t := range q.Terms {
		n := index.NormEntity(t)
		if !genericCompanyWord[n] && len(n) >= 2 && isCompanyWord(n, d) {
			if ws == nil {
				ws = map[string]bool{}
			}
			ws[n] = true
		}
	}
	return ws
}

// genericCompanyWord holds the words of a company's name that do not tell
// one company from another ("Group", "Holdings"): vocab's
// generic_company_words.
var genericCompanyWord = vocab.Default().Words("generic_company_words")

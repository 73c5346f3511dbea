package index

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/ex99/ex99/vocab"
)

// Weights by which Passages scales the text score of a passage that rarely
// answers a question: it stays findable (the question may ask for it) but
// yields to content that matches as well.
const (
	// boilerplateWeight scales a passage of boilerplate (safe harbor,
	// conference-call details) the question does not ask about.
	boilerplateWeight = 0.25
	// headingWeight scales a heading, running title or fragment: a few
	// words, no figure, no sentence ("Goldman Sachs Reports", "(more)").
	headingWeight = 0.35
	// companyLineWeight scales a passage that only names the company
	// ("Apple", "The Buckle, Inc.").
	companyLineWeight = 0.1
	// headingWords is the most words a heading holds.
	headingWords = 8
)

// Why a passage rarely answers a question (PassageHit.Weak).
const (
	WeakBoilerplate = "boilerplate"  // safe harbor, conference-call details
	WeakHeading     = "heading"      // a heading, running title or fragment
	WeakCompanyName = "company name" // a line that only names the company
)

// boilerplatePhrases mark a passage as boilerplate: vocab's
// boilerplate_phrases, each as the index analyzes it.
var boilerplatePhrases = func() [][]string {
	var out [][]string
	for _, p := range vocab.Default().Phrases("boilerplate_phrases") {
		out = append(out, Terms(p))
	}
	return out
}()

// genericCompanyWords are words of a company's name (folded as NormEntity
// folds them) that a line naming only the company may hold beside it:
// vocab's generic_company_words.
var genericCompanyWords = vocab.Default().Words("generic_company_words")

// rerank scales each hit's score by how likely a passage of its kind is
// to answer a question (the weights above), drops a passage whose text
// repeats one ranked above it (a page header printed on every page, the
// parts of one passage), and keeps the best n. query is the text searched.
func (x *Index) rerank(hits []PassageHit, query string, n int) []PassageHit {
	asked := map[string]bool{}
	for _, t := range Terms(query) {
		asked[t] = true
	}
	companies := map[string]map[string]bool{}
	for i := range hits {
		h := &hits[i]
		w := 1.0
		text := strings.TrimSpace(h.Cite)
		if text == "" {
			text = strings.TrimSpace(h.Text)
		}
		if boilerplate(text, asked) {
			w *= boilerplateWeight
			h.Weak = WeakBoilerplate
		}
		cw, ok := companies[h.Doc]
		if !ok {
			if d, err := x.Doc(h.Doc); err == nil {
				cw = d.CompanyWords()
			}
			companies[h.Doc] = cw
		}
		switch {
		case companyLine(text, cw):
			w *= companyLineWeight
			h.Weak = WeakCompanyName
		case headingLike(text):
			w *= headingWeight
			h.Weak = WeakHeading
		}
		h.Score *= w
	}
	slices.SortStableFunc(hits, func(a, b PassageHit) int { return cmp.Compare(b.Score, a.Score) })
	seen := map[string]bool{}
	out := hits[:0]
	for _, h := range hits {
		k := h.Doc + "\x00" + strings.Join(strings.Fields(strings.ToLower(h.Cite)), " ")
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, h)
		if len(out) == n {
			break
		}
	}
	return out
}

// boilerplate reports whether text holds a boilerplate phrase whose words
// are not all among the terms asked.
func boilerplate(text string, asked map[string]bool) bool {
	terms := " " + strings.Join(Terms(text), " ") + " "
	for _, p := range boilerplatePhrases {
		if len(p) == 0 || !strings.Contains(terms, " "+strings.Join(p, " ")+" ") {
			continue
		}
		all := true
		for _, t := range p {
			all = all && asked[t]
		}
		if !all {
			return true
		}
	}
	return false
}

// headingLike reports a heading, running title or fragment: at most
// headingWords words, no figure (a year or a footnote mark glued to a word
// is none: "2006 Southern Company earnings bolstered by", "Assets Under
// Supervision (unaudited)3,4"), and no sentence (it does not end in a full
// stop, or holds two words at most).
func headingLike(text string) bool {
	ws := strings.Fields(text)
	if len(ws) == 0 || len(ws) > headingWords {
		return false
	}
	if strings.ContainsAny(reNotFigure.ReplaceAllString(text, "$1"), "0123456789") {
		return false
	}
	end := text[len(text)-1]
	return len(ws) <= 2 || end != '.' && end != '!' && end != '?'
}

// reNotFigure matches what holds digits but states no figure: a year, and
// footnote marks glued to a word ("ROE1", "(unaudited)3,4"), keeping the
// word's last character as $1.
var reNotFigure = regexp.MustCompile(`\b(?:19|20)\d\d\b|([A-Za-z)])\d(?:,\d)*\b`)

// companyLine reports a passage that only names the company: every word
// is one of its name's (company) or a generic word of company names.
func companyLine(text string, company map[string]bool) bool {
	ws := strings.Fields(NormEntity(text))
	if len(ws) == 0 || len(company) == 0 {
		return false
	}
	for _, w := range ws {
		if !company[w] && !genericCompanyWords[w] {
			return false
		}
	}
	return true
}

package index

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// ErrAmbiguous is returned (wrapped) when a short name fits more than one
// release; the message lists them.
var ErrAmbiguous = errors.New("names more than one release")

// Resolve finds the release a user named: its whole name, any prefix of
// it that fits one release, or its company's name or ticker (see
// ResolveName). A name that fits none fails with ErrNotFound, saying the
// releases it is nearest to; one that fits several fails with
// ErrAmbiguous, listing them. It reads what each rule needs, and no
// more: names alone for the name rules, the descriptions of the releases
// whose company field holds the words for the company rules, and every
// release's company only to suggest a near miss.
func (x *Index) Resolve(name string) (string, error) {
	return x.resolve(name, true)
}

// Fits reports whether name names exactly one release, as Resolve reads
// names; it never lists every release to suggest near misses.
func (x *Index) Fits(name string) bool {
	_, err := x.resolve(name, false)
	return err == nil
}

// resolve is Resolve; without suggest, a name that fits none fails with
// ErrNotFound at once.
func (x *Index) resolve(name string, suggest bool) (string, error) {
	if strings.TrimSpace(name) == "" {
		return ResolveName(nil, name)
	}
	if _, err := x.Doc(name); err == nil {
		return name, nil // the common case, without listing every release
	}
	names, err := x.Names()
	if err != nil {
		return "", err
	}
	docs := make([]DocInfo, len(names))
	for i, n := range names {
		docs[i].Name = n
	}
	if n, ok, err := resolveBy(nameRules[:3], docs, name); ok {
		return n, err
	}
	if cands, err := x.companyCandidates(name); err != nil {
		return "", err
	} else if n, ok, err := resolveBy(nameRules[3:], cands, name); ok {
		return n, err
	}
	if !suggest {
		return "", &nameError{msg: fmt.Sprintf("%q is not in the index", strings.TrimSpace(name)), kind: ErrNotFound}
	}
	all, err := x.docCompanies()
	if err != nil {
		return "", err
	}
	return ResolveName(all, name)
}

// Names lists the names of the releases, sorted, from the IDs of
// their doc records: no stored field is read, so it is quick however many
// there are (shell completion asks it at every tab).
func (x *Index) Names() ([]string, error) {
	var out []string
	for from := 0; ; from += 10000 {
		req := bleve.NewSearchRequestOptions(term("kind", kindDoc), 10000, from, false)
		req.SortBy([]string{"_id"})
		res, err := x.search(req)
		if err != nil {
			return nil, wrap("index", err)
		}
		for _, h := range res.Hits {
			out = append(out, strings.TrimSuffix(h.ID, "#doc"))
		}
		if len(res.Hits) < 10000 {
			return out, nil
		}
	}
}

// companyCandidates are the releases whose company field (company, ticker
// and name) holds every word of q: a superset of those the company and
// ticker rules fit.
func (x *Index) companyCandidates(q string) ([]DocInfo, error) {
	if len(Terms(q)) == 0 {
		return nil, nil
	}
	m := match("company", q, 1)
	m.SetOperator(query.MatchQueryOperatorAnd)
	bq := bleve.NewBooleanQuery()
	bq.AddMust(term("kind", kindDoc), m)
	var out []DocInfo
	err := x.eachData(x.b, bq, 1000, func(_, data string) {
		var d DocInfo
		if fastJSON.Unmarshal([]byte(data), &d) == nil {
			out = append(out, d)
		}
	})
	return out, err
}

// docCompanies lists every release's name, company and ticker, for the
// suggestions of a name that fits none.
func (x *Index) docCompanies() ([]DocInfo, error) {
	var out []DocInfo
	err := x.eachData(x.b, term("kind", kindDoc), 1000, func(_, data string) {
		var d struct{ Name, Company, Ticker string }
		if fastJSON.Unmarshal([]byte(data), &d) == nil {
			out = append(out, DocInfo{Name: d.Name, Company: d.Company, Ticker: d.Ticker})
		}
	})
	return out, err
}

// nameRule is one way a release may be named.
type nameRule struct {
	what string
	fits func(d *DocInfo, q string) bool
}

// nameRules are the ways a release may be named, tried in order; the first
// that fits one release or more decides. The first three read only the
// name (Resolve relies on it).
var nameRules = []nameRule{
	{"name", func(d *DocInfo, q string) bool { return d.Name == q }},
	{"name in any case", func(d *DocInfo, q string) bool { return strings.EqualFold(d.Name, q) }},
	{"prefix of the name", func(d *DocInfo, q string) bool { return hasPrefixFold(d.Name, q) }},
	{"ticker", func(d *DocInfo, q string) bool { return d.Ticker != "" && strings.EqualFold(tickerSymbol(d.Ticker), q) }},
	{"company", func(d *DocInfo, q string) bool { return companyFits(d.Company, q) }},
}

// ResolveName finds the release of docs that q names, by nameRules: an
// exact name, the name in any case, a prefix of the name ("buckle",
// "apple-2024"), the company's ticker, or the company's name or words of
// it ("innovo", "Goldman Sachs").
func ResolveName(docs []DocInfo, q string) (string, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return "", &nameError{msg: "an empty release name", kind: ErrNotFound}
	}
	if n, ok, err := resolveBy(nameRules, docs, q); ok {
		return n, err
	}
	msg := fmt.Sprintf("%q is not in the index", q)
	if near := nearest(docs, q); len(near) > 0 {
		msg += "; did you mean " + orList(near, 3) + "?"
	}
	return "", &nameError{msg: msg, kind: ErrNotFound}
}

// resolveBy tries rules in order; ok is false when none fits any release.
func resolveBy(rules []nameRule, docs []DocInfo, q string) (name string, ok bool, err error) {
	q = strings.TrimSpace(q)
	for _, r := range rules {
		var fit []string
		for i := range docs {
			if r.fits(&docs[i], q) {
				fit = append(fit, docs[i].Name)
			}
		}
		switch {
		case len(fit) == 1:
			return fit[0], true, nil
		case len(fit) > 1:
			return "", true, &nameError{msg: fmt.Sprintf("%q names more than one release (%s); give more of the name", q, orList(fit, 6)), kind: ErrAmbiguous}
		}
	}
	return "", false, nil
}

// nameError is a name that fits no release (kind ErrNotFound) or several
// (ErrAmbiguous), said in full.
type nameError struct {
	msg  string
	kind error
}

func (e *nameError) Error() string { return e.msg }
func (e *nameError) Unwrap() error { return e.kind }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// tickerSymbol is the symbol of a ticker as releases give it ("NASDAQ: INNO").
func tickerSymbol(t string) string {
	if i := strings.LastIndexAny(t, ": "); i >= 0 {
		return t[i+1:]
	}
	return t
}

// companyFits reports whether q is the company's name or a run of its
// words ("Innovo", "innovo group"), any case, punctuation aside.
func companyFits(company, q string) bool {
	c, w := nameWords(company), nameWords(q)
	return c != "" && w != "" && strings.Contains(" "+c+" ", " "+w+" ")
}

// nameWords is s in lower case with every run of other than letters and
// digits one space.
func nameWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// nearest are the names of the releases q is a near miss of (a typo in
// the name, a prefix of it or a word of the company), the nearest ones.
func nearest(docs []DocInfo, q string) []string {
	lq := strings.ToLower(q)
	limit := min(3, len([]rune(lq))/3) // a typo a third of a short name, 3 at most
	if limit == 0 {
		return nil // "x" is near every name
	}
	best, out := limit+1, []string(nil)
	for _, d := range docs {
		dist := limit + 1
		name := strings.ToLower(d.Name)
		for n := len(lq) - limit; n <= len(lq)+limit; n++ {
			if n > 0 && n <= len(name) {
				dist = min(dist, editDistance(lq, name[:n]))
			}
		}
		for _, w := range strings.Fields(nameWords(d.Company)) {
			dist = min(dist, editDistance(lq, w))
		}
		switch {
		case dist < best:
			best, out = dist, []string{d.Name}
		case dist == best && dist <= limit:
			out = append(out, d.Name)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// orList is "a", "a or b", "a, b or c", with at most n names and "…" for more.
func orList(names []string, n int) string {
	more := ""
	if len(names) > n {
		names, more = names[:n], fmt.Sprintf(" (and %d more)", len(names)-n)
	}
	if len(names) == 1 {
		return names[0] + more
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1] + more
}

package index

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	regexpchar "github.com/blevesearch/bleve/v2/analysis/char/regexp"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer names.
const (
	// textAnalyzer is English with trademark marks split off: "FetishTM"
	// is indexed as "fetish". The char filter keeps byte offsets (it
	// replaces "TM" with two spaces) so highlights stay aligned.
	textAnalyzer = "ex99_en"
	tmFilter     = "ex99_tm"
	// tmFilterType is the char filter tmFilter is: Bleve's regexp char
	// filter, run only on text holding "TM" (see tmCharFilter).
	tmFilterType = "ex99_trademark"
)

// tmCharFilter is Bleve's regexp char filter that first looks for a
// literal every match holds, and returns text without it unchanged. The
// trademark regexp runs over every field of every record added; it was a
// quarter of add's time in Bleve (7% of all add CPU), for text that almost
// never holds "TM". Indexes made before it (format 1) name Bleve's plain
// regexp filter, and keep it.
type tmCharFilter struct {
	needle []byte
	re     *regexpchar.CharFilter
}

// Filter replaces the regexp's matches in input.
func (f tmCharFilter) Filter(input []byte) []byte {
	if !bytes.Contains(input, f.needle) {
		return input
	}
	return f.re.Filter(input)
}

// registerTMFilter registers tmFilterType with Bleve, once: before the
// first mapping that names it is built (newMapping, which may run during
// package initialization) and before Bleve reads one from an index
// (openBleve).
var registerTMFilter = sync.OnceFunc(func() {
	err := registry.RegisterCharFilter(tmFilterType, func(config map[string]interface{}, cache *registry.Cache) (analysis.CharFilter, error) {
		needle, _ := config["literal"].(string)
		re, err := regexpchar.CharFilterConstructor(config, cache)
		if err != nil || needle == "" {
			return nil, fmt.Errorf("%s char filter: %v (literal %q)", tmFilterType, err, needle)
		}
		return tmCharFilter{needle: []byte(needle), re: re.(*regexpchar.CharFilter)}, nil
	})
	if err != nil {
		panic(err)
	}
})

// Document kinds stored in the index.
const (
	kindDoc     = "doc"     // one per release: metadata and reading view
	kindPassage = "passage" // a paragraph with its narrative facts
	kindRow     = "row"     // a table row with its cell facts
)

// newMapping builds the index mapping: three document kinds sharing field
// names (the same analyzer for a name everywhere, as Bleve requires).
func newMapping() *mapping.IndexMappingImpl {
	registerTMFilter()
	im := bleve.NewIndexMapping()
	if err := im.AddCustomCharFilter(tmFilter, map[string]interface{}{
		"type":    tmFilterType,
		"literal": "TM", // in every match of the regexp
		"regexp":  `([a-z\)])TM\b`,
		"replace": "$1  ",
	}); err != nil {
		panic(err) // static configuration
	}
	if err := im.AddCustomAnalyzer(textAnalyzer, map[string]interface{}{
		"type":         custom.Name,
		"char_filters": []string{tmFilter},
		"tokenizer":    unicode.Name,
		// no stop filter: row labels like "Other" must stay findable
		"token_filters": []string{en.PossessiveName, lowercase.Name, porter.Name},
	}); err != nil {
		panic(err)
	}
	im.DefaultAnalyzer = textAnalyzer
	im.DefaultMapping.Enabled = false
	im.TypeField = "kind"
	// Unfielded words of a query string (search --query-syntax) search the
	// passage text itself. Indexes made before searched Bleve's composite
	// "_all" field, which held just the same text: a second copy of its
	// postings, with positions (a sixth of add's CPU went to it). Those
	// indexes keep their stored mapping and work as before.
	im.DefaultField = "text"

	text := bleve.NewTextFieldMapping() // matched and phrase-searched; the text itself is in data
	text.Analyzer = textAnalyzer
	text.Store = false
	text.DocValues = false
	text.IncludeInAll = false
	short := bleve.NewTextFieldMapping() // matched, not highlighted
	short.Analyzer = textAnalyzer
	short.Store = false
	short.IncludeTermVectors = false
	short.IncludeInAll = false
	short.DocValues = false
	key := bleve.NewKeywordFieldMapping()
	key.Store = false
	key.IncludeInAll = false
	key.IncludeTermVectors = false
	key.DocValues = false
	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	passage := bleve.NewDocumentStaticMapping()
	passage.AddFieldMappingsAt("text", text)
	passage.AddFieldMappingsAt("section", short)
	passage.AddFieldMappingsAt("kind", key)
	passage.AddFieldMappingsAt("doc", key)
	passage.AddFieldMappingsAt("keys", key)
	passage.AddFieldMappingsAt("entities", short)
	passage.AddFieldMappingsAt("data", stored)

	row := bleve.NewDocumentStaticMapping()
	row.AddFieldMappingsAt("label", short)
	row.AddFieldMappingsAt("context", short)
	row.AddFieldMappingsAt("kind", key)
	row.AddFieldMappingsAt("doc", key)
	row.AddFieldMappingsAt("keys", key)
	row.AddFieldMappingsAt("entities", short)
	row.AddFieldMappingsAt("data", stored)

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("kind", key)
	doc.AddFieldMappingsAt("doc", key)
	doc.AddFieldMappingsAt("company", short)
	doc.AddFieldMappingsAt("data", stored)
	doc.AddFieldMappingsAt("view", stored)

	for _, m := range []*mapping.DocumentMapping{passage, row, doc} {
		noAll := bleve.NewDocumentDisabledMapping()
		m.AddSubDocumentMapping("_all", noAll) // no composite field
	}
	im.AddDocumentMapping(kindPassage, passage)
	im.AddDocumentMapping(kindRow, row)
	im.AddDocumentMapping(kindDoc, doc)
	return im
}

var (
	anOnce sync.Once
	an     *analysis.DefaultAnalyzer
)

// Terms analyzes text the way the index does (English, stemmed, stop words
// and trademark marks removed) and returns its terms in order. Answer
// scoring uses it so that Go-side matching agrees with Bleve's. Results are
// remembered: scoring analyzes the same labels over and over, and analysis
// was a fifth of answering time. The caller may change the slice it gets.
func Terms(text string) []string {
	termsMu.Lock()
	ts, ok := termsMemo[text]
	if !ok {
		// the previous generation: what is still in use comes forward, so
		// a full memo does not forget the labels every question meets
		if ts, ok = termsOld[text]; ok {
			termsMemo[text] = ts
		}
	}
	termsMu.Unlock()
	if !ok {
		ts = analyze(text)
		termsMu.Lock()
		if len(termsMemo) >= termsGen {
			termsOld, termsMemo = termsMemo, map[string][]string{}
		}
		termsMemo[strings.Clone(text)] = ts
		termsMu.Unlock()
	}
	return slices.Clone(ts)
}

// termsGen is the size of a generation of the memo of Terms.
const termsGen = 20000

var (
	termsMu   sync.Mutex
	termsMemo = map[string][]string{}
	termsOld  map[string][]string
)

// analyze runs the index's analysis of text: its char filter, its
// tokenizer, then its token filters (possessive, lowercase, Porter), which
// act on each token alone, so each word's term is remembered (stemOf):
// a release's passages repeat the same few thousand words, and stemming
// them again was two fifths of analyzing.
func analyze(text string) []string {
	anOnce.Do(func() {
		an, _ = newMapping().AnalyzerNamed(textAnalyzer).(*analysis.DefaultAnalyzer)
	})
	if an == nil {
		return nil
	}
	input := []byte(text)
	for _, cf := range an.CharFilters {
		input = cf.Filter(input)
	}
	ts := an.Tokenizer.Tokenize(input)
	out := make([]string, 0, len(ts))
	stemMu.Lock()
	defer stemMu.Unlock()
	for _, t := range ts {
		if term, ok := stemOf(t); ok {
			out = append(out, term)
		}
	}
	return out
}

// stemOf is the term of token t after the analyzer's token filters, from
// the memo or worked out and remembered; false if a filter drops it.
// Called with stemMu held.
func stemOf(t *analysis.Token) (string, bool) {
	if st, ok := stems[string(t.Term)]; ok {
		return st.term, st.kept
	}
	word := string(t.Term)
	one := analysis.TokenStream{t}
	for _, f := range an.TokenFilters {
		one = f.Filter(one)
	}
	var st stem
	if len(one) == 1 {
		st = stem{string(one[0].Term), true}
	}
	if len(stems) >= maxStems {
		clear(stems)
	}
	stems[word] = st
	return st.term, st.kept
}

// stem is a word's term, or that the token filters drop it.
type stem struct {
	term string
	kept bool
}

// maxStems bounds the memo of stemOf.
const maxStems = 200000

var (
	stemMu sync.Mutex
	stems  = map[string]stem{}
)

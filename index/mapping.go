package index

import (
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
)

// Analyzer names.
const (
	// textAnalyzer is English with trademark marks split off: "FetishTM"
	// is indexed as "fetish". The char filter keeps byte offsets (it
	// replaces "TM" with two spaces) so highlights stay aligned.
	textAnalyzer = "ex99_en"
	tmFilter     = "ex99_tm"
)

// Document kinds stored in the index.
const (
	kindDoc     = "doc"     // one per release: metadata and reading view
	kindPassage = "passage" // a paragraph with its narrative facts
	kindRow     = "row"     // a table row with its cell facts
)

// newMapping builds the index mapping: three document kinds sharing field
// names (the same analyzer for a name everywhere, as Bleve requires).
func newMapping() *mapping.IndexMappingImpl {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomCharFilter(tmFilter, map[string]interface{}{
		"type":    regexpchar.Name,
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
	anOnce  sync.Once
	an      analysis.Analyzer
	anPlain analysis.Analyzer // an without the char filter
)

// plainAnalyzer names textAnalyzer's analysis without its char filter;
// only analyze uses it, the index mapping does not hold it.
const plainAnalyzer = "ex99-plain"

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

func analyze(text string) []string {
	anOnce.Do(func() {
		m := newMapping()
		an = m.AnalyzerNamed(textAnalyzer)
		// the same analysis without the trademark char filter: its regexp
		// was a third of analyzing, and it can only act on text with "TM"
		if err := m.AddCustomAnalyzer(plainAnalyzer, map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": []string{en.PossessiveName, lowercase.Name, porter.Name},
		}); err == nil {
			anPlain = m.AnalyzerNamed(plainAnalyzer)
		}
	})
	a := an
	if anPlain != nil && !strings.Contains(text, "TM") {
		a = anPlain
	}
	if a == nil {
		return nil
	}
	ts := a.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// Package vocab holds ex99's domain vocabulary: metric names and their
// synonyms, derived ratios, period phrases, scale words and change verbs.
//
// The vocabulary is data (vocab.json, embedded in the binary), not code:
// adding a synonym or a ratio needs no code change. Every lookup works on
// text normalized by Normalize, so "Income (loss) from operations",
// "income from operations" and "INCOME FROM OPERATIONS" meet.
package vocab

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

//go:embed vocab.json
var vocabJSON []byte

// Metric is a financial line item and the names it goes by.
type Metric struct {
	Key   string   `json:"key"`   // stable identifier, e.g. "revenue"
	Kind  string   `json:"kind"`  // "flow" (over a period) or "balance" (at a date)
	Unit  string   `json:"unit"`  // default unit: "USD", "percent", "USD/share", "shares"
	Names []string `json:"names"` // first is the display name
	// Prefer lists phrases that make a row the metric's bottom line when a
	// table has several ("Profit attributable to common shareholders" over
	// "Profit").
	Prefer []string `json:"prefer,omitempty"`
	// UnitNames name the metric only for a figure in its unit: a "Gross
	// margin" row in dollars is gross profit, in percent the margin.
	UnitNames []string `json:"unit_names,omitempty"`
	// Growth marks a metric that is itself a percentage change ("comparable
	// store sales"): its value and its stated change are one figure
	// ("comparable store sales decreased 2.9 percent" is -2.9 percent).
	Growth bool `json:"growth,omitempty"`

	norm, normPrefer []string // Names and Prefer normalized (Parse fills them)
}

// NormNames are the metric's names normalized (Normalize), in the order of
// Names. Answering compares every candidate row label with every name:
// normalizing the names each time was a fifth of answering. The caller
// must not change the slice.
func (m *Metric) NormNames() []string {
	if m.norm == nil {
		return normalizeAll(m.Names)
	}
	return m.norm
}

// NormPrefer is Prefer normalized, like NormNames.
func (m *Metric) NormPrefer() []string {
	if m.normPrefer == nil {
		return normalizeAll(m.Prefer)
	}
	return m.normPrefer
}

func normalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Normalize(s)
	}
	return out
}

// Name is the metric's display name (its first name).
func (m *Metric) Name() string { return m.Names[0] }

// Derived defines a figure computed from other metrics: Num/Den for a ratio
// or percentage, or Minus (a - b) for a difference.
type Derived struct {
	Name  string   `json:"name"`
	Names []string `json:"names"`
	Num   string   `json:"num"`
	Den   string   `json:"den"`
	Minus []string `json:"minus"`
	Unit  string   `json:"unit"` // "percent" (×100) or "ratio" or "USD"
	// AltNum gives another way to get the numerator, e.g. revenue minus cost
	// of sales for gross profit.
	AltNum struct {
		Minus []string `json:"minus"`
	} `json:"alt_num"`
}

// Duration maps period-length phrases to a length in months.
type Duration struct {
	Months  int      `json:"months"`
	Phrases []string `json:"phrases"`
}

// Vocab is the whole vocabulary.
type Vocab struct {
	Metrics     []*Metric           `json:"metrics"`
	Qualifiers  map[string][]string `json:"qualifiers"`
	Derived     []*Derived          `json:"derived"`
	Durations   []Duration          `json:"durations"`
	Ordinals    map[string]int      `json:"ordinals"`
	Relative    map[string][]string `json:"relative"`
	Scales      map[string]int32    `json:"scales"`
	ChangeWords map[string][]string `json:"change_words"`
	Stopwords   []string            `json:"stopwords"`
	// Ops are phrases that ask for arithmetic: "change", "pct_change",
	// "sum", "average", "ratio", "compare".
	Ops map[string][]string `json:"ops"`
	// ComputeCues ask for a computed figure even where the release states one
	// ("to two decimal places", "calculate").
	ComputeCues []string `json:"compute_cues"`
	// CompareHigh and CompareLow are the words of a comparison that ask for
	// the greater or the smaller figure ("in which year was X higher"), or
	// with "than N" for the figures above or below N.
	CompareHigh []string `json:"compare_high"`
	CompareLow  []string `json:"compare_low"`
	// PeriodSumCues ask, beside two or more periods, for the figures'
	// sum ("the total cost of revenue in 2019 and 2018").
	PeriodSumCues []string `json:"period_sum_cues"`
	// PassageCues open questions answered with a passage ("why", "who").
	PassageCues []string `json:"passage_cues"`
	// NumericVerbs turn a passage-looking question into a figure question
	// ("what did X cost").
	NumericVerbs []string `json:"numeric_verbs"`
	// NumericNouns turn a "what is/was …" question into a figure question
	// ("what is the amount of deposits held").
	NumericNouns []string `json:"numeric_nouns"`
	// Units maps a unit to phrases that ask for it ("how many" → count).
	Units map[string][]string `json:"units"`
	// UnitHeads are unit cues that ask for their unit only where they end a
	// noun phrase: "tax rate" is a percentage, "interest rate swaps" are not.
	UnitHeads []string `json:"unit_heads"`
	// UnitSigns are unit cues written as a sign: where one ends a noun
	// phrase it names the figure's unit ("the leasehold valuation % from
	// 2018 to 2019" changes in points), elsewhere it asks for its unit
	// ("the % change in revenue").
	UnitSigns []string `json:"unit_signs"`
	// WholeWords before a metric's name ask for all of it ("total
	// provision for income taxes"), not a narrower figure.
	WholeWords []string `json:"whole_words"`
	// Expansions add words a passage search should also look for ("ceo" →
	// "chief executive officer").
	Expansions map[string]string `json:"expansions"`
	// PassageVerbs ask for an explanation ("what drove", "affected").
	PassageVerbs []string `json:"passage_verbs"`
	// WordLists are the word classes the question reader (nlq) and the
	// answerer (answer) use, one list per concept, by name
	// ("question_words", "generic_company_words"); vocab.json's
	// word_lists_comment says what each holds. Words gives one as a set,
	// Phrases in its order.
	WordLists map[string][]string `json:"word_lists"`
	// DecimalPlaces maps the number words of "N decimal places" to N
	// ("two" → 2, "no" → 0).
	DecimalPlaces map[string]int `json:"decimal_places"`

	wordSets map[string]map[string]bool // WordLists as sets
	byName   map[string]*Metric         // normalized name -> metric
	byKey    map[string]*Metric
	derived  map[string]*Derived // normalized name -> derived
	maxWords int                 // longest name, in words
	// firsts are the first words of the names in byName and derived
	firsts map[string]bool
	// nameWords are the words of the names in byName and derived
	nameWords map[string]bool
	stop      map[string]bool
	change    map[string]int // word -> +1 up, -1 down
	durs      map[string]int // normalized phrase -> months
	durWords  int
}

var (
	once sync.Once
	def  *Vocab
	err0 error
)

// Default returns the embedded vocabulary. It panics if the embedded file is
// malformed, which a test catches before release.
func Default() *Vocab {
	once.Do(func() { def, err0 = Parse(vocabJSON) })
	if err0 != nil {
		panic(err0)
	}
	return def
}

// Parse reads a vocabulary from JSON and indexes it. It returns an error
// when the JSON is malformed or two metrics claim the same name.
func Parse(data []byte) (*Vocab, error) {
	v := &Vocab{}
	if err := json.Unmarshal(data, v); err != nil {
		return nil, fmt.Errorf("vocab: %w", err)
	}
	v.byName = map[string]*Metric{}
	v.byKey = map[string]*Metric{}
	v.derived = map[string]*Derived{}
	v.stop = map[string]bool{}
	v.change = map[string]int{}
	v.durs = map[string]int{}
	for _, m := range v.Metrics {
		if len(m.Names) == 0 {
			return nil, fmt.Errorf("vocab: metric %q has no names", m.Key)
		}
		v.byKey[m.Key] = m
		m.norm, m.normPrefer = normalizeAll(m.Names), normalizeAll(m.Prefer)
		for i, n := range m.Names {
			k := fold(m.norm[i]) // normalizing again was a fifth of Parse
			if o, ok := v.byName[k]; ok && o != m {
				return nil, fmt.Errorf("vocab: name %q is claimed by %s and %s", n, o.Key, m.Key)
			}
			v.byName[k] = m
			if w := len(strings.Fields(k)); w > v.maxWords {
				v.maxWords = w
			}
		}
	}
	for _, d := range v.Derived {
		for _, n := range append([]string{d.Name}, d.Names...) {
			k := fold(Normalize(n))
			v.derived[k] = d
			if w := len(strings.Fields(k)); w > v.maxWords {
				v.maxWords = w
			}
		}
	}
	v.firsts = map[string]bool{}
	v.nameWords = map[string]bool{}
	for _, names := range []map[string]bool{keysOf(v.byName), keysOf(v.derived)} {
		for k := range names {
			first, _, _ := strings.Cut(k, " ")
			v.firsts[first] = true
			for _, w := range strings.Fields(k) {
				v.nameWords[w] = true
			}
		}
	}
	for _, w := range v.Stopwords {
		v.stop[w] = true
	}
	v.wordSets = make(map[string]map[string]bool, len(v.WordLists))
	for name, ws := range v.WordLists {
		if len(ws) == 0 {
			return nil, fmt.Errorf("vocab: word list %q is empty", name)
		}
		set := make(map[string]bool, len(ws))
		for _, w := range ws {
			if set[w] {
				return nil, fmt.Errorf("vocab: word list %q holds %q twice", name, w)
			}
			set[w] = true
		}
		v.wordSets[name] = set
	}
	for dir, ws := range v.ChangeWords {
		s := 1
		if dir == "down" {
			s = -1
		}
		for _, w := range ws {
			v.change[w] = s
		}
	}
	for _, d := range v.Durations {
		for _, p := range d.Phrases {
			k := Normalize(p)
			v.durs[k] = d.Months
			if w := len(strings.Fields(k)); w > v.durWords {
				v.durWords = w
			}
		}
	}
	return v, nil
}

// Metric returns the metric with the given key, or nil.
func (v *Vocab) Metric(key string) *Metric { return v.byKey[key] }

// MetricByName returns the metric one of whose names equals the normalized
// text exactly, or nil.
func (v *Vocab) MetricByName(text string) *Metric { return v.byName[fold(Normalize(text))] }

// MetricForUnit returns the metric that text names for a figure in unit
// (by its unit names: "gross margin" in USD is gross profit), or nil.
func (v *Vocab) MetricForUnit(text, unit string) *Metric {
	k := fold(Normalize(text))
	for _, m := range v.Metrics {
		if m.Unit != unit {
			continue
		}
		for _, n := range m.UnitNames {
			if fold(Normalize(n)) == k {
				return m
			}
		}
	}
	return nil
}

// DerivedByName returns the derived figure named by the normalized text, or nil.
func (v *Vocab) DerivedByName(text string) *Derived { return v.derived[fold(Normalize(text))] }

// IsStopword reports whether w (lower case) carries no meaning in a question.
func (v *Vocab) IsStopword(w string) bool { return v.stop[w] }

// Words returns the word list called name as a set, built once when the
// vocabulary is read, so a lookup costs what a Go map literal's did. It
// panics when there is no such list: a misspelt name must not read as an
// empty word class. The caller must not change the map.
func (v *Vocab) Words(name string) map[string]bool {
	set, ok := v.wordSets[name]
	if !ok {
		panic(fmt.Sprintf("vocab: no word list %q", name))
	}
	return set
}

// Phrases returns the word list called name in the order vocab.json gives
// it, for phrases matched one after another. It panics like Words when
// there is no such list. The caller must not change the slice.
func (v *Vocab) Phrases(name string) []string {
	if _, ok := v.wordSets[name]; !ok {
		panic(fmt.Sprintf("vocab: no word list %q", name))
	}
	return v.WordLists[name]
}

// Alternation returns the word list called name as a regexp alternation,
// "(w1|w2|…)", for a pattern that matches any of its words: each word
// quoted (regexp.QuoteMeta), longest first, so that a leftmost-first match
// takes the longest word that fits. It panics like Words when there is no
// such list.
func (v *Vocab) Alternation(name string) string { return "(" + v.alternatives(name) + ")" }

// Group is Alternation without capturing: "(?:w1|w2|…)", for a pattern
// whose own groups are numbered around it.
func (v *Vocab) Group(name string) string { return "(?:" + v.alternatives(name) + ")" }

// alternatives is the word list called name quoted for a regexp and
// joined by "|", longest first.
func (v *Vocab) alternatives(name string) string {
	ws := slices.Clone(v.Phrases(name))
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// IsWhole reports a word that asks for the whole of a metric ("total",
// "overall"), lower case.
func (v *Vocab) IsWhole(w string) bool { return slices.Contains(v.WholeWords, w) }

// ChangeSign returns +1 for a word of increase, -1 for a word of decrease, 0 otherwise.
func (v *Vocab) ChangeSign(w string) int { return v.change[strings.ToLower(w)] }

// DurationMonths returns the months a normalized phrase names ("six months" → 6), or 0.
func (v *Vocab) DurationMonths(phrase string) int { return v.durs[Normalize(phrase)] }

// Scale returns the power of ten a scale word means ("millions" → 6) and
// whether it is one.
func (v *Vocab) Scale(w string) (int32, bool) {
	s, ok := v.Scales[strings.ToLower(strings.Trim(w, ".,;:()"))]
	return s, ok
}

// Span is a phrase found in a token list: tokens [Start, End).
type Span struct {
	Start, End int
	Metric     *Metric
	Derived    *Derived
	Months     int // for duration phrases
}

// FindMetrics scans normalized tokens for metric and derived-figure names,
// longest first and without overlap, and returns them in text order.
func (v *Vocab) FindMetrics(tokens []string) []Span {
	var out []Span
	used := make([]bool, len(tokens))
	// When every token is one word (as Tokens gives), the folded phrase of
	// tokens[i:i+n] is its tokens' singulars joined, and it can be a name
	// only if its first word begins one: most phrases are never built.
	// (This was the most of FindMetrics, a twentieth of extraction.)
	var sing []string
	if oneWordEach(tokens) {
		sing = make([]string, len(tokens))
		for i, t := range tokens {
			sing[i] = Singular(t)
		}
	}
	for n := min(v.maxWords, len(tokens)); n >= 1; n-- {
		for i := 0; i+n <= len(tokens); i++ {
			if sing != nil && !v.firsts[sing[i]] || anyUsed(used[i:i+n]) {
				continue
			}
			var p string
			if sing != nil {
				p = strings.Join(sing[i:i+n], " ")
			} else {
				p = fold(strings.Join(tokens[i:i+n], " "))
			}
			d, m := v.derived[p], v.byName[p]
			if d == nil && m == nil {
				continue
			}
			out = append(out, Span{Start: i, End: i + n, Metric: m, Derived: d})
			for j := i; j < i+n; j++ {
				used[j] = true
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// FindDurations scans normalized tokens for period-length phrases, longest first.
func (v *Vocab) FindDurations(tokens []string) []Span {
	var out []Span
	used := make([]bool, len(tokens))
	for n := min(v.durWords, len(tokens)); n >= 1; n-- {
		for i := 0; i+n <= len(tokens); i++ {
			if anyUsed(used[i : i+n]) {
				continue
			}
			if m, ok := v.durs[strings.Join(tokens[i:i+n], " ")]; ok {
				out = append(out, Span{Start: i, End: i + n, Months: m})
				for j := i; j < i+n; j++ {
					used[j] = true
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// oneWordEach reports whether every token is a non-empty word with no
// space in it (what strings.Fields keeps apart).
func oneWordEach(tokens []string) bool {
	for _, t := range tokens {
		if t == "" || strings.IndexFunc(t, unicode.IsSpace) >= 0 {
			return false
		}
	}
	return true
}

func keysOf[T any](m map[string]T) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func anyUsed(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}

// alternates are parenthesized or slashed words that name the other sign of
// a line item ("Net income (loss)"); Normalize drops them.
var alternates = map[string]bool{"loss": true, "losses": true, "income": true, "deficit": true, "benefit": true,
	"expense": true, "expenses": true, "gain": true, "gains": true, "profit": true, "earnings": true,
	"decrease": true, "increase": true, "used": true, "used in": true, "provided": true, "net": true, "see note": true, "note": true}

// normReplacer is built once: building a Replacer on every call was a
// tenth of answering time.
var normReplacer = strings.NewReplacer("&amp;", " and ", "&", " and ", "’", "'", "‘", "'", "™", " ", "®", " ", "(r)", " ", "(tm)", " ", "—", " ", "–", " ")

// Normalize folds text for vocabulary matching: lower case, trademark marks
// and footnote markers dropped, "&" read as "and", parenthesized or slashed
// sign alternates ("(loss)", "/ (loss)") removed, other punctuation turned
// into spaces (apostrophes vanish: "stockholders' equity" → "stockholders
// equity"), and runs of space folded.
func Normalize(s string) string {
	if len(s) > normMemoMaxLen {
		return normalize(s)
	}
	normMemo.mu.Lock()
	n, ok := normMemo.m[s]
	normMemo.mu.Unlock()
	if ok {
		return n
	}
	n = normalize(s)
	normMemo.mu.Lock()
	if normMemo.m == nil || len(normMemo.m) >= normMemoSize {
		normMemo.m = make(map[string]string, normMemoSize)
	}
	normMemo.m[strings.Clone(s)] = n
	normMemo.mu.Unlock()
	return n
}

// normMemo remembers Normalize's recent answers: extraction normalizes
// the same row labels, headings and descriptions again and again (each
// metric look-up does), and Normalize builds three strings each time. It
// forgets everything when full.
var normMemo struct {
	mu sync.Mutex
	m  map[string]string
}

const (
	normMemoSize   = 4096
	normMemoMaxLen = 256 // longer texts are passages, seldom normalized twice
)

// normalize is Normalize without the memo.
func normalize(s string) string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "non-", "non")
	s = normReplacer.Replace(s)
	// drop parenthesized alternates
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '(' {
			if j := strings.IndexByte(s[i:], ')'); j > 0 {
				inner := strings.TrimSpace(s[i+1 : i+j])
				if alternates[inner] || inner == "" || len(inner) <= 2 {
					i += j + 1
					b.WriteByte(' ')
					continue
				}
			}
		}
		if s[i] == '/' {
			// "income/ (loss)", "income/loss": drop the slash and an alternate after it
			rest := strings.TrimLeft(s[i+1:], " (")
			w := rest
			if k := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
				w = rest[:k]
			}
			if alternates[w] {
				skip := len(s[i+1:]) - len(rest) + len(w)
				i += 1 + skip
				if i < len(s) && s[i] == ')' {
					i++
				}
				b.WriteByte(' ')
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	s = b.String()
	s = strings.ReplaceAll(s, "'s ", "s ")
	s = strings.ReplaceAll(s, "'", "")
	var out strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' {
			out.WriteRune(r)
			space = false
			continue
		}
		if !space {
			out.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(out.String())
}

// Tokens splits normalized text into words.
func Tokens(s string) []string { return strings.Fields(Normalize(s)) }

// fold makes plural words singular so that "gross margins" meets "gross
// margin" ("inventories" → "inventory", "sales" → "sale"); it is applied to
// both sides of a comparison, so its rough rules need not be English.
func fold(norm string) string {
	ws := strings.Fields(norm)
	for i, w := range ws {
		ws[i] = Singular(w)
	}
	return strings.Join(ws, " ")
}

// Singular is a rough singular of a lower-case word.
func Singular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// NameWords are the words of the names of the metrics and derived
// figures ("income", "revenue", "expense"), as Normalize gives them,
// singular. The caller must not change the map.
func (v *Vocab) NameWords() map[string]bool { return v.nameWords }

// minSpelled is the shortest word Spelled corrects: shorter words are too
// near too many others ("cash", "case", "cast").
const minSpelled = 5

// Spelled reads a normalized question word that names no metric as the
// word of a metric or derived figure's name it misspells by one letter
// left out, added, changed or two letters swapped ("revnue" → "revenue",
// "incme" → "income"). ok is false for a word it does not correct: one
// the names hold, one shorter than five letters, or one as near to two
// name words. Words that end as English verb forms do ("divided"), or
// that are a name word cut short ("inventor"), are taken as written.
func (v *Vocab) Spelled(w string) (string, bool) {
	w = Singular(w)
	if len(w) < minSpelled || v.nameWords[w] || v.stop[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		// "divided" is a word of its own, not "dividend" misspelt
		return "", false
	}
	found := ""
	for n := range v.nameWords {
		if len(n) >= minSpelled && OneEdit(w, n) && !strings.HasPrefix(n, w) {
			// nor is "inventor" a misspelt "inventory": a word that is
			// another cut short is likelier a word of its own
			if found != "" && found != n {
				return "", false
			}
			found = n
		}
	}
	return found, found != ""
}

// OneEdit reports whether a and b differ by exactly one letter left out,
// added or changed, or two neighbouring letters swapped.
func OneEdit(a, b string) bool {
	if a == b {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		diff := []int{}
		for i := range ra {
			if ra[i] != rb[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		return len(diff) == 1 || len(diff) == 2 && diff[1] == diff[0]+1 && ra[diff[0]] == rb[diff[1]] && ra[diff[1]] == rb[diff[0]]
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i:]) == string(rb[i+1:])
	}
	return false
}

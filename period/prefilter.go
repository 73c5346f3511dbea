package period

import (
	"slices"
	"strings"
	"sync"

	"github.com/ex99/ex99/internal/lazy"
)

// prefilter answers cheap questions about a string so that the period and
// date scanners can skip a regular expression that cannot match: running
// Go's case-insensitive regexps over every sentence was most of extract.Parse's
// time. Each check is a necessary condition of the expression it guards, so
// skipping never changes a result.
type prefilter struct {
	s   string
	low string // ASCII-lowered s; same byte offsets
	// exotic is set when s holds a character that (?i) folds into ASCII
	// (the Kelvin sign K, the long s ſ): then nothing is skipped.
	exotic bool
	year   bool // s may hold a year: "19" or "20" followed by two digits
	// starts are the word starts of s: the i at which s[i] is an ASCII
	// word char and s[i-1], if any, is not. Every scanner's match starts
	// at one (see from); trying each scanner's prefixes at every byte, six
	// times over, cost more than the regexps it let through.
	starts []int32
}

func newPrefilter(s string) prefilter {
	p := prefilter{s: s, low: asciiLower(s)}
	p.exotic = strings.ContainsRune(s, '\u212a') || strings.ContainsRune(s, '\u017f')
	p.year = p.exotic || hasYear(s)
	if !p.exotic {
		p.starts = wordStarts(s)
	}
	return p
}

// wordStarts lists the i at which s[i] is an ASCII word char and s[i-1],
// if any, is not.
// (counted first, so that the list is one allocation of its size).
func wordStarts(s string) []int32 {
	n := 0
	prev := false
	for i := 0; i < len(s); i++ {
		w := wordByte[s[i]]
		if w && !prev {
			n++
		}
		prev = w
	}
	out := make([]int32, 0, n)
	prev = false
	for i := 0; i < len(s); i++ {
		w := wordByte[s[i]]
		if w && !prev {
			out = append(out, int32(i))
		}
		prev = w
	}
	return out
}

// wordByte[c] is isWordChar(c).
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordChar(byte(c))
	}
	return t
}()

// has reports whether the lowered string contains one of the needles.
func (p prefilter) has(needles ...string) bool {
	if p.exotic {
		return true
	}
	for _, n := range needles {
		if strings.Contains(p.low, n) {
			return true
		}
	}
	return false
}

// all runs re over s when ok (the guard) holds.
func (p prefilter) all(ok bool, re *lazy.Regexp) [][]int {
	if !ok && !p.exotic {
		return nil
	}
	return re.FindAllStringSubmatchIndex(p.s, -1)
}

// dayMonth reports whether s has a run of ASCII letters that is a month
// name or abbreviation ("May", "sept") after white space after a digit, as every match of reDMY ("29 May 2004")
// has: its month is a whole run of letters, since a digit, a space, a
// period or a comma must follow it.
func (p prefilter) dayMonth() bool {
	if p.exotic {
		return true
	}
	l := p.low
	for i := 0; i < len(l); {
		if !isLetter(l[i]) {
			i++
			continue
		}
		j := i
		for j < len(l) && isLetter(l[j]) {
			j++
		}
		if n := j - i; n >= 3 && n <= 9 {
			if _, ok := monthIndex[l[i:j]]; ok && afterDigitSpace(l, i) {
				return true
			}
		}
		i = j
	}
	return false
}

// afterDigitSpace reports white space (\s) right before l[i], with a digit
// before that.
func afterDigitSpace(l string, i int) bool {
	k := i
	for k > 0 && isSpace(l[k-1]) {
		k--
	}
	return k < i && k > 0 && isDigit(l[k-1])
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// hasYear reports whether s has "19" or "20" followed by two digits.
func hasYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// hasDigitDashDigit reports a digit, a hyphen and a digit in a row, as
// every ISO date (2004-05-29) has.
func hasDigitDashDigit(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '-' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// asciiLower lowers ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for k := i; k < len(b); k++ {
				if c := b[k]; c >= 'A' && c <= 'Z' {
					b[k] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// chunked runs re over the runs of s made of chars for which in is true,
// skipping runs that lack every needle, and returns the matches with
// offsets into s. It gives what re.FindAllStringSubmatchIndex(s, -1) gives
// when no match of re can hold a char outside those runs and re's edges are
// \b (or need no context): the chars between runs are non-word chars.
func (p prefilter) chunked(re *lazy.Regexp, in func(byte) bool, needles ...string) [][]int {
	if p.exotic {
		return re.FindAllStringSubmatchIndex(p.s, -1)
	}
	var out [][]int
	l := p.low
	for i := 0; i < len(l); {
		if !in(l[i]) {
			i++
			continue
		}
		j := i
		for j < len(l) && in(l[j]) {
			j++
		}
		chunk := l[i:j]
		for _, n := range needles {
			if strings.Contains(chunk, n) {
				for _, m := range re.FindAllStringSubmatchIndex(p.s[i:j], -1) {
					for k := range m {
						if m[k] >= 0 {
							m[k] += i
						}
					}
					out = append(out, m)
				}
				break
			}
		}
		i = j
	}
	return out
}

// scanner finds the matches of re by trying at, a copy of re behind "^",
// only where a match can start (see from).
type scanner struct {
	re, at *lazy.Regexp
	in     func(byte) bool
	// prefixes by their first byte: most positions fail on a look-up
	prefixes [256][]string
	// words bounds the runs of chars that are not sep which a match of re
	// can hold, in any text; 0 for no bound.
	words int
	sep   func(byte) bool
	// may, when set, reports whether a match can start at l[i] (l the
	// lowered text) once a prefix is found there
	may func(l string, i int) bool
}

// where sets sc.may and returns sc.
func (sc *scanner) where(may func(l string, i int) bool) *scanner {
	sc.may = may
	return sc
}

func newScanner(re *lazy.Regexp, in func(byte) bool, words int, sep func(byte) bool, prefixes ...string) *scanner {
	sc := &scanner{re: re, at: anchor(re), in: in, words: words, sep: sep}
	for _, p := range prefixes {
		if p == "" || !isWordChar(p[0]) {
			panic("period: scanner prefix not at a word start: " + p)
		}
		sc.prefixes[p[0]] = append(sc.prefixes[p[0]], p)
	}
	return sc
}

// from finds what sc.re.FindAllStringSubmatchIndex(s, -1) finds by trying
// sc.at only where a match can start: at a word start (the char before,
// if any, is not an ASCII word char) whose lowered text begins with one of
// sc.prefixes, and only over the run of chars for which sc.in is true, cut
// after the sc.words-th run of non-sep chars (see head). That gives the
// same matches when every match of re begins with \b and one of prefixes
// (case folded), holds only chars for which in is true and at most words
// runs of non-sep chars, and in is true of every ASCII word char.
func (p prefilter) from(sc *scanner) [][]int {
	if p.exotic {
		return sc.re.FindAllStringSubmatchIndex(p.s, -1)
	}
	var out [][]int
	l := p.low
	runEnd := 0 // end of the run of chars in the set that holds i
	next := 0   // where the last match ended
	for _, at := range p.starts {
		i := int(at)
		pre := sc.prefixes[l[i]]
		if i < next || pre == nil || !hasPrefix(l[i:], pre) || sc.may != nil && !sc.may(l, i) {
			continue
		}
		if runEnd <= i {
			runEnd = i
			for runEnd < len(l) && sc.in(l[runEnd]) {
				runEnd++
			}
		}
		end := runEnd
		if sc.words > 0 {
			end = head(l, i, runEnd, sc.words, sc.sep)
		}
		m := sc.at.FindStringSubmatchIndex(p.s[i:end])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		next = m[1]
	}
	return out
}

// head is where the text from i (a char that is not sep) stops being
// worth matching: after n runs of chars that are not sep, the seps after
// them, and one more byte, or at limit. A match from i that holds at most
// n runs ends before that byte, and every such match, and the context its
// \b and \s* see, is the same in s[i:head] as in s[i:limit]; a match
// needing more runs cannot exist. Go's backtracker clears a bit per
// instruction and input byte on every call, so matching the whole rest of
// a long sentence at each candidate word cost more than the matching.
func head(s string, i, limit, n int, sep func(byte) bool) int {
	j := i
	for k := 0; k < n; k++ {
		for j < limit && sep(s[j]) {
			j++
		}
		for j < limit && !sep(s[j]) {
			j++
		}
	}
	for j < limit && sep(s[j]) {
		j++
	}
	if j < limit {
		j++
	}
	return j
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// anchor compiles re behind "^".
func anchor(re *lazy.Regexp) *lazy.Regexp {
	return lazy.NewRegexp(`^(?:` + re.String() + `)`)
}

func isWordChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isDateChar: what reMDY and reMY matches are made of.
func isDateChar(c byte) bool { return isWordChar(c) || isSpace(c) || c == '.' || c == ',' }

// isOrdQChar: what reOrdQ, reYOrdQ and reFY matches are made of.
func isOrdQChar(c byte) bool { return isWordChar(c) || isSpace(c) || c == '-' || c == '\'' }

// The scanners of the period and date regexps. Words counts the runs a
// match can hold: reOrdQ's longest is "first | fiscal | quarter | of | the
// | fiscal | year | '04" with hyphens and spaces between (a hyphen alone is
// no run then), reMDY's "Sept. | 30th | , | 2004".
var (
	// every month alternative of MonthRe begins with one of these
	monthPrefixes = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	ordPrefixes   = []string{"first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"}
	yordPrefixes  = []string{"fiscal", "fy", "19", "20"}
	// every alternative of reDurWord begins with one of these
	durPrefixes = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "three", "six", "nine", "twelve", "thirteen", "fourteen",
		"twenty", "thirty", "forty", "fifty", "sixteen", "full", "fiscal", "year", "quarter", "half", "annual", "ytd"}

	scanMDY     = newScanner(reMDY, isDateChar, 4, isSpace, monthPrefixes...)
	scanMY      = newScanner(reMY, isDateChar, 3, isSpace, monthPrefixes...).where(monthYear)
	scanOrdQ    = newScanner(reOrdQ, isOrdQChar, 8, isSpaceOrHyphen, ordPrefixes...)
	scanYOrdQ   = newScanner(reYOrdQ, isOrdQChar, 5, isSpaceOrHyphen, yordPrefixes...)
	scanFY      = newScanner(reFY, isOrdQChar, 4, isSpaceOrHyphen, "fiscal", "fy")
	scanDurWord = newScanner(reDurWord, isDurChar, 3, isSpaceOrHyphen, durPrefixes...).where(durStart)
	// reQn's longest: "Q2 | ' | fiscal | year | '04"
	scanQn = newScanner(reQn, isOrdQChar, 5, isSpaceOrHyphen, "q1", "q2", "q3", "q4")
)

// durStart reports whether a duration phrase (reDurWord) can start at
// l[i]: the ones that start with a digit ("13 weeks", "12-month") have one
// or two digits, then white space or a hyphen; the one that starts with
// "full" or "fiscal" is "full-year", "full fiscal year" or "fiscal year".
// Most digits in a release are figures ("$5,123,456"), and most "fiscal"
// comes before a year ("fiscal 2004"): trying the regexp at each cost
// more than the rest of the duration scan.
func durStart(l string, i int) bool {
	at := func(k int) byte {
		if k < len(l) {
			return l[k]
		}
		return 0
	}
	switch {
	case isDigit(l[i]):
		return isSpaceOrHyphen(at(i+1)) || isDigit(at(i+1)) && isSpaceOrHyphen(at(i+2))
	case strings.HasPrefix(l[i:], "full"):
		i += len("full")
		if !isSpaceOrHyphen(at(i)) {
			return false
		}
		i++
		if strings.HasPrefix(l[i:], "fiscal") {
			i = skipSpace(l, i+len("fiscal"))
		}
		return strings.HasPrefix(l[i:], "year")
	case strings.HasPrefix(l[i:], "fiscal"):
		return strings.HasPrefix(l[skipSpace(l, i+len("fiscal")):], "year")
	}
	return true
}

// monthYear reports whether a match of reMY ("December 2004", "Dec.,
// 2004") can start at l[i], a month's first letters: after the run of
// letters (the month, as a letter must not follow it), a point, white
// space and commas, then "19" or "20".
func monthYear(l string, i int) bool {
	for i < len(l) && isLetter(l[i]) {
		i++
	}
	if i < len(l) && l[i] == '.' {
		i++
	}
	for i < len(l) && (isSpace(l[i]) || l[i] == ',') {
		i++
	}
	return strings.HasPrefix(l[i:], "19") || strings.HasPrefix(l[i:], "20")
}

// yearsIn finds what reYear.FindAllStringSubmatchIndex(s, -1) finds: "19"
// or "20" and two digits, with no ASCII word char on either side (Go's \b
// reads ASCII only). Each is a match of its own: the scanner ran the
// regexp at every one, and a release is full of years.
func yearsIn(s string) [][]int {
	var out [][]int
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isWordChar(s[i-1])) && (i+4 == len(s) || !isWordChar(s[i+4])) {
			out = append(out, []int{i, i + 4, i, i + 4})
			i += 3
		}
	}
	return out
}

func isSpaceOrHyphen(c byte) bool { return isSpace(c) || c == '-' }

// isDurChar reports the chars a duration phrase (reDurWord) is made of:
// ASCII word chars, white space (\s) and hyphens.
func isDurChar(c byte) bool { return isWordChar(c) || isSpace(c) || c == '-' }

// memo remembers recent results of a pure function of a string: extraction
// scans the same sentence for periods several times. It is safe for
// concurrent use, forgets everything when full, and hands out copies, so
// callers may change what they get.
type memo[E any] struct {
	mu sync.Mutex
	m  map[string][]E
}

const memoSize = 2048

// memoMaxLen is the longest string a memo remembers: the callers that
// scan a string again are the sentence and clause readers; remembering a
// long paragraph's scan copied the paragraph and all its matches, the
// largest things on the heap while the calendar was learned.
const memoMaxLen = 64 << 10

func (c *memo[E]) get(s string) ([]E, bool) {
	if len(s) > memoMaxLen {
		return nil, false
	}
	c.mu.Lock()
	v, ok := c.m[s]
	c.mu.Unlock()
	return slices.Clone(v), ok
}

func (c *memo[E]) put(s string, v []E) {
	if len(s) > memoMaxLen {
		return
	}
	v = slices.Clone(v)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoSize {
		c.m = make(map[string][]E, memoSize)
	}
	c.m[strings.Clone(s)] = v
	c.mu.Unlock()
}

var (
	periodMemo memo[Mention]
	dateMemo   memo[dateAt]
)

// skipSpace is the index of the first char at or after i that is not
// white space (\s).
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

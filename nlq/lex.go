package nlq

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/ex99/ex99/vocab"
)

// Class is a set of word classes a token belongs to. A word may be in
// several ("less" is a stopword and a comparison); the grammar asks
// whether a token is in a class, and Kind names the one that matters
// most, for display.
type Class uint32

// Word classes. Every class but Period, ClassRelative, ClassNumber, ClassOp and Metric is a
// word list of vocab/vocab.json, named in classLists.
const (
	ClassStop      Class = 1 << iota // a stopword: "the", "of", "in"
	ClassQuestion                    // asks and names nothing: "what", "how much"
	ClassPrep                        // ends the head of a noun phrase: "of", "related to"
	ClassQualifier                   // qualifies the figure, not what it is of: "diluted"
	ClassGrowth                      // says a figure grew or shrank: "grow", "decline"
	ClassChangeCue                   // asks how much something changed: "add"
	ClassForward                     // asks about the future: "guidance", "expect"
	ClassRepresent                   // the figure is named after it: "represented (by)"
	ClassCompare                     // a comparison: "higher", "lower"
	ClassNumber                      // a figure written in digits
	ClassOp                          // part of an operation cue ("percentage change"); set by the parser
	ClassMetric                      // part of a metric's name; set by the parser
	ClassPeriod                      // a period mention ("Q2 2004"); its own token
	ClassRelative                    // a relative period ("prior year"); its own token
)

// classNames names the classes in the order Kind prefers them.
var classNames = []struct {
	c    Class
	name string
}{
	{ClassPeriod, "period"}, {ClassRelative, "relative"}, {ClassOp, "op"}, {ClassMetric, "metric"},
	{ClassQualifier, "qualifier"}, {ClassCompare, "compare"}, {ClassForward, "future"},
	{ClassGrowth, "growth"}, {ClassChangeCue, "change"}, {ClassRepresent, "represent"},
	{ClassQuestion, "question"}, {ClassPrep, "prep"}, {ClassNumber, "number"}, {ClassStop, "stop"},
}

// classLists are the vocabulary word lists behind the lexical classes.
var classLists = []struct {
	c    Class
	list string
}{
	{ClassQuestion, "question_words"}, {ClassPrep, "head_prepositions"}, {ClassQualifier, "qualifier_words"},
	{ClassGrowth, "growth_words"}, {ClassChangeCue, "change_cues"}, {ClassForward, "forward_words"},
	{ClassRepresent, "represent_words"},
}

// Token is a word of a question, or a period it names.
type Token struct {
	// Text is the word as written; Norm is the word as vocabulary matching
	// sees it (one part of a word that normalizes to several).
	Text, Norm string
	// Pos is the byte offset of the word in the cleaned question (plus the
	// part's index for the later parts of a split word).
	Pos int
	// Cont marks the second and later parts of a written word that
	// normalizes to several ("long-term" → "long", "term").
	Cont  bool
	Class Class
}

// Is reports whether the token is in class c.
func (t Token) Is(c Class) bool { return t.Class&c != 0 }

// Kind names the token's most telling class, or "word" for a content word.
func (t Token) Kind() string {
	for _, cn := range classNames {
		if t.Is(cn.c) {
			return cn.name
		}
	}
	return "word"
}

// String prints the token as kind:text.
func (t Token) String() string { return t.Kind() + ":" + t.Text }

var reWord = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’&.\-]*`)

// lexWords splits text into word tokens with their byte positions and
// vocabulary classes. Op and Metric are left for the parser, which knows
// which cues and names hold.
func lexWords(v *vocab.Vocab, s string) []Token {
	var out []Token
	for _, loc := range reWord.FindAllStringIndex(s, -1) {
		raw := strings.Trim(s[loc[0]:loc[1]], ".-'’")
		if raw == "" {
			continue
		}
		parts := strings.Fields(vocab.Normalize(raw))
		for i, part := range parts {
			c := wordClass(v, part)
			if i == 0 && len(parts) > 1 {
				// "in-game", "by-product": a compound is a content word,
				// whatever its first part is alone
				c &^= ClassStop | ClassQuestion | ClassPrep
			}
			out = append(out, Token{Text: raw, Norm: part, Pos: loc[0] + i, Cont: i > 0, Class: c})
		}
	}
	return out
}

// wordClass is the set of vocabulary classes of a normalized word.
func wordClass(v *vocab.Vocab, w string) Class {
	var c Class
	if v.IsStopword(w) {
		c |= ClassStop
	}
	for _, cl := range classLists {
		if v.Words(cl.list)[w] {
			c |= cl.c
		}
	}
	if strings.Trim(w, "0123456789.,") == "" {
		c |= ClassNumber
	}
	if isCompareWord(v, w) {
		c |= ClassCompare
	}
	return c
}

func isCompareWord(v *vocab.Vocab, w string) bool {
	for _, l := range [][]string{v.CompareHigh, v.CompareLow} {
		for _, x := range l {
			if x == w {
				return true
			}
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

// blank overwrites b[start:end] with spaces: a part of the question one
// stage has read and the next ones must not read again.
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

// hasPhrase reports whether phrase occurs in s as whole words.
func hasPhrase(s, phrase string) bool { return len(findPhrase(s, phrase)) > 0 }

func isWordChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// byLength orders phrases longest first, so a longer phrase is taken
// before a shorter one inside it.
func byLength(ps []string) []string {
	out := append([]string(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

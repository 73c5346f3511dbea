package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Footnote marks glued to words: "ROE1 of 23.0%", "equity (ROE)1 was",
// "assets under supervision3,4 increased". A release prints them as
// superscripts; in the reading view they are digits with no space before
// them. They are never figures, and never part of what a figure is of.

// noteEvidence is what a release says about its footnotes: the numbers
// its footnotes begin with ("1. ROE is calculated …") and the capitalized
// words it prints on their own ("ROE"), so that "ROE1" reads as ROE with
// mark 1 while "CET1", a name, stays whole.
type noteEvidence struct {
	notes map[string]bool // footnote numbers: a passage begins with the mark
	alone map[string]bool // words of capitals (three or more) printed alone
}

// newNoteEvidence reads the evidence from a release's passages.
func newNoteEvidence(ps []Passage) noteEvidence {
	ev := noteEvidence{notes: map[string]bool{}, alone: map[string]bool{}}
	for i := range ps {
		t := ps[i].Text
		if m := reNoteStart.FindStringSubmatch(t); m != nil {
			if k := noteMark(m[1]); k != "" && isDigit(k[0]) {
				ev.notes[k] = true
			}
		}
		// (the words one at a time: a slice of every word of every passage
		// was 6% of the bytes Parse allocated)
		for w := range strings.FieldsFuncSeq(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) >= 3 && isCapitals(w) {
				ev.alone[w] = true
			}
		}
	}
	return ev
}

// isCapitals reports a word of ASCII capitals only.
func isCapitals(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

// digitRuns finds the runs of digits and commas that start with a digit,
// as regexp `[0-9][0-9,]*` finds them (FindAllStringIndex; a test checks
// it); gluedMarks checks what stands around each. The regexp, over every
// passage, was 3% of Parse's time.
func digitRuns(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		for j < len(s) && (isDigit(s[j]) || s[j] == ',') {
			j++
		}
		out = append(out, []int{i, j})
		i = j - 1
	}
	return out
}

// gluedMarks finds the footnote marks of s: a run of one- or two-digit
// numbers, comma-separated ("3,4"), glued with no space to what comes
// before it and followed by a space, punctuation or the end. It is a mark
// when it follows
//   - a closing parenthesis, bracket or double quote, or a percent sign
//     ("(ROE)1", "23.0%1"): nothing printed there is a figure ("’" is
//     left out: "Q3’21" is a quarter);
//   - a word ending in two lower-case letters ("supervision3,4"), when the
//     release has a footnote of that number;
//   - a word of three or more capitals ("ROE1"), when the release has a
//     footnote of that number and prints the word alone too.
//
// It returns the marks' byte spans and their numbers.
func gluedMarks(s string, ev *noteEvidence) (spans [][2]int, marks [][]string) {
	if !hasDigit(s) {
		return nil, nil
	}
	for _, m := range digitRuns(s) {
		a, b := m[0], m[1]
		for b > a && s[b-1] == ',' {
			b--
		}
		if a == 0 {
			continue
		}
		if b < len(s) {
			c := s[b]
			if !(c == ' ' || c == '\t' || c == '\n' || strings.IndexByte(".;:!?)", c) >= 0 || c == ',' || c >= utf8.RuneSelf) {
				continue
			}
			if c >= utf8.RuneSelf {
				// a space or a closing quote, not a letter
				r, _ := utf8.DecodeRuneInString(s[b:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					continue
				}
			}
		}
		nums := strings.Split(s[a:b], ",")
		ok := true
		for _, n := range nums {
			ok = ok && len(n) >= 1 && len(n) <= 2 && n[0] != '0'
		}
		if !ok {
			continue
		}
		if !markStem(s[:a], nums, ev) {
			continue
		}
		spans = append(spans, [2]int{a, b})
		marks = append(marks, nums)
	}
	return spans, marks
}

// markStem reports whether what comes before a glued run of digits
// makes it a footnote mark (see gluedMarks).
func markStem(before string, nums []string, ev *noteEvidence) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	switch r {
	case ')', ']', '%', '”', '"':
		// (not "’": "Q3’21" is a quarter)
		return true
	}
	if !unicode.IsLetter(r) || ev == nil {
		return false
	}
	for _, n := range nums {
		if !ev.notes[n] {
			return false
		}
	}
	i := len(before)
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= w
	}
	word := before[i:]
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(before[:i]); unicode.IsDigit(r) {
			return false // "2Q" of "2Q04" is no word
		}
	}
	n := len(word)
	switch {
	case n >= 2 && isLower(word[n-1]) && isLower(word[n-2]):
		return true
	case n >= 3 && isCapitals(word):
		return ev.alone[word]
	}
	return false
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// maskMarks is s with the digits of its marks turned to spaces: byte
// offsets stay those of s, so a figure read in the masked text is cited in
// the printed one.
func maskMarks(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	b := []byte(s)
	for _, sp := range spans {
		for i := sp[0]; i < sp[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// stripLabelMark cuts a footnote mark glued to the end of a table label
// ("Risk-weighted assets5,6", "equity (ROE)1") and returns the label and
// the marks. A table label has no release-wide evidence at hand, so only
// the sure stems count: a closing parenthesis or double quote, or a word ending
// in two lower-case letters.
func stripLabelMark(label string) (string, []string) {
	t := strings.TrimRight(label, " :")
	i := len(t)
	for i > 0 && (isDigit(t[i-1]) || t[i-1] == ',') {
		i--
	}
	if i == len(t) || i == 0 {
		return label, nil
	}
	run := strings.TrimLeft(t[i:], ",")
	i = len(t) - len(run)
	nums := strings.Split(run, ",")
	for _, n := range nums {
		if len(n) < 1 || len(n) > 2 || n[0] == '0' {
			return label, nil
		}
	}
	before := t[:i]
	r, _ := utf8.DecodeLastRuneInString(before)
	n := len(before)
	switch {
	case r == ')' || r == '”':
	case n >= 2 && isLower(before[n-1]) && isLower(before[n-2]):
	default:
		return label, nil
	}
	return strings.TrimRight(before, " "), nums
}

package main

import (
	"strings"
	"unicode/utf8"

	"github.com/ex99/ex99/index"
)

// pattern is what `ex99 search` looks for in a release's lines: words,
// each matched as the index analyses it ("declined" finds "decline"), and
// phrases, matched word for word (case aside), so that "comparable store"
// finds that phrase and not "compared".
type pattern struct {
	words   []patWord
	phrases [][]string // each phrase's words, lower case
}

// patWord is one word looked for: its terms as the index analyses it, or
// (a stop word, which has none) the word itself in lower case.
type patWord struct {
	low   string
	terms []string
}

// patternOf reads the terms of a search. Each argument is a word, or a
// phrase when it holds several words (the shell's quotes kept them
// together); double quotes inside an argument mark phrases too, the rest
// of it being words: `"comparable store" sales`.
func patternOf(args []string) pattern {
	var p pattern
	for _, arg := range args {
		if !strings.Contains(arg, `"`) && len(tokenize(arg)) > 1 {
			p.addPhrase(arg)
			continue
		}
		p.addQuoted(arg)
	}
	return p
}

// patternOfLine reads a line of terms as typed at the prompt: words, with
// double quotes around phrases.
func patternOfLine(s string) pattern {
	var p pattern
	p.addQuoted(s)
	return p
}

// addQuoted adds the words of s, and its double-quoted parts as phrases.
func (p *pattern) addQuoted(s string) {
	for i, part := range strings.Split(s, `"`) {
		if i%2 == 1 {
			p.addPhrase(part)
			continue
		}
		for _, t := range tokenize(part) {
			p.addWord(t.low)
		}
	}
}

func (p *pattern) addPhrase(s string) {
	ts := tokenize(s)
	switch len(ts) {
	case 0:
	case 1:
		p.addWord(ts[0].low)
	default:
		var ws []string
		for _, t := range ts {
			ws = append(ws, t.low)
		}
		p.phrases = append(p.phrases, ws)
	}
}

func (p *pattern) addWord(low string) {
	for _, w := range p.words {
		if w.low == low {
			return
		}
	}
	p.words = append(p.words, patWord{low: low, terms: index.Terms(low)})
}

// mayMatch reports whether a block of text (in lower case) may hold every
// word and phrase of the pattern: whether it holds, for each, a few letters
// every match has. A word's analysed term is a stem whose letters but the
// last few are the start of every word it matches ("compar" of
// "comparable", "compared"); shorter ones are not checked. It spares
// tokenizing and analysing the words of blocks that cannot match.
func (p pattern) mayMatch(low string) bool {
	for _, w := range p.words {
		if k := w.key(); k != "" && !strings.Contains(low, k) {
			return false
		}
	}
	for _, ph := range p.phrases {
		if !strings.Contains(low, ph[0]) {
			return false
		}
	}
	return true
}

// key is letters every word a patWord matches holds: the first four of
// its term when the term is longer, so that no ending the analyser changes
// ("y" to "i") is among them; the word itself when it has no term.
func (w patWord) key() string {
	if len(w.terms) == 0 {
		return w.low
	}
	if len(w.terms) == 1 && len(w.terms[0]) > 4 && strings.HasPrefix(w.low, w.terms[0][:4]) {
		return w.terms[0][:4]
	}
	return ""
}

// empty reports whether the pattern looks for nothing (no word in it).
func (p pattern) empty() bool { return len(p.words) == 0 && len(p.phrases) == 0 }

// token is a word of a line: its byte range and its lower-case form.
type token struct {
	line       int // index of its line in a block
	start, end int
	low        string
}

// tokenize splits s into words: runs of letters, digits, apostrophes and
// any non-ASCII character, as answer.Mark reads them.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		if !isWordStart(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordStart(s[j]) {
			j++
		}
		out = append(out, token{start: i, end: j, low: strings.ToLower(s[i:j])})
		i = j
	}
	return out
}

func isWordStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c >= utf8.RuneSelf
}

// span is a matched byte range of a line.
type span struct{ start, end int }

// match finds the pattern in a block of lines (a passage, or a line on
// its own): the matched ranges of each line, and whether the block holds
// every word and phrase of the pattern. A phrase may run on from one line
// to the next.
func (p pattern) match(lines []string) ([][]span, bool) {
	var toks []token
	for i, l := range lines {
		for _, t := range tokenize(l) {
			t.line = i
			toks = append(toks, t)
		}
	}
	marks := make([][]span, len(lines))
	mark := func(t token) { marks[t.line] = append(marks[t.line], span{t.start, t.end}) }
	terms := make([][]string, len(toks)) // each token's, when first needed
	all := true
	for _, w := range p.words {
		found := false
		for i, t := range toks {
			if w.low != t.low && len(w.terms) > 0 && terms[i] == nil {
				// the word as printed: the analyser's trademark filter
				// reads the case ("FetishTM" is "fetish")
				terms[i] = append(index.Terms(lines[t.line][t.start:t.end]), "")
			}
			if w.matches(t.low, terms[i]) {
				mark(t)
				found = true
			}
		}
		all = all && found
	}
	for _, ph := range p.phrases {
		found := false
		for i := 0; i+len(ph) <= len(toks); i++ {
			if phraseAt(toks[i:], ph) {
				for _, t := range toks[i : i+len(ph)] {
					mark(t)
				}
				found = true
			}
		}
		all = all && found
	}
	for i := range marks {
		marks[i] = mergeSpans(marks[i])
	}
	return marks, all
}

// matches reports whether a word of a line (lower case, with its terms as
// the index analyses it) is this word: the same word, or one with one of
// its terms.
func (w patWord) matches(low string, terms []string) bool {
	if low == w.low {
		return true
	}
	for _, t := range terms {
		for _, u := range w.terms {
			if t == u {
				return true
			}
		}
	}
	return false
}

func phraseAt(toks []token, ph []string) bool {
	for i, w := range ph {
		if toks[i].low != w {
			return false
		}
	}
	return true
}

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(ss []span) []span {
	if len(ss) < 2 {
		return ss
	}
	for i := 1; i < len(ss); i++ {
		for j := i; j > 0 && ss[j].start < ss[j-1].start; j-- {
			ss[j], ss[j-1] = ss[j-1], ss[j]
		}
	}
	out := ss[:1]
	for _, s := range ss[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end {
			last.end = max(last.end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Package textscan holds the small text helpers that the period scanner
// (package period) and the figure readers of package extract share: cheap
// guards and cuts that let a regexp run over less text without changing
// what it finds.
package textscan

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tail is the end of s from the start of its n-th last run of non-space
// chars (\S+; isSpace is \s), with the spaces after it. Matching a regexp
// that ends in $ against Tail(s, n) gives what matching it against s gives
// when every match starts at a non-space char and holds at most n runs of
// non-space chars: such a match lies inside the tail, and the char before
// the tail is a space or nothing, which \b reads like the start of text.
// Go tries an unanchored regexp at every position, so matching the words
// before a figure over the whole sentence, for every figure, was costly.
func Tail(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		for i > 0 && isSpace(s[i-1]) {
			i--
		}
		if i == 0 {
			return s
		}
		for i > 0 && !isSpace(s[i-1]) {
			i--
		}
	}
	return s[i:]
}

// FoldHas reports whether s may hold a match of a case-insensitive regexp
// every match of which holds one of needles (lower-case ASCII letters):
// whether s holds a needle in any ASCII case, or a char that (?i) folds
// into ASCII (the Kelvin sign K, the long s ſ), which the byte search
// cannot see. It is the guard that lets a caller skip the regexp over the
// words around each figure.
func FoldHas(s string, needles ...string) bool {
	if strings.Contains(s, "\u212a") || strings.Contains(s, "\u017f") {
		return true
	}
	for _, n := range needles {
		if IndexFold(s, n) >= 0 {
			return true
		}
	}
	return false
}

// IndexFold is the index of the first instance of needle (lower-case
// ASCII letters; a space also matches a NUL byte) in s in any ASCII
// case, or -1. Or-ing 0x20 maps only 'A' to 'Z' onto the lower-case
// letters.
func IndexFold(s, needle string) int {
	c0 := needle[0]
	for i := 0; i+len(needle) <= len(s); i++ {
		if s[i]|0x20 != c0 {
			continue
		}
		k := 1
		for k < len(needle) && s[i+k]|0x20 == needle[k] {
			k++
		}
		if k == len(needle) {
			return i
		}
	}
	return -1
}

// edgeBytes is how much of a long text LowerEnd and LowerStart lower: a
// rune lowers to no fewer than a third of its bytes, so that leaves over
// 20 bytes, more than the longest word the callers compare.
const edgeBytes = 64

// LowerEnd is strings.ToLower(strings.TrimSpace(s)) when that is short,
// else a lowered end of it at least edgeBytes/3 bytes long that cannot
// equal a word of 20 bytes or less: a suffix test on it answers as on
// the whole.
func LowerEnd(s string) string {
	rt := strings.TrimRightFunc(s, unicode.IsSpace)
	if len(rt) <= edgeBytes {
		return strings.ToLower(strings.TrimLeftFunc(rt, unicode.IsSpace))
	}
	cut := len(rt) - edgeBytes
	for cut < len(rt) && !utf8.RuneStart(rt[cut]) {
		cut++
	}
	if strings.TrimRightFunc(rt[:cut], unicode.IsSpace) == "" {
		// only space before the end: the end is all of it
		return strings.ToLower(strings.TrimLeftFunc(rt[cut:], unicode.IsSpace))
	}
	// text before the end: whatever follows, the whole is longer than 20 bytes
	return strings.ToLower(rt[cut:])
}

// LowerStart is strings.ToLower(strings.TrimSpace(s)) when that is short,
// else a lowered start of it at least edgeBytes/3 bytes long: a prefix
// test of a word of 20 bytes or less on it answers as on the whole.
func LowerStart(s string) string {
	lt := strings.TrimLeftFunc(s, unicode.IsSpace)
	if len(lt) <= edgeBytes {
		return strings.ToLower(strings.TrimRightFunc(lt, unicode.IsSpace))
	}
	cut := edgeBytes
	for cut > 0 && !utf8.RuneStart(lt[cut]) {
		cut--
	}
	return strings.ToLower(lt[:cut])
}

// isSpace reports the ASCII white space of \s.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
)

// findAt finds what re.FindAllStringSubmatchIndex(s, -1) finds by trying
// at, re behind "^", only at the i for which can(s, i) holds, stepping
// over s a rune at a time as re does. That gives the same matches when
// re sees nothing before a match (no \b or \B at its start, unless can
// checks the char before i as they read it; and no ^ that can match where
// can holds past the start of s), matches nothing empty,
// and can holds at the start of every match: the first i from which at
// matches is where the leftmost match starts, and it matches as re does
// there. Go's regexp tries every byte of a sentence for every figure
// regexp; a figure starts at one of a few chars.
func findAt(s string, at *lazy.Regexp, can func(s string, i int) bool) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if !can(s, i) {
			i += runeWidth(s, i)
			continue
		}
		m := at.FindStringSubmatchIndex(s[i:])
		if m == nil {
			i += runeWidth(s, i)
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += i
			}
		}
		out = append(out, m)
		i = m[1]
	}
	return out
}

// runeWidth is the width of the rune at s[i] as Go's regexp steps over
// it (1 for a byte that starts no valid rune).
func runeWidth(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 1
	}
	_, w := utf8.DecodeRuneInString(s[i:])
	return w
}

// bareStart reports whether a match of reBare can start at s[i]: a digit
// at the start of s, or a rune outside [\w$.,/:-] (ASCII; a rune outside
// ASCII is left to the regexp) followed by a digit. At such an i past the
// start s[i] is no digit, so reBare's ^ cannot match there behind "^".
func bareStart(s string, i int) bool {
	if i == 0 && isDigit(s[0]) {
		return true
	}
	c := s[i]
	if c < utf8.RuneSelf && (isWordChar(c) || strings.IndexByte("$.,/:-", c) >= 0) {
		return false
	}
	j := i + runeWidth(s, i)
	return j < len(s) && isDigit(s[j])
}

var (
	moneyAt   = anchor(reMoney)
	percentAt = anchor(rePercent)
	bareAt    = anchor(reBare)
)

// moneyStart reports whether a match of reMoney can start at s[i]: "$",
// or "(" and white space before "$".
func moneyStart(s string, i int) bool {
	if s[i] == '(' {
		i = skipSpace(s, i+1)
	}
	return i < len(s) && s[i] == '$'
}

// percentStart reports whether a match of rePercent can start at s[i]:
// "(" and white space, a sign, a number (its digits, commas and points
// run on to the char after it, which must be white space, ")", "%" or
// "p"), white space, ")" and white space, then "%" or "per" in any case
// (containsPer: no char outside ASCII folds to p, e or r).
func percentStart(s string, i int) bool {
	if s[i] == '(' {
		i = skipSpace(s, i+1)
	}
	if i < len(s) && s[i] == '-' {
		i++
	} else if strings.HasPrefix(s[i:], "–") {
		i += len("–")
	}
	if i >= len(s) || !isDigit(s[i]) {
		return false
	}
	for i < len(s) && (isDigit(s[i]) || s[i] == ',' || s[i] == '.') {
		i++
	}
	i = skipSpace(s, i)
	if i < len(s) && s[i] == ')' {
		i = skipSpace(s, i+1)
	}
	return i < len(s) && (s[i] == '%' || i+2 < len(s) && s[i]|0x20 == 'p' && s[i+1]|0x20 == 'e' && s[i+2]|0x20 == 'r')
}

// skipSpace is the index of the first char at or after i that is not
// white space (\s).
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// anchor compiles re behind "^".
func anchor(re *lazy.Regexp) *lazy.Regexp {
	return lazy.NewRegexp(`^(?:` + re.String() + `)`)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWordChar(c byte) bool { return isLetter(c) || isDigit(c) || c == '_' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

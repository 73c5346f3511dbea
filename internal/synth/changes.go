package synth

import (
	"regexp"
	"strconv"
	"strings"
)

// reChange finds a change the prose states from two figures: "increased
// to $X … from $Y …, or a P% increase" (the verb is optional: "a net loss
// of $X … compared to … $Y, or a P% increase"), with no other figure or
// sentence end between.
var reChange = regexp.MustCompile(`(?:\b(increased|decreased)(\s+to\s+))?\$([\d,]+)([^.$%]*?)\$([\d,]+)([^$%]*?\bor\s+a\s+)([\d,]+)%(\s+)(increase|decrease)\b`)

// fixChanges makes each change the prose states agree with its figures:
// the percentage is computed from them, and "increase(d)" becomes
// "decrease(d)" when the figure fell.
func fixChanges(text string) string {
	return reChange.ReplaceAllStringFunc(text, func(m string) string {
		g := reChange.FindStringSubmatch(m)
		x, errX := strconv.ParseInt(strings.ReplaceAll(g[3], ",", ""), 10, 64)
		y, errY := strconv.ParseInt(strings.ReplaceAll(g[5], ",", ""), 10, 64)
		if errX != nil || errY != nil || y == 0 {
			return m
		}
		word, d := "increase", x-y
		if d < 0 {
			word, d = "decrease", -d
		}
		pct := (d*100 + y/2) / y // rounded to a whole percent
		var b strings.Builder
		if g[1] != "" {
			b.WriteString(word + "d" + g[2])
		}
		b.WriteString("$" + g[3] + g[4] + "$" + g[5] + g[6])
		b.WriteString(commas(pct) + "%" + g[8] + word)
		return b.String()
	})
}

// commas prints n with thousands separators: 1222 as "1,222".
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package synth

import (
	"bytes"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
)

// A figure is a number of the seed that every release prints its own
// value for. Its value is a function of the company, the quarter it is
// for and the seed figure it stands for, so the releases of one company
// agree with each other: the prior-year column of a quarter's release
// prints what the release a year before printed for its own quarter, and
// the balance sheet's prior year-end column what the last fourth
// quarter's release printed.
type figure struct {
	key  string // the seed figure whose value this is
	back int    // quarters before the release's quarter, or backYearEnd
	// tail is ",000" for a figure in thousands that prose prints in
	// dollars ("$30,023,000" for the table's 30,023).
	tail string
	// width is the seed figure's width in a table, whose right edge is
	// kept; 0 in prose.
	width int
}

// backYearEnd marks a figure for the end of the prior fiscal year.
const backYearEnd = -1

var (
	reNumber  = regexp.MustCompile(`\d+(?:,\d{3})*(?:\.\d+)?`)
	reFormRef = regexp.MustCompile(`^(?:-[QK]|E\b)`)
)

// figureAt is a figure found in the seed and where.
type figureAt struct {
	start, end int
	fig        *figure
}

// findFigures finds the seed's figures. Table columns come in pairs, the
// release's period and the one to compare with: a year before in the
// statement of operations, the prior fiscal year end in the balance
// sheet. Prose figures take the role of the same printed figure in a
// table. It also returns the first column's figure of each row of the
// statement of operations, by the row's label ("NET SALES": "30,023").
func findFigures(src string) (figs []figureAt, rowKeys map[string]string) {
	rowKeys = map[string]string{}
	roles := map[string]*figure{}
	var prose []figureAt
	lineStart, runs, inTable, yearEnd := 0, [][2]int(nil), false, false
	for _, loc := range reNumber.FindAllStringIndex(src, -1) {
		tok := src[loc[0]:loc[1]]
		if keepNumber(src, loc[0], loc[1]) {
			continue
		}
		if ls := strings.LastIndexByte(src[:loc[0]], '\n') + 1; ls != lineStart {
			lineStart = ls
			inTable, runs, yearEnd = tableAt(src, lineStart)
		}
		col := column(runs, loc[0]-lineStart, loc[1]-lineStart)
		if !inTable || col < 0 {
			prose = append(prose, figureAt{loc[0], loc[1], nil})
			continue
		}
		f := &figure{key: tok, width: loc[1] - loc[0]}
		if col%2 == 1 {
			f.key = pairOf(src, lineStart, runs, col-1)
			f.back = 4
			if yearEnd {
				f.back = backYearEnd
			}
		}
		if roles[tok] == nil {
			roles[tok] = &figure{key: f.key, back: f.back}
		}
		if label := strings.Trim(src[lineStart:loc[0]], " $("); col == 0 && !yearEnd && rowKeys[label] == "" {
			rowKeys[label] = tok
		}
		figs = append(figs, figureAt{loc[0], loc[1], f})
	}
	for _, p := range prose {
		tok := src[p.start:p.end]
		f := &figure{key: tok}
		if r := roles[tok]; r != nil {
			*f = *r
		} else if r := roles[strings.TrimSuffix(tok, ",000")]; r != nil {
			*f = *r
			f.tail = ",000"
		}
		figs = append(figs, figureAt{p.start, p.end, f})
	}
	return figs, rowKeys
}

// tableAt tells whether the line at start is inside a <TABLE>, and if so
// its value columns (the dash runs of its column rule) and whether it is
// a balance sheet (its second column is the prior fiscal year end, not a
// year ago).
func tableAt(src string, start int) (in bool, runs [][2]int, yearEnd bool) {
	open := strings.LastIndex(src[:start], "<TABLE>")
	if open < 0 || strings.LastIndex(src[:start], "</TABLE>") > open {
		return false, nil, false
	}
	end := strings.Index(src[open:], "</TABLE>")
	body := src[open : open+end]
	for _, l := range strings.Split(body, "\n") {
		if r := dashRuns(l); len(r) > len(runs) && len(r)%2 == 0 && len(r) > 1 {
			runs = r
		}
	}
	return true, runs, !strings.Contains(body, "Months Ended")
}

// column returns the value column a figure at [start, end) of its line
// stands in (right-aligned: it ends within a column's run, give or take
// a parenthesis), or -1 for a figure in a row's label.
func column(runs [][2]int, start, end int) int {
	for i, r := range runs {
		if start >= r[0]-2 && end <= r[1] && end > r[0] {
			return i
		}
	}
	return -1
}

// pairOf returns the figure in column col of the line at start.
func pairOf(src string, start int, runs [][2]int, col int) string {
	line := src[start:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	for _, loc := range reNumber.FindAllStringIndex(line, -1) {
		if column(runs, loc[0], loc[1]) == col {
			return line[loc[0]:loc[1]]
		}
	}
	return line // no figure to pair with: a key of its own
}

// writeFigure writes f's value for release p. In a table it keeps the
// seed figure's right edge, taking or giving spaces on its left.
func writeFigure(b *bytes.Buffer, p *plan, f *figure) {
	t := p.t - f.back
	if f.back == backYearEnd {
		t = p.t - p.fq
	}
	v := p.co.figure(t, f.key) + f.tail
	if f.width > 0 && len(v) != f.width {
		align(b, len(v)-f.width)
	}
	b.WriteString(v)
}

// align makes room for a figure d bytes wider than the one it replaces
// (narrower if d < 0) by taking spaces from before it, or its opening
// parenthesis, keeping at least one.
func align(b *bytes.Buffer, d int) {
	n := b.Len()
	paren := n > 0 && b.Bytes()[n-1] == '('
	if paren {
		n--
	}
	spaces := 0
	for spaces < n && b.Bytes()[n-1-spaces] == ' ' {
		spaces++
	}
	keep := max(1, spaces-d)
	b.Truncate(n - spaces)
	b.WriteString(strings.Repeat(" ", keep))
	if paren {
		b.WriteByte('(')
	}
}

// figure returns the company's value for seed figure key in quarter t:
// its digits drawn afresh, keeping its width, commas and decimal point.
func (co *company) figure(t int, key string) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	rng := rand.New(rand.NewPCG(uint64(co.no)<<32|uint64(uint32(t)), h.Sum64()))
	out := []byte(key)
	long := len(strings.Trim(key, ",.")) > 1
	for k, c := range out {
		switch {
		case c < '0' || c > '9':
		case k == 0 && long:
			out[k] = byte('1' + rng.IntN(9))
		default:
			out[k] = byte('0' + rng.IntN(10))
		}
	}
	return string(out)
}

// keepNumber leaves years, dates, times, form names (10-Q), section
// numbers (21E), numbers glued to letters and days after a month name as
// they are.
func keepNumber(s string, start, end int) bool {
	tok := s[start:end]
	if n, err := strconv.Atoi(tok); err == nil && len(tok) == 4 && n >= 1980 && n <= 2030 {
		return true
	}
	if start > 0 {
		c := s[start-1]
		if c == '/' || c == ':' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return true
		}
	}
	if end < len(s) {
		c := s[end]
		if c == '/' || c == ':' || reFormRef.MatchString(s[end:]) {
			return true
		}
	}
	before := strings.TrimRight(s[:start], " \n")
	if strings.HasSuffix(before, "EXHIBIT") || strings.HasSuffix(before, "Exhibit") {
		return true
	}
	for _, m := range months {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	return false
}

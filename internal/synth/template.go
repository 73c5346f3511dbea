package synth

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// plan is what one release is about: its company and fiscal quarter.
type plan struct {
	co       *company
	t        int // absolute fiscal quarter (see calendar)
	fy, fq   int
	end      time.Time // the quarter's last day
	released time.Time // the day the release is dated
	rowKeys  map[string]string
}

// margin returns gross profit as a whole percentage of net sales in
// quarter t.
func (p *plan) margin(t int) int64 {
	num := func(key string) int64 {
		n, _ := strconv.ParseInt(strings.ReplaceAll(p.co.figure(t, p.rowKeys[key]), ",", ""), 10, 64)
		return n
	}
	sales := num("NET SALES")
	if sales == 0 {
		return 0
	}
	return (num("Gross profit")*100 + sales/2) / sales
}

// yearEnd is the last day of the fiscal year before the release's.
func (p *plan) yearEnd() time.Time { return p.co.cal.end(p.t - p.fq) }

// acquired is the month the seed's acquisition happened: two months after
// the prior year's quarter, as in the seed (May 2003, July 2003).
func (p *plan) acquired() time.Time {
	e := p.co.cal.end(p.t - 4)
	return time.Date(e.Year(), e.Month()+2, 1, 0, 0, 0, 0, time.UTC)
}

// rule rewrites one kind of period phrase (or wording) of the seed for a
// release: pattern finds it in the seed, render says it for the release.
// g holds pattern's submatches, mostly the seed's own spacing, kept so
// that its wrapped lines keep about their length.
type rule struct {
	pattern *regexp.Regexp
	render  func(p *plan, g []string) string
}

// seedDay reads a day of the month in the seed's July 2004 (the release
// date is the 14th) as days after the release date.
func seedDay(g string) int { d, _ := strconv.Atoi(g); return d - 14 }

// rules rewrite the seed's periods, dates and wording, in this order (a
// phrase an earlier rule took is left to it). The seed is Innovo's second
// quarter of fiscal 2004, ended May 29, 2004, a year ending late November.
var rules = []rule{
	{re(`(Monday|Tuesday|Wednesday|Thursday|Friday),(\s+)July(\s+)(\d\d?),(\s+)2004`), func(p *plan, g []string) string {
		d := p.released.AddDate(0, 0, seedDay(g[4]))
		return d.Weekday().String() + "," + g[2] + longDate(d, g[3], g[5])
	}},
	{re(`July(\s+)(\d\d?),(\s+)2004`), func(p *plan, g []string) string {
		return longDate(p.released.AddDate(0, 0, seedDay(g[2])), g[1], g[3])
	}},
	{re(`May(\s+)29,(\s+)2004`), func(p *plan, g []string) string { return longDate(p.end, g[1], g[2]) }},
	{re(`May(\s+)31,(\s+)2003`), func(p *plan, g []string) string { return longDate(p.co.cal.end(p.t-4), g[1], g[2]) }},
	{re(`August(\s+)30,(\s+)2003`), func(p *plan, g []string) string { return longDate(p.co.cal.end(p.t-3), g[1], g[2]) }},
	{re(`July(\s+)2003`), func(p *plan, g []string) string {
		a := p.acquired()
		return a.Month().String() + g[1] + strconv.Itoa(a.Year())
	}},
	{re(`(Azteca\s+in\s+fiscal\s+)2003`), func(p *plan, g []string) string {
		a := p.acquired()
		return g[1] + strconv.Itoa(p.co.cal.fiscalYear(a.Year(), a.Month()))
	}},
	{re(`(?:in|de)creased(\s+to\s+)11%`), func(p *plan, g []string) string { // the gross margin
		verb := "increased"
		if p.margin(p.t) < p.margin(p.t-4) {
			verb = "decreased"
		}
		return verb + g[1] + strconv.FormatInt(p.margin(p.t), 10) + "%"
	}},
	{re(`from(\s+)28%`), func(p *plan, g []string) string { return "from" + g[1] + strconv.FormatInt(p.margin(p.t-4), 10) + "%" }},
	{re(`(occurred\s+in\s+)April`), func(p *plan, g []string) string { return g[1] + monthBefore(p.end.Month()).String() }},
	{re(`05/29/04|05/31/03|11/29/03`), func(p *plan, g []string) string {
		return map[string]time.Time{"05/29/04": p.end, "05/31/03": p.co.cal.end(p.t - 4), "11/29/03": p.yearEnd()}[g[0]].Format("01/02/06")
	}},
	{re(`\((2004|2003)\)`), func(p *plan, g []string) string { // the balance sheet's two dates
		if g[1] == "2004" {
			return "(" + strconv.Itoa(p.end.Year()) + ")"
		}
		return "(" + strconv.Itoa(p.yearEnd().Year()) + ")"
	}},
	{re(`(?i)\b(first)(\s+quarter\s+of\s+fiscal\s+)2004`), func(p *plan, g []string) string {
		fy, fq := quarter(p.t - 1)
		return likeCase(ordinals[fq], g[1]) + g[2] + strconv.Itoa(fy)
	}},
	{re(`(?i)\b(second)(\s+quarter)`), func(p *plan, g []string) string { return likeCase(ordinals[p.fq], g[1]) + g[2] }},
	{re(`quarterly(\s+report\s+on\s+Form\s+)10-Q`), func(p *plan, g []string) string {
		if p.fq == 4 { // a year's results come with the annual report
			return "annual" + g[1] + "10-K"
		}
		return g[0]
	}},
	{re(`Form(\s+)10-Q`), func(p *plan, g []string) string {
		if p.fq == 4 {
			return "Form" + g[1] + "10-K"
		}
		return g[0]
	}},
	{re(`Q2(\s+)2004`), func(p *plan, g []string) string { return "Q" + strconv.Itoa(p.fq) + g[1] + strconv.Itoa(p.fy) }},
	{re(`( *)Six Months Ended`), func(p *plan, g []string) string { // right-aligned over the year-to-date columns
		h := ytdWords[p.fq] + " Months Ended"
		return strings.Repeat(" ", max(1, len(g[0])-len(h))) + h
	}},
	{re(`NET SALES {3}`), func(p *plan, g []string) string {
		return strings.ToUpper(p.co.words.revenue) + strings.Repeat(" ", 12-len(p.co.words.revenue))
	}},
	{re(`(?i)\b(net)(\s+)(sales)\b`), func(p *plan, g []string) string {
		w := strings.Fields(p.co.words.revenue)
		return likeCase(w[0], g[1]) + g[2] + likeCase(w[1], g[3])
	}},
	{re(`CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS`), func(p *plan, g []string) string { return p.co.words.operations }},
	{re(`\b200[34]\b`), func(p *plan, g []string) string { // fiscal years
		if g[0] == "2004" {
			return strconv.Itoa(p.fy)
		}
		return strconv.Itoa(p.fy - 1)
	}},
}

var (
	ordinals = []string{"", "first", "second", "third", "fourth"}
	ytdWords = []string{"", "Three", "Six", "Nine", "Twelve"}
)

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// longDate prints d as "May 29, 2004" with the given spacing.
func longDate(d time.Time, sp1, sp2 string) string {
	return d.Month().String() + sp1 + strconv.Itoa(d.Day()) + "," + sp2 + strconv.Itoa(d.Year())
}

// monthBefore returns the month before m.
func monthBefore(m time.Month) time.Month { return time.Month((int(m)+10)%12 + 1) }

// likeCase writes word (lower case) the way like is written: "NET",
// "Net" or "net".
func likeCase(word, like string) string {
	switch {
	case like == strings.ToUpper(like):
		return strings.ToUpper(word)
	case isUpper(like):
		return strings.ToUpper(word[:1]) + word[1:]
	}
	return word
}

func isUpper(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// piece is one stretch of a template: literal text, a phrase a rule
// rewrites, or a figure.
type piece struct {
	lit  string
	rule *rule
	g    []string
	fig  *figure
}

// template is the seed cut into pieces, compiled once.
type template struct {
	pieces []piece
	// rowKeys are the seed's figures for the quarter in the statement of
	// operations, by row label ("NET SALES": "30,023").
	rowKeys map[string]string
}

// compile cuts src into the pieces rules and figures rewrite.
func compile(src string) *template {
	type hit struct {
		start, end int
		p          piece
	}
	taken := make([]bool, len(src))
	free := func(a, b int) bool {
		for k := a; k < b; k++ {
			if taken[k] {
				return false
			}
		}
		for k := a; k < b; k++ {
			taken[k] = true
		}
		return true
	}
	var hits []hit
	for k := range rules {
		for _, m := range rules[k].pattern.FindAllStringSubmatchIndex(src, -1) {
			if !free(m[0], m[1]) {
				continue
			}
			g := make([]string, len(m)/2)
			for j := range g {
				if m[2*j] >= 0 {
					g[j] = src[m[2*j]:m[2*j+1]]
				}
			}
			hits = append(hits, hit{m[0], m[1], piece{rule: &rules[k], g: g}})
		}
	}
	tp := &template{}
	figs, rowKeys := findFigures(src)
	tp.rowKeys = rowKeys
	for _, f := range figs {
		if free(f.start, f.end) {
			hits = append(hits, hit{f.start, f.end, piece{fig: f.fig}})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
	last := 0
	for _, h := range hits {
		tp.pieces = append(tp.pieces, piece{lit: src[last:h.start]}, h.p)
		last = h.end
	}
	tp.pieces = append(tp.pieces, piece{lit: src[last:]})
	return tp
}

// render writes the release p as the template says.
func (tp *template) render(p *plan) string {
	var b bytes.Buffer
	b.Grow(32 << 10)
	for _, pc := range tp.pieces {
		switch {
		case pc.rule != nil:
			b.WriteString(pc.rule.render(p, pc.g))
		case pc.fig != nil:
			writeFigure(&b, p, pc.fig)
		default:
			b.WriteString(pc.lit)
		}
	}
	return b.String()
}

// dropYearToDate cuts the year-to-date columns off the statement of
// operations (the table with a "Months Ended" header): a first quarter's
// release has only its three months.
func dropYearToDate(src string) string {
	lines := strings.SplitAfter(src, "\n")
	first := -1
	for i, l := range lines {
		if strings.Contains(l, "Months Ended") {
			first = i
			break
		}
	}
	if first < 0 {
		return src
	}
	last, cut := first, 0
	for last < len(lines) && strings.TrimSpace(lines[last]) != "</TABLE>" {
		if runs := dashRuns(lines[last]); cut == 0 && len(runs) == 4 {
			cut = runs[1][1] + 1 // the end of the second value column, and a ")"
		}
		last++
	}
	for i := first; i < last && cut > 0; i++ {
		if l := strings.TrimRight(lines[i], "\n"); len(l) > cut {
			lines[i] = strings.TrimRight(l[:cut], " ") + "\n"
		}
	}
	return strings.Join(lines, "")
}

// dashRuns returns the [start, end) of each run of dashes on a line made
// of dashes and spaces only (a table's column rule), else nil.
func dashRuns(l string) [][2]int {
	l = strings.TrimRight(l, "\n")
	if strings.Trim(l, "- ") != "" || !strings.Contains(l, "-") {
		return nil
	}
	var runs [][2]int
	for i := 0; i < len(l); i++ {
		if l[i] != '-' {
			continue
		}
		j := i
		for j < len(l) && l[j] == '-' {
			j++
		}
		runs = append(runs, [2]int{i, j})
		i = j
	}
	return runs
}

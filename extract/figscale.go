package extract

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/ex99/ex99/internal/lazy"
)

// A table figure's scale is the table's (its unit line, or one stated in
// prose beside it) unless something nearer the figure states its own: the
// row's label ("Gross profit (in thousands)") or the column's header
// ("Cash dividend per share (NT dollars)" beside "(in thousand NT
// dollars)"). The functions here decide those nearer scales.

// labelScale reads the scale a row label states for its own figures
// ("Net income - (in thousands)", "Backlog ($ in millions)"); ok is false
// when the label states none.
func labelScale(label string) (s Scale, ok bool) {
	return statedScale(label)
}

// statedScale parses the scale of the unit phrases in text (a row label or
// a column header), ignoring the rest of it, so that "2000" in "December
// 31, 2000 (in millions)" is not read as thousands. ok is false when no
// phrase states a power of ten.
func statedScale(text string) (s Scale, ok bool) {
	if !mayUnit(text) {
		return Scale{}, false
	}
	ms := reUnit.FindAllString(text, -1)
	if len(ms) == 0 {
		return Scale{}, false
	}
	s = parseScale(strings.Join(ms, " "))
	return s, s.Money != 0
}

// reSharesHeader heads a column of share counts ("Number of Shares",
// "Total Number of Shares Purchased (Shares in thousands)"), unless it also
// names money ("Dollar Value of Shares").
var reSharesHeader = lazy.NewRegexp(`(?i)\b(number|numbers)\s+of\s+shares\b|^\s*shares\b`)

// reYearsHeader heads a column of years rather than amounts ("Last Fiscal
// Year of Expiration", "Expires", "Maturity").
var reYearsHeader = lazy.NewRegexp(`(?i)\byears?\b|\bexpir|\bmatur`)

// reYearFigure is a cell that holds a year alone.
var reYearFigure = lazy.NewRegexp(`^(19|20)\d\d$`)

// columnUnits gives each column of t the unit its own header states: a
// scale ("(in thousands)") that may differ from the table's, figures per
// share ("Cash dividend per share"), share counts ("Number of Shares"),
// lengths of time ("Useful Lives (in years)"), or years ("Year of Expiration" over
// "2027"), which are not amounts at all.
func columnUnits(t *Table, g *grid) {
	for c := range t.Columns {
		col := &t.Columns[c]
		if strings.TrimSpace(col.Header) == "" {
			continue
		}
		// the header's words without its unit phrases: "(In millions, except
		// per share data)" says nothing of the column's own figures
		words := col.Header
		if ms := findAllUnits(col.Header); len(ms) > 0 {
			var phrases []string
			var b strings.Builder
			at := 0
			for _, m := range ms {
				phrases = append(phrases, col.Header[m[0]:m[1]])
				b.WriteString(col.Header[at:m[0]])
				b.WriteByte(' ')
				at = m[1]
			}
			b.WriteString(col.Header[at:])
			words = b.String()
			if s := parseScale(strings.Join(phrases, " ")); s.Money != 0 {
				col.scale = &s
			}
		}
		if col.Kind == "" && rePerShare.MatchString(words) && !reShareCount.MatchString(words) {
			col.perShare = true
		} else if col.Kind == "" && reSharesHeader.MatchString(words) && !reMoneyLabel.MatchString(words) {
			col.shares = true
		}
		if col.Kind == "" {
			col.time = timeUnit(col.Header)
		}
		if col.Kind == "" && col.Period.End.Y == 0 && reYearsHeader.MatchString(words) {
			n, years := 0, true
			for _, r := range g.rows {
				if c >= len(r.cells) || strings.TrimSpace(r.cells[c]) == "" {
					continue
				}
				if !parseCell(r.cells[c]).Ok {
					continue // "2039 or indefinite"
				}
				n++
				years = years && reYearFigure.MatchString(strings.TrimSpace(r.cells[c]))
			}
			col.years = n > 0 && years
		}
	}
}

// reTimeUnit states that figures are lengths of time ("(in years)",
// "(days)").
var reTimeUnit = lazy.NewRegexp(`(?i)\(\s*(?:in\s+)?(years|months|weeks|days|hours)\s*\)`)

// timeUnit is the unit of time a row label or column header states for its
// figures ("Remaining Vesting Term (years)": "years"), or "": such figures
// are not amounts, and no money scale applies to them.
func timeUnit(s string) string {
	if m := reTimeUnit.FindStringSubmatch(s); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// cellScale is the scale of a figure in column ci of t: its row's own
// (rs, when ok: labelScale of the row's label), else the column's, else
// the table's.
func cellScale(t *Table, rs Scale, ok bool, ci int) Scale {
	if ok {
		return rs
	}
	if ci < len(t.Columns) && t.Columns[ci].scale != nil {
		return *t.Columns[ci].scale
	}
	return t.Scale
}

// shareRowsBetween makes share counts of the facts (from index first on,
// of table t) of a row that sits between two rows of share counts, says
// nothing of money and prints no currency sign: "Dilutive securities"
// between "Basic weighted average common shares outstanding" and "Diluted
// weighted average common shares outstanding" counts shares, and is scaled
// as the table's shares are ("shares in thousands"), not as its amounts.
func shareRowsBetween(t *Table, facts []Fact, first int) {
	unit := make([]string, len(t.Rows)) // the unit of each row's figures ("" none)
	from := make([]int, len(t.Rows))    // where each row's facts start
	for i := len(facts) - 1; i >= first; i-- {
		f := &facts[i]
		from[f.RowIndex] = i
		if f.Change == "" {
			unit[f.RowIndex] = f.Unit
		}
	}
	near := func(ri, step int) string {
		for r := ri + step; r >= 0 && r < len(unit); r += step {
			if unit[r] != "" {
				return unit[r]
			}
		}
		return ""
	}
	for ri, u := range unit {
		if u != USD || near(ri, -1) != Shares || near(ri, 1) != Shares {
			continue
		}
		row := &t.Rows[ri]
		if metricKey(row.Label, nil) != "" || reMoneyLabel.MatchString(row.Label) {
			continue
		}
		money := false
		for _, c := range row.Cells {
			money = money || strings.ContainsAny(c.Text, "$€£¥")
		}
		if money {
			continue
		}
		rs, rok := labelScale(row.Label)
		for i := from[ri]; i < len(facts) && facts[i].RowIndex == ri; i++ {
			f := &facts[i]
			if f.Unit != USD {
				continue
			}
			s := cellScale(t, rs, rok, f.ColIndex)
			f.Unit, f.Value, f.Scale = Shares, row.Cells[f.ColIndex].Value.Shift(s.Shares), s.Shares
		}
	}
}

// reMoneyLabel names money in a row label.
var reMoneyLabel = lazy.NewRegexp(`(?i)\b(income|earnings|revenues?|sales|profit|loss|dividends?|expenses?|costs?|cash|interest|amounts?|dollars?|value|price|proceeds|paid|payments?)\b`)

// reStatedFigure is a figure stated with its scale in prose ("$24.9
// million", "8.6 million").
var reStatedFigure = lazy.NewRegexp(`(?i)(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)s?\b`)

// textScale finds the scale of a table that states none from the release's
// prose: when its text states at least two of the table's figures with one
// scale ("decreased $8.6 million to $24.9 million" beside a row "24.9 |
// 33.5 | (8.6)") and states none of them with another, the table is in
// that scale. Figures that match by chance (small whole numbers) are not
// counted: a figure counts when it has decimals or three digits or more.
// stated maps a figure's digits to the scales the prose states it with
// (statedFigures). It returns the unit line to give the table, or "".
func textScale(g *grid, stated map[string]map[int32]bool) string {
	if len(stated) == 0 {
		return ""
	}
	votes := map[int32]map[string]bool{}
	for _, r := range g.rows {
		for _, txt := range r.cells {
			c := parseCell(txt)
			if !c.Ok || c.Pct {
				continue
			}
			a := c.Value.Abs()
			if a.IsInteger() && a.LessThan(decimal.NewFromInt(100)) {
				continue
			}
			for s := range stated[a.String()] {
				if votes[s] == nil {
					votes[s] = map[string]bool{}
				}
				votes[s][a.String()] = true
			}
		}
	}
	if len(votes) != 1 {
		return ""
	}
	for s, figs := range votes {
		if len(figs) >= 2 {
			return "(in " + scaleName[s] + ", as the release's text states figures of this table)"
		}
	}
	return ""
}

var scaleName = map[int32]string{3: "thousands", 6: "millions", 9: "billions"}

// statedFigures maps the figures the prose blocks state with a scale
// word, by their digits ("24.9"), to those scales.
func statedFigures(blocks []block) map[string]map[int32]bool {
	out := map[string]map[int32]bool{}
	for _, b := range blocks {
		if b.kind == bTable {
			continue
		}
		for _, m := range reStatedFigure.FindAllStringSubmatch(b.text, -1) {
			d, err := decimal.NewFromString(strings.ReplaceAll(m[1], ",", ""))
			if err != nil {
				continue
			}
			k := d.String()
			if out[k] == nil {
				out[k] = map[int32]bool{}
			}
			out[k][scaleOf(strings.ToLower(m[2]))] = true
		}
	}
	return out
}

// reUnitsStated says a unit line's amounts are in units of money ("(in
// dollars)", "(Dollars)", "US$").
var reUnitsStated = lazy.NewRegexp(`(?i)dollars|[$€£¥]|\b(?:usd|eur|gbp|rmb)\b`)

// scaleStated reports a table unit line that states the scale of its
// amounts: a power of ten ("(in thousands)", "$M") or units of money
// ("(in dollars)"). "(except per share data)" alone states none.
func scaleStated(unit string) bool {
	if unit == "" {
		return false
	}
	s := parseScale(unit)
	return s.Money != 0 || reUnitsStated.MatchString(unit)
}

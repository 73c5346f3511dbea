package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/textscan"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
	"github.com/shopspring/decimal"
)

var (
	reBalanceTitle = lazy.NewRegexp(`(?i)balance\s+sheets?|financial\s+position|financial\s+condition|statements?\s+of\s+condition|assets\s+and\s+liabilities`)
	reAdjusted     = lazy.NewRegexp(`(?i)\b(non[\s-]?gaap|adjusted|excluding|excludes|pro\s+forma|reconciliation)\b`)
	rePctChange    = lazy.NewRegexp(`(?i)(%|percent(age)?)\s*(change|chg|increase|decrease|inc|growth|var)|(change|chg|growth|increase|decrease|var\.?|variance)\s*\(?\s*(%|percent)|\b[yq]o[yq]\b|\b[yq]/[yq]\b`)
	reAmtChange    = lazy.NewRegexp(`(?i)\$\s*change|\bchange\b|increase\s*/?\s*\(?decrease\)?|\bvariance\b|\bfavorable\b|\bunfavorable\b|\bdifference\b`)
	rePctOf        = lazy.NewRegexp(`(?i)(%|percent(age)?)\s+of\b|\bas\s+a\s+%|\b% of\b|^\s*%\s*$`)
	reFootnote     = lazy.NewRegexp(`\s*(\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|\[\d+\]|\*+|†|‡)+\s*$`)
	rePerShare     = lazy.NewRegexp(`(?i)\bper\b.*\bshare|\beps\b|per\s+(common|diluted|basic)`)
	reShareCount   = lazy.NewRegexp(`(?i)\bshares\b|\bshare\s+count\b`)
	// a stock account whose label counts its shares ("Treasury stock, 76
	// shares") holds amounts, not share counts
	// reCashFlowTitle titles a statement of cash flows, or heads a section
	// of one ("Cash flow from financing activities").
	reCashFlowTitle = lazy.NewRegexp(`(?i)\bcash\s+flows?\b`)
	reStockAmount   = lazy.NewRegexp(`(?i)\d[\d,.]*\s+shares|\b(treasury|common|preferred|capital)\s+stock\b|\bpar\b|\bat\s+cost\b`)
	reAvgShares     = lazy.NewRegexp(`(?i)\b(weighted|average)\b`)
	// a rate or ratio names the row where it ends the label or a phrase
	// of it ("Effective tax rate", "Rate of return", "Yield, net"); not a
	// thing named after a rate ("Interest rate swaps", "Rate lock
	// commitments"), which holds amounts
	rePctLabel = lazy.NewRegexp(`(?i)\b(ratios?|rates?|percent|percentage|yield)\b(?:\s*$|\s*[(,:;%/\-–—)]|\s+(?:of|on|for|in|at|to|per|as|from|used|applied|assumed|change|changes|increase|decrease|growth|points?|and|or)\b)|%`)
)

// statementWords are words of financial statement headings; a value-less
// row made only of these is a section, not an entity.
var statementWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`assets liabilities equity stockholders shareholders expenses expense revenues revenue income
	costs cost operating operations current cash flows flow activities per share shares other total net noncurrent non
	long term short and of the for from in to on at by with less plus sales profit loss losses earnings gross
	investing financing balance sheet statement statements consolidated condensed unaudited interest taxes tax
	commitments contingencies common preferred stock capital deficit retained accumulated comprehensive
	basic diluted weighted average outstanding supplemental information selected data a an or as provision
	benefit benefits depreciation amortization reconciliation gaap non-gaap adjusted reported items
	charges other nonoperating special restructuring discontinued continuing before after attributable
	segment segments geographic region regions product category categories by summary key highlights
	financial results operating metrics selected note notes see excluding including reclassified
	debt borrowings payables receivables inventories goodwill intangible property plant equipment
	deferred accrued prepaid investments securities loans deposits dividends dividend minority
	noncontrolling interests purchase sale change changes increase decrease year quarter months weeks ended
	pretax after-tax aftertax tax-effected amount amounts impact effect effects consolidating measures measure
	notes reconciliation reconciliations guidance outlook`) {
		statementWords[w] = true
	}
}

// isEntityName reports whether a heading names an entity (a segment,
// subsidiary or region) rather than a group of line items: it has a
// capitalized word that is not a statement word.
func isEntityName(s string) bool {
	s = strings.TrimSpace(strings.TrimRight(s, ":- "))
	if s == "" || len(s) > 60 {
		return false
	}
	if vocab.Default().MetricByName(s) != nil {
		return false
	}
	ws := strings.Fields(s)
	named, stmt := 0, 0
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,:;()'’\"-&"))
		if lw == "" || lw == "and" || lw == "of" || lw == "the" {
			continue
		}
		if statementWords[lw] || statementWords[vocab.Singular(lw)] || reStatementTitle.MatchString(lw) || lw == "chg" {
			stmt++
			continue
		}
		r := []rune(strings.Trim(w, "(\"'"))
		if len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
			named++
		} else {
			return false
		}
	}
	// sentence case is a line item ("Short-term borrowings"), title case a name
	for i, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,:;()'’\"-&"))
		if i > 0 && lw != "" && lw != "and" && lw != "of" && lw != "the" && lw != "&" {
			r := []rune(strings.Trim(w, "(\"'"))
			if len(r) > 0 && unicode.IsLower(r[0]) {
				return false
			}
		}
	}
	// a name, not a line item: few words, most of them not statement words
	// ("Sears Canada", "Construction Industries"; not "External Sales Revenues")
	return named > 0 && named+stmt <= 4 && named >= stmt
}

var reStatementTitle = lazy.NewRegexp(`^(sheets?|statements?|results|operations|unaudited|condensed|consolidated|highlights|summary|overview|schedule|supplemental|selected|financial|data|information|exhibit|notes?)$`)

// companyWords name the company as a whole in a heading or column.
var companyWords = map[string]bool{"consolidated": true, "total": true, "company": true, "total company": true, "consolidated total": true, "corporation": true}

// buildTable turns a grid into a Table and its facts.
func buildTable(g *grid, ti int) (Table, []Fact) {
	t := Table{Start: g.start, End: g.end, HeaderStart: g.headerStart, HeaderEnd: g.headerEnd}
	for _, s := range g.title {
		if isUnitLine(s) {
			if t.Unit == "" {
				t.Unit = s
			} else if m := reSharesParen.FindString(s); m != "" && !reShareCount.MatchString(t.Unit) {
				// "(Tabular amounts in millions)" over "(shares in
				// thousands, except per share data)": the share counts' own
				t.Unit += " " + m
			}
			continue
		}
		t.Title = append(t.Title, s)
	}
	for _, s := range g.headLabel {
		if isUnitLine(s) && t.Unit == "" {
			t.Unit = s
		}
	}
	if t.Unit == "" {
		for _, h := range g.header {
			for _, c := range h {
				if isUnitLine(c) {
					t.Unit = c
				}
			}
		}
	}
	t.Scale = parseScale(t.Unit)
	t.scaleStated = scaleStated(t.Unit)
	titleText := strings.Join(t.Title, " ")
	balance := reBalanceTitle.MatchString(titleText)
	if !balance {
		// a table with both total assets and total liabilities is a balance sheet
		var a, l bool
		for _, r := range g.rows {
			n := vocab.Normalize(r.label)
			a = a || strings.HasPrefix(n, "total assets")
			l = l || strings.HasPrefix(n, "total liabilities")
		}
		balance = a && l
	}
	tableAdjusted := reAdjusted.MatchString(titleText)
	titlePeriod := datedLine(t.Title)

	// columns
	spanRight(g.header, g.ncols)
	spread := spreadYears(g.header, g.ncols)
	for hi := range g.header {
		// "October 31," or "Years ended December 31," over the label column of a
		// header row that is otherwise blank heads every column
		if hi < len(g.headLabel) && spread[hi] == "" && blankRow(g.header[hi]) && rePeriodHeading.MatchString(strings.TrimSpace(g.headLabel[hi])) {
			spread[hi] = g.headLabel[hi]
		}
	}
	t.Columns = make([]Column, g.ncols)
	for c := 0; c < g.ncols; c++ {
		var parts []string
		for hi, h := range g.header {
			cell := ""
			if c < len(h) {
				cell = h[c]
			}
			if cell == "" && spread[hi] != "" {
				cell = spread[hi]
			}
			if cell != "" && (len(parts) == 0 || parts[len(parts)-1] != cell) {
				parts = append(parts, cell)
			}
		}
		hdr := reSpacedYear.ReplaceAllString(strings.Join(parts, " "), "$1$2$3$4")
		col := Column{Header: hdr}
		col.Period = columnPeriod(hdr, balance, titleText)
		if col.Period.IsZero() && titlePeriod != "" {
			// "THREE MONTHS ENDED JUNE 26, 2004" over As Reported / Adjustments / Non-GAAP
			col.Period = columnPeriod(titlePeriod+" "+hdr, balance, titleText)
		}
		switch {
		case rePctChange.MatchString(hdr):
			col.Kind = "pct_change"
		case rePctOf.MatchString(hdr):
			col.Kind = "percent"
		case reAmtChange.MatchString(hdr):
			col.Kind = "change"
		}
		col.Entity = columnEntity(hdr)
		col.named = col.Period.End.M == 0 && (col.Period.FQ > 0 || col.Period.FY > 0 || col.Period.End.Y > 0)
		t.Columns[c] = col
	}
	// in a table that is not a balance sheet, a column headed by a date alone
	// beside ones that say "Fiscal Year Ended …" is of the same length
	if !balance {
		months := 0
		for _, c := range t.Columns {
			if c.Kind == "" && c.Period.Kind == period.Duration && c.Period.Months > 0 && !c.Period.Year {
				if months != 0 && months != c.Period.Months {
					months = -1
				} else if months == 0 {
					months = c.Period.Months
				}
			}
		}
		if months > 0 {
			for c := range t.Columns {
				if p := &t.Columns[c].Period; t.Columns[c].Kind == "" && p.Kind == period.Instant && !reBalanceTitle.MatchString(t.Columns[c].Header) {
					p.Kind, p.Months = period.Duration, months
				}
			}
		}
	}
	// a table whose dated columns are balances has year columns that are too
	// ("December 31, 2019 | 2018")
	hasInstant := false
	for _, c := range t.Columns {
		hasInstant = hasInstant || c.Period.Kind == period.Instant && c.Kind == ""
	}
	if hasInstant {
		for c := range t.Columns {
			if p := &t.Columns[c].Period; p.Year && p.Kind == period.Duration {
				p.Kind, p.Months, p.Weeks = period.Instant, 0, 0
			}
		}
	}
	// a column name is an entity when it heads several columns (one per
	// period: "Domestic 2004", "Domestic 2003") or its columns share a
	// period; "Cash Collected" over a column of its own with no period is a measure
	names := map[string]int{}
	for _, c := range t.Columns {
		if c.Entity != "" {
			names[c.Entity]++
		}
	}
	levels := map[string]bool{} // the names over a column of figures, not of changes
	for _, c := range t.Columns {
		if c.Entity != "" && c.Kind == "" {
			levels[c.Entity] = true
		}
	}
	for c := range t.Columns {
		e := t.Columns[c].Entity
		if e != "" && names[e] == 1 && t.Columns[c].Period.IsZero() {
			t.Columns[c].Entity = ""
		}
		if e != "" && t.Columns[c].Kind != "" && !levels[e] {
			// a change column's header names the comparison ("Q/Q",
			// "Constant Currency"), unless its name heads a column of
			// figures too ("Domestic | Domestic % change")
			t.Columns[c].Entity = ""
		}
	}
	// a roll-forward's balance columns are balances at the start and the
	// end of the period their header names ("Year Ended December 31, 2019 |
	// Balance at End of Period")
	for c := range t.Columns {
		col := &t.Columns[c]
		p := &col.Period
		if col.Kind != "" || p.Kind != period.Duration || p.End.IsZero() || p.Months == 0 {
			continue
		}
		switch {
		case reEndBalance.MatchString(col.Header):
			p.Kind, p.Months, p.Weeks = period.Instant, 0, 0
		case reStartBalance.MatchString(col.Header) && p.Months == 12 && p.End.M > 0:
			p.Kind, p.Months, p.Weeks = period.Instant, 0, 0
			p.End.Y--
			if p.FY != 0 {
				p.FY--
			}
		}
	}
	// a column headed "(%)" alone beside an amount of change is that
	// change in percent, elsewhere a share
	for c := range t.Columns {
		if reBarePercent.MatchString(t.Columns[c].Header) && t.Columns[c].Kind == "" {
			t.Columns[c].Kind = "percent"
			if c > 0 && t.Columns[c-1].Kind == "change" {
				t.Columns[c].Kind = "pct_change"
			}
		}
	}
	// a column whose first figure is printed as a percentage and none with
	// a currency sign, in a table that states no money unit, holds
	// percentages ("Sales 100.0 %", then "Gross profit 50.9" in a table
	// of shares of sales)
	for c := range t.Columns {
		if t.Columns[c].Kind != "" || t.Unit != "" || strings.ContainsAny(t.Columns[c].Header, "$€£¥") {
			continue // a table in thousands of dollars holds amounts
		}
		first, n, money := Cell{}, 0, false
		for _, r := range g.rows {
			if c >= len(r.cells) || strings.TrimSpace(r.cells[c]) == "" {
				continue
			}
			cell := parseCell(r.cells[c])
			if !cell.Ok {
				continue
			}
			if n == 0 {
				first = cell
			}
			n++
			money = money || strings.ContainsAny(r.cells[c], "$€£¥")
		}
		if n >= 2 && first.Pct && !money {
			t.Columns[c].Kind = "percent"
		}
	}
	columnUnits(&t, g)
	// a year column beside dated columns of the same length ends on their
	// day: "Fiscal years ended July 31, 2019 | 2018" is July 31, 2018
	dateYearColumns(t.Columns)
	// a change column refers to the period of the value column before it
	changePeriods(t.Columns)

	// rows with sections
	type sec struct {
		indent int
		text   string
	}
	var stack []sec
	facts := make([]Fact, 0, filledCells(g.rows)) // one copy of the facts, not one per row and doubling
	cols := newColumnFacts(t.Columns)
	for ri, gr := range g.rows {
		label := cleanLabel(gr.label)
		label, glued := stripLabelMark(label)
		if !gr.hasValues() {
			for len(stack) > 0 && stack[len(stack)-1].indent >= gr.indent {
				stack = stack[:len(stack)-1]
			}
			if label != "" {
				stack = append(stack, sec{gr.indent, label})
			}
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].indent > gr.indent {
			stack = stack[:len(stack)-1]
		}
		var path []string
		for _, s := range stack {
			path = append(path, s.text)
		}
		if label == "" && len(path) > 0 {
			label = "Total " + strings.TrimRight(path[len(path)-1], ":- ")
		}
		row := Row{Label: label, Section: path, Line: gr.line, EndLine: gr.end, Marks: rowMarks(gr)}
		for _, k := range glued {
			if !slices.Contains(row.Marks, k) {
				row.Marks = append(row.Marks, k)
			}
		}
		row.Cells = make([]Cell, len(gr.cells))
		for c, txt := range gr.cells {
			row.Cells[c] = parseCell(txt)
		}
		t.Rows = append(t.Rows, row)
		facts = appendRowFacts(facts, &t, cols, ti, len(t.Rows)-1, balance, tableAdjusted)
		// a total row closes the section it totals
		if len(stack) > 0 && strings.HasPrefix(strings.ToLower(label), "total") {
			top := vocab.Normalize(stack[len(stack)-1].text)
			if top != "" && (strings.Contains(vocab.Normalize(label), top) || totalNames(label, top)) {
				stack = stack[:len(stack)-1]
			}
		}
		_ = ri
	}
	shareRowsBetween(&t, facts, 0)
	namesByRows(&t, ti, facts)
	return t, facts
}

// Where a table fact's entity came from its row's label (Fact.byLabel).
const (
	labelUnderHeading = 1 // a row under a heading that names the metric ("Americas" under "REVENUES")
	labelUnderColumn  = 2 // a row of a column that names the metric ("APAC" under "Net Sales")
)

// namesByRows takes back the entities table ti's facts took from one-word
// row labels whose neighbours under the same heading are mostly not
// names: such a label is a line item ("Selling" beside "General and
// administrative" under "OPERATING EXPENSES"), and under a heading its
// figure is a part of the heading's metric, not the metric of an entity.
// A label alone under its heading keeps its name.
func namesByRows(t *Table, ti int, facts []Fact) {
	var count map[string][2]int // by heading: rows named, rows not
	for i := range facts {
		f := &facts[i]
		if f.TableIndex != ti || f.byLabel == 0 || len(strings.Fields(t.Rows[f.RowIndex].Label)) > 1 {
			continue
		}
		if count == nil {
			count = headingNames(t)
		}
		c := count[strings.Join(t.Rows[f.RowIndex].Section, "\x00")]
		named, items := c[0], c[1]
		if !isRemainderLabel(t.Rows[f.RowIndex].Label) {
			named-- // the row itself, a name
		}
		if named >= items {
			continue
		}
		f.Entity = ""
		if f.byLabel == labelUnderHeading {
			f.Key = ""
		}
		f.byLabel = 0
	}
}

// dateYearColumns gives a year column the month and day of the first
// dated column of the same kind and length ("Fiscal years ended July 31,
// 2019 | 2018": July 31, 2018). The first dated column of each kind and
// length is found once: the year columns never are dated columns, so
// dating them changes no answer.
func dateYearColumns(cols []Column) {
	type length struct {
		kind   period.PeriodKind
		months int
	}
	first := map[length]int{}
	for i, o := range cols {
		if o.Kind == "" && !o.Period.Year && o.Period.End.M > 0 && o.Period.End.D > 0 {
			if _, ok := first[length{o.Period.Kind, o.Period.Months}]; !ok {
				first[length{o.Period.Kind, o.Period.Months}] = i
			}
		}
	}
	for c := range cols {
		p := &cols[c].Period
		if !p.Year || cols[c].Kind != "" {
			continue
		}
		oi, ok := first[length{p.Kind, p.Months}]
		if !ok {
			continue
		}
		o := cols[oi]
		y := p.End.Y
		if y == 0 {
			y = p.FY
		}
		p.End = period.Date{Y: y, M: o.Period.End.M, D: o.Period.End.D}
		if o.Period.FY != 0 {
			p.FY, p.FQ = o.Period.FY-(o.Period.End.Y-y), o.Period.FQ
		}
	}
}

// changePeriods gives a change column with no period of its own the
// period of the value column before it: the first of that column's group
// (the current year; shares of a total between them are not value
// columns). Columns are read once, left to right, keeping the last value
// column and its group's first.
func changePeriods(cols []Column) {
	prev, start := -1, -1
	for c := range cols {
		switch cols[c].Kind {
		case "":
			prev, start = c, -1
		case "pct_change", "change":
			if prev < 0 || !cols[c].Period.End.IsZero() {
				continue
			}
			if start < 0 {
				start = groupStart(cols, prev)
			}
			p := cols[start].Period
			p.Label = cols[c].Header
			cols[c].Period = p
		}
	}
}

// groupStart is the first value column of the group that value column k
// ends: the columns left of it of the same length and no earlier year,
// skipping share columns.
func groupStart(cols []Column, k int) int {
	j := k
	for {
		i := j - 1
		for i >= 0 && cols[i].Kind == "percent" {
			i--
		}
		if i < 0 || cols[i].Kind != "" || cols[i].Period.Months != cols[k].Period.Months || cols[i].Period.End.Y < cols[k].Period.End.Y {
			return j
		}
		j = i
	}
}

// startsWithShares reports a label that begins with a name of the share
// count metric ("Weighted average number of shares used in …").
func startsWithShares(label string) bool {
	sp := vocab.Default().FindMetrics(vocab.Tokens(label))
	return len(sp) > 0 && sp[0].Start == 0 && sp[0].Metric != nil && sp[0].Metric.Key == "shares"
}

// totalNames reports a total row whose other words all name the section
// (normalized): "Total deferred" totals "Deferred tax expense (benefit)",
// "Total current" "Current provision for income taxes".
func totalNames(label, section string) bool {
	ws := strings.Fields(vocab.Normalize(label))
	if len(ws) < 2 || ws[0] != "total" {
		return false
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(section) {
		in[w] = true
	}
	for _, w := range ws[1:] {
		if !in[w] {
			return false
		}
	}
	return true
}

// rowMarks are the footnote marks after a row's label: superscripts the
// HTML reader kept apart, or marks printed in the label ("Net sales (1)").
func rowMarks(gr gridRow) []string {
	marks := append([]string{}, gr.marks...)
	if m := reFootnote.FindString(strings.TrimRight(gr.label, " :")); m != "" {
		for _, p := range reNoteMark.FindAllString(m, -1) {
			if k := noteMark(p); k != "" && !slices.Contains(marks, k) {
				marks = append(marks, k)
			}
		}
	}
	return marks
}

var reNoteMark = lazy.NewRegexp(`\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|\[\d+\]|\*+|†|‡`)

// noteMark is a footnote mark without its brackets ("(1)" → "1", "¹" →
// "1"), or "" when s is not one.
func noteMark(s string) string {
	s = superDigits.Replace(strings.Trim(strings.TrimSpace(s), "()[]. "))
	if reMarkText.MatchString(s) {
		return s
	}
	return ""
}

// noteMarks reads a superscript that may list several marks ("3,4"):
// every mark of it, or nil when some part is not one.
func noteMarks(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		m := noteMark(part)
		if m == "" {
			return nil
		}
		out = append(out, m)
	}
	return out
}

var superDigits = strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9")

var reMarkText = lazy.NewRegexp(`^(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4}|\*{1,3}|†|‡)$`)

// cleanLabel trims footnote markers, trailing colons and dashes, and folds space.
func cleanLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for {
		n := s
		if mayFootnote(s) {
			n = reFootnote.ReplaceAllString(s, "")
		}
		n = strings.TrimRight(n, " :-–—.")
		n = strings.TrimLeft(n, " -–—")
		if n == s {
			break
		}
		s = n
	}
	return s
}

var reOfThing = lazy.NewRegexp(`(?:thousands|millions|billions)\s+of\s+([a-z][a-z-]+)`)

var moneyWord = map[string]bool{"dollars": true, "us": true, "u": true, "usd": true, "euros": true, "the": true, "shares": true}

// parseScale reads a unit line: "(in thousands, except per share data)".
func parseScale(unit string) Scale {
	u := strings.ToLower(unit)
	var s Scale
	// the first scale word is the money's ("In millions, except number of
	// shares, which are reflected in thousands")
	if m := reScaleWord.FindStringSubmatch(u); m != nil {
		s.Money = scaleOf(m[1])
	} else if m := reCodeScale.FindStringSubmatch(u); m != nil {
		s.Money = 6 // "USDm", "DKK bn"
		if m[1] == "bn" {
			s.Money = 9
		}
	} else if reMillionsSign.MatchString(u) {
		s.Money = 6 // "2019 €m", "$M"
	}
	s.Shares = s.Money
	if reExceptShare.MatchString(u) ||
		strings.Contains(u, "share and per share") || strings.Contains(u, "shares and per share") {
		s.Shares = 0
	}
	if m := reSharesIn.FindStringSubmatch(u); m != nil {
		s.Shares = scaleOf(m[1])
	}
	// "(In Millions of KWHs)": the table counts something other than money
	if m := reOfThing.FindStringSubmatch(u); m != nil && !moneyWord[m[1]] {
		s.Thing = strings.TrimSuffix(m[1], "s")
		if strings.HasPrefix(s.Thing, "kwh") || strings.HasPrefix(s.Thing, "kilowatt") {
			s.Thing = "kWh"
		}
	}
	return s
}

var (
	reAudited      = lazy.NewRegexp(`(?i)\(?\b(un)?audited\b\)?`)
	reExceptShare  = lazy.NewRegexp(`except\s+(for\s+)?(share|number of shares|shares|per\s+share\s+(data|amounts)?\s*(and|,)\s+share)`)
	reSharesIn     = lazy.NewRegexp(`shares(?:[^()]*?(?:reflected|stated|presented|expressed|shown))?\s+in\s+(thousands|millions|billions)`)
	reMillionsSign = lazy.NewRegexp(`(?i)[£$€]\s?m\b|\bus\$\s?m\b|\(\$?m\)`)
	reScaleWord    = lazy.NewRegexp(`(thousand|million|billion|000)`)
	reCodeScale    = lazy.NewRegexp(currencyCodes + `\s?(m|mn|bn)\b`)
)

func scaleOf(w string) int32 {
	switch {
	case strings.HasPrefix(w, "thousand"), w == "000":
		return 3
	case strings.HasPrefix(w, "million"):
		return 6
	case strings.HasPrefix(w, "billion"):
		return 9
	}
	return 0
}

// columnPeriod reads a column header into a period. balance says the table
// is a balance sheet, so a bare date is an instant.
func columnPeriod(hdr string, balance bool, title string) period.Period {
	if m := reYearOrdinal.FindStringSubmatch(strings.TrimSpace(hdr)); m != nil && !balance {
		// "2019" over "First" … "Fourth": the year's quarters
		year, ord := m[1], m[2]
		if year == "" {
			year, ord = m[4], m[3]
		}
		p := columnPeriod(ord+" quarter "+year, false, "")
		p.Label = strings.Join(strings.Fields(hdr), " ")
		return p
	}
	clean := reAudited.ReplaceAllString(hdr, " ")
	ms := period.ScanPeriods(clean)
	if !hasDuration(ms) && !hasInstant(ms) {
		// "2004" under a title "For the 13 Weeks Ended July 3, 2004 and June 28, 2003";
		// a header that says "As of December 31, 2021" is a balance whatever
		// the title ("Full Year and Fourth Quarter 2021 Earnings Results")
		if tm := period.ScanPeriods(title); hasDuration(tm) || hasDate(tm) {
			ms = append(tm, ms...)
		}
	}
	var p period.Period
	var years []int
	var dated []period.Period
	for _, m := range ms {
		if m.YearOnly && m.Period.End.IsZero() && m.Period.Months == 0 {
			years = append(years, m.Period.FY)
			continue
		}
		if !m.Period.End.IsZero() {
			dated = append(dated, m.Period)
		}
		if p.Kind == period.Unknown && m.Period.Kind != period.Unknown {
			p.Kind = m.Period.Kind
		}
		if p.Months == 0 {
			p.Months, p.Weeks = m.Period.Months, m.Period.Weeks
		}
		if p.FQ == 0 {
			p.FQ = m.Period.FQ
		}
		if p.FY == 0 && m.Period.FY != 0 {
			p.FY = m.Period.FY
		}
	}
	// the column's own year, printed last ("For the 13 Weeks Ended July 3, 2004 and June 28, 2003 / 2004")
	own := 0
	if len(years) > 0 {
		own = years[len(years)-1]
	}
	switch {
	case len(dated) == 1:
		p.End = dated[0].End
	case len(dated) > 1:
		p.End = dated[0].End
		for _, d := range dated {
			if d.End.Y == own {
				p.End = d.End
			}
		}
	}
	if own != 0 {
		switch {
		case p.End.IsZero():
			p.End = period.Date{Y: own}
			p.Year = len(dated) == 0 && p.Months == 0
		case p.End.Y != own && len(dated) <= 1:
			// "3 Months Ended December" + "2004": the month is shared, the year is the column's
			p.End.Y = own
		}
	}
	if p.End.IsZero() && p.FY == 0 {
		return p
	}
	if p.Kind == period.Unknown {
		switch {
		case balance:
			p.Kind = period.Instant
		case p.Months > 0:
			p.Kind = period.Duration
		case p.End.D > 0 && titleMonths(title) == 0:
			// a full date with no length anywhere: a balance at that date
			p.Kind = period.Instant
		default:
			p.Kind = period.Duration
			// a year column in a statement of operations is a year
			if p.End.M == 0 {
				p.Months = 12
			} else if mo := titleMonths(title); mo > 0 {
				p.Months = mo
			}
		}
	}
	if p.Kind == period.Instant {
		p.Months, p.Weeks = 0, 0
	}
	p.Label = strings.Join(strings.Fields(hdr), " ")
	return p
}

// reEndBalance and reStartBalance head the closing and opening balance
// columns of a roll-forward.
var (
	reEndBalance   = lazy.NewRegexp(`(?i)\b(?:balance\s+at\s+(?:the\s+)?end|end(?:ing)?\s+balance|closing\s+balance|balance\s*,?\s+end)\b`)
	reStartBalance = lazy.NewRegexp(`(?i)\b(?:balance\s+at\s+(?:the\s+)?beginning|beginning\s+balance|opening\s+balance|balance\s*,?\s+beginning)\b`)
)

// reYearOrdinal is a column header that is a year and a quarter's ordinal
// ("2019 First", "Fourth 2018"), the header of a table of quarters.
var reYearOrdinal = lazy.NewRegexp(`(?i)^(?:(?:fiscal\s+)?((?:19|20)\d\d)\s+(first|second|third|fourth)|(first|second|third|fourth)\s+(?:fiscal\s+)?((?:19|20)\d\d))$`)

func hasDuration(ms []period.Mention) bool {
	for _, m := range ms {
		if m.Period.Months > 0 {
			return true
		}
	}
	return false
}

func hasInstant(ms []period.Mention) bool {
	for _, m := range ms {
		if m.Period.Kind == period.Instant {
			return true
		}
	}
	return false
}

func hasDate(ms []period.Mention) bool {
	for _, m := range ms {
		if m.Period.End.D > 0 {
			return true
		}
	}
	return false
}

// datedLine returns the first title line that names a dated period
// ("For the Three Months Ended March 31, 2022", "At December 31, 2021"), or "".
func datedLine(title []string) string {
	for _, l := range title {
		for _, m := range period.ScanPeriods(l) {
			if m.Period.End.Y != 0 && m.Period.End.M != 0 {
				return l
			}
		}
	}
	return ""
}

// titleMonths finds a period length in a table title ("Three Months Ended …").
func titleMonths(title string) int {
	for _, m := range period.ScanPeriods(title) {
		if m.Period.Months > 0 {
			return m.Period.Months
		}
	}
	return 0
}

var reHeaderNoise = lazy.NewRegexp(`(?i)\b(for|the|three|six|nine|twelve|months?|weeks?|quarters?|years?|ended|ending|fiscal|unaudited|audited|change|percent|increase|decrease|as|of|and|reported|amounts?|in|millions|thousands|billions|except|per|share|data|first|second|third|fourth|full|q[1-4]|fy|vs\.?|versus|to|gaap|non-gaap|adjusted|total|dollars|chg|var|variance|\d+)\b|[$%(),.\-–—/]`)

// spanRight restores the spans of group headings that lost them: a heading
// over a blank cell whose neighbour below is filled on both sides covers
// it ("Revenues" over "2019 | 2018", "Income from operations" over the next
// "2019 | 2018").
func spanRight(header [][]string, ncols int) {
	for hi := 0; hi+1 < len(header); hi++ {
		up, low := header[hi], header[hi+1]
		filled := 0
		for c := 0; c < ncols && c < len(low); c++ {
			if strings.TrimSpace(low[c]) != "" {
				filled++
			}
		}
		if filled < 2 {
			continue
		}
		spanGroups(up, low, ncols)
		orig := append([]string(nil), up...)
		start := 0 // where the run of equal headings that ends at c-1 starts
		for c := 1; c < ncols && c < len(up) && c < len(low); c++ {
			if spansLost(up, low, c) && strings.TrimSpace(orig[start]) != "" && (start+1 >= len(orig) || orig[start+1] != orig[start]) {
				// only a heading printed over one column lost its span; one
				// that spans two or more still has it
				up[c] = up[c-1]
			}
			if up[c] != up[c-1] {
				start = c
			}
		}
	}
}

// spanGroups restores the spans of headings over repeated groups of
// columns: "Fiscal Year 2019 | (blank) | Fiscal Year 2018 | (blank)" over
// "Net Sales | % of Total | Net Sales | % of Total". A heading followed by
// blanks covers them when the filled sub-headings under it are printed
// again, in the same order, under another heading of the row.
func spanGroups(up, low []string, ncols int) {
	n := min(ncols, len(up), len(low))
	var starts []int
	for c := 0; c < n; c++ {
		if strings.TrimSpace(up[c]) != "" {
			starts = append(starts, c)
		}
	}
	if len(starts) < 2 {
		return
	}
	for i, s := range starts {
		e := n
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		if e-s < 2 || !filledRun(low[s:e]) {
			continue
		}
		for j, o := range starts {
			if j != i && o+e-s <= n && slices.EqualFunc(low[s:e], low[o:o+e-s], strings.EqualFold) {
				for c := s + 1; c < e; c++ {
					up[c] = up[s]
				}
				break
			}
		}
	}
}

// filledRun reports cells that all hold text.
func filledRun(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) == "" {
			return false
		}
	}
	return true
}

// spansLost reports a blank heading at column c of header row up, right of
// a heading, over a run of periods in the row below ("2019 | 2018"), the
// shape of a group whose heading may have lost its span.
func spansLost(up, low []string, c int) bool {
	return strings.TrimSpace(up[c]) == "" && strings.TrimSpace(up[c-1]) != "" &&
		strings.TrimSpace(low[c]) != "" && strings.TrimSpace(low[c-1]) != "" && low[c] != low[c-1] &&
		len(period.ScanPeriods(low[c])) > 0 && len(period.ScanPeriods(low[c-1])) > 0
}

// rePeriodHeading is a heading that names when without a year: "October 31,",
// "As of December 31,", "Years Ended June 30,".
var rePeriodHeading = lazy.NewRegexp(`(?i)^(?:as\s+(?:of|at)\s+|at\s+|(?:fiscal\s+)?(?:years?|quarters?|(?:three|six|nine|twelve)\s+months?|\d{1,2}\s+weeks)\s+ended\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?$`)

// blankRow reports a header row with no text.
func blankRow(h []string) bool {
	for _, c := range h {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// spreadYears finds header rows whose one filled cell is a period ("Fiscal
// 2019", "As of March 29, 2019") over columns that name no year of their own ("First Quarter",
// "Second Quarter"): a heading that spanned them all before the table lost
// its column spans. It returns that text by header row, "" for the others.
func spreadYears(header [][]string, ncols int) []string {
	out := make([]string, len(header))
	for hi, h := range header {
		one, n := "", 0
		for c := 0; c < ncols && c < len(h); c++ {
			if strings.TrimSpace(h[c]) != "" {
				one = h[c]
				n++
			}
		}
		if n != 1 {
			continue
		}
		ms := period.ScanPeriods(one)
		if len(ms) != 1 || len(strings.Fields(one[:ms[0].Start]+" "+one[ms[0].End:])) > 3 || strings.ContainsAny(one[:ms[0].Start]+one[ms[0].End:], "0123456789") {
			// one period, alone or with a few words ("Fiscal 2019", "As of March 29, 2019")
			continue
		}
		// every other column must lack a year in every header row
		bare := 0
		for c := 0; c < ncols; c++ {
			yr := false
			for _, r := range header {
				if c < len(r) && r[c] != one && r[c] != "" {
					for _, m := range period.ScanPeriods(r[c]) {
						yr = yr || m.Period.FY != 0 || m.Period.End.Y != 0
					}
				}
			}
			if !yr {
				bare++
			}
		}
		if bare >= 2 {
			out[hi] = one
		}
	}
	return out
}

// reBarePercent is a column header of a percent sign alone: "%", "(%)".
var reBarePercent = lazy.NewRegexp(`^\s*\(?\s*%\s*\)?\s*$`)

// reSpacedYear is a year printed letter-spaced ("2 0 1 8"), as text
// taken from typeset pages sometimes is.
var reSpacedYear = lazy.NewRegexp(`\b([12]) ([09]) (\d) (\d)\b`)

// reCurrencyPrefix is a country mark before a currency sign ("U.S. $",
// "US$", "C$"): part of the currency, not a region the column is about.
var reCurrencyPrefix = lazy.NewRegexp(`\b(U\.\s?S\.|US|C|A|NZ|HK|S)\s?\$`)

// columnEntity finds a segment or region named in a column header
// ("Domestic", "Sears Canada"), after taking out the period words.
func columnEntity(hdr string) string {
	s := reCurrencyPrefix.ReplaceAllString(hdr, "$")
	s = blankUnits(s) // "RMB’Million", "US$’000" state the unit
	for _, m := range period.ScanPeriods(s) {
		s = s[:m.Start] + strings.Repeat(" ", m.End-m.Start) + s[m.End:]
	}
	s = reHeaderNoise.ReplaceAllString(s, " ")
	s = strings.Trim(strings.Join(strings.Fields(s), " "), "*†‡#:;,. ")
	for _, w := range strings.Fields(s) {
		monthy := period.Month(strings.ToLower(strings.TrimSuffix(w, "."))) > 0
		if monthy {
			return ""
		}
	}
	if s == "" || companyWords[strings.ToLower(s)] || !isEntityName(s) {
		return ""
	}
	return s
}

// cellStrip takes currency signs, separators and marks out of a cell.
var cellStrip = strings.NewReplacer("$", "", "€", "", "£", "", ",", "", "(", "", ")", "", "%", "", " ", "", "*", "")

// parseCell reads a table cell: "$ 30,023", "(6,728)", "(0.23)", "8.0%",
// "-13.0%", "--".
func parseCell(s string) Cell {
	c := Cell{Text: strings.TrimSpace(s)}
	t := strings.TrimSpace(s)
	if t == "" {
		return c
	}
	if reNil.MatchString(t) {
		c.Nil = true
		return c
	}
	neg := false
	if strings.Contains(t, "(") && strings.Contains(t, ")") || strings.HasPrefix(strings.TrimLeft(t, "$€£ "), "(") {
		neg = true
	}
	if strings.HasSuffix(t, "%") || strings.Contains(t, "%") {
		c.Pct = true
	}
	u := cellStrip.Replace(t)
	if strings.HasPrefix(u, "-") || strings.HasPrefix(u, "–") || strings.HasPrefix(u, "—") || strings.HasPrefix(u, "−") {
		neg = true
		u = strings.TrimLeft(u, "-–—−")
	}
	u = strings.TrimPrefix(u, "+")
	d, err := decimal.NewFromString(u)
	if err != nil {
		return c
	}
	if neg {
		d = d.Neg()
	}
	c.Value, c.Ok = d, true
	return c
}

// columnMetric is the vocabulary metric a column header names besides its
// period ("Fiscal Year 2018 Net Sales" is net sales), or "".
func columnMetric(hdr string) string {
	s := reAudited.ReplaceAllString(hdr, " ")
	s = blankUnits(s)
	for _, m := range period.ScanPeriods(s) {
		s = s[:m.Start] + strings.Repeat(" ", m.End-m.Start) + s[m.End:]
	}
	s = reColumnNoise.ReplaceAllString(s, " ")
	s = strings.TrimSpace(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return ""
	}
	if m := vocab.Default().MetricByName(s); m != nil {
		return m.Key
	}
	return ""
}

// reColumnNoise are the words of a column header around a metric's name.
var reColumnNoise = lazy.NewRegexp(`(?i)\b(for|the|three|six|nine|twelve|months?|weeks?|quarters?|years?|ended|ending|fiscal|unaudited|audited|as|of|reported|amounts?|in|millions|thousands|billions|full|fy)\b|[$(),.:]`)

// labelPeriod reads a row label that is a period and at most one other
// word ("2021", "Fiscal 2019", "Nonvested at January 1, 2017") as that
// period; rest is the other word.
func labelPeriod(label string) (p period.Period, rest string, ok bool) {
	l := strings.TrimSpace(strings.TrimRight(label, ":"))
	ms := period.ScanPeriods(l)
	if len(ms) != 1 {
		return period.Period{}, "", false
	}
	rest = strings.Join(strings.Fields(l[:ms[0].Start]+" "+l[ms[0].End:]), " ")
	if len(strings.Fields(rest)) > 1 {
		return period.Period{}, "", false
	}
	p = columnPeriod(l, false, "")
	return p, rest, !p.IsZero()
}

// headingNames counts, for each heading of t (its section path), the
// rows under it labelled with a name and those that are not, totals and
// remainders ("Other Products", "All other") aside: under a heading of
// mostly names the rows are a breakdown by segment, region or brand
// ("Americas", "EMEA", "Asia Pacific" under "REVENUES"; an adjustment such
// as "Elimination of inter-country sales" may end it), else a list of line
// items, where a one-word item is no name.
func headingNames(t *Table) map[string][2]int {
	out := map[string][2]int{}
	for i := range t.Rows {
		r := &t.Rows[i]
		if r.Label == "" || isTotalLabel(r.Label) || isRemainderLabel(r.Label) {
			continue
		}
		k := strings.Join(r.Section, "\x00")
		c := out[k]
		if isEntityName(r.Label) {
			c[0]++
		} else {
			c[1]++
		}
		out[k] = c
	}
	return out
}

// isRemainderLabel reports a row label that is the rest of a breakdown
// ("Other Products", "All other", "Corporate and other"): no name, in a
// breakdown by names too.
func isRemainderLabel(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(l, "other") || strings.HasPrefix(l, "all other") || strings.HasSuffix(l, " other")
}

// isTotalLabel reports a row label that is a total ("Total", "Total net sales").
func isTotalLabel(s string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "total")
}

// filledCells counts the cells of rows that hold text: at least as many
// as the facts they make.
func filledCells(rows []gridRow) int {
	n := 0
	for _, r := range rows {
		for _, c := range r.cells {
			if c != "" {
				n++
			}
		}
	}
	return n
}

// columnFacts remembers what appendRowFacts reads from a column's header
// alone, once per column instead of once per cell: matching the header
// of every column at every row was a tenth of reading a table.
type columnFacts struct {
	cols     []Column
	adjusted []int8   // 0 not known yet, 1 adjusted, -1 not
	metric   []string // columnMetric of the header, when metricOK
	metricOK []bool
}

func newColumnFacts(cols []Column) *columnFacts {
	return &columnFacts{cols: cols, adjusted: make([]int8, len(cols)), metric: make([]string, len(cols)), metricOK: make([]bool, len(cols))}
}

// isAdjusted is mayAdjusted(header) of column c.
func (cf *columnFacts) isAdjusted(c int) bool {
	if cf.adjusted[c] == 0 {
		cf.adjusted[c] = -1
		if mayAdjusted(cf.cols[c].Header) {
			cf.adjusted[c] = 1
		}
	}
	return cf.adjusted[c] > 0
}

// metricOf is columnMetric(header) of column c.
func (cf *columnFacts) metricOf(c int) string {
	if !cf.metricOK[c] {
		cf.metric[c], cf.metricOK[c] = columnMetric(cf.cols[c].Header), true
	}
	return cf.metric[c]
}

// appendRowFacts appends to facts a fact of every numeric cell of row ri
// of t; cols is t's columns' columnFacts.
func appendRowFacts(facts []Fact, t *Table, cols *columnFacts, ti, ri int, balance, adjusted bool) []Fact {
	row := &t.Rows[ri]
	v := vocab.Default()
	full := strings.Join(append(append([]string{}, row.Section...), row.Label), " ")
	key := metricKey(row.Label, row.Section)
	basis := ""
	lf := strings.ToLower(row.Label + " " + lastOf(row.Section))
	switch {
	case strings.Contains(lf, "diluted"):
		basis = "diluted"
	case strings.Contains(lf, "basic"):
		basis = "basic"
	}
	perShare := mayPerShare(full) || key == "eps" || key == "dividends_per_share" || key == "book_value_per_share"
	if lk := metricKey(row.Label, nil); lk != "" && !mayPerShare(row.Label) {
		// "Free cash flow" after a "Diluted net income per share" block is
		// money, whatever the block above it was about
		if m := v.Metric(lk); m != nil && m.Unit == USD {
			perShare = false
			if !strings.Contains(strings.ToLower(row.Label), "diluted") && !strings.Contains(strings.ToLower(row.Label), "basic") {
				basis = ""
			}
		}
	}
	if sec := lastOf(row.Section); startsWithShares(row.Label) || mayPerShare(sec) && startsWithShares(sec) {
		// "Weighted average number of shares used in earnings per share",
		// and "Basic earnings per share" under it: a count of shares,
		// whatever it is used in (but "Net income per basic share" under
		// "Weighted-average shares outstanding" is per share)
		perShare = false
		if key == "eps" {
			key = "shares"
		}
	}
	title := strings.Join(t.Title, " ")
	shareCount := !perShare && (key == "shares" || reShareCount.MatchString(row.Label) && (reAvgShares.MatchString(row.Label) || !reStockAmount.MatchString(row.Label)) ||
		reShareCount.MatchString(lastOf(row.Section)) && (basis != ""))
	if shareCount && (reCashFlowTitle.MatchString(title) || reCashFlowTitle.MatchString(strings.Join(row.Section, " "))) {
		// a statement of cash flows holds amounts of cash: "Common shares
		// repurchased (820)" is $820 million spent, not 820 million shares
		shareCount = false
	}
	pctLabel := rePctLabel.MatchString(row.Label)
	rs, rok := labelScale(row.Label) // "Gross profit (in thousands)"
	rowTime := timeUnit(row.Label)   // "Remaining Vesting Term (years)"
	// (a one-word label's case cannot tell a name from a line item: its
	// neighbours under the heading do, once the table is read: nameByRows)
	byName := isEntityName(row.Label) && !isTotalLabel(row.Label)
	rowAdjusted := adjusted || mayAdjusted(full)
	var dashes []int
	for ci, c := range row.Cells {
		if c.Nil {
			dashes = append(dashes, ci)
		}
	}
	for ci, c := range row.Cells {
		if !c.Ok {
			continue
		}
		col := t.Columns[ci]
		f := Fact{
			Metric: row.Label, Key: key, Section: row.Section, Table: title, Column: col.Header,
			Entity: col.Entity, Period: col.Period, Basis: basis, Source: "table", Printed: c.Text,
			Start: row.Line, End: row.EndLine, TableIndex: ti, RowIndex: ri, ColIndex: ci, Dashes: dashes,
			Adjusted: rowAdjusted || cols.isAdjusted(ci),
		}
		if lp, rest, ok := labelPeriod(row.Label); ok && col.Period.IsZero() && strings.TrimSpace(col.Header) != "" {
			// a table turned on its side: the row is the year, the column the figure
			// ("2021 | Operating Leases 138")
			f.Period, f.Metric, f.Column, f.rowPeriod = lp, strings.TrimSpace(col.Header), row.Label, true
			f.Key = metricKey(f.Metric, nil)
			if rest != "" {
				f.Metric = rest + ": " + f.Metric // "Nonvested: Number of Shares"
			}
		}
		if key == "" && f.Key == "" && len(row.Section) > 0 && byName {
			// a breakdown under a heading row: "Americas" under "REVENUES" is
			// the Americas' revenues
			if sk := metricKey(lastOf(row.Section), nil); sk != "" {
				f.Key = sk
				if f.Entity == "" {
					f.Entity = strings.TrimRight(row.Label, " -:")
					f.byLabel = labelUnderHeading
				}
			}
		}
		if key == "" && f.Key == "" {
			// a breakdown: "APAC" under "Fiscal Year 2018 Net Sales" is APAC's net sales
			if ck := cols.metricOf(ci); ck != "" {
				f.Key = ck
				if f.Entity == "" && byName {
					f.Entity = strings.TrimRight(row.Label, " -:")
					f.byLabel = labelUnderColumn
				}
			}
		}
		if f.Entity == "" {
			for k := len(row.Section) - 1; k >= 0; k-- {
				if isEntityName(row.Section[k]) && !companyWords[strings.ToLower(strings.TrimRight(row.Section[k], " -:"))] {
					f.Entity = strings.TrimRight(row.Section[k], " -:")
					break
				}
			}
		}
		val := c.Value
		sc := cellScale(t, rs, rok, ci)
		ps := perShare || col.perShare && !shareCount
		shares := shareCount || col.shares && !perShare && !strings.ContainsAny(c.Text, "$€£¥")
		tu := rowTime
		if tu == "" {
			tu = col.time
		}
		switch {
		case col.years && !c.Pct:
			f.Unit = Year
		case tu != "" && !c.Pct && !perShare:
			f.Unit = tu // "Remaining Vesting Term (years)": not an amount
		case col.Kind == "pct_change" || col.Kind == "change" && c.Pct:
			f.Unit, f.Change = Percent, "pct_change"
		case col.Kind == "percent" || c.Pct:
			f.Unit = Percent
		case col.Kind == "change":
			f.Change = "change"
			f.Unit, val = scaleValue(val, ps, shares, sc)
		case pctLabel && !ps && !strings.Contains(c.Text, "$"):
			f.Unit = Percent
		default:
			f.Unit, val = scaleValue(val, ps, shares, sc)
		}
		if f.Unit == USD && sc.Thing != "" {
			f.Unit = sc.Thing
		}
		f.Value = val
		if f.Unit == USD {
			f.Scale = sc.Money
			f.ScaleUnstated = !t.scaleStated && !rok && col.scale == nil
		} else if f.Unit == Shares {
			f.Scale = sc.Shares
		}
		if m := v.Metric(f.Key); m != nil && f.Change == "" && m.Unit != f.Unit {
			// "Gross margin" in dollars is gross profit
			if u := v.MetricForUnit(row.Label, f.Unit); u != nil {
				f.Key = u.Key
			}
		}
		facts = append(facts, f)
	}
	return facts
}

func scaleValue(d decimal.Decimal, perShare, shares bool, s Scale) (string, decimal.Decimal) {
	switch {
	case perShare:
		return PerShare, d
	case shares:
		return Shares, d.Shift(s.Shares)
	}
	return USD, d.Shift(s.Money)
}

func lastOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}

var reQualifierOnly = lazy.NewRegexp(`(?i)^\s*(total|basic|diluted|assuming dilution|as reported|reported|gaap|adjusted|non-gaap|basic and diluted|diluted and basic|per share|continuing operations|net)\s*$`)

var reQualifier = lazy.NewRegexp(`(?i)[\s,\-–—:]*\b(basic|diluted|assuming dilution|as reported|reported|gaap|adjusted|non-gaap)\b[\s,\-–—:]*`)

// qualifierNeedles: every match of reQualifier holds one of these, in
// some case.
var qualifierNeedles = []string{"basic", "diluted", "dilution", "reported", "gaap", "adjusted"}

// stripQualifiers is reQualifier.ReplaceAllString(s, " "), skipped where
// reQualifier cannot match: it ran twice over every row label.
func stripQualifiers(s string) string {
	if !textscan.FoldHas(s, qualifierNeedles...) {
		return s
	}
	return reQualifier.ReplaceAllString(s, " ")
}

// mayFootnote reports whether reFootnote can match s: every match ends
// the text, with white space after a ")", "]", "*", "†" or "‡".
func mayFootnote(s string) bool {
	t := strings.TrimRight(s, " \t\n\f\r")
	return strings.HasSuffix(t, ")") || strings.HasSuffix(t, "]") || strings.HasSuffix(t, "*") || strings.HasSuffix(t, "†") || strings.HasSuffix(t, "‡")
}

// metricKey finds the vocabulary metric a row label names: the label
// itself, the label without qualifiers ("- diluted"), or the section heading
// with the label ("NET INCOME (LOSS) PER SHARE:" + "Basic").
func metricKey(label string, section []string) string {
	v := vocab.Default()
	try := func(s string) string {
		if m := v.MetricByName(s); m != nil {
			return m.Key
		}
		return ""
	}
	if k := try(label); k != "" {
		return k
	}
	stripped := strings.TrimSpace(stripQualifiers(label))
	if k := try(stripped); k != "" {
		return k
	}
	if sec := lastOf(section); sec != "" {
		// "Basic" under "NET INCOME (LOSS) PER SHARE:" is that metric; "Other
		// liabilities" under "Current liabilities" is not
		if stripped == "" || reQualifierOnly.MatchString(label) {
			if k := try(sec); k != "" {
				return k
			}
			if k := try(stripQualifiers(sec)); k != "" {
				return k
			}
		}
	}
	// a label that starts with a metric name and adds a qualifier in parentheses
	if i := strings.Index(stripped, "("); i > 0 {
		if k := try(stripped[:i]); k != "" {
			return k
		}
	}
	// a name, then a qualifier after a dash or comma: "Net Income -
	// Excluding One-Time Items", "Net income, as reported"
	if head, ok := qualifiedHead(stripped); ok {
		if k := try(head); k != "" {
			return k
		}
	}
	// a name with an alternative inside it: "Provision for (recapture of)
	// credit losses", "Provision for (benefit from) income taxes"
	if !strings.Contains(stripped, "(") {
		return "" // reParenthetical finds nothing to take out
	}
	if inner := reParenthetical.ReplaceAllString(stripped, " "); inner != stripped {
		if k := try(strings.Join(strings.Fields(inner), " ")); k != "" {
			return k
		}
	}
	return ""
}

// reQualifiedHead splits a label at its first dash or comma between words.
var reQualifiedHead = lazy.NewRegexp(`^(.+?)\s*(?:\s[-–—]\s|,\s)\s*(.+)$`)

// qualifiedHead is the part of label before a dash or comma when the part
// after it opens with a qualifier of the vocabulary ("excluding", "as
// reported", "diluted").
func qualifiedHead(label string) (string, bool) {
	m := reQualifiedHead.FindStringSubmatch(label)
	if m == nil {
		return "", false
	}
	tail := strings.ToLower(m[2])
	for _, phs := range vocab.Default().Qualifiers {
		for _, ph := range phs {
			if tail == ph || strings.HasPrefix(tail, ph+" ") {
				return m[1], true
			}
		}
	}
	return "", false
}

// reParenthetical is a parenthesized insertion inside a label.
var reParenthetical = lazy.NewRegexp(`\s*\([^()]*\)\s*`)

package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/period"
)

// An HTML table is either a data table (a label column and columns of
// numbers) or a table used for layout (a single cell of paragraphs, a bullet
// glyph in one cell and its text in the next, footnotes). Data tables become
// grids; layout tables are read as paragraphs and bullets.
//
// Cells are first placed on a grid of logical columns (colspan, rowspan).
// Releases set "$", ")" and "%" in cells of their own and leave empty spacer
// columns, so a printed value may cover several logical columns: the value
// columns are found by joining the logical columns each value covers,
// across rows, without ever putting two values of one row in one column.

// hcell is a non-empty table cell placed on the logical grid.
type hcell struct {
	s, e   int      // logical columns [s, e)
	text   string   // folded text
	label  string   // text without trailing footnote superscripts
	marks  []string // those superscripts ("1", "a")
	bold   bool
	indent float64  // points
	marker bool     // only a footnote marker or bullet glyph
	lines  []string // the text split at line breaks and blocks
}

// hrow is a table row.
type hrow struct {
	node  *hnode
	cells []hcell // non-empty cells, left to right
}

// atom is a value in a row after "$", ")" and "%" cells are joined to
// their number.
type atom struct {
	row, s, e int
	text      string
	num, nil  bool // a number; a nil marker ("—", "n/a")
	comp      int  // value column (index into comps) once known
}

// table reads a <table> element: a data table becomes a table unit, any
// other table is read for its paragraphs.
func (f *flow) table(n *hnode, st hstyle) {
	rows := tableRows(n, st)
	if a := analyzeTable(rows); a != nil {
		f.units = append(f.units, a.unit(f.base))
		return
	}
	f.layoutTable(n, rows, st)
}

// tableRows collects the rows of table n (not of nested tables) with their
// cells placed on logical columns.
func tableRows(n *hnode, st hstyle) []hrow {
	var trs []*hnode
	var collect func(*hnode)
	collect = func(m *hnode) {
		for _, c := range m.kids {
			switch {
			case c.tag == "" || c.hidden:
			case c.tag == "tr":
				trs = append(trs, c)
			case c.tag == "tbody" || c.tag == "thead" || c.tag == "tfoot" || c.tag == "form":
				collect(c)
			}
		}
	}
	collect(n)
	var rows []hrow
	var span []int // rows still taken below, by logical column
	for _, tr := range trs {
		rst := st.apply(tr)
		row := hrow{node: tr, cells: make([]hcell, 0, len(tr.kids))}
		col := 0
		for _, td := range tr.kids {
			if td.tag != "td" && td.tag != "th" || td.hidden {
				continue
			}
			for col < len(span) && span[col] > 0 {
				col++
			}
			cs, rs := max(td.colspan, 1), max(td.rowspan, 1)
			for len(span) < col+cs {
				span = append(span, 0)
			}
			for k := col; k < col+cs; k++ {
				span[k] = rs
			}
			if c, ok := readCell(td, rst.apply(td)); ok {
				c.s, c.e = col, col+cs
				row.cells = append(row.cells, c)
			}
			col += cs
		}
		for k := range span {
			if span[k] > 0 {
				span[k]--
			}
		}
		rows = append(rows, row)
	}
	return rows
}

var reMarker = lazy.NewRegexp(`^(?:[•·●▪■◦‣○◾◽◼□⁃∙➢➤►▸▶✓✔❖◆◇§*†‡o\-–—]|\(?\d{1,2}\)?\.?|\(?[a-zA-Z]\)|\(?[ivx]{1,4}\)|\[\d{1,2}\])$`)

// readCell reads a cell's text, label text, boldness and indentation.
func readCell(td *hnode, st hstyle) (hcell, bool) {
	var segs []seg
	indent := leftIndent(td.style)
	gotIndent, pad := false, 0
	var walk func(*hnode, hstyle)
	walk = func(m *hnode, st hstyle) {
		for _, c := range m.kids {
			switch {
			case c.tag == "":
				segs = append(segs, seg{text: c.text, bold: st.bold, sup: st.sup})
				if !gotIndent {
					// &nbsp; before the label, in its text or in inline
					// nodes of its own (not in a spacer paragraph above it)
					pad += leadingPad(c.text)
					if strings.TrimSpace(strings.Map(spaceMap, c.text)) != "" {
						gotIndent = true
						indent += 3 * float64(pad)
					}
				}
			case c.hidden || skipTags[c.tag]:
			case c.tag == "br" || blockTags[c.tag] || c.tag == "table":
				segs = append(segs, seg{text: "\n"})
				pad = 0
				if !gotIndent && !isBlankNode(c) {
					indent += leftIndent(c.style)
				}
				walk(c, st.apply(c))
				segs = append(segs, seg{text: "\n"})
			default:
				if !gotIndent {
					indent += leftIndent(c.style)
				}
				walk(c, st.apply(c))
			}
		}
	}
	walk(td, st)
	text := foldSegs(segs)
	if text == "" {
		return hcell{}, false
	}
	// the label leaves out trailing footnote superscripts ("Net sales¹")
	k := len(segs)
	for k > 0 && (strings.TrimSpace(segs[k-1].text) == "" || segs[k-1].sup && (reMarker.MatchString(foldSpace(segs[k-1].text)) || noteMarks(foldSpace(segs[k-1].text)) != nil)) {
		k--
	}
	label := foldSegs(segs[:k])
	var marks []string
	for _, sg := range segs[k:] {
		if sg.sup {
			marks = append(marks, noteMarks(sg.text)...)
		}
	}
	if label == "" {
		label, marks = text, nil
	}
	bold, n := true, 0
	for _, s := range segs {
		if strings.TrimSpace(s.text) != "" && !s.sup {
			n++
			bold = bold && s.bold
		}
	}
	var lines []string
	var all strings.Builder
	for _, s := range segs {
		all.WriteString(s.text)
	}
	for _, l := range strings.Split(all.String(), "\n") {
		if t := foldSpace(l); t != "" {
			lines = append(lines, t)
		}
	}
	return hcell{text: text, label: label, marks: marks, bold: bold && n > 0, indent: indent, marker: reMarker.MatchString(text), lines: lines}, true
}

// isBlankNode reports an element with no visible text (a spacer paragraph).
func isBlankNode(n *hnode) bool {
	if n.tag == "" {
		return strings.TrimSpace(strings.Map(spaceMap, n.text)) == ""
	}
	for _, c := range n.kids {
		if !isBlankNode(c) {
			return false
		}
	}
	return true
}

// leadingPad counts the spaces and no-break spaces that start s after the
// first line break (indentation written with &nbsp;).
func leadingPad(s string) int {
	s = strings.TrimLeft(s, "\r\n")
	n := 0
	for _, r := range s {
		switch r {
		case '\u00a0', '\u2002', '\u2003', '\u2007':
			n++
		case ' ', '\t', '\n', '\r':
		default:
			return n
		}
	}
	return n
}

// ---- layout tables ----

// layoutTable reads a table that is not a data table: a row with one cell
// is read as the cell's paragraphs; a marker cell (bullet glyph, footnote
// number) and its text make one bullet or paragraph; a row of short cells
// reads as one line.
func (f *flow) layoutTable(n *hnode, rows []hrow, st hstyle) {
	for _, r := range rows {
		tds := cellNodes(r.node)
		switch {
		case len(r.cells) == 0:
			continue
		case len(r.cells) == 1 || hasNestedTable(r.node) || !r.cells[0].marker && !oneLineCells(r.cells):
			for _, td := range tds {
				cst := st.apply(r.node).apply(td)
				f.blocks = append(f.blocks, td)
				f.walk(td, cst)
				f.flush(td)
				f.blocks = f.blocks[:len(f.blocks)-1]
			}
		case r.cells[0].marker:
			var parts []string
			for _, c := range r.cells[1:] {
				parts = append(parts, c.text)
			}
			text := strings.Join(parts, " ")
			u := unit{kind: bPara, text: text}
			lt := r.cells[0].text + " " + text
			if isBulletGlyph(r.cells[0].text) {
				u.kind = bBullet
				lt = "• " + text
			} else {
				u.text = lt
			}
			u.lines = []Line{{Text: lt, Start: f.base + r.node.start, End: f.base + r.node.end}}
			f.units = append(f.units, u)
		default:
			var parts []string
			for _, c := range r.cells {
				parts = append(parts, c.text)
			}
			text := strings.Join(parts, " ")
			u := unit{kind: bPara, text: text, lines: []Line{{Text: strings.Join(parts, "  "), Start: f.base + r.node.start, End: f.base + r.node.end}}}
			if isHeadingText(text) && len(r.cells) <= 2 && allBoldCells(r.cells) {
				u.kind = bHeading
			}
			f.units = append(f.units, u)
		}
	}
}

func cellNodes(tr *hnode) []*hnode {
	var out []*hnode
	for _, c := range tr.kids {
		if (c.tag == "td" || c.tag == "th") && !c.hidden {
			out = append(out, c)
		}
	}
	return out
}

func hasNestedTable(n *hnode) bool {
	for _, c := range n.kids {
		if c.tag == "table" || c.tag != "" && hasNestedTable(c) {
			return true
		}
	}
	return false
}

// bulletGlyphs are the characters releases set before list items.
const bulletGlyphs = "•·●▪■◦‣○◾◽◼□⁃∙➢➤►▸▶✓✔❖◆◇§-–—*o"

func isBulletGlyph(s string) bool {
	return strings.ContainsAny(s, bulletGlyphs) && utf8.RuneCountInString(s) == 1
}

// oneLineCells reports cells that each hold a single line of text.
func oneLineCells(cs []hcell) bool {
	for _, c := range cs {
		if len(c.lines) > 1 {
			return false
		}
	}
	return true
}

func allBoldCells(cs []hcell) bool {
	for _, c := range cs {
		if !c.bold {
			return false
		}
	}
	return true
}

// ---- data tables ----

// tableAnalysis is a data table: its rows, value columns and grid.
type tableAnalysis struct {
	rows      []hrow
	atoms     [][]atom // by row: values at or right of the label columns
	labelEnd  int      // logical columns [0, labelEnd) hold labels
	bodyStart int      // index of the first body row
	comps     []comp   // value columns, left to right (text-only ones included)
	minLabel  int      // leftmost column where body labels start
	ids       []int    // 0 … len(comps)-1, for searches over all value columns
	first     *int     // firstComp, once known
}

// comp is a value column: a run of logical columns.
type comp struct {
	lo, hi   int // logical columns, inclusive
	numeric  bool
	footnote bool // footnote numbers set in a column of their own
	width    int  // widest text, for the view
	gridCol  int  // column in the grid, -1 for a text-only column
}

var (
	reYearCell  = lazy.NewRegexp(`^(?:FY\s*)?(?:19|20)\d\d[A-Za-z*]?$`)
	rePeriodish = lazy.NewRegexp(`(?i)\b(year|years|fiscal|quarter|months?|weeks?|ended|ending|as of|period|fy|q[1-4])\b`)
	openAffix   = set("$", "$(", "(", "€", "£", "¥", "US$", "($", "(€", "(£", "C$", "A$", "R$", "CHF", "$-", "$—")
	closeAffix  = set(")", "%", "%)", ")%", "%*", ")*", "x", "pts", "pts.", "bps", "pp")
)

// rowAtoms splits a row's cells into label cells and value atoms, joining
// currency signs and closing marks to their numbers. It returns the column
// where the values begin (the first value after a text cell), or -1.
func rowAtoms(ri int, r hrow, keepText bool) ([]atom, int) {
	out := make([]atom, 0, len(r.cells))
	valStart := -1
	seenText := false
	cells := r.cells
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		t := valueCellText(c)
		switch {
		case openAffix[t] && i+1 < len(cells) && isValueLike(valueCellText(cells[i+1])):
			nx := cells[i+1]
			out = append(out, atom{row: ri, s: c.s, e: nx.e, text: t + valueCellText(nx)})
			i++
		case closeAffix[t] && len(out) > 0 && out[len(out)-1].e <= c.s && (out[len(out)-1].num || out[len(out)-1].nil):
			a := &out[len(out)-1]
			a.e = c.e
			if t == "x" || strings.HasPrefix(t, "p") || t == "bps" {
				a.text += " " + t
			} else {
				a.text += t
			}
			continue
		case isValueLike(t):
			out = append(out, atom{row: ri, s: c.s, e: c.e, text: t})
		default:
			if len(out) == 0 && !keepText {
				seenText = true
				continue
			}
			out = append(out, atom{row: ri, s: c.s, e: c.e, text: t})
			continue
		}
		a := &out[len(out)-1]
		a.num = isNumberText(a.text) || isNumberText(strings.ReplaceAll(a.text, " ", ""))
		a.nil = !a.num && reNil.MatchString(strings.TrimRight(strings.TrimSpace(a.text), "%)"))
		if valStart < 0 && seenText {
			valStart = a.s
		}
	}
	return out, valStart
}

var reTrailMark = lazy.NewRegexp(`\s*(?:\([a-z]\)|[*†‡]+)$`)

// valueCellText is a cell's text as a value: without footnote
// superscripts, and without a trailing footnote letter after a number or a
// closing mark ("(8" + ")(a)").
func valueCellText(c hcell) string {
	t := c.label
	if isValueLike(t) || openAffix[t] || closeAffix[t] {
		return t
	}
	if s := reTrailMark.ReplaceAllString(t, ""); s != t && (isValueText(s) || closeAffix[s]) {
		return s
	}
	return t
}

// isValueLike reports a number or a nil marker, also with a percent sign
// or closing parenthesis ("—%").
func isValueLike(t string) bool {
	return isValueText(t) || t != "" && reNil.MatchString(strings.TrimRight(t, "%) "))
}

// isYearAtom reports a value that reads as a year column header ("2024").
func isYearAtom(a atom) bool { return reYearCell.MatchString(strings.TrimSpace(a.text)) }

// analyzeTable decides whether rows form a data table and, if so, finds its
// label columns, header rows and value columns. It returns nil for a layout
// table.
func analyzeTable(rows []hrow) *tableAnalysis {
	if len(rows) == 0 {
		return nil
	}
	a := &tableAnalysis{rows: rows, atoms: make([][]atom, len(rows)), bodyStart: -1}
	data, prose, realNum := 0, 0, false
	labelEnd := -1
	for ri, r := range rows {
		atoms, vs := rowAtoms(ri, r, false)
		a.atoms[ri] = atoms
		nNum, years := 0, 0
		for _, at := range atoms {
			if at.num {
				nNum++
				if isYearAtom(at) {
					years++
				}
			}
		}
		isData := nNum >= 1 && (vs >= 0 || nNum >= 2)
		long := false
		for _, c := range r.cells {
			if len(c.text) > 200 {
				long = true
			}
		}
		if long && !isData {
			prose++
		}
		if !isData {
			continue
		}
		data++
		label := rowLabelText(r, atoms)
		headerish := years == nNum && (label == "" || rePeriodish.MatchString(label) || isUnitLine(label))
		if !headerish {
			realNum = true
			if a.bodyStart < 0 {
				a.bodyStart = ri
			}
		}
		if a.bodyStart >= 0 && vs >= 0 && (labelEnd < 0 || vs < labelEnd) && !headerish {
			labelEnd = vs
		}
	}
	if data == 0 || !realNum || prose > data*2 {
		return nil
	}
	if labelEnd < 0 {
		labelEnd = 0
	}
	a.labelEnd = labelEnd
	a.minLabel = 1 << 30
	for ri := a.bodyStart; ri < len(rows); ri++ {
		if cs := rows[ri].cells; len(cs) > 0 && cs[0].s < labelEnd {
			a.minLabel = min(a.minLabel, cs[0].s)
		}
	}
	if a.minLabel == 1<<30 {
		a.minLabel = 0
	}
	// re-split rows at the label boundary
	for ri := range rows {
		a.atoms[ri] = splitAt(ri, rows[ri], labelEnd)
	}
	a.findComps()
	if len(a.comps) == 0 {
		return nil
	}
	for ri := 0; ri < a.bodyStart; ri++ {
		for k := range a.atoms[ri] {
			at := &a.atoms[ri][k]
			at.comp = a.nearestComp(at.s, at.e)
		}
	}
	if a.numericCols() == 0 {
		return nil
	}
	return a
}

// rowLabelText is the text of a row's cells left of its first value.
func rowLabelText(r hrow, atoms []atom) string {
	lim := 1 << 30
	if len(atoms) > 0 {
		lim = atoms[0].s
	}
	var parts []string
	for _, c := range r.cells {
		if c.s < lim {
			parts = append(parts, c.label)
		}
	}
	return strings.Join(parts, " ")
}

// splitAt reads a body row's values: the cells that start at or right of
// the label columns, with affixes joined.
func splitAt(ri int, r hrow, labelEnd int) []atom {
	// cells stand left to right: those at or right of labelEnd end the row
	k := sort.Search(len(r.cells), func(k int) bool { return r.cells[k].s >= labelEnd })
	atoms, _ := rowAtoms(ri, hrow{cells: r.cells[k:]}, true)
	return atoms
}

// findComps groups the logical columns of body values into value columns.
// Narrow values are placed first; a value that would put two values of one
// row into one column is placed afterwards by overlap.
func (a *tableAnalysis) findComps() {
	ncol := 0
	var all []*atom
	for ri := a.bodyStart; ri < len(a.rows); ri++ {
		for k := range a.atoms[ri] {
			at := &a.atoms[ri][k]
			all = append(all, at)
			ncol = max(ncol, at.e)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		wi, wj := all[i].e-all[i].s, all[j].e-all[j].s
		if wi != wj {
			return wi < wj
		}
		return all[i].s < all[j].s
	})
	uf := newUnionFind(ncol, len(a.rows))
	var deferred []*atom
	for _, at := range all {
		if !uf.join(at.s, at.e, at.row) {
			deferred = append(deferred, at)
		}
	}
	for _, at := range deferred {
		uf.place(at)
	}
	// value columns, left to right
	roots := map[int]int{}
	for c := 0; c < ncol; c++ {
		r := uf.find(c)
		if !uf.used[r] {
			continue
		}
		if _, ok := roots[r]; !ok {
			roots[r] = len(a.comps)
			a.comps = append(a.comps, comp{lo: c, hi: c, gridCol: -1})
		}
		cp := &a.comps[roots[r]]
		cp.hi = max(cp.hi, c)
	}
	for _, at := range all {
		if at.comp < 0 {
			at.comp = roots[uf.find(-at.comp-1)]
		} else {
			at.comp = roots[uf.find(at.s)]
		}
		if at.num || at.nil {
			a.comps[at.comp].numeric = true
		}
	}
	a.markFootnotes(all)
	g := 0
	for i := range a.comps {
		if a.comps[i].numeric && !a.comps[i].footnote && a.comps[i].lo >= a.labelEnd {
			a.comps[i].gridCol = g
			g++
		}
	}
}

var reFootRef = lazy.NewRegexp(`^(?:\d(?:,\d)*|[a-z])$`)

// markFootnotes finds value columns that hold only footnote numbers
// printed after the values of the column before them ("1,537  2").
func (a *tableAnalysis) markFootnotes(all []*atom) {
	byComp := map[int][]*atom{}
	valued := map[[2]int]bool{} // value column and row of each number or nil marker
	for _, at := range all {
		byComp[at.comp] = append(byComp[at.comp], at)
		if at.num || at.nil {
			valued[[2]int{at.comp, at.row}] = true
		}
	}
	rows := a.valueRows()
	for ci := 1; ci < len(a.comps); ci++ {
		ats := byComp[ci]
		if len(ats) == 0 || !a.comps[ci-1].numeric {
			continue
		}
		foot := true
		for _, at := range ats {
			if !reFootRef.MatchString(at.text) || !valued[[2]int{ci - 1, at.row}] {
				foot = false
				break
			}
		}
		if foot && len(ats)*2 < rows {
			a.comps[ci].footnote = true
		}
	}
}

// valueRows counts body rows with a value.
func (a *tableAnalysis) valueRows() int {
	n := 0
	for ri := a.bodyStart; ri < len(a.rows); ri++ {
		for _, at := range a.atoms[ri] {
			if at.num || at.nil {
				n++
				break
			}
		}
	}
	return n
}

// nearestComp is the value column that overlaps columns [s, e) most (the
// leftmost on a tie), or else the one nearest by centre.
func (a *tableAnalysis) nearestComp(s, e int) int {
	ids := a.compIDs()
	i, j := a.spanRange(ids, s, e)
	if i == j {
		return max(a.nearestByCentre(ids, s, e), 0)
	}
	best, bo := i, 0
	for k := i; k < j; k++ {
		cp := a.comps[k]
		if ov := min(e, cp.hi+1) - max(s, cp.lo); ov > bo {
			best, bo = k, ov
		}
	}
	return best
}

// compIDs is the index of every value column, left to right.
func (a *tableAnalysis) compIDs() []int {
	if len(a.ids) != len(a.comps) {
		a.ids = make([]int, len(a.comps))
		for i := range a.ids {
			a.ids[i] = i
		}
	}
	return a.ids
}

// spanRange returns the range [i, j) of ids (value columns, left to right)
// whose logical columns overlap columns [s, e). Value columns are disjoint
// runs of logical columns, so ordered by their first column they are
// ordered by their last, and those that overlap a run are consecutive:
// two binary searches find them.
func (a *tableAnalysis) spanRange(ids []int, s, e int) (int, int) {
	i := sort.Search(len(ids), func(k int) bool { return a.comps[ids[k]].hi >= s })
	j := i + sort.Search(len(ids)-i, func(k int) bool { return a.comps[ids[i+k]].lo >= e })
	return i, j
}

// nearestByCentre returns the index into ids (value columns, left to
// right) of the column whose centre is nearest the centre of columns
// [s, e), the leftmost on a tie, or -1 if ids is empty. Centres increase
// left to right, so the nearest is on one side or the other of the first
// centre at or right of [s, e)'s.
func (a *tableAnalysis) nearestByCentre(ids []int, s, e int) int {
	x := s + e // centres doubled, as lo+hi+1
	dist := func(k int) int { cp := a.comps[ids[k]]; return abs(cp.lo + cp.hi + 1 - x) }
	k := sort.Search(len(ids), func(k int) bool { cp := a.comps[ids[k]]; return cp.lo+cp.hi+1 >= x })
	switch {
	case k == len(ids):
		return k - 1
	case k > 0 && dist(k-1) <= dist(k):
		return k - 1
	}
	return k
}

func (a *tableAnalysis) numericCols() int {
	n := 0
	for _, c := range a.comps {
		if c.gridCol >= 0 {
			n++
		}
	}
	return n
}

// unionFind joins logical columns into value columns, keeping the set of
// rows that have a value in each.
type unionFind struct {
	parent []int
	rows   [][]uint64 // by root: bit set of rows
	used   []bool     // by root: holds a value
	words  int
}

func newUnionFind(ncol, nrows int) *unionFind {
	u := &unionFind{parent: make([]int, ncol), rows: make([][]uint64, ncol), used: make([]bool, ncol), words: (nrows + 63) / 64}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) has(r, row int) bool {
	return u.rows[r] != nil && u.rows[r][row/64]&(1<<(row%64)) != 0
}

// join puts columns [s, e) and row's value into one value column, unless
// that would give a row two values in one column.
func (u *unionFind) join(s, e, row int) bool {
	var roots []int
	for c := s; c < e; c++ {
		r := u.find(c)
		dup := false
		for _, x := range roots {
			dup = dup || x == r
		}
		if !dup {
			roots = append(roots, r)
		}
	}
	for i, r := range roots {
		if u.has(r, row) {
			return false
		}
		for _, q := range roots[i+1:] {
			if u.rows[r] != nil && u.rows[q] != nil {
				for w := range u.rows[r] {
					if u.rows[r][w]&u.rows[q][w] != 0 {
						return false
					}
				}
			}
		}
	}
	root := roots[0]
	for _, r := range roots[1:] {
		u.parent[r] = root
		if u.rows[r] != nil {
			if u.rows[root] == nil {
				u.rows[root] = make([]uint64, u.words)
			}
			for w := range u.rows[r] {
				u.rows[root][w] |= u.rows[r][w]
			}
		}
		u.used[root] = u.used[root] || u.used[r]
	}
	if u.rows[root] == nil {
		u.rows[root] = make([]uint64, u.words)
	}
	u.rows[root][row/64] |= 1 << (row % 64)
	u.used[root] = true
	return true
}

// place puts a value that spans several value columns into the one it
// overlaps most (the rightmost on a tie: numbers are set flush right). The
// chosen column is stored in at.comp as -(column+1) until columns are
// numbered.
func (u *unionFind) place(at *atom) {
	count := map[int]int{}
	best, bn := -1, 0
	for c := at.s; c < at.e; c++ {
		r := u.find(c)
		if !u.used[r] {
			continue
		}
		count[r]++
		if count[r] >= bn {
			best, bn = c, count[r]
		}
	}
	if best < 0 {
		u.join(at.s, at.e, at.row)
		best = at.s
	}
	at.comp = -best - 1
}

// ---- grid ----

// segment is a part of a data table with a header of its own. A table may
// hold several: a new header block in the middle ("Average Daily VaR" under
// the balance sheet), or section rows that name periods ("First Quarter
// 2022" … "First Quarter 2021") over the same columns.
type segment struct {
	title     []string
	titleRows []int
	heads     []int    // header rows
	extra     []string // a period row's text, a header over every column
	body      []int    // body rows
	cont      bool     // continues the segment above under another period
}

// unit builds the table unit: the view lines of its rows and the grids of
// its segments. Row line numbers are 0-based indexes into the unit's lines
// until assembly.
func (a *tableAnalysis) unit(base int) unit {
	u := unit{kind: bTable}
	labelW := 0
	for ri := a.bodyStart; ri < len(a.rows); ri++ {
		labelW = max(labelW, utf8.RuneCountInString(a.labelOf(ri)))
		for _, at := range a.atoms[ri] {
			cp := &a.comps[at.comp]
			cp.width = max(cp.width, utf8.RuneCountInString(at.text))
		}
	}
	labelW = min(labelW, 48)
	segs := a.segments()
	role := make([]int, len(a.rows)) // 0 body, 1 header, 2 title
	for _, sg := range segs {
		for _, ri := range sg.heads {
			role[ri] = 1
		}
		for _, ri := range sg.titleRows {
			role[ri] = 2
		}
	}
	lineOf := make([]int, len(a.rows))
	for ri, r := range a.rows {
		lineOf[ri] = -1
		if len(r.cells) == 0 {
			continue
		}
		line := Line{Start: base + r.node.start, End: base + r.node.end}
		switch {
		case role[ri] == 1:
			line.Text = a.renderHeader(ri, labelW)
		case role[ri] == 2 || len(r.cells) == 1 && r.cells[0].e > a.labelEnd:
			line.Text = r.cells[0].text
			for _, c := range r.cells[1:] {
				line.Text += "  " + c.text
			}
		default:
			line.Text = a.renderBody(ri, labelW)
		}
		lineOf[ri] = len(u.lines)
		u.lines = append(u.lines, line)
	}
	minLabelCol := 1 << 30
	for ri := a.bodyStart; ri < len(a.rows); ri++ {
		for _, c := range a.rows[ri].cells {
			if c.s < a.labelEnd {
				minLabelCol = min(minLabelCol, c.s)
				break
			}
		}
	}
	for _, sg := range segs {
		if g := a.buildGrid(sg, lineOf, minLabelCol); g != nil {
			u.grids = append(u.grids, g)
			u.cont = append(u.cont, sg.cont)
		}
	}
	return u
}

// gridUnit is the unit line of a grid's title or header, or "".
func gridUnit(g *grid) string {
	for _, t := range g.title {
		if isUnitLine(t) {
			return t
		}
	}
	for _, t := range g.headLabel {
		if isUnitLine(t) {
			return t
		}
	}
	return ""
}

// segments splits the table's rows into segments.
func (a *tableAnalysis) segments() []segment {
	var out []segment
	lastHeader := -1
	for ri := 0; ri < a.bodyStart; ri++ {
		if a.hasValueAreaText(ri) && !a.isSpanRow(ri) {
			lastHeader = ri
		}
	}
	sg := segment{}
	hasValues := func(ri int) bool {
		for _, at := range a.atoms[ri] {
			if at.num || at.nil {
				return true
			}
		}
		return false
	}
	sgValues := func() bool {
		for _, ri := range sg.body {
			if hasValues(ri) {
				return true
			}
		}
		return false
	}
	for ri, r := range a.rows {
		if len(r.cells) == 0 {
			continue
		}
		if ri < a.bodyStart {
			switch {
			case a.isSpanRow(ri) && len(sg.heads) == 0:
				sg.title = append(sg.title, r.cells[0].lines...)
				sg.titleRows = append(sg.titleRows, ri)
			case ri <= lastHeader || a.isUnitRow(ri):
				sg.heads = append(sg.heads, ri)
			case isPeriodLabel(a.labelOf(ri)):
				sg.extra = append(sg.extra, strings.TrimRight(a.labelOf(ri), ": "))
			default:
				sg.body = append(sg.body, ri)
			}
			continue
		}
		if a.isReheader(ri) {
			if sgValues() {
				// label-only rows just above the new header are its title
				k := len(sg.body)
				for k > 0 && !hasValues(sg.body[k-1]) {
					k--
				}
				moved := sg.body[k:]
				sg.body = sg.body[:k]
				out = append(out, sg)
				sg = segment{}
				for _, m := range moved {
					for _, c := range a.rows[m].cells {
						sg.title = append(sg.title, c.lines...)
					}
					sg.titleRows = append(sg.titleRows, m)
				}
			}
			sg.heads = append(sg.heads, ri)
			continue
		}
		if lab := a.labelOf(ri); !a.hasValueAreaText(ri) && isPeriodLabel(lab) {
			if sgValues() {
				out = append(out, sg)
				heads := sg.heads
				sg = segment{heads: heads, cont: true}
			}
			sg.extra = append(sg.extra, strings.TrimRight(lab, ": "))
			continue
		}
		sg.body = append(sg.body, ri)
	}
	return append(out, sg)
}

// isPeriodLabel reports a short label that only names a period ("First
// Quarter 2022", "Three months ended March 31:").
func isPeriodLabel(t string) bool {
	if t == "" || len(t) > 60 {
		return false
	}
	ms := period.ScanPeriods(t)
	dated := false
	rest := t
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Period.End.Y != 0 || m.Period.FY != 0 || m.Period.Months != 0 {
			dated = true
		}
		if m.Start >= 0 && m.End <= len(rest) && m.Start <= m.End {
			rest = rest[:m.Start] + " " + rest[m.End:]
		}
	}
	if !dated {
		return false
	}
	n := 0
	for _, w := range strings.Fields(rest) {
		w = strings.Trim(w, ":,.()-–— ")
		if w == "" || strings.EqualFold(w, "for") || strings.EqualFold(w, "the") || strings.EqualFold(w, "and") {
			continue
		}
		n++
	}
	return n == 0
}

// isReheader reports a row inside the body that is a header: text over the
// value columns and no figures.
func (a *tableAnalysis) isReheader(ri int) bool {
	if !a.hasValueAreaText(ri) || a.isSpanRow(ri) {
		return false
	}
	for _, at := range a.atoms[ri] {
		if at.num && !isYearAtom(at) {
			return false
		}
		if at.nil {
			return false
		}
	}
	lab := a.labelOf(ri)
	return lab == "" || isUnitLine(lab) || rePeriodish.MatchString(lab) || len(a.atoms[ri]) > 0 && isYearAtom(a.atoms[ri][0])
}

// buildGrid makes the grid of one segment: its value columns are those with
// a value in its body.
func (a *tableAnalysis) buildGrid(sg segment, lineOf []int, minLabelCol int) *grid {
	colOf := make([]int, len(a.comps))
	used := make([]bool, len(a.comps))
	for _, ri := range sg.body {
		for _, at := range a.atoms[ri] {
			if at.num || at.nil {
				used[at.comp] = true
			}
		}
	}
	n := 0
	var cols []int // value columns in the grid, left to right
	for i, cp := range a.comps {
		colOf[i] = -1
		if cp.gridCol >= 0 && used[i] {
			colOf[i] = n
			cols = append(cols, i)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	g := &grid{ncols: n, title: sg.title}
	first, last := 1<<30, -1
	see := func(ri int) int {
		l := lineOf[ri]
		if l >= 0 {
			first, last = min(first, l), max(last, l)
		}
		return l
	}
	for _, ri := range sg.titleRows {
		see(ri)
	}
	for _, t := range sg.extra {
		hs := make([]string, n)
		for k := range hs {
			hs[k] = t
		}
		g.header = append(g.header, hs)
		g.headLabel = append(g.headLabel, "")
	}
	for _, ri := range sg.heads {
		l := see(ri)
		hs, hl := a.headerRow(ri, colOf, cols, n)
		g.header = append(g.header, hs)
		g.headLabel = append(g.headLabel, hl)
		if l >= 0 {
			if g.headerStart == 0 || l+1 < g.headerStart {
				g.headerStart = l + 1
			}
			g.headerEnd = max(g.headerEnd, l+1)
		}
	}
	var pending *gridRow
	flush := func() {
		if pending != nil {
			g.rows = append(g.rows, *pending)
			pending = nil
		}
	}
	for _, ri := range sg.body {
		l := see(ri)
		gr, ok := a.bodyRow(ri, l, minLabelCol, colOf, n)
		if !ok {
			flush()
			continue
		}
		if pending != nil && !pending.hasValues() && continuesHTML(pending.label, gr.label) {
			pending.label = joinLabel(pending.label, gr.label)
			pending.cells = gr.cells
			pending.end = l
			if gr.hasValues() {
				flush()
			}
			continue
		}
		flush()
		if gr.hasValues() {
			g.rows = append(g.rows, gr)
		} else {
			pending = &gr
		}
	}
	flush()
	if len(g.rows) == 0 || last < 0 {
		return nil
	}
	g.start, g.end = first, last
	return g
}

// continuesHTML reports whether a value-less row's label goes on in the
// next row ("Cash and cash" / "equivalents").
func continuesHTML(prev, next string) bool {
	if prev == "" || next == "" || strings.HasSuffix(prev, ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// labelOf is the label text of row ri.
func (a *tableAnalysis) labelOf(ri int) string {
	var parts []string
	for _, c := range a.rows[ri].cells {
		if c.s < a.labelEnd && !a.inValueArea(c) {
			parts = append(parts, c.label)
		}
	}
	return strings.Join(parts, " ")
}

// inValueArea reports a cell that stands over the value columns: it starts
// in them, or starts right of the labels' first column and reaches into
// them ("AS OF" centred over three date columns).
func (a *tableAnalysis) inValueArea(c hcell) bool {
	return c.s >= a.labelEnd || c.e > a.labelEnd && c.s > a.minLabel
}

// hasValueAreaText reports a row with text over the value columns.
func (a *tableAnalysis) hasValueAreaText(ri int) bool {
	for _, c := range a.rows[ri].cells {
		if a.inValueArea(c) {
			return true
		}
	}
	return false
}

// isSpanRow reports a row that is one cell across the label and value
// columns (a title inside the table, or a section heading).
func (a *tableAnalysis) isSpanRow(ri int) bool {
	cs := a.rows[ri].cells
	fc := a.firstComp()
	return len(cs) == 1 && cs[0].s <= a.minLabel && fc >= 0 && cs[0].e > a.comps[fc].lo
}

// firstComp is the leftmost value column of the grid, or -1. It is found
// once, after findComps: rows ask for it again and again.
func (a *tableAnalysis) firstComp() int {
	if a.first == nil {
		f := -1
		for i, c := range a.comps {
			if c.gridCol >= 0 {
				f = i
				break
			}
		}
		a.first = &f
	}
	return *a.first
}

// isUnitRow reports a row above the body whose only text is a unit line.
func (a *tableAnalysis) isUnitRow(ri int) bool {
	cs := a.rows[ri].cells
	return len(cs) == 1 && isUnitLine(cs[0].text)
}

// headerRow reads header row ri: one text per grid column (a spanning
// header repeated in each column it spans) and the text over the label
// columns. colOf maps value columns to grid columns; cols lists the value
// columns that have one, left to right.
func (a *tableAnalysis) headerRow(ri int, colOf, cols []int, n int) (hs []string, headLabel string) {
	hs = make([]string, n)
	for _, c := range a.rows[ri].cells {
		if !a.inValueArea(c) {
			headLabel = joinSpace(headLabel, c.text)
			continue
		}
		i, j := a.spanRange(a.compIDs(), c.s, c.e)
		hit := false
		for k := i; k < j; k++ {
			if colOf[k] >= 0 {
				hs[colOf[k]] = joinSpace(hs[colOf[k]], c.text)
				hit = true
			}
		}
		if !hit && i == j {
			// nearest value column by centre
			if k := a.nearestByCentre(cols, c.s, c.e); k >= 0 {
				best := colOf[cols[k]]
				hs[best] = joinSpace(hs[best], c.text)
			}
		}
	}
	return hs, headLabel
}

func joinSpace(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + " " + b
}

// bodyRow reads body row ri into a grid row. ok is false for a row that
// holds nothing to keep (a repeated year header).
func (a *tableAnalysis) bodyRow(ri, line, minLabelCol int, colOf []int, n int) (gridRow, bool) {
	gr := gridRow{cells: make([]string, n), line: line, end: line}
	var labels []string
	first := true
	for _, c := range a.rows[ri].cells {
		if c.s >= a.labelEnd {
			break
		}
		labels = append(labels, c.label)
		gr.marks = append(gr.marks, c.marks...)
		if first {
			gr.indent = int(c.indent+0.5) + 12*max(c.s-minLabelCol, 0)
			gr.bold = c.bold
			first = false
		}
	}
	gr.label = strings.Join(labels, " ")
	years, nums := 0, 0
	var textCols []string
	fc := a.firstComp()
	for _, at := range a.atoms[ri] {
		cp := a.comps[at.comp]
		if colOf[at.comp] < 0 {
			if cp.gridCol < 0 && !cp.footnote && fc >= 0 && cp.lo < a.comps[fc].lo {
				textCols = append(textCols, at.text)
			}
			continue
		}
		c := colOf[at.comp]
		gr.cells[c] = joinSpace(gr.cells[c], at.text)
		if at.num {
			nums++
			if isYearAtom(at) {
				years++
			}
		}
	}
	if len(textCols) > 0 {
		gr.label = joinSpace(gr.label, strings.Join(textCols, " "))
	}
	if gr.label == "" && nums > 0 && years == nums && nums >= 2 {
		return gr, false
	}
	if gr.label == "" && !gr.hasValues() {
		return gr, false
	}
	return gr, true
}

// renderBody renders body row ri as aligned text: the label, then each
// value column right-aligned.
func (a *tableAnalysis) renderBody(ri, labelW int) string {
	cells := make([]string, len(a.comps))
	for _, at := range a.atoms[ri] {
		cells[at.comp] = joinSpace(cells[at.comp], at.text)
	}
	var b strings.Builder
	b.WriteString(padRight(a.labelOf(ri), labelW))
	for i, cp := range a.comps {
		b.WriteString("  ")
		b.WriteString(padLeft(cells[i], cp.width))
	}
	return strings.TrimRight(b.String(), " ")
}

// renderHeader renders header row ri: the label-column text, then each
// header cell over the first value column it spans.
func (a *tableAnalysis) renderHeader(ri, labelW int) string {
	var b strings.Builder
	var lab []string
	var rest []hcell
	for _, c := range a.rows[ri].cells {
		if !a.inValueArea(c) {
			lab = append(lab, c.text)
		} else {
			rest = append(rest, c)
		}
	}
	b.WriteString(padRight(strings.Join(lab, " "), labelW))
	k := 0
	for _, cp := range a.comps {
		txt := ""
		for k < len(rest) && rest[k].s <= cp.hi {
			txt = joinSpace(txt, rest[k].text)
			k++
		}
		b.WriteString("  ")
		b.WriteString(padLeft(txt, cp.width))
	}
	for ; k < len(rest); k++ {
		b.WriteString("  ")
		b.WriteString(rest[k].text)
	}
	return strings.TrimRight(b.String(), " ")
}

func padRight(s string, w int) string {
	if n := utf8.RuneCountInString(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

func padLeft(s string, w int) string {
	if n := utf8.RuneCountInString(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

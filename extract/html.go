package extract

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/ex99/ex99/internal/lazy"
)

// The HTML reader works in three steps: a forgiving tokenizer-based tree
// builder that keeps byte offsets (parseTree), a walker that turns the tree
// into units in reading order — paragraphs, headings, bullets and tables —
// (flow), and an assembler that numbers the reading view and makes blocks
// (assemble). Tables are analysed in htmltable.go.

// readHTML reads an HTML release into a reading view and blocks. base is
// added to every byte offset.
func readHTML(src []byte, base int) ([]Line, []block) {
	off := wrapperEnd(src)
	root := parseTree(src[off:])
	f := &flow{base: base + off}
	f.walk(root, hstyle{})
	f.flush(nil)
	lines, blocks := f.assemble()
	attachTitles(blocks)
	for _, p := range f.parts {
		switch {
		case p.cont:
			p.next.title = append(append([]string{}, p.prev.title...), p.next.title...)
		case gridUnit(p.next) == "" && gridUnit(p.prev) != "":
			// a part without a unit line of its own keeps the table's
			p.next.title = append(p.next.title, gridUnit(p.prev))
		}
	}
	return lines, dropTitleBlocks(blocks)
}

var reWrapperText = lazy.NewRegexp(`(?i)<TEXT>[ \t]*\r?\n?`)

// wrapperEnd returns the offset just past an SGML exhibit wrapper
// ("<DOCUMENT>\n<TYPE>EX-99.1\n…<TEXT>\n") at the start of src, or 0.
func wrapperEnd(src []byte) int {
	head := bytes.TrimLeft(src, " \t\r\n\ufeff")
	if len(head) < 10 || !bytes.EqualFold(head[:10], []byte("<DOCUMENT>")) {
		return 0
	}
	lim := src
	if len(lim) > 4096 {
		lim = lim[:4096]
	}
	if loc := reWrapperText.FindIndex(lim); loc != nil {
		return loc[1]
	}
	return 0
}

// ---- tree ----

// hnode is an element or a text node of the parsed document, with its byte
// offsets in the parsed source.
type hnode struct {
	tag              string // lower-case tag name; "" for a text node
	text             string // text nodes: the decoded text
	style            string // the style attribute, lower-cased
	align            string // the align attribute, lower-cased
	colspan, rowspan int
	hidden           bool // display:none, visibility:hidden or the hidden attribute
	start, end       int
	kids             []*hnode
}

// maxDepth bounds nesting; deeper elements are attached without nesting so
// that pathological input cannot blow the stack.
const maxDepth = 300

var voidTags = set("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "frame", "keygen", "isindex")

// headTags may stay inside <head>; any other start tag closes it.
var headTags = set("title", "meta", "link", "style", "script", "base", "noscript", "object", "template")

// blockTags start a new paragraph in the reading view.
var blockTags = set("p", "div", "address", "article", "aside", "blockquote", "body", "center", "dd", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
	"html", "li", "main", "nav", "ol", "ul", "section", "caption", "page", "tr", "td", "th", "tbody", "thead",
	"tfoot", "#root", "document", "text", "menu", "dir", "listing", "xmp", "plaintext", "legend", "details", "summary")

// skipTags hold no reading text.
var skipTags = set("script", "style", "head", "title", "noscript", "template", "object", "embed", "iframe",
	"svg", "math", "select", "option", "button", "textarea", "map", "ix:header", "xml", "applet", "audio", "video", "canvas")

// pCloser tags close an open <p> (a paragraph can't hold blocks).
var pCloser = set("p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center",
	"address", "pre", "hr", "section", "article", "header", "footer", "form", "li", "menu", "fieldset", "figure", "listing")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// parseTree builds a tree from src the way a browser would in the cases
// releases need (implied </p>, </td>, </tr>, </li>; stray end tags ignored),
// keeping each node's byte offsets. It never fails: truncated input is
// closed at its end.
func parseTree(src []byte) *hnode {
	root := &hnode{tag: "#root", end: len(src)}
	b := &treeBuilder{stack: []*hnode{root}}
	z := html.NewTokenizer(bytes.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		start := pos
		pos += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			b.popTo(0, len(src))
			return root
		case html.TextToken:
			b.top().kids = append(b.top().kids, &hnode{text: string(z.Text()), start: start, end: pos})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			n := &hnode{tag: string(name), start: start, end: pos}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				setAttr(n, string(k), string(v))
			}
			b.open(n, tt == html.SelfClosingTagToken, start)
		case html.EndTagToken:
			name, _ := z.TagName()
			b.close(string(name), start, pos)
		}
	}
}

// setAttr records the attributes the reader uses.
func setAttr(n *hnode, k, v string) {
	switch k {
	case "style":
		n.style = strings.ToLower(v)
		if styleHidden(n.style) {
			n.hidden = true
		}
	case "align":
		n.align = strings.ToLower(strings.TrimSpace(v))
	case "colspan":
		n.colspan = atoiClamp(v, 1, 1000)
	case "rowspan":
		n.rowspan = atoiClamp(v, 1, 1000)
	case "hidden":
		n.hidden = true
	}
}

func atoiClamp(s string, lo, hi int) int {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	v, err := strconv.Atoi(s[:i])
	if err != nil || v < lo {
		return lo
	}
	return min(v, hi)
}

// treeBuilder holds the stack of open elements.
type treeBuilder struct{ stack []*hnode }

func (b *treeBuilder) top() *hnode { return b.stack[len(b.stack)-1] }

// popTo closes the elements above stack index i, ending them at end.
func (b *treeBuilder) popTo(i, end int) {
	for k := len(b.stack) - 1; k > i; k-- {
		b.stack[k].end = end
	}
	b.stack = b.stack[:i+1]
}

// find returns the index of the innermost open element named one of tags,
// searching no lower than an element named one of stop; -1 if none.
func (b *treeBuilder) find(tags, stop map[string]bool) int {
	return b.findBy(func(t string) bool { return tags[t] }, stop)
}

// findBy is find with the wanted elements named by a predicate.
func (b *treeBuilder) findBy(want func(tag string) bool, stop map[string]bool) int {
	for k := len(b.stack) - 1; k > 0; k-- {
		t := b.stack[k].tag
		if want(t) {
			return k
		}
		if stop[t] {
			return -1
		}
	}
	return -1
}

var (
	tagTD        = set("td", "th")
	tagTR        = set("tr")
	tagTable     = set("table")
	tagSection   = set("table", "tbody", "thead", "tfoot")
	tagLI        = set("li")
	tagList      = set("ul", "ol", "menu", "dir", "td", "th", "table")
	tagDD        = set("dd", "dt")
	tagP         = set("p")
	tagHead      = set("head")
	pScope       = set("td", "th", "table", "li", "div", "body", "blockquote", "dd", "button", "caption")
	cellScope    = set("td", "th", "table")
	boundaryNone = map[string]bool{}
)

// open adds a start tag to the tree, closing what it implies.
func (b *treeBuilder) open(n *hnode, selfClosing bool, at int) {
	if n.tag != "html" && !headTags[n.tag] {
		if i := b.find(tagHead, boundaryNone); i > 0 {
			b.popTo(i-1, at)
		}
	}
	switch {
	case tagTD[n.tag]:
		if i := b.find(tagTR, tagTable); i > 0 {
			b.popTo(i, at)
		} else if i := b.find(tagSection, boundaryNone); i > 0 {
			b.popTo(i, at)
			tr := &hnode{tag: "tr", start: at, end: at}
			b.top().kids = append(b.top().kids, tr)
			b.stack = append(b.stack, tr)
		}
	case n.tag == "tr":
		if i := b.find(tagSection, boundaryNone); i > 0 {
			b.popTo(i, at)
		}
	case n.tag == "tbody" || n.tag == "thead" || n.tag == "tfoot":
		if i := b.find(tagTable, boundaryNone); i > 0 {
			b.popTo(i, at)
		}
	case n.tag == "li":
		if i := b.find(tagLI, tagList); i > 0 {
			b.popTo(i-1, at)
		}
	case n.tag == "dd" || n.tag == "dt":
		if i := b.find(tagDD, set("dl")); i > 0 {
			b.popTo(i-1, at)
		}
	}
	if pCloser[n.tag] {
		if i := b.find(tagP, pScope); i > 0 {
			b.popTo(i-1, at)
		}
	}
	b.top().kids = append(b.top().kids, n)
	if selfClosing || voidTags[n.tag] || len(b.stack) >= maxDepth {
		return
	}
	b.stack = append(b.stack, n)
}

// close handles an end tag: the innermost open element of that name is
// closed (with what is open inside it) unless a table cell or table lies
// between; otherwise the tag is ignored.
func (b *treeBuilder) close(tag string, at, end int) {
	stop := cellScope
	switch tag {
	case "td", "th", "tr", "tbody", "thead", "tfoot":
		stop = tagTable
	case "table":
		stop = boundaryNone
	case "p":
		stop = pScope
	}
	// the tag alone, compared: no set is made, and none is shared between
	// the parsers that run in parallel (a shared cache of one-tag sets was
	// a concurrent map write)
	i := b.findBy(func(t string) bool { return t == tag }, stop)
	if i <= 0 {
		return
	}
	b.popTo(i, at)
	b.stack[i].end = end
	b.stack = b.stack[:i]
}

// ---- styles ----

// hstyle is the inherited style that matters for reading.
type hstyle struct {
	bold, under, sup, center bool
	li                       bool // inside a list item
	head                     bool // inside <h1>–<h6>
}

// apply returns the style inside element n.
func (st hstyle) apply(n *hnode) hstyle {
	switch n.tag {
	case "b", "strong", "th":
		st.bold = true
	case "u", "ins":
		st.under = true
	case "sup":
		st.sup = true
	case "center":
		st.center = true
	case "li":
		st.li = true
	case "h1", "h2", "h3", "h4", "h5", "h6":
		st.head, st.bold = true, true
	}
	if n.align != "" && n.tag != "img" && n.tag != "table" {
		st.center = n.align == "center"
	}
	if n.style != "" {
		cssEach(n.style, func(k, v string) {
			switch k {
			case "font-weight":
				st.bold = isBoldWeight(v)
			case "font":
				if strings.Contains(v, "bold") {
					st.bold = true
				}
			case "text-decoration", "text-decoration-line":
				if strings.Contains(v, "underline") {
					st.under = true
				}
			case "text-align":
				st.center = strings.HasPrefix(v, "center")
			case "vertical-align":
				if strings.HasPrefix(v, "super") {
					st.sup = true
				}
			case "top":
				if strings.HasPrefix(v, "-") && strings.Contains(n.style, "position:relative") {
					st.sup = true
				}
			}
		})
	}
	return st
}

func isBoldWeight(v string) bool {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "bold"):
		return true
	case len(v) >= 3 && v[0] >= '6' && v[0] <= '9' && v[1] == '0' && v[2] == '0':
		return true
	}
	return false
}

// cssEach calls fn with each declaration of a style attribute.
func cssEach(style string, fn func(k, v string)) {
	for style != "" {
		decl := style
		if i := strings.IndexByte(style, ';'); i >= 0 {
			decl, style = style[:i], style[i+1:]
		} else {
			style = ""
		}
		c := strings.IndexByte(decl, ':')
		if c < 0 {
			continue
		}
		fn(strings.TrimSpace(decl[:c]), strings.TrimSpace(decl[c+1:]))
	}
}

// styleHidden reports a style that hides its element.
func styleHidden(s string) bool {
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	hidden := false
	cssEach(s, func(k, v string) {
		if k == "display" && v == "none" || k == "visibility" && v == "hidden" {
			hidden = true
		}
	})
	return hidden
}

// leftIndent is the left indentation a style gives, in points: padding,
// margin and text-indent added up.
func leftIndent(s string) float64 {
	if s == "" {
		return 0
	}
	var ind float64
	cssEach(s, func(k, v string) {
		switch k {
		case "padding-left", "margin-left", "text-indent":
			ind += cssLength(v)
		case "padding", "margin":
			fs := strings.Fields(v)
			switch len(fs) {
			case 1:
				ind += cssLength(fs[0])
			case 2, 3:
				ind += cssLength(fs[1])
			case 4:
				ind += cssLength(fs[3])
			}
		}
	})
	return ind
}

// cssLength converts a CSS length to points (0 for what it can't read).
func cssLength(v string) float64 {
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
	i := 0
	for i < len(v) && (v[i] >= '0' && v[i] <= '9' || v[i] == '.' || v[i] == '-' || v[i] == '+') {
		i++
	}
	x, err := strconv.ParseFloat(v[:i], 64)
	if err != nil {
		return 0
	}
	switch strings.TrimSpace(v[i:]) {
	case "pt":
		return x
	case "px", "":
		return x * 0.75
	case "in":
		return x * 72
	case "em", "rem":
		return x * 10
	case "cm":
		return x * 28.35
	case "mm":
		return x * 2.835
	case "pc":
		return x * 12
	}
	return 0
}

// ---- flow ----

// seg is a piece of text with its style.
type seg struct {
	text        string
	bold, under bool
	sup         bool
}

// rline is a line of a paragraph being gathered (paragraphs split at <br>).
type rline struct {
	segs       []seg
	start, end int
}

// unit is a piece of the release in reading order: a paragraph (with its
// lines), a table, or lines of preformatted text.
type unit struct {
	kind  blockKind // bPara, bBullet, bHeading or bTable; -2 for <pre> text
	lines []Line    // the unit's view lines (text not yet numbered)
	text  string    // folded paragraph text
	grids []*grid   // tables: line numbers relative to the unit's first line (0-based)
	cont  []bool    // tables: grid i continues grid i-1 under another period
}

// flow walks the tree and gathers units.
type flow struct {
	base  int
	units []unit
	// the paragraph being gathered
	cur      []rline
	curStart int
	curSt    hstyle
	curBlock *hnode
	brs      int
	// open block elements and whether each has given a paragraph yet
	blocks []*hnode
	given  map[*hnode]bool
	// grids that follow another grid of the same HTML table
	parts []tablePart
}

// tablePart links a grid to the grid before it in the same HTML table.
type tablePart struct {
	prev, next *grid
	cont       bool // the same statement under another period: same title
}

func (f *flow) topBlock() *hnode {
	if len(f.blocks) == 0 {
		return nil
	}
	return f.blocks[len(f.blocks)-1]
}

// walk reads the children of n in order.
func (f *flow) walk(n *hnode, st hstyle) {
	for _, c := range n.kids {
		if c.tag == "" {
			f.addText(c, st)
			continue
		}
		if c.hidden || skipTags[c.tag] {
			continue
		}
		cst := st.apply(c)
		switch {
		case c.tag == "br":
			f.addBreak(c)
		case c.tag == "table":
			f.flush(nil)
			f.table(c, cst)
		case c.tag == "pre" || c.tag == "xmp" || c.tag == "listing" || c.tag == "plaintext":
			f.flush(nil)
			f.pre(c)
		case c.tag == "hr":
			f.flush(nil)
		case blockTags[c.tag]:
			f.flush(nil)
			f.blocks = append(f.blocks, c)
			f.walk(c, cst)
			f.flush(c)
			f.blocks = f.blocks[:len(f.blocks)-1]
		default:
			f.walk(c, cst)
		}
	}
}

// addText adds a text node to the current paragraph.
func (f *flow) addText(n *hnode, st hstyle) {
	blank := strings.TrimSpace(strings.Map(spaceMap, n.text)) == ""
	if len(f.cur) == 0 {
		if blank {
			return
		}
		f.cur = []rline{{start: n.start}}
		f.curStart = n.start
		f.curSt = st
		f.curBlock = f.topBlock()
	}
	if !blank {
		f.brs = 0
	}
	l := &f.cur[len(f.cur)-1]
	l.segs = append(l.segs, seg{text: n.text, bold: st.bold, under: st.under, sup: st.sup})
	if !blank {
		l.end = n.end
	}
}

// addBreak handles <br>: a new line in the paragraph; two in a row end it.
func (f *flow) addBreak(n *hnode) {
	f.brs++
	if len(f.cur) == 0 {
		return
	}
	if f.brs >= 2 {
		f.flush(nil)
		return
	}
	last := &f.cur[len(f.cur)-1]
	if foldSegs(last.segs) == "" {
		return
	}
	f.cur = append(f.cur, rline{start: n.end, end: n.end})
}

// spaceMap turns the invisible characters releases pad with into spaces.
func spaceMap(r rune) rune {
	switch r {
	case '\u00a0', '\u200b', '\u2002', '\u2003', '\u2009', '\u202f', '\ufeff', '\u2007', '\u200a', '\u3000':
		return ' '
	}
	return r
}

// foldSegs joins segments into one line of folded text.
func foldSegs(ss []seg) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.text)
	}
	return foldSpace(b.String())
}

// foldSpace maps padding characters to spaces and folds runs of white space.
func foldSpace(s string) string {
	return joinSpaced(strings.Map(spaceMap, s))
}

var rePageNumber = lazy.NewRegexp(`(?i)^(?:-\s*\d{1,3}\s*-|\d{1,3}|page\s+\d+(?:\s+of\s+\d+)?|[ivx]{1,4})$`)

// flush ends the current paragraph. closing is the block element being
// closed, or nil when a nested block or break ends the paragraph.
func (f *flow) flush(closing *hnode) {
	cur := f.cur
	f.cur = nil
	f.brs = 0
	if len(cur) == 0 {
		return
	}
	var ls []Line
	var texts []string
	allBold, allUnder, letters := true, true, 0
	for _, l := range cur {
		t := foldSegs(l.segs)
		if t == "" {
			continue
		}
		ls = append(ls, Line{Text: t, Start: f.base + l.start, End: f.base + l.end})
		texts = append(texts, t)
		for _, s := range l.segs {
			if strings.TrimSpace(s.text) == "" || s.sup {
				continue
			}
			letters++
			allBold = allBold && s.bold
			allUnder = allUnder && s.under
		}
	}
	if len(ls) == 0 {
		return
	}
	blk := f.curBlock
	if blk != nil && !f.given[blk] {
		ls[0].Start = f.base + blk.start
		if closing == blk {
			ls[len(ls)-1].End = f.base + blk.end
		}
	}
	if blk != nil {
		if f.given == nil {
			f.given = map[*hnode]bool{}
		}
		f.given[blk] = true
	}
	text := foldLines(texts)
	if rePageNumber.MatchString(text) {
		return
	}
	u := unit{kind: bPara, lines: ls, text: text}
	st := f.curSt
	switch {
	case st.li:
		u.kind = bBullet
	case reHTMLBullet.MatchString(text):
		u.kind = bBullet
		u.text = reHTMLBulletMark.ReplaceAllString(text, "")
	case len(ls) <= 2 && letters > 0 && isHeadingText(text) && !reExhibit.MatchString(text) && !endsInMinorWord(text) &&
		(st.head || allBold || allUnder || st.center && hasUpper(text) || isUpperText(text)):
		u.kind = bHeading
	}
	f.units = append(f.units, u)
}

var (
	reHTMLBullet     = lazy.NewRegexp(`^(?:[•·●▪■◦‣○◾◽◼□⁃∙➢➤►▸▶✓✔❖◆◇§]\s*|(?:[*o\-–—]|\(?[ivx]{1,4}\)|\(?[a-h]\)|\d{1,2}[.)])\s+)\S`)
	reHTMLBulletMark = lazy.NewRegexp(`^(?:[•·●▪■◦‣○◾◽◼□⁃∙➢➤►▸▶✓✔❖◆◇§]\s*|[*o\-–—]\s+)`)
	reExhibit        = lazy.NewRegexp(`(?i)^exhibit\s+\d`)
)

// endsInMinorWord reports text cut off after "and", "of", "the"…: a label
// broken over two blocks, not a heading.
func endsInMinorWord(s string) bool {
	ws := strings.Fields(s)
	return len(ws) > 1 && minorWord[strings.ToLower(ws[len(ws)-1])]
}

func hasUpper(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			return true
		}
	}
	return false
}

// isUpperText reports text in capitals (with at least a few letters).
func isUpperText(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			n++
		}
	}
	return n >= 4
}

// pre reads preformatted text: its lines go into the view as they are and
// are read like a plain-text release (tables in aligned columns).
func (f *flow) pre(n *hnode) {
	var b strings.Builder
	var collect func(*hnode)
	collect = func(m *hnode) {
		for _, c := range m.kids {
			switch {
			case c.tag == "":
				b.WriteString(c.text)
			case c.tag == "br":
				b.WriteByte('\n')
			case c.hidden || skipTags[c.tag]:
			default:
				collect(c)
			}
		}
	}
	collect(n)
	text := strings.Trim(strings.ReplaceAll(b.String(), "\r", ""), "\n")
	if strings.TrimSpace(text) == "" {
		return
	}
	var ls []Line
	for _, t := range strings.Split(text, "\n") {
		ls = append(ls, Line{Text: strings.TrimRight(strings.Map(spaceMap, t), " \t"), Start: f.base + n.start, End: f.base + n.end})
	}
	f.units = append(f.units, unit{kind: -2, lines: ls})
}

// ---- assembly ----

// assemble numbers the view lines (a blank line between units) and turns
// units into blocks.
func (f *flow) assemble() ([]Line, []block) {
	var lines []Line
	var blocks []block
	for i, u := range f.units {
		if i > 0 {
			prev := lines[len(lines)-1]
			lines = append(lines, Line{Start: prev.End, End: prev.End})
		}
		first := len(lines) + 1
		lines = append(lines, u.lines...)
		last := len(lines)
		switch u.kind {
		case -2:
			texts := make([]string, len(u.lines))
			for k, l := range u.lines {
				texts[k] = l.Text
			}
			blocks = append(blocks, textBlocks(texts, first-1)...)
		case bTable:
			for k, g := range u.grids {
				shiftGrid(g, first)
				blocks = append(blocks, block{kind: bTable, start: g.start, end: g.end, grid: g})
				if k > 0 {
					f.parts = append(f.parts, tablePart{u.grids[k-1], g, u.cont[k]})
				}
			}
		default:
			ts := make([]string, len(u.lines))
			for k, l := range u.lines {
				ts[k] = l.Text
			}
			blocks = append(blocks, block{kind: u.kind, start: first, end: last, text: u.text, lines: ts})
		}
	}
	return lines, blocks
}

// shiftGrid turns a table unit's 0-based row indexes into view line numbers
// (first is the line of the unit's first row).
func shiftGrid(g *grid, first int) {
	g.start += first
	g.end += first
	if g.headerEnd > 0 {
		g.headerStart += first - 1
		g.headerEnd += first - 1
	}
	for i := range g.rows {
		g.rows[i].line += first
		g.rows[i].end += first
	}
}

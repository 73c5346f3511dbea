package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/textscan"
	"github.com/ex99/ex99/period"
)

// readText reads a plain-text release. The reading view is the file itself,
// one Line per source line. Tables come from <TABLE> blocks (EDGAR's
// <CAPTION>/<S>/<C> markup) or, where there are none, from runs of lines
// whose numbers stand in aligned columns.
func readText(src []byte, base int) ([]Line, []block) {
	lines := splitLines(src, base)
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text
	}
	return lines, textBlocks(texts, 0)
}

// splitLines cuts src into lines (without their line ends) and records
// byte offsets; base is added to every offset.
func splitLines(src []byte, base int) []Line {
	var out []Line
	start := 0
	for i := 0; i <= len(src); i++ {
		if i == len(src) || src[i] == '\n' {
			if i == len(src) && start == i {
				break
			}
			end := i
			t := string(src[start:end])
			t = strings.TrimRight(t, "\r")
			out = append(out, Line{Text: t, Start: base + start, End: base + end})
			start = i + 1
		}
	}
	return out
}

var (
	reTagLine    = lazy.NewRegexp(`(?i)^\s*</?(PAGE|TABLE|CAPTION|S|C|FN|F\d+|R\d+)>`)
	reRule       = lazy.NewRegexp(`^[\s\-=_.·*~]*$`)
	reBullet     = lazy.NewRegexp(`^\s*(?:[*•·o\-–—]|\(?[ivx]{1,4}\)|\(?[a-h]\)|\d{1,2}[.)])\s+\S`)
	reBulletMark = lazy.NewRegexp(`^\s*[*•·o\-–—]\s+`)
	reSentence   = lazy.NewRegexp(`[.;:!?]["')\]]*$`)
)

// textBlocks splits lines (texts[i] is view line off+i+1) into blocks.
func textBlocks(texts []string, off int) []block {
	var blocks []block
	n := len(texts)
	used := make([]bool, n)
	// 1. tagged tables
	for i := 0; i < n; i++ {
		if !isTag(texts[i], "TABLE") {
			continue
		}
		j := i + 1
		for j < n && !isTag(texts[j], "/TABLE") {
			j++
		}
		if j >= n {
			j = n - 1
		}
		if g := taggedGrid(texts, i, j, off); g != nil {
			blocks = append(blocks, block{kind: bTable, start: off + i + 1, end: off + j + 1, grid: g})
		}
		for k := i; k <= j; k++ {
			used[k] = true
		}
		i = j
	}
	// 2. untagged tables: runs of lines with aligned numbers
	for _, r := range findAlignedTables(texts, used) {
		if g := alignedGrid(texts, r, off); g != nil {
			blocks = append(blocks, block{kind: bTable, start: off + r.head + 1, end: off + r.end, grid: g})
			for k := r.head; k < r.end; k++ {
				used[k] = true
			}
		}
	}
	// 3. prose: paragraphs, bullets and headings between blank lines
	for i := 0; i < n; {
		if used[i] || isBlank(texts[i]) || reTagLine.MatchString(texts[i]) || isMarkupOnly(texts[i]) {
			i++
			continue
		}
		j := i
		for j < n && !used[j] && !isBlank(texts[j]) && !reTagLine.MatchString(texts[j]) {
			if j > i && reBullet.MatchString(texts[j]) {
				break
			}
			// an indented first line after a complete sentence starts a new paragraph
			if j > i && leadingSpaces(texts[j]) >= 3 && leadingSpaces(texts[j-1]) < 3 && reSentence.MatchString(strings.TrimSpace(texts[j-1])) {
				break
			}
			j++
		}
		text := foldLines(texts[i:j])
		b := block{kind: bPara, start: off + i + 1, end: off + j, text: text, lines: trimAll(texts[i:j])}
		switch {
		case reBullet.MatchString(texts[i]):
			b.kind = bBullet
			b.text = reBulletMark.ReplaceAllString(b.text, "")
		case j-i <= 2 && isHeadingText(text):
			b.kind = bHeading
		}
		blocks = append(blocks, b)
		i = j
	}
	sort.SliceStable(blocks, func(a, b int) bool { return blocks[a].start < blocks[b].start })
	blocks = mergeLists(blocks, texts, off)
	attachTitles(blocks)
	return dropTitleBlocks(blocks)
}

func isTag(s, tag string) bool {
	t := strings.TrimSpace(s)
	return len(t) >= len(tag)+2 && strings.EqualFold(t[:len(tag)+2], "<"+tag+">")
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// isMarkupOnly reports lines that carry no text for a reader ("<PAGE>", "- 2 -").
func isMarkupOnly(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") && !strings.Contains(t[1:], "<") {
		return true
	}
	return reRule.MatchString(t) || reDashedPage.MatchString(t)
}

// reDashedPage is a page number line: "- 3 -".
var reDashedPage = lazy.NewRegexp(`^-\s*\d+\s*-$`)

func leadingSpaces(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ' ':
			n++
		case '\t':
			n += 8 - n%8
		default:
			return n
		}
	}
	return n
}

// foldLines joins lines into one string with white space folded. A line
// ending in a hyphen after a letter or digit is joined to the next without a
// space ("write-" + "down" → "write-down", "786-" + "2904" → "786-2904").
//
// A passage of one line already folded is that line, not a copy: a long
// paragraph printed on one line was held twice.
func foldLines(ls []string) string {
	var b strings.Builder
	only := "" // the one folded line so far, not yet copied into b
	for _, l := range ls {
		t := joinFields(l)
		if t == "" {
			continue
		}
		if b.Len() == 0 && only == "" {
			only = t
			continue
		}
		if only != "" {
			b.WriteString(only)
			only = ""
		}
		prev := b.String()
		if strings.HasSuffix(prev, "-") && len(prev) >= 2 && isWordByte(prev[len(prev)-2]) && isWordByte(t[0]) {
			// joined: no space
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	if only != "" {
		return only
	}
	return b.String()
}

// joinFields is strings.Join(strings.Fields(l), " "): l without its
// leading and trailing white space when it has no other white space but
// single ASCII spaces between words, which is most lines and saves
// splitting a long one into its words.
func joinFields(l string) string {
	t := strings.TrimSpace(l) // trims what Fields splits at: unicode.IsSpace
	prevSpace := false
	for _, r := range t {
		sp := unicode.IsSpace(r)
		if sp && (r != ' ' || prevSpace) {
			return joinSpaced(l)
		}
		prevSpace = sp
	}
	return t
}

// joinSpaced is strings.Join(strings.Fields(s), " ") without the slice
// of fields: folding the space of every line and cell made one, 8% of
// the bytes Parse allocated.
func joinSpaced(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // where the field being read starts
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isHeadingText reports a short line that names a section: few words, no
// sentence punctuation at the end, and mostly capitalized words.
func isHeadingText(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 80 {
		return false
	}
	if reSentence.MatchString(t) && !strings.HasSuffix(t, ":") {
		// "About Innovo Group Inc." ends in an abbreviation, not a sentence
		last := strings.ToLower(strings.TrimSuffix(t[strings.LastIndexByte(t, ' ')+1:], "."))
		if !strings.HasSuffix(t, ".") || !corpSuffix[last] && !corpSuffix[last+"."] {
			return false
		}
	}
	ws := strings.Fields(t)
	if len(ws) > 10 {
		return false
	}
	caps, words := 0, 0
	for _, w := range ws {
		r := []rune(strings.Trim(w, "\"'(“”"))
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		words++
		if unicode.IsUpper(r[0]) || minorWord[strings.ToLower(string(r))] {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*8
}

var minorWord = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "for": true, "in": true, "on": true, "to": true, "or": true, "with": true, "by": true, "at": true, "per": true, "vs": true, "vs.": true, "from": true}

// attachTitles gives each table the short heading-like blocks right above
// it as its title ("INNOVO GROUP INC. AND SUBSIDIARIES", "CONSOLIDATED
// CONDENSED BALANCE SHEETS", "(in thousands, except per share data)").
func attachTitles(blocks []block) {
	for i := range blocks {
		g := blocks[i].grid
		if g == nil {
			continue
		}
		var title []string
		for j := i - 1; j >= 0 && len(title) < 6; j-- {
			b := blocks[j]
			if b.kind == bTable || blocks[i].start-b.end > 6 && len(title) == 0 || b.end-b.start > 4 {
				break
			}
			if !isTitleText(b.text) && !(len(title) == 0 && isPeriodLine(b.text)) {
				break
			}
			ls := b.lines
			if len(ls) == 0 {
				ls = []string{b.text}
			}
			title = append(append([]string{}, ls...), title...)
			blocks[j].kind = -1 // consumed: becomes the table's title
			if b.start > 0 && j > 0 && blocks[j-1].end < b.start-3 {
				break
			}
		}
		g.title = append(title, g.title...)
	}
}

// isTitleText reports text that can stand above a table as its title: short
// lines, no sentence.
func isTitleText(t string) bool {
	if t == "" || len(t) > 200 {
		return false
	}
	if isUnitLine(t) {
		return true
	}
	return isHeadingText(t) || strings.ToUpper(t) == t
}

func dropTitleBlocks(blocks []block) []block {
	out := blocks[:0]
	for _, b := range blocks {
		if b.kind >= 0 {
			out = append(out, b)
		}
	}
	return out
}

var reUnit = lazy.NewRegexp(`(?i)([£$€]\s?m\b|(?:[£$€]|\b(?:us\$|eur|usd|gbp|rmb|chf|sek|nok|dkk|jpy))\s?(?:thousands?|millions?|billions?)\b|\bus\$\s?m\b|[£$€]\s?['’‘]?000s?\b|['’‘]000s?\b|\(\$?m\)|\bin\s+(thousands?|millions?|billions?|000['’]?s)\b|[a-z]{3}\s?['’‘]\s?(?:thousands?|millions?|billions?|000s?)\b|` + currencyCodes + `\s?(?:m|mn|bn)\b|[a-z]\s*\(\s*(?:in\s+)?1[,.]000\s*\)|(thousands|millions|billions)\s+of\s+dollars|\((thousands|millions|billions|000s|000's|dollars)|(dollars|amounts|\$)\s+in\s+(thousands|millions|billions)|\$\s*(000s?|000's)|except\s+(per[\s-]share|share|earnings per)|\((?:amounts\s+|expressed\s+|stated\s+)?in\s+(?:u\.?s\.?\s+)?dollars\b)`)

// currencyCodes are ISO currency codes a unit line prefixes to a scale
// ("USDm", "DKK m", "EUR bn").
var currencyCodes = `\b(?:` + strings.Join(currencyCodeList, "|") + `)`

// currencyCodeList are the codes of currencyCodes, lower-case.
var currencyCodeList = []string{"usd", "eur", "gbp", "dkk", "sek", "nok", "chf", "cad", "aud", "nzd", "rmb", "cny", "jpy", "hkd", "sgd", "inr", "zar", "brl", "mxn"}

// unitNeedles: every match of reUnit holds one of these (in some case),
// "000", "m)" ("(m)", "($m)"), or a currency sign or code before a
// scale ("$m", "EUR bn": signScale, codeScale): "thousand" for
// "thousands", "dollars" for "(in U.S. dollars)". reUnit ran over every
// line of text and every row label and column header, nearly none of
// which states a unit.
var unitNeedles = []string{"thousand", "million", "billion", "except", "dollars"}

// mayUnit reports whether reUnit can match s: false means it cannot.
func mayUnit(s string) bool {
	return strings.Contains(s, "000") || strings.Contains(s, "m)") || strings.Contains(s, "M)") ||
		textscan.FoldHas(s, unitNeedles...) || signScale(s) || codeScale(s)
}

// signScale reports a currency sign ("$", "£", "€"), at most one white
// space char (\s) and "m" in any case, as reUnit's "$m", "£ M" have: its
// other phrases with a sign hold "000" or a scale word, needles of their
// own ("$ in thousands", "US$’000"), so a label with an amount in it
// ("allowances of $8,710") need not run it.
func signScale(s string) bool {
	for i := 0; i < len(s); i++ {
		var j int
		switch {
		case s[i] == '$':
			j = i + 1
		case strings.HasPrefix(s[i:], "£"):
			j = i + len("£")
		case strings.HasPrefix(s[i:], "€"):
			j = i + len("€")
		default:
			continue
		}
		if j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && s[j]|0x20 == 'm' {
			return true
		}
	}
	return false
}

// codeScale reports a currency code, in any ASCII case, then at most one
// white space char (\s) and "m" or "b" in any case, as reUnit's
// "USDm", "EUR bn" have ("(unaudited)" holds "aud", a code, with no
// scale after it). A code spelled with the Kelvin sign is left to
// textscan.FoldHas, which finds that sign.
func codeScale(s string) bool {
	for i := 3; i < len(s); i++ {
		if c := s[i] | 0x20; c != 'm' && c != 'b' {
			continue
		}
		k := i
		if isSpace(s[k-1]) {
			k--
		}
		if k >= 3 && slices.Contains(currencyCodeList, strings.ToLower(s[k-3:k])) {
			return true
		}
	}
	return false
}

// isUnitLine reports a line that states the table's scale.
func isUnitLine(t string) bool { return len(t) < 160 && mayUnit(t) && reUnit.MatchString(t) }

// ---- tagged tables ----

// taggedGrid reads lines[i..j] (<TABLE> … </TABLE>): the header is the
// <CAPTION> part (or the lines before <S>), the body follows the <S> line.
func taggedGrid(texts []string, i, j, off int) *grid {
	body := -1
	for k := i + 1; k < j; k++ {
		if isTag(texts[k], "S") || strings.HasPrefix(strings.TrimSpace(texts[k]), "<S>") {
			body = k + 1
			break
		}
	}
	if body < 0 {
		// no <S> line: the body starts at the first line with numbers
		for k := i + 1; k < j; k++ {
			if _, vals := splitRow(expandTabs(texts[k])); len(vals) > 0 {
				body = k
				break
			}
		}
	}
	if body < 0 {
		return nil
	}
	var starts []int
	if body > i+1 {
		starts = columnStarts(expandTabs(texts[body-1]))
	}
	return buildTextGrid(texts, i+1, body, j, off, starts)
}

// columnStarts reads the column positions of an EDGAR "<S>  <C>  <C>" line.
func columnStarts(s string) []int {
	var out []int
	rs := []rune(s)
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i+1] == 'C' || rs[i+1] == 'c') && rs[i] == '<' && rs[i+2] == '>' {
			out = append(out, i)
		}
	}
	return out
}

// ---- untagged tables ----

type tableRange struct{ head, body, end int } // header lines [head, body), body [body, end)

// findAlignedTables finds runs of lines that hold numbers in aligned columns
// with no <TABLE> markup (older plain-text releases).
func findAlignedTables(texts []string, used []bool) []tableRange {
	var out []tableRange
	n := len(texts)
	isNum := func(k int) bool {
		if used[k] {
			return false
		}
		t := expandTabs(texts[k])
		label, vals := splitRow(t)
		if len(vals) == 0 || allYears(vals) {
			return false
		}
		// a prose line that ends with a number is not a table row
		if len(vals) == 1 && (label == "" || len(label) > 60) {
			return false
		}
		if len(vals) == 1 && strings.Count(strings.TrimSpace(t), "  ") == 0 {
			return false
		}
		return true
	}
	isLabelOnly := func(k int) bool {
		if used[k] {
			return false
		}
		t := strings.TrimSpace(texts[k])
		if reRule.MatchString(texts[k]) && t != "" {
			return true
		}
		cs := chunksOf(expandTabs(texts[k]))
		// one run of words near the left margin: a section row or a wrapped label
		return t != "" && len(t) <= 60 && !reSentence.MatchString(t) && len(cs) == 1 && cs[0].start < 30
	}
	anyNum := func(a, b int) bool {
		for k := a; k < b; k++ {
			if isNum(k) {
				return true
			}
		}
		return false
	}
	prevEnd := 0
	for i := 0; i < n; i++ {
		if !isNum(i) {
			continue
		}
		// extend forward
		j, nums, blanks := i, 0, 0
		last := i
		for j < n {
			switch {
			case isNum(j):
				nums++
				blanks = 0
				last = j
			case isBlank(texts[j]):
				blanks++
				if blanks > 2 {
					goto done
				}
			case isLabelOnly(j):
				blanks = 0
			default:
				goto done
			}
			j++
		}
	done:
		if nums < 2 {
			i = last
			continue
		}
		end := last + 1
		// extend backward over label-only lines (section rows) into the header
		b := i
		for b > prevEnd && !used[b-1] && isLabelOnly(b-1) && !isBlank(texts[b-1]) {
			b--
		}
		body := b
		// the header: blocks of lines above, each after at most two blank
		// lines, as long as they read as column headers
		h := body
		for {
			k := h - 1
			for k > prevEnd && isBlank(texts[k]) && h-k <= 2 {
				k--
			}
			if k < prevEnd || k < 0 || used[k] || isBlank(texts[k]) {
				break
			}
			top := k
			for top > prevEnd && !used[top-1] && !isBlank(texts[top-1]) && k-top < 8 {
				top--
			}
			if !blockLooksLikeHeader(texts[top:k+1]) || anyNum(top, k+1) {
				break
			}
			h = top
		}
		out = append(out, tableRange{head: h, body: body, end: end})
		prevEnd = end
		i = end
	}
	return out
}

// blockLooksLikeHeader reports lines that read as column headers: some words
// or years standing apart in the right part of the line.
func blockLooksLikeHeader(ls []string) bool {
	for _, l := range ls {
		t := expandTabs(l)
		chunks := chunksOf(t)
		if len(chunks) >= 2 {
			return true
		}
		if len(chunks) == 1 && chunks[0].start > 25 {
			return true
		}
	}
	return false
}

func alignedGrid(texts []string, r tableRange, off int) *grid {
	return buildTextGrid(texts, r.head, r.body, r.end, off, nil)
}

// ---- shared text grid builder ----

// chunk is a run of text in a line separated from its neighbours by two or
// more spaces; start and end are column positions.
type chunk struct {
	start, end int
	text       string
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 8 - col%8
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}

// chunksOf splits a line at runs of two or more spaces, merging a lone "$"
// with the number after it and a lone "%" or ")" with the number before it.
func chunksOf(s string) []chunk {
	if cs, ok := oneChunk(s); ok {
		return cs
	}
	var out []chunk
	if isASCII(s) {
		// a rune a byte: no copy of the line in runes, and chunks that are
		// pieces of it
		out = spaceChunks(len(s), func(k int) bool { return s[k] == ' ' }, func(i, j int) string { return s[i:j] })
	} else {
		rs := []rune(s)
		out = spaceChunks(len(rs), func(k int) bool { return rs[k] == ' ' }, func(i, j int) string { return string(rs[i:j]) })
	}
	// merge currency signs and trailing marks
	var m []chunk
	for k := 0; k < len(out); k++ {
		c := out[k]
		if (c.text == "$" || c.text == "$(" || c.text == "(" || c.text == "€" || c.text == "£") && k+1 < len(out) && isNumberText(out[k+1].text) {
			nx := out[k+1]
			m = append(m, chunk{c.start, nx.end, c.text + nx.text})
			k++
			continue
		}
		if (c.text == "%" || c.text == ")" || c.text == "%)") && len(m) > 0 && isNumberText(m[len(m)-1].text) {
			m[len(m)-1].end = c.end
			m[len(m)-1].text += c.text
			continue
		}
		m = append(m, c)
	}
	return m
}

// spaceChunks splits a line of n runes, space(k) reporting whether rune k
// is a space, at runs of two or more spaces; text(i, j) is the text of
// runes i to j.
func spaceChunks(n int, space func(int) bool, text func(i, j int) string) []chunk {
	var out []chunk
	i := 0
	for i < n {
		for i < n && space(i) {
			i++
		}
		if i >= n {
			break
		}
		j := i
		for j < n {
			if space(j) && (j+1 >= n || space(j+1)) {
				break
			}
			j++
		}
		out = append(out, chunk{i, j, text(i, j)})
		i = j
	}
	return out
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// oneChunk is chunksOf(s) for a line with no run of two spaces, valid
// UTF-8 (as []rune reads it): the line without a leading and a trailing
// space is its one chunk, at rune offsets. Prose lines are such, and
// turning a long one into runes to find that out cost four times its
// size.
func oneChunk(s string) ([]chunk, bool) {
	if strings.Contains(s, "  ") || !utf8.ValidString(s) {
		return nil, false
	}
	t := strings.TrimPrefix(s, " ")
	start := len(s) - len(t)
	t = strings.TrimSuffix(t, " ")
	if t == "" {
		return nil, true
	}
	return []chunk{{start, start + utf8.RuneCountInString(t), t}}, true
}

var (
	reNumber = lazy.NewRegexp(`^[$€£]?\s*\(?\s*[-–—−+]?\s*[$€£]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*\)?\s*%?\s*\)?\*?$`)
	reNil    = lazy.NewRegexp(`(?i)^(?:[$]\s*)?(?:-+|—|–|\*+|n/?a|nm|n\.m\.?|nil|none)$`)
)

// isNumberText reports a table number: "$ 1,234", "(0.23)", "8.0%", "-13.0%", ".16".
func isNumberText(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || !strings.ContainsAny(t, "0123456789") || !numberChars(t) {
		return false
	}
	return reNumber.MatchString(t)
}

// numberChars reports whether every char of t is one reNumber can match
// (it is anchored at both ends): a digit, a sign, a currency sign,
// parentheses, ",", ".", "%", "*" or white space (\s). Most texts asked
// about are labels and words, which fail at their first letter without
// running the regexp.
func numberChars(t string) bool {
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9', r < utf8.RuneSelf && strings.IndexByte("$ \t\n\f\r()-+,.%*", byte(r)) >= 0:
		case r == '€', r == '£', r == '–', r == '—', r == '−':
		default:
			return false
		}
	}
	return true
}

// isValueText reports a number or a nil marker.
func isValueText(t string) bool { return isNumberText(t) || reNil.MatchString(strings.TrimSpace(t)) }

// splitRow splits a table line into its label and the trailing run of
// value chunks.
func splitRow(s string) (string, []chunk) {
	cs := chunksOf(s)
	k := len(cs)
	for k > 0 && isValueText(cs[k-1].text) {
		k--
	}
	// a label can't be only a value; a row of only values keeps them all
	var labels []string
	for _, c := range cs[:k] {
		labels = append(labels, c.text)
	}
	vals := cs[k:]
	// a lone nil marker with nothing else is a rule, not a value
	if len(vals) > 0 && k == 0 && len(vals) == 1 && !isNumberText(vals[0].text) {
		return "", nil
	}
	// "2004" alone on a line with a label is likely part of the label ("Issued in 2004")? keep as value
	return strings.Join(labels, " "), vals
}

// buildTextGrid builds a grid from texts[head:body] (header lines) and
// texts[body:end] (body lines). Columns come from clustering the right
// edges of the numbers in the body.
// With starts (the <C> positions of a tagged table) a value belongs to the
// column whose span holds its last digit.
func buildTextGrid(texts []string, head, body, end, off int, starts []int) *grid {
	type row struct {
		k      int
		label  string
		vals   []chunk
		indent int
	}
	var rows []row
	var edges []int
	for k := body; k < end; k++ {
		t := expandTabs(texts[k])
		if isBlank(t) || reTagLine.MatchString(t) || reRule.MatchString(t) {
			rows = append(rows, row{k: k, label: ""})
			continue
		}
		label, vals := splitRow(t)
		rows = append(rows, row{k: k, label: label, vals: vals, indent: leadingSpaces(t)})
		for _, v := range vals {
			if isNumberText(v.text) {
				edges = append(edges, rightEdge(v))
			}
		}
	}
	cols := clusterEdges(edges)
	if len(starts) > 0 {
		cols = usedColumns(starts, rows2vals(rows, func(r row) []chunk { return r.vals }))
	}
	if len(cols) == 0 {
		return nil
	}
	g := &grid{start: off + head + 1, end: off + end, ncols: len(cols)}
	// extents of each column: leftmost start of its chunks
	left := make([]int, len(cols))
	right := make([]int, len(cols))
	for i, c := range cols {
		left[i], right[i] = c, c
	}
	spanOf := func(e int) int { // explicit columns: the span holding position e
		k := 0
		for i, c := range cols {
			lo := c
			if i > 0 {
				lo = cols[i-1] + 1
			}
			if e >= lo {
				k = i
			}
		}
		return k
	}
	if len(starts) > 0 {
		// cols hold each column's right boundary
		for i := range cols {
			left[i] = cols[i]
			if i > 0 {
				left[i] = cols[i-1] + 1
			} else {
				left[i] = firstStart(starts, cols[0])
			}
		}
	}
	assign := func(vals []chunk) []int {
		if len(starts) > 0 {
			idx := make([]int, len(vals))
			for i, v := range vals {
				idx[i] = spanOf(rightEdge(v) - 1)
			}
			return idx
		}
		idx := make([]int, len(vals))
		prev := -1
		for i, v := range vals {
			e := rightEdge(v)
			best, bd := -1, 1<<30
			for c := prev + 1; c < len(cols); c++ {
				// leave room for the values still to place
				if len(cols)-c < len(vals)-i {
					break
				}
				d := abs(cols[c] - e)
				if d < bd {
					best, bd = c, d
				}
			}
			if best < 0 {
				best = min(prev+1, len(cols)-1)
			}
			idx[i] = best
			prev = best
		}
		return idx
	}
	valEdge := make([]int, len(cols)) // where each column's values end
	for _, r := range rows {
		for i, c := range assign(r.vals) {
			if r.vals[i].start < left[c] {
				left[c] = r.vals[i].start
			}
			valEdge[c] = max(valEdge[c], rightEdge(r.vals[i]))
		}
	}
	// header lines
	labelRight := left[0] - 1
	lastHead := -1
	for k := head; k < body; k++ {
		t := expandTabs(texts[k])
		if !(isBlank(t) || reTagLine.MatchString(t) || reRule.MatchString(t)) {
			lastHead = k
		}
	}
	for k := head; k < body; k++ {
		t := expandTabs(texts[k])
		if isBlank(t) || reTagLine.MatchString(t) || reRule.MatchString(t) {
			continue
		}
		hs := make([]string, len(cols))
		hl := ""
		any := false
		chunks := splitDates(chunksOf(t), left, right)
		if k == lastHead {
			// the header line right above the body names single columns: a
			// chunk over two columns ("2003 Change") is two headers
			chunks = splitWide(chunks, left, right)
		}
		// a row with about as many headers over the values as there are
		// columns names one column each; fewer are group headers that span
		inValues := 0
		for _, c := range chunks {
			if !reRule.MatchString(c.text) && c.end > left[0]-1 {
				inValues++
			}
		}
		perColumn := inValues >= len(cols) && len(cols) > 1
		for _, c := range chunks {
			if reRule.MatchString(c.text) {
				continue
			}
			if c.end <= labelRight-1 || c.end < left[0] && c.start < left[0]-6 {
				hl = strings.TrimSpace(hl + " " + c.text)
				continue
			}
			hit := false
			width := c.end - c.start
			ovs := make([]int, len(cols))
			for ci := range cols {
				lo := left[ci]
				if ci > 0 && right[ci-1]+1 > lo {
					lo = right[ci-1] + 1
				}
				ovs[ci] = min(c.end, right[ci]+1) - max(c.start, lo)
			}
			if perColumn {
				// a row with a header for each column: the one whose values end nearest
				e := rightEdge(c)
				best := 0
				for ci := range cols {
					if abs(valEdge[ci]-e) < abs(valEdge[best]-e) {
						best = ci
					}
				}
				hs[best] = strings.TrimSpace(hs[best] + " " + c.text)
				hit = true
			} else {
				for ci := range cols {
					// a spanning header sits over every column it overlaps enough
					if ovs[ci] >= 3 || ovs[ci] > 0 && ovs[ci]*2 >= width {
						hs[ci] = strings.TrimSpace(hs[ci] + " " + c.text)
						hit = true
					}
				}
			}
			if !hit {
				// nearest column by centre
				ctr := (c.start + c.end) / 2
				best, bd := 0, 1<<30
				for ci := range cols {
					if d := abs((left[ci]+right[ci])/2 - ctr); d < bd {
						best, bd = ci, d
					}
				}
				hs[best] = strings.TrimSpace(hs[best] + " " + c.text)
			}
			any = true
		}
		if !any && hl != "" && !isUnitLine(hl) && k == body-1 {
			// a label-only line just above the body is a section row
			rows = append([]row{{k: k, label: hl, indent: leadingSpaces(t)}}, rows...)
			continue
		}
		if !any && hl == "" {
			continue
		}
		if g.headerStart == 0 {
			g.headerStart = off + k + 1
		}
		g.headerEnd = off + k + 1
		g.header = append(g.header, hs)
		g.headLabel = append(g.headLabel, hl)
	}
	// body rows, joining labels wrapped over lines
	var pending *gridRow
	flush := func() {
		if pending != nil {
			g.rows = append(g.rows, *pending)
			pending = nil
		}
	}
	for _, r := range rows {
		if r.label == "" && len(r.vals) == 0 {
			flush()
			continue
		}
		cells := make([]string, len(cols))
		for i, c := range assign(r.vals) {
			if cells[c] != "" {
				cells[c] += " "
			}
			cells[c] += r.vals[i].text
		}
		line := off + r.k + 1
		if pending != nil && !pending.hasValues() && continues(pending.label, r.label, pending.indent, r.indent) {
			pending.label = joinLabel(pending.label, r.label)
			pending.cells = cells
			pending.end = line
			if len(r.vals) > 0 {
				flush()
			}
			continue
		}
		flush()
		gr := gridRow{label: r.label, cells: cells, line: line, end: line, indent: r.indent}
		if len(r.vals) > 0 {
			g.rows = append(g.rows, gr)
		} else {
			pending = &gr
		}
	}
	flush()
	return g
}

// continues reports whether next continues the wrapped label prev.
func continues(prev, next string, pi, ni int) bool {
	if prev == "" || next == "" {
		return false
	}
	p := strings.TrimSpace(prev)
	r := []rune(strings.TrimSpace(next))
	if p == "" || len(r) == 0 { // white space that is not a blank ("\v")
		return false
	}
	if unicode.IsLower(r[0]) {
		return true
	}
	if strings.HasSuffix(p, ":") || strings.HasSuffix(p, " -") || strings.ToUpper(p) == p {
		return false
	}
	last := strings.ToLower(p[strings.LastIndexAny(p, " ")+1:])
	if strings.HasSuffix(p, ",") || strings.HasSuffix(p, "-") || minorWord[last] || last == "less" || last == "net" && false {
		return true
	}
	// deeper indentation under a label that is not a heading
	return ni > pi && unicode.IsDigit(r[0])
}

func joinLabel(a, b string) string {
	a = strings.TrimSpace(a)
	b = strings.TrimSpace(b)
	if strings.HasSuffix(a, "-") && len(a) > 1 && isWordByte(a[len(a)-2]) {
		return a + b
	}
	return a + " " + b
}

// rightEdge is where a value's digits end, ignoring a closing parenthesis or
// percent sign so that "(58)" and "8.0%" line up with "151".
func rightEdge(c chunk) int {
	e := c.end
	t := c.text
	for len(t) > 0 && (t[len(t)-1] == ')' || t[len(t)-1] == '%' || t[len(t)-1] == '*') {
		t = t[:len(t)-1]
		e--
	}
	return e
}

// clusterEdges groups right edges that lie within 3 columns of each other
// and returns the centre of each group with enough support, left to right.
func clusterEdges(edges []int) []int {
	if len(edges) == 0 {
		return nil
	}
	sort.Ints(edges)
	type cl struct{ lo, hi, n, sum int }
	var cs []cl
	for _, e := range edges {
		if len(cs) > 0 && e-cs[len(cs)-1].hi <= 3 {
			c := &cs[len(cs)-1]
			c.hi = e
			c.n++
			c.sum += e
			continue
		}
		cs = append(cs, cl{e, e, 1, e})
	}
	maxN := 0
	for _, c := range cs {
		maxN = max(maxN, c.n)
	}
	var out []int
	for _, c := range cs {
		if c.n*6 >= maxN || c.n >= 3 {
			// the most common edge in the group
			out = append(out, c.hi)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func trimAll(ls []string) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		if t := joinFields(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// mergeLists joins a lead-in that ends with a colon ("In the second quarter,
// the Company:") and the more indented bullets under it into one passage,
// so that a question about the list finds it whole.
func mergeLists(blocks []block, texts []string, off int) []block {
	var out []block
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if (b.kind == bPara || b.kind == bBullet) && strings.HasSuffix(strings.TrimSpace(b.text), ":") {
			lead := leadingSpaces(texts[b.start-1-off])
			j := i + 1
			for j < len(blocks) && blocks[j].kind == bBullet && leadingSpaces(texts[blocks[j].start-1-off]) > lead {
				b.text += " " + blocks[j].text
				b.lines = append(b.lines, blocks[j].lines...)
				b.end = blocks[j].end
				j++
			}
			i = j - 1
		}
		out = append(out, b)
	}
	return out
}

func rows2vals[R any](rows []R, f func(R) []chunk) [][]chunk {
	out := make([][]chunk, len(rows))
	for i, r := range rows {
		out[i] = f(r)
	}
	return out
}

// usedColumns turns <C> start positions into column right boundaries
// (the position before the next column starts), keeping only columns that
// hold a value in some row.
func usedColumns(starts []int, rows [][]chunk) []int {
	bounds := make([]int, len(starts))
	for i := range starts {
		if i+1 < len(starts) {
			bounds[i] = starts[i+1] - 1
		} else {
			bounds[i] = 1 << 20
		}
	}
	used := make([]bool, len(starts))
	lastEnd := 0
	for _, vals := range rows {
		for _, v := range vals {
			e := rightEdge(v) - 1
			k := 0
			for i, st := range starts {
				if e >= st || i == 0 {
					k = i
				}
			}
			used[k] = true
			if k == len(starts)-1 {
				lastEnd = max(lastEnd, v.end)
			}
		}
	}
	if lastEnd > 0 {
		bounds[len(bounds)-1] = lastEnd
	}
	var out []int
	for i, b := range bounds {
		if used[i] {
			out = append(out, b)
		} else if len(out) > 0 {
			// an empty column's span joins the one before it
			out[len(out)-1] = b
		}
	}
	return out
}

func firstStart(starts []int, bound int) int {
	if len(starts) > 0 {
		return starts[0]
	}
	return bound
}

// splitWide splits chunks that overlap several columns and are wider than
// one ("2003 Change") into their words.
func splitWide(cs []chunk, left, right []int) []chunk {
	maxW := 0
	for i := range left {
		maxW = max(maxW, right[i]-left[i]+1)
	}
	var out []chunk
	for _, c := range cs {
		n := 0
		for i := range left {
			if min(c.end, right[i]+1)-max(c.start, left[i]) > 0 {
				n++
			}
		}
		if n < 2 {
			out = append(out, c)
			continue
		}
		rs := []rune(c.text)
		i := 0
		for i < len(rs) {
			for i < len(rs) && rs[i] == ' ' {
				i++
			}
			j := i
			for j < len(rs) && rs[j] != ' ' {
				j++
			}
			// a lone sign ("%", "$") belongs to the word after it
			if w := string(rs[i:j]); (w == "%" || w == "$" || w == "(") && j < len(rs) {
				j++
				for j < len(rs) && rs[j] != ' ' {
					j++
				}
			}
			if j > i {
				out = append(out, chunk{c.start + i, c.start + j, string(rs[i:j])})
			}
			i = j
		}
	}
	return out
}

var reYearOnly = lazy.NewRegexp(`^\(?(19|20)\d\d\)?[*†‡]*$`)

// allYears reports a row of column headers that are years ("2004  2003").
func allYears(vals []chunk) bool {
	for _, v := range vals {
		if !reYearOnly.MatchString(strings.TrimSpace(v.text)) {
			return false
		}
	}
	return len(vals) > 0
}

var reMonthWord = lazy.NewRegexp(`(?i)\b(` + period.MonthRe + `)`)

// splitDates splits a header chunk that holds several dates and spans
// several columns ("June 28, January 3,") before each month name.
func splitDates(cs []chunk, left, right []int) []chunk {
	var out []chunk
	for _, c := range cs {
		locs := reMonthWord.FindAllStringIndex(c.text, -1)
		if len(locs) < 2 || strings.ContainsRune(c.text, '\u2013') {
			out = append(out, c)
			continue
		}
		rs := c.text
		prev := 0
		for i, l := range locs {
			if i == 0 {
				continue
			}
			part := strings.TrimSpace(rs[prev:l[0]])
			if part != "" {
				st := c.start + len([]rune(rs[:prev]))
				out = append(out, chunk{st, st + len([]rune(part)), part})
			}
			prev = l[0]
		}
		part := strings.TrimSpace(rs[prev:])
		st := c.start + len([]rune(rs[:prev]))
		out = append(out, chunk{st, st + len([]rune(part)), part})
	}
	return out
}

// isPeriodLine reports a short line that names the period a table covers
// ("* Domestic segment detail for the 13 weeks ended June 28, 2003").
func isPeriodLine(t string) bool {
	if len(t) > 140 {
		return false
	}
	for _, m := range period.ScanPeriods(t) {
		if m.Period.Months > 0 && !m.Period.End.IsZero() {
			return true
		}
	}
	return false
}

// findAllUnits is reUnit.FindAllStringIndex(s, -1), skipped where reUnit
// cannot match.
func findAllUnits(s string) [][]int {
	if !mayUnit(s) {
		return nil
	}
	return reUnit.FindAllStringIndex(s, -1)
}

// blankUnits is reUnit.ReplaceAllString(s, " "), skipped where reUnit
// cannot match.
func blankUnits(s string) string {
	if !mayUnit(s) {
		return s
	}
	return reUnit.ReplaceAllString(s, " ")
}

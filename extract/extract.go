package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/textscan"
	"github.com/ex99/ex99/period"
	"github.com/ex99/ex99/vocab"
)

// ErrNotRelease is returned (wrapped) for input that cannot be a release:
// empty, binary, or with no text at all.
var ErrNotRelease = errors.New("not a press release")

// Parse reads a release from src. name is the document's name (the file's
// base name). The format is detected from the content: an EDGAR submission
// file (<SEC-DOCUMENT>, <DOCUMENT>), HTML, or plain text. Errors wrap
// ErrNotRelease for empty or binary input.
func Parse(name string, src []byte) (*Document, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, fmt.Errorf("extract: %s: empty file: %w", name, ErrNotRelease)
	}
	sum := sha256.Sum256(src)
	doc := &Document{Name: name, Hash: hex.EncodeToString(sum[:]), Size: len(src)}
	if u, ok := fromUTF16(src); ok {
		src = u // the NULs of UTF-16 would read as binary
	}
	if kind := binaryKind(src); kind != "" {
		return nil, fmt.Errorf("extract: %s: %s, not text: %w", name, kind, ErrNotRelease)
	}
	text := toUTF8(src)
	var blocks []block
	switch detectFormat(text) {
	case "submission":
		doc.Format = "submission"
		blocks = readSubmission(doc, text)
	case "html":
		doc.Format = "html"
		doc.Lines, blocks = readHTML(text, 0)
	default:
		doc.Format = "text"
		doc.Lines, blocks = readText(text, 0)
	}
	if len(doc.Lines) == 0 {
		return nil, fmt.Errorf("extract: %s: no text found: %w", name, ErrNotRelease)
	}
	interpret(doc, blocks)
	return doc, nil
}

// fromUTF16 decodes UTF-16 text to UTF-8: text with a byte-order mark, or
// without one where every other byte of its start is NUL and the others
// are not (Windows' "Unicode" text files). Anything else is left alone.
func fromUTF16(src []byte) ([]byte, bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(src, []byte{0xff, 0xfe}):
		order, src = binary.LittleEndian, src[2:]
	case bytes.HasPrefix(src, []byte{0xfe, 0xff}):
		order, src = binary.BigEndian, src[2:]
	case looksUTF16(src, 1):
		order = binary.LittleEndian
	case looksUTF16(src, 0):
		order = binary.BigEndian
	default:
		return nil, false
	}
	units := make([]uint16, len(src)/2)
	for i := range units {
		units[i] = order.Uint16(src[2*i:])
	}
	return []byte(string(utf16.Decode(units))), true
}

// looksUTF16 reports whether the first bytes of src, taken in pairs, have a
// NUL at offset nul of (nearly) every pair and none at the other: ASCII-range
// text in UTF-16.
func looksUTF16(src []byte, nul int) bool {
	n := min(len(src), 4000) &^ 1
	if n < 8 {
		return false
	}
	zeros := 0
	for i := 0; i < n; i += 2 {
		if src[i+1-nul] == 0 {
			return false
		}
		if src[i+nul] == 0 {
			zeros++
		}
	}
	return zeros*10 >= n/2*9
}

// binaryKind names binary content (a PDF, an image, an archive), or "".
func binaryKind(src []byte) string {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	switch {
	case bytes.HasPrefix(src, []byte("%PDF")):
		return "a PDF file"
	case bytes.HasPrefix(src, []byte("GIF8")):
		return "a GIF image"
	case bytes.HasPrefix(src, []byte("\x89PNG")):
		return "a PNG image"
	case bytes.HasPrefix(src, []byte("\xff\xd8\xff")):
		return "a JPEG image"
	case bytes.HasPrefix(src, []byte("PK\x03\x04")):
		return "a zip archive"
	case bytes.HasPrefix(src, []byte("\x1f\x8b")):
		return "a gzip archive"
	case bytes.IndexByte(head, 0) >= 0:
		return "binary data"
	}
	return ""
}

// documentTags counts the lines of src that open a <DOCUMENT>, up to 2.
// Every one holds "<document>" in some case (textscan.IndexFold also
// takes bytes 0x1c and 0x1e for "<" and ">": it may find more): the regexp, over the whole
// release, ran only where that is found (it ran twice, and was a
// fortieth of Parse's time).
func documentTags(src []byte) int {
	if textscan.IndexFold(string(src), "<document>") < 0 {
		return 0
	}
	return len(reDocumentTag.FindAllIndex(src, 2))
}

// detectFormat tells a submission file, HTML and plain text apart.
func detectFormat(src []byte) string {
	head := src
	if len(head) > 4096 {
		head = head[:4096]
	}
	low := bytes.ToLower(head)
	if bytes.HasPrefix(bytes.TrimSpace(low), []byte("<document>")) {
		return "submission"
	}
	if reSubmissionTag.Match(head) || documentTags(src) > 1 {
		return "submission"
	}
	for _, tag := range []string{"<html", "<body", "<div", "<p>", "<p ", "<font", "<br", "<td", "<tr"} {
		if bytes.Contains(low, []byte(tag)) {
			return "html"
		}
	}
	// EDGAR's plain-text tables use <TABLE> with <CAPTION>, <S> and <C>: that is text
	if bytes.Contains(low, []byte("<table")) && !reEdgarTextTable.Match(src) {
		return "html"
	}
	if bytes.Contains(low, []byte("<document>")) && bytes.Contains(low, []byte("<text>")) {
		// a single exhibit with its SGML wrapper: the format of its text decides
		return "submission"
	}
	return "text"
}

// reSubmissionTag and reDocumentTag are the SGML tags of an EDGAR
// submission, at the start of a line (prose that names them is not one).
var (
	reSubmissionTag = lazy.NewRegexp(`(?im)^\s*<(?:sec-document|sec-header|ims-header)>`)
	reDocumentTag   = lazy.NewRegexp(`(?im)^\s*<document>`)
)

var reEdgarTextTable = lazy.NewRegexp(`(?im)^\s*<(?:S|C|CAPTION|PAGE)>`)

// interpret turns blocks into passages, tables and facts, and learns the
// calendar, the current period and the entities.
func interpret(doc *Document, blocks []block) {
	section, tableSection := "", "" // tableSection: a segment named in a table title
	var texts, heads []string
	var stated map[string]map[int32]bool // figures the prose states with a scale (statedFigures)
	for bi, b := range blocks {
		switch b.kind {
		case bHeading:
			section = strings.TrimRight(b.text, ":")
			heads = append(heads, b.text)
			tableSection = ""
		case bPara, bBullet:
			doc.Passages = append(doc.Passages, Passage{Section: section, Start: b.start, End: b.end, Text: b.text, Bullet: b.kind == bBullet})
			texts = append(texts, b.text)
		case bTable:
			if !hasUnit(b.grid) {
				// "The table below presents net sales by contract type (in millions):"
				if u := nearbyUnit(blocks, bi); u != "" {
					b.grid.title = append(b.grid.title, u)
				}
			} else if u := nearbySharesUnit(blocks, bi); u != "" {
				// a table in millions that "sets forth … (shares in thousands)"
				b.grid.title = append(b.grid.title, u)
			}
			if !hasUnit(b.grid) && len(doc.Tables) > 0 {
				// a table right after another, with no unit line of its own, shares its scale
				prev := doc.Tables[len(doc.Tables)-1]
				if prev.Unit != "" && b.grid.start-prev.End <= 20 {
					b.grid.title = append(b.grid.title, prev.Unit)
				}
			}
			if !hasUnit(b.grid) {
				// "… decreased $8.6 million to $24.9 million" beside a table
				// "24.9 | 33.5 | (8.6)" that states no scale
				if stated == nil {
					stated = statedFigures(blocks)
				}
				if u := textScale(b.grid, stated); u != "" {
					b.grid.title = append(b.grid.title, u)
				}
			}
			if len(doc.Tables) > 0 && blankHeader(b.grid) {
				// a table that goes on after a break with no header of its own
				// (a page or a spacer row split it) has its predecessor's columns
				prev := doc.Tables[len(doc.Tables)-1]
				if len(prev.Columns) == b.grid.ncols && b.grid.start-prev.End <= 3 {
					hs := make([]string, b.grid.ncols)
					for c := range prev.Columns {
						hs[c] = prev.Columns[c].Header
					}
					b.grid.header, b.grid.headLabel = [][]string{hs}, []string{""}
					b.grid.headerStart, b.grid.headerEnd = prev.HeaderStart, prev.HeaderEnd
					if len(b.grid.title) == 0 {
						b.grid.title = append(b.grid.title, prev.Title...)
					}
				}
			}
			t, facts := buildTable(b.grid, len(doc.Tables))
			// a title naming a segment ("CONSTRUCTION INDUSTRIES") opens its section
			for _, l := range b.grid.title {
				if isHeadingText(l) && isEntityName(l) && !namesCompany(l, doc.Company) {
					tableSection = strings.TrimRight(l, ":")
				}
			}
			// so does one over the label column of its header ("Retail Banking
			// | 4Q20 3Q20 4Q19")
			for _, l := range b.grid.headLabel {
				l = strings.TrimSpace(l)
				if l != "" && !isUnitLine(l) && !strings.ContainsAny(l, "0123456789") && len(period.ScanPeriods(l)) == 0 &&
					isEntityName(l) && !isCompanyName(l, doc.Company) && !monthWord(l) {
					tableSection = strings.TrimRight(l, ":")
				}
			}
			t.Section = tableSection
			doc.Tables = append(doc.Tables, t)
			if len(doc.Facts) == 0 && len(facts) > 0 {
				doc.Facts = facts // a large table's facts are not copied
			} else {
				doc.Facts = append(doc.Facts, facts...)
			}
		}
	}
	attachNotes(doc)
	if doc.Company == "" {
		doc.Company = findCompany(doc)
	}
	doc.Ticker = findTicker(doc)
	doc.Calendar = learnCalendar(texts)
	for i := range doc.Tables {
		for c := range doc.Tables[i].Columns {
			doc.Calendar.fill(&doc.Tables[i].Columns[c].Period, period.Period{})
		}
	}
	for i := range doc.Facts {
		f := &doc.Facts[i]
		if f.rowPeriod {
			doc.Calendar.fill(&f.Period, period.Period{})
			continue
		}
		f.Period = doc.Tables[f.TableIndex].Columns[f.ColIndex].Period
	}
	doc.Current, doc.Latest = currentPeriods(doc)
	if !doc.Calendar.Known && doc.Current.Months == 3 && doc.Current.End.M > 0 {
		if c, ok := calendarFromNarrative(append(append([]string{}, heads...), texts...), doc.Current.End); ok {
			doc.Calendar = c
			for i := range doc.Tables {
				for c := range doc.Tables[i].Columns {
					col := &doc.Tables[i].Columns[c]
					p := &col.Period
					switch {
					case col.named && p.FQ > 0:
						// "Fiscal 2013 Q1" keeps its label; its end follows the calendar
						p.End = period.Date{}
					case col.named:
						// so does "Fiscal 2013"
						y := p.FY
						if y == 0 {
							y = p.End.Y
						}
						p.End = period.Date{Y: y}
					default:
						p.FQ, p.FY = 0, 0
					}
					doc.Calendar.fill(p, period.Period{})
				}
			}
			for i := range doc.Facts {
				f := &doc.Facts[i]
				if f.rowPeriod {
					f.Period.FQ, f.Period.FY = 0, 0
					doc.Calendar.fill(&f.Period, period.Period{})
					continue
				}
				f.Period = doc.Tables[f.TableIndex].Columns[f.ColIndex].Period
			}
			doc.Current, doc.Latest = currentPeriods(doc)
		}
	}
	// narrative facts
	var ctx period.Period
	sectionEntity := sectionEntities(doc)
	names := map[string]bool{}
	for _, e := range sectionEntity {
		for _, w := range strings.Fields(vocab.Normalize(e)) {
			names[w] = true
		}
	}
	for _, f := range doc.Facts {
		for _, w := range strings.Fields(vocab.Normalize(f.Entity)) {
			names[w] = true
		}
	}
	doc.Facts = slices.Grow(doc.Facts, textFigureHint(doc.Passages))
	ev := newNoteEvidence(doc.Passages)
	n0 := len(doc.Facts)
	for i := range doc.Passages {
		p := &doc.Passages[i]
		n := len(doc.Facts)
		doc.Facts = narrativeFacts(doc.Facts, p, doc.Company, &ctx, names, &ev)
		fs := doc.Facts[n:]
		var pl passageLines
		// a clause printed twice in a passage is cited where it first
		// stands, as strings.Index found it before
		firstAt := map[string]int{}
		prevAt, prevFirst := -1, -1
		for k := range fs {
			at := fs[k].textAt
			if at == prevAt {
				// the clause of the figure before (a clause can be long: hash it once)
				fs[k].textAt = prevFirst
				continue
			}
			if first, ok := firstAt[fs[k].Text]; ok {
				fs[k].textAt = first
			} else {
				firstAt[fs[k].Text] = at
			}
			prevAt, prevFirst = at, fs[k].textAt
		}
		for k := range fs {
			if fs[k].Entity == "" && sectionEntity[p.Section] != "" {
				// a figure under the heading "Sears Canada" is Sears Canada's
				fs[k].Entity = sectionEntity[p.Section]
			}
			doc.Calendar.fill(&fs[k].Period, doc.Current)
			// cite the sentence's own lines where they can be found
			fs[k].Start, fs[k].End = pl.clauseLines(doc, p, fs[k].textAt, len(fs[k].Text))
		}
	}
	attachTextNotes(doc, n0)
	if doc.Current.IsZero() {
		doc.Current = narrativeCurrent(doc)
	}
	titleEntities(doc)
	doc.Entities = entitiesOf(doc.Facts)
}

// currentPeriods finds the release's own quarter (the latest three-month
// column; else the latest year) and its latest balance-sheet date.
func currentPeriods(doc *Document) (period.Period, period.Date) {
	var cur period.Period
	var latest period.Date
	better := func(p period.Period) bool {
		if cur.IsZero() {
			return true
		}
		if p.Months == 3 && cur.Months != 3 {
			return true
		}
		if p.Months != 3 && cur.Months == 3 {
			return false
		}
		return p.End.Days() > cur.End.Days()
	}
	// columns that print their end date win over ones whose date was
	// inferred from a fiscal quarter name ("Q4 FY14")
	dated := false
	for _, t := range doc.Tables {
		for _, c := range t.Columns {
			if c.Kind == "" && c.Period.Kind == period.Duration && (c.Period.Months == 3 || c.Period.Months == 12) && c.Period.End.D > 0 {
				dated = true
			}
		}
	}
	for _, t := range doc.Tables {
		for _, c := range t.Columns {
			p := c.Period
			if c.Kind != "" || dated && p.Kind == period.Duration && p.End.D == 0 {
				continue
			}
			switch {
			case p.Kind == period.Instant:
				if p.End.Days() > latest.Days() || latest.IsZero() {
					latest = p.End
				}
			case p.Kind == period.Duration && (p.Months == 3 || p.Months == 12) && !p.End.IsZero():
				if better(p) {
					cur = p
					cur.Label = ""
				}
			}
		}
	}
	if cur.IsZero() && doc.Calendar.Known {
		cur = period.Period{Kind: period.Duration, Months: 3, End: doc.Calendar.End, FQ: doc.Calendar.FQ, FY: doc.Calendar.FY}
	}
	return cur, latest
}

// narrativeCurrent picks the period a release without tables is about: the
// most often named quarter or year.
func narrativeCurrent(doc *Document) period.Period {
	count := map[string]int{}
	keep := map[string]period.Period{}
	for _, f := range doc.Facts {
		p := f.Period
		if p.FY == 0 || p.Kind != period.Duration {
			continue
		}
		k := fmt.Sprint(p.Months, p.FQ, p.FY)
		count[k]++
		keep[k] = p
	}
	best, bn := "", 0
	for k, n := range count {
		if n > bn || n == bn && keep[k].End.Days() > keep[best].End.Days() {
			best, bn = k, n
		}
	}
	return keep[best]
}

// passageLines maps offsets in a passage's folded text to its view lines:
// ends[k] is the offset just past the k-th non-blank line (and the space
// that joins it to the next), lines[k] that line's number. It is built
// once per passage: walking and folding the passage's lines for every
// figure cost time quadratic in a long paragraph.
type passageLines struct {
	built bool
	ends  []int
	lines []int
}

// clauseLines finds the view lines of passage p that hold the clause of n
// bytes at offset at of its text.
func (pl *passageLines) clauseLines(doc *Document, p *Passage, at, n int) (int, int) {
	if at < 0 || p.Start == p.End {
		return p.Start, p.End
	}
	if !pl.built {
		pl.built = true
		pos := 0
		for ln := p.Start; ln <= p.End && ln <= len(doc.Lines); ln++ {
			t := strings.Join(strings.Fields(doc.Lines[ln-1].Text), " ")
			if t == "" {
				continue
			}
			pos += len(t) + 1
			pl.ends = append(pl.ends, pos)
			pl.lines = append(pl.lines, ln)
		}
	}
	first, last := p.Start, p.End
	// the first line that reaches past the clause's start, the first that
	// holds its end
	if k := sort.SearchInts(pl.ends, at+1); k < len(pl.ends) {
		first = pl.lines[k]
	}
	if k := sort.SearchInts(pl.ends, at+n); k < len(pl.ends) {
		last = pl.lines[k]
	}
	if last < first {
		last = first
	}
	return first, last
}

// Company names are matched by letters of any script ("Nestlé", "Ölwerke",
// "Société"): Go's \w and \b know ASCII only, so a name with an accented
// letter lost all but its suffix ("Inc."). nameStart stands for \b before
// such a word; nameWord is one capitalized word of a name.
const (
	nameStart = `(?:^|[^\p{L}\p{N}_])`
	nameWord  = `\p{Lu}[\p{L}\p{N}_&.'’®™-]*`
	nameWordT = `\p{Lu}[\p{L}\p{N}_&'’-]*`  // without the dot and marks
	nameWordH = `\p{Lu}[\p{L}\p{N}_&'’.-]*` // without the marks
)

var reCompany = lazy.NewRegexp(nameStart + `((?:` + nameWord + `,?\s+(?:(?:and|&|of|de)\s+)?){1,4}(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|plc|N\.V\.|L\.P\.|Holdings|Bancorp))(?:\s*\([^)]{0,40}\))?,?\s+(?:today\s+)?(?:announced|reported|disclosed|posted|released|said)`)

// findCompany reads the company's name from the opening text ("Innovo
// Group Inc. (NASDAQ: INNO) today disclosed …", "ABVC BioPharma, Inc.
// (NASDAQ: ABVC), a clinical-stage …").
func findCompany(doc *Document) string {
	for _, re := range []*lazy.Regexp{reCompany, reCompanyTicker, reCompanyToday, reCompanyHeadline} {
		for i, p := range doc.Passages {
			if i > 12 {
				break
			}
			if m := re.FindStringSubmatch(p.Text); m != nil {
				name := strings.TrimSpace(strings.TrimRight(m[1], ", "))
				name = strings.NewReplacer("®", "", "™", "").Replace(strings.TrimPrefix(name, "The "))
				if strings.EqualFold(name, "the company") || strings.EqualFold(name, "company") {
					continue
				}
				return name
			}
		}
	}
	return ""
}

// "Apple® today announced", "Apple Reports Third Quarter Results"
var (
	reCompanyToday    = lazy.NewRegexp(`(?:^|[—–\-,.]\s*|\s)((?:` + nameWordT + `\s+){0,3}` + nameWordT + `)[®™]?\s+today\s+(?:announced|reported|posted|released)`)
	reCompanyHeadline = lazy.NewRegexp(`^((?:` + nameWordH + `\s+){0,3}` + nameWordH + `)[®™]?\s+(?:Reports|Announces|Posts|Releases)\b`)
)

var reCompanyTicker = lazy.NewRegexp(nameStart + `((?:` + nameWord + `,?\s+(?:(?:and|&|of|de)\s+)?){0,4}(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Group|plc|N\.V\.|L\.P\.|Holdings|Bancorp|\p{Lu}[\p{L}\p{N}_&.-]+))\s*\((?:NASDAQ|NYSE|Nasdaq|NYSE American|AMEX|OTC|TSX|LSE)\b`)

// entitiesOf lists the distinct entities facts name.
func entitiesOf(facts []Fact) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range facts {
		if f.Entity != "" && !seen[f.Entity] {
			seen[f.Entity] = true
			out = append(out, f.Entity)
		}
	}
	sort.Strings(out)
	return out
}

// toUTF8 returns src as UTF-8: valid UTF-8 is kept; otherwise bytes are
// read as Windows-1252, as old filings are.
func toUTF8(src []byte) []byte {
	if isUTF8(src) {
		return src
	}
	var b bytes.Buffer
	b.Grow(len(src) + len(src)/8)
	for _, c := range src {
		if c < 0x80 {
			b.WriteByte(c)
			continue
		}
		if r := cp1252[c]; r != 0 {
			b.WriteRune(r)
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.Bytes()
}

func isUTF8(b []byte) bool { return utf8.Valid(b) }

// cp1252 maps the Windows-1252 bytes 0x80–0x9f that differ from Latin-1.
var cp1252 = map[byte]rune{0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰',
	0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
	0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ'}

// hasUnit reports whether a table states its own scale.
func hasUnit(g *grid) bool {
	for _, s := range g.title {
		if isUnitLine(s) {
			return true
		}
	}
	for _, s := range g.headLabel {
		if isUnitLine(s) {
			return true
		}
	}
	for _, h := range g.header {
		for _, c := range h {
			if isUnitLine(c) {
				return true
			}
		}
	}
	return false
}

// sectionEntities maps section headings that name an entity of the tables
// (a segment column "Domestic", a subsidiary block "Georgia Power", a row of
// a segment table) to that entity.
func sectionEntities(doc *Document) map[string]string {
	known := map[string]string{}
	add := func(name string) {
		n := strings.ToLower(strings.TrimSpace(strings.TrimRight(name, ":- ")))
		if n != "" {
			known[n] = strings.TrimRight(name, ":- ")
		}
	}
	for _, f := range doc.Facts {
		if f.Entity != "" {
			add(f.Entity)
		}
	}
	for _, t := range doc.Tables {
		title := strings.ToLower(strings.Join(t.Title, " "))
		if !reSegmentTitle.MatchString(title) {
			continue
		}
		for _, r := range t.Rows {
			if isEntityName(r.Label) {
				add(r.Label)
			}
		}
	}
	out := map[string]string{}
	for _, p := range doc.Passages {
		if p.Section == "" {
			continue
		}
		if e, ok := known[strings.ToLower(strings.TrimRight(p.Section, ":- "))]; ok && !isCompanyName(e, doc.Company) {
			out[p.Section] = e
		}
	}
	return out
}

var reSegmentTitle = lazy.NewRegexp(`segment|by region|geograph|by business|by division|reportable`)

// titleEntities gives a table's entity-less facts the entity its title
// names, when the release also uses that name as a section heading
// ("CONSTRUCTION INDUSTRIES" over a segment's table, "Construction
// Industries" heading its discussion).
func titleEntities(doc *Document) {
	// only names the release uses as entities elsewhere ("Construction
	// Industries' total sales"), not any capitalized title ("Financial Tables")
	known := map[string]string{}
	for _, f := range doc.Facts {
		if f.Entity != "" {
			known[vocab.Normalize(f.Entity)] = f.Entity
		}
	}
	// a name heading one table that is a row of another ("Retail Banking"
	// heading its results, and a row of "Business Segment Income")
	rowLabels := map[string]bool{}
	for _, t := range doc.Tables {
		for _, r := range t.Rows {
			rowLabels[vocab.Normalize(r.Label)] = true
		}
	}
	for _, t := range doc.Tables {
		if n := vocab.Normalize(t.Section); n != "" && rowLabels[n] && known[n] == "" && isEntityName(t.Section) {
			known[n] = strings.TrimRight(t.Section, ":- ")
		}
	}
	tableEntity := map[int]string{}
	for i, t := range doc.Tables {
		if e, ok := known[vocab.Normalize(t.Section)]; ok && t.Section != "" {
			tableEntity[i] = e
		}
	}
	for i := range doc.Facts {
		f := &doc.Facts[i]
		if f.Source == "table" && f.Entity == "" {
			if e, ok := tableEntity[f.TableIndex]; ok {
				f.Entity = e
			}
		}
	}
}

// namesCompany reports a title about the company as a whole: it shares a
// word with the company's name or says "and subsidiaries", "Inc.".
func namesCompany(title, company string) bool {
	t := " " + vocab.Normalize(title) + " "
	for _, w := range []string{" subsidiaries ", " inc ", " corporation ", " company ", " corp ", " group ", " holdings ", " plc "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	for _, w := range strings.Fields(vocab.Normalize(company)) {
		if len(w) > 2 && !corpSuffix[w] && strings.Contains(t, " "+w+" ") {
			return true
		}
	}
	return false
}

var reTicker = lazy.NewRegexp(`\((?:NYSE|NASDAQ|Nasdaq|NasdaqGS|NasdaqGM|NYSE American|NYSE MKT|AMEX|OTC[A-Z]*|TSX)\s*[:\-]?\s*([A-Z][A-Z.]{0,5})\)`)

// findTicker reads the stock symbol from the opening text ("(NYSE: CAT)").
func findTicker(doc *Document) string {
	for i, p := range doc.Passages {
		if i > 15 {
			break
		}
		if m := reTicker.FindStringSubmatch(p.Text); m != nil {
			return strings.TrimSuffix(m[1], ".")
		}
	}
	return ""
}

var reUnitPhrase = lazy.NewRegexp(`(?i)\((?:\$|dollars|amounts|tables?)?\s*in\s+(thousands?|millions?|billions?|000['’]?s)\b[^()]{0,60}\)|\b(?:dollars|amounts|\$)\s+in\s+(thousands|millions|billions)\b|\bin\s+(thousands|millions|billions)\s+of\s+dollars\b`)

// nearbyUnit finds a scale stated in prose right before or after a table
// ("… by contract type (in millions):"), else the nearest parenthesized one
// ("… the following (in thousands):") anywhere in the text.
func nearbyUnit(blocks []block, i int) string {
	u := moneyUnit(blocks, i)
	// "(shares in thousands, except per share data)" beside "(Tabular
	// amounts in millions)": the share counts' own scale
	for _, j := range []int{i - 1, i + 1, i - 2, i + 2, i - 3, i + 3} {
		if j < 0 || j >= len(blocks) || blocks[j].kind == bTable {
			continue
		}
		if m := reSharesParen.FindString(blocks[j].text); m != "" && u != "" && !strings.Contains(u, m) {
			return u + " " + m
		}
	}
	return u
}

// nearbySharesUnit finds the scale of a table's share counts stated in
// prose right before or after it ("… per share data (shares in thousands,
// except per share data):"), or "".
func nearbySharesUnit(blocks []block, i int) string {
	for _, j := range []int{i - 1, i + 1, i - 2, i + 2} {
		if j < 0 || j >= len(blocks) || blocks[j].kind == bTable {
			continue
		}
		if m := reSharesParen.FindString(blocks[j].text); m != "" {
			return m
		}
	}
	return ""
}

// reSharesParen states the scale of a table's share counts.
var reSharesParen = lazy.NewRegexp(`(?i)\(\s*shares\s+in\s+(?:thousands|millions)\b[^()]{0,60}\)`)

// moneyUnit is nearbyUnit's money scale.
func moneyUnit(blocks []block, i int) string {
	for _, j := range []int{i - 1, i + 1, i - 2, i + 2} {
		if j < 0 || j >= len(blocks) || blocks[j].kind == bTable {
			continue
		}
		if m := reUnitPhrase.FindString(blocks[j].text); m != "" {
			return "(" + strings.Trim(m, "()") + ")"
		}
	}
	best, bd := "", 1<<30
	for j, b := range blocks {
		if b.kind == bTable || abs(j-i) >= bd {
			continue
		}
		if m := reUnitParen.FindString(b.text); m != "" {
			best, bd = m, abs(j-i)
		} else if len(b.text) < 160 && isUnitLine(b.text) && reScaleWord.MatchString(strings.ToLower(b.text)) {
			// a line of its own: "Expressed in US $000's except share amounts"
			best, bd = b.text, abs(j-i)
		}
	}
	return best
}

var reUnitParen = lazy.NewRegexp(`(?i)\((?:(?:all|amounts?|figures|expressed|stated|presented|shown|are|united|states|u\.s\.|us|dollars|euros?|pounds|usd|eur|gbp|rmb|cad|aud|us\$|\$|€|£|in\s+(?:the\s+)?tables?)\s*)*in\s+(?:thousands?|millions?|billions?|000['’]?s)\b(?:\s+of\s+[a-z.$ ]+)?(?:[,\s][^)]{0,60})?(?:\)|$)`)

// blankHeader reports a grid with no column header text.
func blankHeader(g *grid) bool {
	for _, h := range g.header {
		for _, c := range h {
			if strings.TrimSpace(c) != "" {
				return false
			}
		}
	}
	return true
}

// monthWord reports text that holds a month's name ("December 31,").
func monthWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if period.Month(strings.ToLower(strings.Trim(w, ".,"))) > 0 {
			return true
		}
	}
	return false
}

// attachNotes gives the facts of a row whose label carries footnote marks
// ("Profit¹") the footnotes those marks point to: the first paragraph after
// the table, within a page of it, that begins with the mark ("1 Profit
// attributable to common shareholders.").
func attachNotes(doc *Document) {
	for ti := range doc.Tables {
		t := &doc.Tables[ti]
		marked := false
		for _, r := range t.Rows {
			marked = marked || len(r.Marks) > 0
		}
		if !marked {
			continue
		}
		notes := map[string]Note{}
		for _, p := range doc.Passages {
			if p.Start <= t.End || p.Start > t.End+60 {
				continue
			}
			m := reNoteStart.FindStringSubmatch(p.Text)
			if m == nil {
				continue
			}
			k := noteMark(m[1])
			if _, seen := notes[k]; k == "" || seen {
				continue
			}
			n := Note{Start: p.Start, End: p.End, Text: p.Text}
			if p.Start >= 1 && p.End <= len(doc.Lines) {
				n.Offset = [2]int{doc.Lines[p.Start-1].Start, doc.Lines[p.End-1].End}
			}
			notes[k] = n
		}
		if len(notes) == 0 {
			continue
		}
		for i := range doc.Facts {
			f := &doc.Facts[i]
			if f.Source != "table" || f.TableIndex != ti || f.RowIndex < 0 || f.RowIndex >= len(t.Rows) {
				continue
			}
			for _, k := range t.Rows[f.RowIndex].Marks {
				if n, ok := notes[k]; ok {
					f.Notes = append(f.Notes, n)
				}
			}
		}
	}
}

// attachTextNotes gives the text facts from facts[from:] whose clause
// carries footnote marks ("ROE1 of 23.0%") the footnotes those marks point
// to: the first passage after the fact's that begins with the mark
// ("1. ROE is calculated by dividing …").
func attachTextNotes(doc *Document, from int) {
	var notes []int // passages that begin with a mark
	for i := range doc.Passages {
		if reNoteStart.MatchString(doc.Passages[i].Text) {
			notes = append(notes, i)
		}
	}
	if len(notes) == 0 {
		return
	}
	for i := from; i < len(doc.Facts); i++ {
		f := &doc.Facts[i]
		for _, k := range f.marks {
			for _, pi := range notes {
				p := &doc.Passages[pi]
				if p.Start <= f.End {
					continue
				}
				if m := reNoteStart.FindStringSubmatch(p.Text); m == nil || noteMark(m[1]) != k {
					continue
				}
				n := Note{Start: p.Start, End: p.End, Text: p.Text}
				if p.Start >= 1 && p.End <= len(doc.Lines) {
					n.Offset = [2]int{doc.Lines[p.Start-1].Start, doc.Lines[p.End-1].End}
				}
				f.Notes = append(f.Notes, n)
				break
			}
		}
	}
}

// reNoteStart is the mark a footnote begins with: "1 ", "(1)", "[1]",
// "(a)", "*", "†", "¹".
var reNoteStart = lazy.NewRegexp(`^\s*(\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|\[\d{1,2}\]|\d{1,2}(?:[.)]|\s)|[a-z][.)]\s|\*{1,3}|†|‡|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})`)

// textFigureHint guesses how many figures the passages hold: one per "$",
// "%", "percent" and "per cent", which is close for money and
// percentages and leaves out counts. A fact is some 400 bytes, and
// growing doc.Facts to hundreds of thousands of them, a quarter more at a
// time, copied them over and over and left the old arrays to the
// collector: a fifth of a long paragraph's peak heap.
func textFigureHint(ps []Passage) int {
	n := 0
	for i := range ps {
		t := ps[i].Text
		n += strings.Count(t, "$") + strings.Count(t, "%") + countFold(t, "percent") + countFold(t, "per cent")
	}
	return n
}

// countFold counts the instances of needle (lower-case ASCII) in s in
// any ASCII case.
func countFold(s, needle string) int {
	n := 0
	for {
		i := textscan.IndexFold(s, needle)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(needle):]
	}
}

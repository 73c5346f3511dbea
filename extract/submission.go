package extract

import (
	"bytes"
	"strings"

	"github.com/ex99/ex99/internal/lazy"
)

// An EDGAR submission file wraps a filing's documents in SGML:
//
//	<SEC-DOCUMENT>…<SEC-HEADER>… COMPANY CONFORMED NAME: … </SEC-HEADER>
//	<DOCUMENT><TYPE>EX-99.1<SEQUENCE>2<FILENAME>x.htm<TEXT> … </TEXT></DOCUMENT>
//
// readSubmission keeps the press-release exhibits (EX-99*), each read in its
// own format, and skips the cover page, graphics and uuencoded files. A
// single exhibit with just its <DOCUMENT> wrapper (as EDGAR serves some
// exhibits) is read the same way.

var (
	reHeaderField = lazy.NewRegexp(`(?m)^\s*(COMPANY CONFORMED NAME|CENTRAL INDEX KEY|CONFORMED PERIOD OF REPORT|FILED AS OF DATE):\s*(.+?)\s*$`)
	reDocTag      = lazy.NewRegexp(`(?i)<DOCUMENT>`)
	reTypeTag     = lazy.NewRegexp(`(?i)<TYPE>\s*([^\s<]+)`)
	reFileTag     = lazy.NewRegexp(`(?i)<FILENAME>\s*([^\s<]+)`)
	reTextOpen    = lazy.NewRegexp(`(?i)<TEXT>\r?\n?`)
	reTextClose   = lazy.NewRegexp(`(?i)</TEXT>`)
)

// exhibit is one <DOCUMENT> of a submission.
type exhibit struct {
	typ, file  string
	start, end int // byte range of its text
	tagAt      int // offset of its <DOCUMENT> tag
}

func readSubmission(doc *Document, src []byte) []block {
	head := src
	if i := bytes.Index(bytes.ToUpper(src), []byte("</SEC-HEADER>")); i > 0 {
		head = src[:i]
	} else if len(head) > 8192 {
		head = head[:8192]
	}
	for _, m := range reHeaderField.FindAllSubmatch(head, -1) {
		v := string(m[2])
		switch string(m[1]) {
		case "COMPANY CONFORMED NAME":
			if doc.Company == "" {
				doc.Company = titleCase(v)
			}
		case "CENTRAL INDEX KEY":
			doc.CIK = strings.TrimLeft(v, "0")
		}
	}
	exs := exhibits(src)
	var keep []exhibit
	for _, e := range exs {
		if strings.HasPrefix(strings.ToUpper(e.typ), "EX-99") {
			keep = append(keep, e)
		}
	}
	if len(keep) == 0 {
		// no press-release exhibit: read the text documents there are
		for _, e := range exs {
			if !isBinaryExhibit(src[e.start:e.end], e.typ) {
				keep = append(keep, e)
			}
		}
	}
	var blocks []block
	headerName := doc.Company
	for _, e := range keep {
		text := src[e.start:e.end]
		if isBinaryExhibit(text, e.typ) {
			continue
		}
		// a line naming the exhibit, so the reading view says where each starts
		label := e.typ
		if e.file != "" {
			label += " (" + e.file + ")"
		}
		doc.Lines = append(doc.Lines, Line{Text: "[" + label + "]", Start: e.tagAt, End: e.start})
		n := len(doc.Lines)
		blocks = append(blocks, block{kind: bHeading, start: n, end: n, text: e.typ})
		var lines []Line
		var bs []block
		if detectFormat(text) == "html" {
			lines, bs = readHTML(text, e.start)
		} else {
			lines, bs = readText(text, e.start)
		}
		for _, b := range bs {
			b.start += n
			b.end += n
			if b.grid != nil {
				g := *b.grid
				g.start += n
				g.end += n
				if g.headerStart > 0 {
					g.headerStart += n
					g.headerEnd += n
				}
				rows := make([]gridRow, len(g.rows))
				for i, r := range g.rows {
					r.line += n
					r.end += n
					rows[i] = r
				}
				g.rows = rows
				b.grid = &g
			}
			blocks = append(blocks, b)
		}
		doc.Lines = append(doc.Lines, lines...)
	}
	// the release's own name for the company reads better than the header's
	doc.Company = headerName
	if c := companyFromBlocks(blocks); c != "" {
		doc.Company = alignName(c, headerName)
	}
	return blocks
}

// exhibits splits a submission into its documents.
func exhibits(src []byte) []exhibit {
	var out []exhibit
	locs := reDocTag.FindAllIndex(src, -1)
	for i, l := range locs {
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		part := src[l[1]:end]
		e := exhibit{tagAt: l[0]}
		if m := reTypeTag.FindSubmatch(part); m != nil {
			e.typ = string(m[1])
		}
		if m := reFileTag.FindSubmatch(part); m != nil {
			e.file = string(m[1])
		}
		to := reTextOpen.FindIndex(part)
		if to == nil {
			continue
		}
		e.start = l[1] + to[1]
		e.end = end
		if tc := reTextClose.FindIndex(src[e.start:end]); tc != nil {
			e.end = e.start + tc[0]
		}
		out = append(out, e)
	}
	return out
}

// isBinaryExhibit reports graphics, archives and uuencoded files.
func isBinaryExhibit(text []byte, typ string) bool {
	t := strings.ToUpper(typ)
	if t == "GRAPHIC" || t == "ZIP" || t == "EXCEL" || t == "PDF" || strings.HasPrefix(t, "EX-101") || t == "XML" || t == "JSON" {
		return true
	}
	trim := bytes.TrimSpace(text)
	return bytes.HasPrefix(trim, []byte("begin 6")) || bytes.HasPrefix(trim, []byte("<PDF>")) || binaryKind(trim) != ""
}

// companyFromBlocks reads the company's name from the first paragraphs.
func companyFromBlocks(bs []block) string {
	n := 0
	for _, b := range bs {
		if b.kind != bPara && b.kind != bBullet {
			continue
		}
		if m := reCompany.FindStringSubmatch(b.text); m != nil {
			return strings.TrimPrefix(strings.TrimSpace(m[1]), "The ")
		}
		if n++; n > 12 {
			break
		}
	}
	return ""
}

// titleCase turns "SOUTHERN CO" into "Southern Co".
func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w == "" {
			continue
		}
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// alignName trims words before the first word the text's name shares with
// the header's ("Southeast, Southern Company" with header "Southern Co" is
// "Southern Company").
func alignName(text, header string) string {
	if header == "" {
		return text
	}
	hw := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(header)) {
		hw[strings.Trim(w, ",.")] = true
	}
	ws := strings.Fields(text)
	for i, w := range ws {
		if hw[strings.ToLower(strings.Trim(w, ",.'’s"))] {
			return strings.Join(ws[i:], " ")
		}
	}
	return text
}

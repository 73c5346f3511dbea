package synth

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
)

var reCells = regexp.MustCompile(`\s{2,}`)

// toHTML renders a plain-text release as simple HTML: paragraphs as <p>,
// short lines as bold headings, and <TABLE> blocks as <table>s whose
// spanning period headers get colspans.
func toHTML(text, company string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<html>\n<head><title>%s</title></head>\n<body>\n", html.EscapeString(company))
	lines := strings.Split(text, "\n")
	var para []string
	flush := func() {
		if len(para) == 0 {
			return
		}
		t := strings.Join(strings.Fields(strings.Join(para, " ")), " ")
		para = para[:0]
		if len(t) < 60 && !strings.HasSuffix(t, ".") {
			fmt.Fprintf(&b, "<p><b>%s</b></p>\n", html.EscapeString(t))
			return
		}
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(t))
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case t == "<TABLE>":
			flush()
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) != "</TABLE>" {
				j++
			}
			writeTable(&b, lines[i+1:min(j, len(lines))])
			i = j
		case t == "" || t == "<PAGE>":
			flush()
		case strings.HasPrefix(t, "*") || strings.HasPrefix(t, "- "):
			flush()
			para = append(para, t)
		default:
			para = append(para, t)
		}
	}
	flush()
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// writeTable renders the lines of a fixed-width text table.
func writeTable(b *bytes.Buffer, lines []string) {
	type row struct {
		label string
		cells []string
	}
	var rows []row
	ncols := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "<") || strings.Trim(t, "-= ") == "" {
			continue
		}
		// a label, then cells separated by two or more spaces ("$" stands alone)
		parts := reCells.Split(strings.TrimRight(l, " "), -1)
		var label string
		var cells []string
		for k, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if k <= 1 && len(cells) == 0 && label == "" && !looksLikeCell(p) && indent(l) < 40 {
				label = p
				continue
			}
			if p == "$" {
				continue
			}
			cells = append(cells, strings.TrimSpace(strings.TrimPrefix(p, "$")))
		}
		if len(cells) > ncols {
			ncols = len(cells)
		}
		rows = append(rows, row{label, cells})
	}
	b.WriteString("<table>\n")
	for _, r := range rows {
		b.WriteString("<tr><td>")
		b.WriteString(html.EscapeString(r.label))
		b.WriteString("</td>")
		if n := len(r.cells); n > 0 && n < ncols && ncols%n == 0 && !looksLikeCell(r.cells[0]) {
			for _, c := range r.cells {
				fmt.Fprintf(b, `<td colspan="%d" align="center">%s</td>`, ncols/n, html.EscapeString(c))
			}
		} else {
			for _, c := range r.cells {
				fmt.Fprintf(b, `<td align="right">%s</td>`, html.EscapeString(c))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}

var reCell = regexp.MustCompile(`^(?:\$\s*)?(?:\(?[\d,.]+\)?%?|--|\(unaudited\)|\d\d/\d\d/\d\d)$`)

func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

func looksLikeCell(s string) bool { return reCell.MatchString(strings.TrimSpace(s)) || s == "$" }

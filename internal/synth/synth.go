// Package synth makes synthetic earnings releases from the built-in one
// (Innovo Group, Q2 fiscal 2004) so that scale tests and benchmarks need no
// downloads. Release i gets its own company name, segment and brand names,
// people, years and figures; every figure keeps its printed width so the
// plain-text tables stay aligned. Every k-th release can be rendered as
// simple HTML instead (<p> paragraphs and <table>s, with colspans over the
// "Three Months Ended" headers).
//
// Output is deterministic: the same i always gives the same bytes.
package synth

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/ex99/ex99/internal/seed"
)

// Release is one synthetic release.
type Release struct {
	Name    string // file name, e.g. "zorvami-group-2011q2.txt"
	Company string // e.g. "Zorvami Group Inc."
	Short   string // the distinctive word of the company name, e.g. "Zorvami"
	Year    int    // the fiscal year of the release's quarter
	Format  string // "text" or "html"
	Src     []byte
}

var (
	consonants = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "tr", "qu", "ch", "x"}
	vowels     = []string{"a", "e", "i", "o", "u"}
	people     = []string{"Jay Furrow", "Ann Keller", "Raj Patel", "Maria Ortiz", "Tom Becker", "Lena Walsh", "Omar Haddad", "Grace Lin", "Paul Novak", "Ines Duarte"}
	cities     = []string{"Springfield, Tennessee", "Dayton, Ohio", "Fresno, California", "Tulsa, Oklahoma", "Macon, Georgia", "Erie, Pennsylvania"}
	colors     = []string{"Blue", "Red", "Silver", "Green", "Black", "White", "Gold", "Amber"}
	nouns      = []string{"Concept", "Harbor", "Summit", "Ridge", "Canyon", "Meadow", "Forge", "Arrow"}
	owners     = []string{"Joe", "Sam", "Kim", "Max", "Lou", "Ray", "Ted", "Bea"}
	goods      = []string{"Jeans", "Boots", "Bags", "Shirts", "Caps", "Coats", "Socks", "Belts"}
	suffixes   = []string{"Group", "Industries", "Brands", "Holdings", "Apparel", "Designs"}
)

// Word is a pronounceable capitalized word unique to i (three syllables
// from 100 each: a million names).
func Word(i int) string {
	var b strings.Builder
	n := (i*7919 + 123457) % 1000000 // neighbours get unlike names
	for k := 0; k < 3; k++ {
		s := n % 100
		n /= 100
		b.WriteString(consonants[s%20])
		b.WriteString(vowels[s/20])
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// Generate makes release i as plain text, or as HTML when html is set.
func Generate(i int, asHTML bool) Release {
	rng := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	short := Word(i)
	suffix := suffixes[i%len(suffixes)]
	company := short + " " + suffix
	yoff := i%16 - 8 // fiscal 1996 … 2011
	r := Release{Company: company + " Inc.", Short: short, Year: 2004 + yoff, Format: "text"}

	person := people[rng.IntN(len(people))]
	first, last, _ := strings.Cut(person, " ")
	_ = first
	owner := owners[rng.IntN(len(owners))]
	good := goods[rng.IntN(len(goods))]
	sub := strings.ToUpper(Word(i + 7919)[:3])
	brand1, brand2 := Word(i+104729), Word(i+224737)
	division := colors[rng.IntN(len(colors))] + " " + nouns[rng.IntN(len(nouns))]
	partner := Word(i + 350377)
	city := cities[rng.IntN(len(cities))]

	text := string(seed.Release)
	text = strings.NewReplacer(
		"Innovo Group", company,
		"INNOVO GROUP", strings.ToUpper(company),
		"innovogroup", strings.ToLower(short)+strings.ToLower(suffix),
		"Innovo Azteca Apparel", short+" "+partner+" Apparel",
		"Innovo", short,
		"Joe's Jeans", owner+"'s "+good,
		"Joe'(R)", owner+"'(R)",
		"Joe's", owner+"'s",
		"IAA", sub,
		"Blue Concept", division,
		"Blue  Concept", division,
		"Fetish", brand1,
		"Shago", brand2,
		"Azteca", partner,
		"Jay Furrow", person,
		"Jay  Furrow", person,
		"Furrow", last,
		"Springfield, Tennessee", city,
		"Springfield,  Tennessee", city,
	).Replace(text)
	text = shiftYears(text, yoff)
	text = scrambleNumbers(text, rng)

	slug := strings.ToLower(short + "-" + suffix)
	r.Name = fmt.Sprintf("%s-%dq2.txt", slug, r.Year)
	r.Src = []byte(text)
	if asHTML {
		r.Format = "html"
		r.Name = strings.TrimSuffix(r.Name, ".txt") + ".htm"
		r.Src = toHTML(text, company)
	}
	return r
}

var (
	reYear4   = regexp.MustCompile(`\b(19[89]\d|20[0-2]\d)\b`)
	reYear2   = regexp.MustCompile(`\b(\d\d/\d\d/)(\d\d)\b`)
	reNumber  = regexp.MustCompile(`\d+(?:,\d{3})*(?:\.\d+)?`)
	reFormRef = regexp.MustCompile(`^(?:-[QK]|E\b)`)
)

// shiftYears moves every year by off, in four-digit years and in
// mm/dd/yy dates, keeping widths.
func shiftYears(s string, off int) string {
	s = reYear4.ReplaceAllStringFunc(s, func(y string) string {
		n, _ := strconv.Atoi(y)
		if n == 1934 || n == 1995 { // the Exchange Act and the Reform Act keep their years
			return y
		}
		return strconv.Itoa(n + off)
	})
	return reYear2.ReplaceAllStringFunc(s, func(d string) string {
		m := reYear2.FindStringSubmatch(d)
		yy, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("%s%02d", m[1], ((yy+off)%100+100)%100)
	})
}

// scrambleNumbers replaces the digits of every figure that is not a year,
// keeping its width, commas and decimal point; the same printed figure gets
// the same replacement throughout a release.
func scrambleNumbers(s string, rng *rand.Rand) string {
	seen := map[string]string{}
	var b strings.Builder
	last := 0
	for _, loc := range reNumber.FindAllStringIndex(s, -1) {
		tok := s[loc[0]:loc[1]]
		b.WriteString(s[last:loc[0]])
		last = loc[1]
		if keepNumber(s, loc[0], loc[1]) {
			b.WriteString(tok)
			continue
		}
		if r, ok := seen[tok]; ok {
			b.WriteString(r)
			continue
		}
		out := []byte(tok)
		for k, c := range out {
			if c < '0' || c > '9' {
				continue
			}
			if k == 0 && len(strings.Trim(tok, ",.")) > 1 {
				out[k] = byte('1' + rng.IntN(9))
			} else {
				out[k] = byte('0' + rng.IntN(10))
			}
		}
		seen[tok] = string(out)
		b.WriteString(string(out))
	}
	b.WriteString(s[last:])
	return b.String()
}

// keepNumber leaves years, dates, form names (10-Q), section numbers (21E)
// and numbers glued to letters as they are.
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
	// days of the month after a month name
	before := strings.TrimRight(s[:start], " ")
	if strings.HasSuffix(before, "EXHIBIT") || strings.HasSuffix(before, "Exhibit") {
		return true
	}
	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"} {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	return false
}

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

// WriteDir writes releases first … first+n-1 into dir, every htmlEvery-th
// one as HTML (0: none), and returns their paths.
func WriteDir(dir string, first, n, htmlEvery int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, 0, n)
	for i := first; i < first+n; i++ {
		r := Generate(i, htmlEvery > 0 && i%htmlEvery == htmlEvery-1)
		p := filepath.Join(dir, r.Name)
		if err := os.WriteFile(p, r.Src, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/nlq"
)

func (a *app) printAnswer(ans answer.Answer, asJSON bool) error {
	if asJSON {
		return ans.WriteJSON(a.stdout)
	}
	text := a.humanAnswer(ans)
	if a.verbose {
		text = a.verboseAnswer(ans)
	}
	_, err := io.WriteString(a.stdout, text)
	return err
}

// humanAnswer renders an answer for a person, short: the answer line; the
// one citation that states it (a table row under its column headers, the
// rows a figure is computed from, or the passage's place); the notes; and
// how the question was read where ex99 had to choose. -v shows every
// citation (verboseAnswer).
func (a *app) humanAnswer(ans answer.Answer) string {
	var b strings.Builder
	b.WriteString(a.answerLine(ans) + "\n")
	switch ans.Kind {
	case answer.KindFact, answer.KindComputed:
		a.writeExcerpt(&b, statingCitations(ans), printedFigures(ans))
	case answer.KindPassage:
		if len(ans.Citations) > 0 {
			c := ans.Citations[0]
			fmt.Fprintf(&b, "  source: %s\n", citeRef(c.Doc, c.Line, c.EndLine))
		}
	default:
		for _, c := range ans.Closest {
			fmt.Fprintf(&b, "  closest passage: %s  %s\n", citeRef(c.Doc, c.Line, c.EndLine), clip(strings.Join(strings.Fields(c.Text), " "), 72))
		}
	}
	if ans.Note != "" {
		b.WriteString("  note: " + ans.Note + "\n")
	}
	if r := readNote(ans); r != "" {
		b.WriteString("  read: " + r + "\n")
	}
	return b.String()
}

// answerLine is the first line of an answer: the passage, with the
// question's words marked, or the figure and what it is.
func (a *app) answerLine(ans answer.Answer) string {
	if ans.Kind != answer.KindPassage {
		return ans.Answer
	}
	if ans.Marked != "" {
		return a.marks(ans.Marked)
	}
	return ans.Answer
}

// readNote says how ex99 read a figure question where it had to choose:
// no period asked, so the release's own. "" when it did not choose.
func readNote(ans answer.Answer) string {
	if ans.Kind != answer.KindFact && ans.Kind != answer.KindComputed || ans.Period == "" {
		return ""
	}
	if len(nlq.Parse(ans.Question).Periods) > 0 {
		return ""
	}
	return "no period asked, so the release's latest: " + ans.Period
}

// statingCitations are the citations that state a figure: the row (or
// sentence) it was read from, or for a computed figure the rows of its
// operands, each with the column headers that follow it; not footnotes,
// operand lists, restatements or other lines that say the same.
func statingCitations(ans answer.Answer) []answer.Citation {
	cs := ans.Citations
	if ans.Kind == answer.KindFact && len(cs) > 0 {
		if len(cs) > 1 && cs[1].Header {
			return cs[:2]
		}
		return cs[:1]
	}
	var out []answer.Citation
	for i, c := range cs {
		switch {
		case c.Role != "":
		case c.Header && i > 0 && cs[i-1].Role == "" && !cs[i-1].Header:
			out = append(out, c)
		case !c.Header:
			out = append(out, c)
		}
	}
	return out
}

// writeExcerpt writes citations as one excerpt: the references of the
// stating lines, then the lines of all of them in order, each once, with
// the rules of column headers (----) left out and, on a terminal, the
// figure answered highlighted where they print it.
func (a *app) writeExcerpt(b *strings.Builder, cs []answer.Citation, figures []string) {
	if len(cs) == 0 {
		return
	}
	type numbered struct {
		doc  string
		line int
		text string
	}
	var refs []string
	var lines []numbered
	seen := map[string]bool{}
	for _, c := range cs {
		if !c.Header {
			refs = append(refs, citeRef(c.Doc, c.Line, c.EndLine))
		}
		for i, l := range strings.Split(c.Text, "\n") {
			k := fmt.Sprintf("%s\x00%d", c.Doc, c.Line+i)
			if seen[k] || c.Header && reRule.MatchString(l) {
				continue
			}
			seen[k] = true
			l = strings.TrimRight(l, " ")
			var ss []span
			if !c.Header {
				for _, f := range figures {
					ss = append(ss, figureSpans(l, f)...)
				}
			}
			lines = append(lines, numbered{c.Doc, c.Line + i, a.paintSpans(l, mergeSpans(ss))})
		}
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].doc != lines[j].doc {
			return lines[i].doc < lines[j].doc
		}
		return lines[i].line < lines[j].line
	})
	fmt.Fprintf(b, "  source: %s\n", strings.Join(refs, ", "))
	for _, l := range lines {
		fmt.Fprintf(b, "    %5d  %s\n", l.line, l.text)
	}
}

// reRule is a line of a column header that only rules it off.
var reRule = regexp.MustCompile(`^[\s\-=_–—]*$`)

// verboseAnswer renders an answer with every citation in full (ask -v):
// the answer first, then each citation as NAME:LINE with the cited lines.
func (a *app) verboseAnswer(ans answer.Answer) string {
	var b strings.Builder
	b.WriteString(a.answerLine(ans) + "\n")
	if ans.Note != "" {
		b.WriteString("  note: " + ans.Note + "\n")
	}
	if r := readNote(ans); r != "" {
		b.WriteString("  read: " + r + "\n")
	}
	cites := ans.Citations
	label := "source"
	if ans.Kind == answer.KindNone {
		cites = ans.Closest
		label = "closest passage"
	}
	for _, c := range cites {
		l := label
		switch {
		case c.Role != "":
			l = c.Role // "operands", "stated", "footnote"
		case c.Header:
			l = "columns"
		}
		fmt.Fprintf(&b, "  %s: %s\n", l, citeRef(c.Doc, c.Line, c.EndLine))
		for i, l := range strings.Split(c.Text, "\n") {
			fmt.Fprintf(&b, "    %5d  %s\n", c.Line+i, strings.TrimRight(l, " "))
		}
	}
	for _, o := range ans.Others {
		fmt.Fprintf(&b, "  also: %s: %s\n", printable(o.Doc), o.Answer)
	}
	return b.String()
}

// printedFigures are the figures an answer is read from as the release
// prints them: a fact's, or a computation's operands.
func printedFigures(ans answer.Answer) []string {
	if ans.Printed != "" {
		return []string{ans.Printed}
	}
	var out []string
	for _, c := range ans.Citations {
		if c.Role == "operands" {
			for _, f := range strings.Split(c.Text, " ; ") {
				if f = strings.TrimSpace(f); f != "" {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// figureSpans are where a line prints a figure ("$30,023" as "$
// 30,023": spaces aside), each occurrence not inside a longer number
// ("130,023").
func figureSpans(line, figure string) []span {
	var parts []string
	for _, r := range figure {
		if r != ' ' {
			parts = append(parts, regexp.QuoteMeta(string(r)))
		}
	}
	if len(parts) == 0 {
		return nil
	}
	re, err := regexp.Compile(strings.Join(parts, `[ \t]*`))
	if err != nil {
		return nil
	}
	var out []span
	for _, m := range re.FindAllStringIndex(line, -1) {
		if (m[0] == 0 || !isFigureByte(line[m[0]-1])) && (m[1] == len(line) || !isFigureByte(line[m[1]])) {
			out = append(out, span{m[0], m[1]})
		}
	}
	return out
}

func isFigureByte(c byte) bool {
	return c >= '0' && c <= '9' || c == '.' || c == ','
}

package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// The generators below make pathologically large releases for scale
// tests: extraction and indexing must cost time and memory linear in a
// file's size, whatever its shape. Each is deterministic.

// sentences are realistic earnings-release sentences with figures, years,
// dates, quarters and the word "year" in its several uses; %[1]d is a
// fiscal year, %[2]d the year before, %[3]s and %[4]s figures, %[5]d a
// percentage, %[6]s a month and %[7]d a day.
var sentences = []string{
	"Net sales increased %[5]d%% to $%[3]s in fiscal %[1]d from $%[4]s in %[2]d.",
	"For the second quarter of fiscal %[1]d ended %[6]s %[7]d, %[1]d, gross profit was $%[3]s compared to $%[4]s in the prior year.",
	"Operating income for the six months ended %[6]s %[7]d, %[1]d rose %[5]d%% to $%[3]s, up from $%[4]s a year ago.",
	"The company expects full year %[1]d revenue of $%[3]s to $%[4]s, an increase of %[5]d%% year-over-year.",
	"Net loss per diluted share was $0.%[5]d in Q2 %[1]d, compared with $1.%[5]d in Q2 %[2]d.",
	"Cash and cash equivalents were $%[3]s as of %[6]s %[7]d, %[1]d, versus $%[4]s at the end of fiscal %[2]d.",
	"Backlog at %[6]s %[7]d, %[1]d was $%[3]s thousand, a %[5]d%% increase over the same period last year.",
	"During the nine months ended %[6]s %[7]d, %[1]d, selling, general and administrative expenses were $%[3]s, or %[5]d%% of net sales.",
	"Revenue for the year grew %[5]d%% to $%[3]s million, while the prior year included a one-time charge of $%[4]s million.",
	"Gross margin improved to %[5]d.4%% in the third quarter of %[1]d from %[5]d.1%% in the third quarter of %[2]d.",
}

// sentence writes the k-th sentence of a generated text to b.
func sentence(b *bytes.Buffer, rng *rand.Rand, k int) {
	fy := 1996 + rng.IntN(30)
	fig := func() string {
		n := rng.IntN(9_000_000) + 100_000
		return fmt.Sprintf("%d,%03d,%03d", n/1_000_000, n/1000%1000, n%1000)
	}
	fmt.Fprintf(b, sentences[k%len(sentences)], fy, fy-1, fig(), fig(), 1+rng.IntN(60), months[rng.IntN(12)], 1+rng.IntN(28))
}

// LongParagraph returns about size bytes of one paragraph of sentences
// with figures, years and dates. With wrap it is broken into lines of
// about 80 characters (still one paragraph: no blank line); without, it is
// one line.
func LongParagraph(size int, wrap bool) []byte {
	rng := rand.New(rand.NewPCG(uint64(size), 1))
	var b bytes.Buffer
	b.Grow(size + 256)
	b.WriteString("Zorvami Group Inc. (NASDAQ: ZORV) today reported results. ")
	col := 0
	for k := 0; b.Len() < size; k++ {
		n := b.Len()
		sentence(&b, rng, k)
		col += b.Len() - n
		switch {
		case wrap && col > 80:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// LongClause returns about size bytes of one sentence of one clause: the
// sentences of LongParagraph joined by commas, so that no sentence or
// clause boundary cuts it.
func LongClause(size int) []byte {
	rng := rand.New(rand.NewPCG(uint64(size), 2))
	var b, s bytes.Buffer
	b.Grow(size + 256)
	b.WriteString("Zorvami Group Inc. (NASDAQ: ZORV) today reported that")
	for k := 0; b.Len() < size; k++ {
		s.Reset()
		sentence(&s, rng, k)
		t := bytes.TrimSuffix(s.Bytes(), []byte("."))
		b.WriteString(" and ")
		b.WriteString(strings.ToLower(string(t[:1])))
		b.Write(t[1:])
		b.WriteByte(',')
	}
	b.WriteString(" all as planned.\n")
	return b.Bytes()
}

// LongRelease returns about size bytes of ordinary plain-text releases one
// after another: many lines, paragraphs and aligned tables.
func LongRelease(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 64<<10)
	for i := 0; b.Len() < size; i++ {
		b.Write(Generate(i, false).Src)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// LongHTML returns about size bytes of one HTML file made of the bodies of
// ordinary HTML releases: many paragraphs and tables.
func LongHTML(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + 64<<10)
	b.WriteString("<html>\n<body>\n")
	for i := 0; b.Len() < size; i++ {
		src := Generate(i, true).Src
		body := src[bytes.Index(src, []byte("<body>"))+len("<body>") : bytes.LastIndex(src, []byte("</body>"))]
		b.Write(body)
	}
	b.WriteString("</body>\n</html>\n")
	return b.Bytes()
}

// WideTable returns an HTML release whose one table has rows rows of cols
// value columns: a header row of years, then rows-1 rows of figures. A 2 ×
// 100,000 table is about 2.8 MB.
func WideTable(rows, cols int) []byte {
	var b bytes.Buffer
	b.WriteString("<html><body>\n<p>Zorvami Group Inc. (NASDAQ: ZORV) today reported results (in thousands).</p>\n<table>\n<tr><td></td>")
	for c := 0; c < cols; c++ {
		fmt.Fprintf(&b, "<td>%d</td>", 1900+c%120)
	}
	b.WriteString("</tr>\n")
	for r := 0; r < rows-1; r++ {
		fmt.Fprintf(&b, "<tr><td>Net sales %d</td>", r)
		for c := 0; c < cols; c++ {
			fmt.Fprintf(&b, "<td>%d</td>", (r+1)*(c+1)%9973)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.Bytes()
}

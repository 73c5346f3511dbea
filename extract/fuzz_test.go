package extract_test

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
)

var (
	fuzzOnce sync.Once
	fuzzIdx  *index.Index
)

// fuzzSeeds are inputs that start like each format ex99 reads: plain text
// (with a table), HTML (with colspans), an EDGAR submission, and oddities.
func fuzzSeeds() []string {
	text := string(seed.Release)
	html := string(synth.Generate(3, true).Src)
	table := text[strings.Index(text, "                       INNOVO GROUP INC. AND SUBSIDIARIES\n                 CONSOLIDATED CONDENSED STATEMENTS"):]
	table = table[:strings.Index(table, "</TABLE>")+9]
	return []string{
		text[:1200],
		table[:1500],
		html[:1200],
		html[strings.Index(html, "<table>"):][:1500],
		"<SEC-DOCUMENT>0001-04-000001.txt : 20040714\n<SEC-HEADER>\nCOMPANY CONFORMED NAME: INNOVO GROUP INC\nCENTRAL INDEX KEY: 0000844143\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n" + text[:600] + "\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.gif\nM1TE&.#EA`0`!`(```/___P```\"'Y!`$`````+``````!``$```(\"1`$`.P``\n`\nend\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
		"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n<html><body><p>Acme Inc. today reported net sales of $5.2 million for the second quarter of fiscal 2004.</p></body></html>\n</TEXT>\n</DOCUMENT>\n",
		"<html><body><table><tr><td colspan=\"2\">Three Months Ended</td></tr><tr><td>Net sales</td><td>$1,234</td><td>(56)</td></tr></table>",
		"<p>Net sales were $1 million, up 5% from the second quarter of fiscal 2003.\n",
		"Acme Inc. \x93reported\x94 net sales of $5.2 million for Q2 2004.\n",
		"\xef\xbb\xbfNet sales Q2 2004 $1\r\n\r\nThree Months Ended May 29, 2004\r\n",
		"", " ", "%PDF-1.4", "GIF89a", "PK\x03\x04", "\x00",
	}
}

// FuzzParse reads any bytes as a release: Parse returns a document or an
// error, never panics, and what it returns can be indexed and answered
// from. Seeds start like each format.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add([]byte(s))
	}
	fuzzOnce.Do(func() {
		x, err := index.OpenMem()
		if err != nil {
			f.Fatal(err)
		}
		fuzzIdx = x
	})
	f.Fuzz(func(t *testing.T, src []byte) {
		// parsed twice at once, as add's workers do: under -race (.ci/run
		// fuzzes with it) shared state shows, and both must agree
		var twin *extract.Document
		var twinErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			twin, twinErr = extract.Parse("fuzz.txt", src)
		}()
		d, err := extract.Parse("fuzz.txt", src)
		<-done
		if (err == nil) != (twinErr == nil) || !reflect.DeepEqual(d, twin) {
			t.Fatalf("parsed twice at once, the results differ: %v / %v", err, twinErr)
		}
		if err != nil {
			if d != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		if len(d.Lines) == 0 {
			t.Fatal("a document with no lines")
		}
		for _, l := range d.Lines {
			if !utf8.ValidString(l.Text) {
				t.Fatalf("line not UTF-8: %q", l.Text)
			}
		}
		for _, p := range d.Passages {
			if p.Start < 1 || p.End < p.Start || p.End > len(d.Lines) {
				t.Fatalf("passage lines %d-%d of %d", p.Start, p.End, len(d.Lines))
			}
		}
		for _, fa := range d.Facts {
			if fa.Source == "table" && (fa.TableIndex < 0 || fa.TableIndex >= len(d.Tables)) {
				t.Fatalf("fact of table %d of %d", fa.TableIndex, len(d.Tables))
			}
		}
		w := fuzzIdx.NewWriter()
		if err := w.Add(d); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if _, err := fuzzIdx.AllFacts(d.Name); err != nil {
			t.Fatal(err)
		}
	})
}

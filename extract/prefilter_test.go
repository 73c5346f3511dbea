package extract

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ex99/ex99/internal/lazy"
	"github.com/ex99/ex99/internal/scantest"
	"github.com/ex99/ex99/internal/textscan"
)

// FuzzNumberScan checks the shortcuts of the figure readers against the
// plain regular expressions on any text.
func FuzzNumberScan(f *testing.F) {
	for _, s := range scantest.Periods {
		f.Add(s)
	}
	for _, s := range scantest.Numbers {
		f.Add(s)
	}
	for _, s := range unitSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameNumberScan(t, s)
	})
}

// sameNumberScan checks the shortcuts of numbersIn and narrativeFacts
// against the plain regular expressions: a guard that is false means no
// match, and a regexp matched over a tail of s matches as over s.
func sameNumberScan(t *testing.T, s string) {
	t.Helper()
	if !hasDigit(s) && (reMoney.MatchString(s) || rePercent.MatchString(s) || reBare.MatchString(s)) {
		t.Fatalf("a figure in %q without a digit", s)
	}
	if !phoneHint(s) && rePhoneish.MatchString(s) {
		t.Fatalf("rePhoneish matches %q without its hint", s)
	}
	if got, want := documentTags([]byte(s)), len(reDocumentTag.FindAllIndex([]byte(s), 2)); got != want {
		t.Fatalf("documentTags(%q) = %d, want %d", s, got, want)
	}
	if got, want := digitRuns(s), reDigitRuns.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("digit runs in %q: got %v, want %v", s, got, want)
	}
	if got, want := joinSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Fatalf("joinSpaced(%q) = %q, want %q", s, got, want)
	}
	if !numberChars(s) && reNumber.MatchString(s) {
		t.Fatalf("reNumber matches %q, which has a char it cannot", s)
	}
	if !mayFootnote(s) && reFootnote.MatchString(s) {
		t.Fatalf("reFootnote matches %q without a mark at its end", s)
	}
	if !mayUnit(s) && reUnit.MatchString(s) {
		t.Fatalf("reUnit matches %q without its needles", s)
	}
	if strings.IndexByte(s, '$') < 0 && reMoney.MatchString(s) {
		t.Fatalf("reMoney matches %q without a $", s)
	}
	if strings.IndexByte(s, '%') < 0 && !containsPer(s) && rePercent.MatchString(s) {
		t.Fatalf("rePercent matches %q without %% or per", s)
	}
	if got, want := findAt(s, moneyAt, moneyStart), reMoney.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("money in %q: got %v, want %v", s, got, want)
	}
	if got, want := findAt(s, bareAt, bareStart), reBare.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("bare figures in %q: got %v, want %v", s, got, want)
	}
	if got, want := findAt(s, overSpanAt, overSpanStart), reOverSpan.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("comparison spans in %q: got %v, want %v", s, got, want)
	}
	if got, want := findAt(s, percentAt, percentStart), rePercent.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
		t.Fatalf("percentages in %q: got %v, want %v", s, got, want)
	}
	for _, c := range []struct {
		re *lazy.Regexp
		n  int
	}{{reApproxWord, 2}, {reFromWord, 8}, {reChangeBefor, 3}} {
		// every prefix, as the callers match the words before a figure
		for i := 0; i <= len(s); i++ {
			if i > 200 && i < len(s)-200 {
				continue
			}
			p := s[:i]
			tl := textscan.Tail(p, c.n)
			if got, want := c.re.FindStringSubmatch(tl), c.re.FindStringSubmatch(p); !reflect.DeepEqual(got, want) {
				t.Fatalf("%v on tail %q of %q: got %q, want %q", c.re, tl, p, got, want)
			}
		}
	}
}

// reDigitRuns is what digitRuns finds.
var reDigitRuns = regexp.MustCompile(`[0-9][0-9,]*`)

// unitSamples are unit phrases, one or more for each alternative of
// reUnit, and near misses.
var unitSamples = []string{
	"£m", "€ M", "(in $m)", "US$ thousands", "EUR Millions", "usd billion", "Us$ m", "£’000", "€ '000s", "’000s", "(M)", "($m)",
	"in  thousands", "In 000's", "In 000’s", "RMB ’ Million", "abc'000", "Dkk m", "MXN bn", "nok mn", "SEK M", "CADm", "a (in 1,000)",
	"b(1.000 )", "supervision3,4 x", "year-over-year", "Year on  Year", "QUARTER-TO-QUARTER", "the Month over month.", "xyear over year",
	"yearyear over year", "year over yearx", "é year over quarter", "year over quarter-over-month", "yea", "year over", "Year\tto\nmonth", "12,,3,", ",1", "\xff9,\xfe", "７8", "millions of dollars", "(thousands", "(000's", "(Dollars", "amounts in billions", "$ in millions", "$000", "$ 000's",
	"except per-share data", "EXCEPT share", "Except earnings per", "(expressed in U.S. dollars)", "(in us dollars)", "(stated in dollars)",
	"Net sales (1)", "Net sales (a) ", "Revenue [2]\t", "Total*", "EPS †", "Cash‡ \n", "Other (iv)x", "Net (1) (2)  ", "$m", "$ M", "$\tm", "$  m", "£m", "€ M", "€\u00a0m", "allowances of $8,710 (1998)", "us$m", "US$ M", "($m)", "$mm", "AUD m", "audm", "Aud\tB", "aud  m", "xAUDbn", "zarM", "dk\u212a m", "usd", "m", "b", "se\u212am",
	"<DOCUMENT>\n<TYPE>EX-99\n  <Document>", "x<document>\n\t<document>", "<docu\x1cment>",
	"in thouſands", "(ſtated in dollars)", "\u212a", "millionſ", "sales", "Net sales (in millions)", "m ) ( m", "$", "000", "audited",
}

func TestNumberScanShortcuts(t *testing.T) {
	for _, s := range unitSamples {
		sameNumberScan(t, s)
	}
	for _, s := range append(append([]string{}, scantest.Numbers...), scantest.Periods...) {
		sameNumberScan(t, s)
	}
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(src), "\n") {
		sameNumberScan(t, l)
	}
	// no char outside ASCII folds to p, e or r (containsPer's premise)
	for _, c := range "perPER" {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f > unicode.MaxASCII {
				t.Fatalf("%q folds to %q", c, f)
			}
		}
	}
}

// TestFigureGuards checks the needles of the regexps narrativeFacts runs
// around every figure: where textscan.FoldHas finds none, the regexp matches nothing.
func TestFigureGuards(t *testing.T) {
	guards := []struct {
		re      *lazy.Regexp
		needles []string
	}{
		{reFromWord, fromNeedles}, {reChangeBefor, changeBeforNeedles}, {rePerShareDesc, perShareNeedles},
		{reAdjusted, adjustedNeedles}, {rePerShare, perShareNeedles}, {reQualifier, qualifierNeedles}, {reContrastCut, contrastNeedles}, {reIncludeCut, includeNeedles},
		{reForEntity, forEntityNeedles}, {reForEntity, []string{"for"}}, {reChangeSubject, changeSubjectNeedles},
	}
	samples := append(append([]string{}, scantest.Numbers...), scantest.Periods...)
	samples = append(samples, "NON-GAAP", "Pro  Forma", "RECONCILIATION of", "as COMPARED with", "Vs. $4", "whereas",
		"consisting of", "Comprised of", "for our Retail SEGMENT", "for the Kelvin \u212a unit", "up by", "DROP OF", "per diluted share",
		"EPS of", "Net income - Diluted", "AS REPORTED", "non-GAAP", "assuming dilution", "Adjusted EBITDA", "Net income per common share", "Per Diluted", "eps", "earnings per share", "PER\tSHARE", "reductions of", "improvement of", "sales rose", "an Increase in sales", "Higher costs", "reduced margins",
		"the growth in revenue", "declines in units", "LOWER prices")
	src, err := os.ReadFile("../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	samples = append(samples, strings.Split(string(src), "\n")...)
	for _, s := range samples {
		for _, g := range guards {
			if !textscan.FoldHas(s, g.needles...) && g.re.MatchString(s) {
				t.Errorf("%v matches %q without its needles", g.re, s)
			}
		}
		if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") && rePossessive.MatchString(s) {
			t.Errorf("rePossessive matches %q without an apostrophe", s)
		}
	}
	// the guards' needles must be lower-case ASCII letters (indexFold)
	for _, g := range guards {
		for _, n := range g.needles {
			for i := 0; i < len(n); i++ {
				if n[i] < 'a' || n[i] > 'z' {
					t.Fatalf("needle %q", n)
				}
			}
		}
	}
	if textscan.IndexFold("Net Sales ROSE", "rose") != 10 || textscan.IndexFold("ab", "abc") != -1 || textscan.IndexFold("x[Y", "xy") != -1 {
		t.Fatal("indexFold")
	}
}

func TestJoinFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "a\u0085b", "\xffa b\xfe", "net sales rose 5%.",
		"a\u2003b", "a \nb", "ab\r", "\v a\u0085b\u00a0 ", "\xff\xfe", "  x  ", "a\u3000\u3000b"} {
		if got, want := joinSpaced(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinSpaced(%q) = %q, want %q", s, got, want)
		}
		if got, want := joinFields(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestOneChunk(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", " a b ", "Net sales rose 5%.", "é x", " é ", "a\tb", "  "} {
		got, ok := oneChunk(s)
		if !ok {
			continue
		}
		rs := []rune(s)
		var want []chunk
		i := 0
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		j := len(rs)
		if j > i && rs[j-1] == ' ' {
			j--
		}
		if i < j {
			want = []chunk{{i, j, string(rs[i:j])}}
		}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(got, chunksOfRunes(s)) {
			t.Errorf("oneChunk(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestChunksOfASCII checks chunksOf's byte path for ASCII lines against
// its rune path.
func TestChunksOfASCII(t *testing.T) {
	for _, s := range []string{"", "  ", "Net sales  $  1,234  (5)  %", " a  b ", "a   b  ", "x\ty  z", "  $  (  12.5  )  %)  "} {
		rs := []rune(s)
		want := spaceChunks(len(rs), func(k int) bool { return rs[k] == ' ' }, func(i, j int) string { return string(rs[i:j]) })
		got := spaceChunks(len(s), func(k int) bool { return s[k] == ' ' }, func(i, j int) string { return s[i:j] })
		if !reflect.DeepEqual(got, want) {
			t.Errorf("spaceChunks(%q) = %v, want %v", s, got, want)
		}
	}
}

// chunksOfRunes is chunksOf without its one-chunk shortcut: trailing
// spaces make no chunk, and two of them rule the shortcut out.
func chunksOfRunes(s string) []chunk {
	return chunksOf(s + "  ")
}

// Package synth makes synthetic earnings releases from the built-in one
// (Innovo Group, Q2 fiscal 2004) so that scale tests and benchmarks need no
// downloads.
//
// Releases come in companies, as on EDGAR: release i is quarter i%Quarters
// of company i/Quarters, which has Quarters consecutive fiscal quarters.
// Each company has its own name, people, brands, wording ("net sales" or
// "net revenues") and fiscal calendar (its year ends in December, June,
// September, March, January …; quarters end on the month's last day or
// its last Saturday), and each release says its own quarter throughout:
// the headline, the "three months ended" dates, the fiscal years, the
// table headers (a first quarter has no year-to-date columns, a fourth
// has twelve months) and the file name. Figures are drawn per company
// and quarter, so a release's prior-year column agrees with the release a
// year before. Every k-th release can be rendered as simple HTML instead
// (<p> paragraphs and <table>s, with colspans over the period headers).
//
// Output is deterministic: the same i always gives the same bytes.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ex99/ex99/internal/seed"
)

// Version changes whenever Generate's output does, so that releases
// and indexes kept from an older one (scripts/bench.sh, benchmarks) are
// made again rather than asked questions about releases they do not hold.
const Version = "3"

// Quarters is how many consecutive fiscal quarters (8 years) each company
// has: releases c×Quarters … c×Quarters+Quarters−1 are company c's.
const Quarters = 32

// Nth returns the number of the k-th release (0 ≤ k < Quarters) of
// company c.
func Nth(c, k int) int { return c*Quarters + k }

// Release is one synthetic release.
type Release struct {
	Name    string    // file name, e.g. "zorvami-group-2011q2.txt"
	Company string    // e.g. "Zorvami Group Inc."
	Short   string    // the distinctive word of the company name, e.g. "Zorvami"
	Year    int       // the fiscal year of the release's quarter
	Quarter int       // the fiscal quarter, 1–4
	End     time.Time // the quarter's last day
	// Revenue is the quarter's net sales as the statement of operations
	// prints it, in thousands ("30,023").
	Revenue string
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
	months     = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// wording is how a company words what the seed says one way.
type wording struct {
	revenue    string // the seed's "net sales"
	operations string // the title of the statement of operations
}

// wordings are the companies' wordings, one in turn.
var wordings = []wording{
	{"net sales", "CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS"},
	{"net revenues", "CONDENSED CONSOLIDATED STATEMENTS OF INCOME"},
	{"net sales", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS"},
}

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

// company is one synthetic company: what all its releases share.
type company struct {
	no           int
	short, name  string // "Zorvami", "Zorvami Group"
	cal          calendar
	first        int // the absolute fiscal quarter of its first release
	words        wording
	names        *strings.Replacer // the seed's names to the company's
	slug         string            // file names start with it
	releaseDelay int               // days from a quarter's end to its release
}

// companyOf makes company c.
func companyOf(c int) *company {
	rng := rand.New(rand.NewPCG(uint64(c), 0x5eed))
	short := Word(c)
	suffix := suffixes[c%len(suffixes)]
	co := &company{
		no: c, short: short, name: short + " " + suffix,
		cal:          pickCalendar(rng.IntN(100)),
		first:        (1998+rng.IntN(8))*4 + rng.IntN(4), // fiscal 1998–2013
		words:        wordings[c%len(wordings)],
		slug:         strings.ToLower(short + "-" + suffix),
		releaseDelay: 35 + rng.IntN(14),
	}
	person := people[rng.IntN(len(people))]
	_, last, _ := strings.Cut(person, " ")
	owner, good := owners[rng.IntN(len(owners))], goods[rng.IntN(len(goods))]
	color, noun := colors[rng.IntN(len(colors))], nouns[rng.IntN(len(nouns))]
	division := color + " " + noun
	partner := Word(c + 350377)
	city := cities[rng.IntN(len(cities))]
	co.names = strings.NewReplacer(
		"Innovo Group", co.name,
		"INNOVO GROUP", strings.ToUpper(co.name),
		"INNO)", strings.ToUpper(short[:4])+")", // the ticker
		"innovogroup", strings.ToLower(short)+strings.ToLower(suffix),
		"Innovo Azteca Apparel", short+" "+partner+" Apparel",
		"Innovo", short,
		"Joe's Jeans", owner+"'s "+good,
		"Joe's  Jeans", owner+"'s "+good,
		"Joe'(R)", owner+"'(R)",
		"Joe's", owner+"'s",
		"IAA", strings.ToUpper(Word(c + 7919)[:3]),
		"Blue Concept", division,
		"Blue  Concept", division,
		"Blue\nConcept", color+"\n"+noun,
		"Fetish", Word(c+104729),
		"Shago", Word(c+224737),
		"Azteca", partner,
		"Jay Furrow", person,
		"Jay  Furrow", person,
		"Furrow", last,
		"Springfield, Tennessee", city,
		"Springfield,  Tennessee", city,
	)
	return co
}

// plan returns what the company's release for quarter t is about.
func (co *company) plan(t int) *plan {
	p := &plan{co: co, t: t, end: co.cal.end(t)}
	p.fy, p.fq = quarter(t)
	delay := co.releaseDelay
	if p.fq == 4 {
		delay += 14 // a year's results take longer
	}
	p.released = p.end.AddDate(0, 0, delay)
	for p.released.Weekday() == time.Saturday || p.released.Weekday() == time.Sunday {
		p.released = p.released.AddDate(0, 0, 1)
	}
	return p
}

// templates are the seed compiled: with year-to-date columns, and without
// for first quarters.
var templates = sync.OnceValues(func() (*template, *template) {
	s := string(seed.Release)
	return compile(s), compile(dropYearToDate(s))
})

// Generate makes release i as plain text, or as HTML when asHTML is set.
func Generate(i int, asHTML bool) Release {
	co := companyOf(i / Quarters)
	p := co.plan(co.first + i%Quarters)
	tp, q1 := templates()
	if p.fq == 1 {
		tp = q1
	}
	p.rowKeys = tp.rowKeys
	text := co.names.Replace(fixChanges(tp.render(p)))
	r := Release{
		Name:    fmt.Sprintf("%s-%dq%d.txt", co.slug, p.fy, p.fq),
		Company: co.name + " Inc.",
		Short:   co.short,
		Year:    p.fy,
		Quarter: p.fq,
		End:     p.end,
		Revenue: co.figure(p.t, tp.rowKeys["NET SALES"]),
		Format:  "text",
		Src:     []byte(text),
	}
	if asHTML {
		r.Format = "html"
		r.Name = strings.TrimSuffix(r.Name, ".txt") + ".htm"
		r.Src = toHTML(text, co.name)
	}
	return r
}

// WriteDir writes releases first … first+n-1 into dir, every htmlEvery-th
// one as HTML (0: none), and returns their paths.
func WriteDir(dir string, first, n, htmlEvery int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	paths := make([]string, 0, n)
	for i := first; i < first+n; i++ {
		r := Generate(i, htmlEvery > 0 && i%htmlEvery == htmlEvery-1)
		p := filepath.Join(dir, r.Name)
		if err := os.WriteFile(p, r.Src, 0o644); err != nil {
			return nil, fmt.Errorf("synth: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

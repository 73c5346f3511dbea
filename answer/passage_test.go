package answer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two small releases for the passage tests: Acme's (with a definition, a
// method of calculation, an acquisition, safe-harbor text and a running
// title) and Zenith's.
const (
	acmeRelease = `Exhibit 99.1

Acme Widgets Reports Fourth Quarter 2019 Results

CHICAGO, February 10, 2020 -- Acme Widgets Inc. (NYSE: ACW) today reported results for the fourth quarter and full year ended December 31, 2019.

Revenue increased 12% to $40.0 million for the year, driven by higher widget volume and price increases in every region.

On August 1, 2019 the Company acquired Beta Gears LLC, a maker of precision gears, for $5.0 million.

“2019 was a record year for Acme. Our teams delivered growth in every region.”

- Jane Doe, Chairman and Chief Executive Officer

EBITDA is defined as net income before interest, income taxes, depreciation and amortization. Management uses EBITDA to assess operating performance.

Basic earnings per share is calculated by dividing net income by the weighted average number of common shares outstanding during the period.

This press release contains forward-looking statements about revenue, earnings and deliveries. Actual revenue may differ materially.

Acme Widgets Reports Fourth Quarter 2019 Results

The following table summarizes revenue and net income for the year:

                            Year Ended December 31,
(in thousands)                 2019          2018
Revenue                     $40,000       $35,700
Net income                    4,100         3,200
`
	zenithRelease = `Zenith Foods Reports Third Quarter 2019 Results

OMAHA, October 30, 2019 -- Zenith Foods Corp. today reported results for the third quarter ended September 30, 2019.

Net sales rose 4% to $120.0 million as volumes of packaged meals grew in every channel.

                          Three Months Ended September 30,
(in thousands)                 2019          2018
Net sales                  $120,000      $115,400
Net income                    9,100         8,800
`
)

// TestPassageQuestions checks which questions get passages, and which
// passage comes first, over an index of both releases (doc "" asks them
// all, as a user does without --doc).
func TestPassageQuestions(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for name, text := range map[string]string{"acme.txt": acmeRelease, "zenith.txt": zenithRelease} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	x := memIndex(t, paths...)
	defer x.Close()
	tests := []struct {
		q, doc string
		kind   string
		first  string // the first citation's text holds this
		// closestNot is text no closest passage of a "none" may hold
		closestNot []string
	}{
		{q: "What is EBITDA?", kind: KindPassage, first: "EBITDA is defined as"},
		{q: "How is basic EPS calculated?", kind: KindPassage, first: "is calculated by dividing"},
		{q: "Why did revenue increase?", doc: "acme.txt", kind: KindPassage, first: "driven by higher widget volume"},
		{q: "What was the company acquired in 2019?", doc: "acme.txt", kind: KindPassage, first: "acquired Beta Gears"},
		{q: "What was net income in 2019?", doc: "acme.txt", kind: KindFact, first: "Net income"},
		{q: "What is the revenue in 2019?", doc: "acme.txt", kind: KindFact, first: "Revenue"},
		{q: "What does the table show?", doc: "acme.txt", kind: KindPassage, first: "The following table summarizes"},
		{q: "In 2019, why did revenue increase?", doc: "acme.txt", kind: KindPassage, first: "driven by higher widget volume"},
		{q: "What did Acme's CEO say about 2019?", doc: "acme.txt", kind: KindPassage, first: "record year for Acme"}, // the quotation, not its attribution line
		// fixed bugs
		{q: "Why did volumes grow?", kind: KindPassage, first: "volumes of packaged meals grew"}, // the release whose passage matches best, not the first
		{q: "Tesla vehicle deliveries", kind: KindNone},                                          // a company no release mentions: not a safe-harbor passage
		{q: "tesla vehicle deliveries", doc: "acme.txt", kind: KindNone},                         // one word of three is no topic
		{q: "What was the company sold in 2017?", doc: "acme.txt", kind: KindNone},               // the passage must name the period
		// closest passages are worth reading: no safe harbor, no running title
		{q: "What were Acme's capital expenditures for the fourth quarter results?", doc: "acme.txt", kind: KindNone,
			closestNot: []string{"forward-looking", "Reports Fourth Quarter"}},
	}
	for _, tt := range tests {
		a := (&Engine{Index: x, Doc: tt.doc}).Ask(tt.q)
		if a.Kind != tt.kind {
			t.Errorf("Ask(%q) = %s %q; want %s", tt.q, a.Kind, a.Answer, tt.kind)
			continue
		}
		if tt.first != "" && (len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, tt.first)) {
			t.Errorf("Ask(%q) cites %+v first; want %q", tt.q, a.Citations, tt.first)
		}
		for _, c := range a.Closest {
			for _, not := range tt.closestNot {
				if strings.Contains(c.Text, not) {
					t.Errorf("Ask(%q) gives %q as a closest passage", tt.q, c.Text)
				}
			}
		}
	}
}

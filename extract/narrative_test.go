package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// narrativeTest is a synthetic release (paragraphs of plain text) and
// facts its sentences must give, each as "metric | value unit change |
// period" (the period as Period.String prints it, by prefix; "" for any).
// absent lists values that must not be read as figures at all.
type narrativeTest struct {
	name   string
	src    string
	want   []string
	absent []string
}

var narrativeTests = []narrativeTest{
	{"plain level", "Net revenues were $5.0 billion for the fourth quarter of 2021.",
		[]string{"Net revenues | 5000000000 USD | three months ended December 2021"}, nil},

	// Fixed bugs.
	// a footnote mark glued to a closing parenthesis was read as a count of 1
	{"mark after parenthesis", "Return on average common shareholders' equity (ROE)1 was 23.0% for 2021.",
		[]string{"Return on average common shareholders' equity (ROE) | 23 percent | twelve months ended December 2021"},
		[]string{"1"}},
	// a mark glued to a word stayed in the figure's description; with a
	// footnote 3 in the release it is a mark, and "3,4" lists two
	{"mark after word", "Firmwide assets under supervision3,4 were a record $2.47 trillion in 2021.\n\n3. Preliminary.\n\n4. Estimate.",
		[]string{"Firmwide assets under supervision were a record | 2470000000000 USD | twelve months ended December 2021"}, nil},
	// an acronym printed alone elsewhere ("ROE") with footnote 1 reads
	// "ROE1" as ROE; "CET1", never printed as "CET", keeps its digit
	{"mark after acronym", "Net revenues were $5.0 billion for 2021. ROE1 of 23.0% was the highest in years. The CET1 ratio was 13.2%.\n\n1. ROE is net earnings over equity.",
		[]string{"ROE was the highest in years | 23 percent |", "The CET1 ratio | 13.2 percent |"}, nil},
	// "the highest since 2007" does not make 2007 the figure's period
	{"since is no period", "Net revenues were $5.0 billion for 2021. In addition, ROE of 23.0% was the highest since 2007.",
		[]string{"In addition, ROE | 23 percent | twelve months ended December 2021"}, nil},
	// a later figure bound to its own noun phrase ("X of $N") took the
	// sentence's first subject
	{"own clause", "Results included pension and benefit charges of $126 million recorded in 2019, compared with pension and benefit credits of $2.1 billion recorded in 2018.",
		[]string{"pension and benefit charges | 126000000 USD | twelve months ended December 2019",
			"pension and benefit credits | 2100000000 USD | twelve months ended December 2018"}, nil},
	{"own clause in parentheses", "During 2021 the firm returned $7.49 billion of capital to common shareholders, including $5.20 billion of common share repurchases (15.3 million shares at an average cost of $339.81) and $2.29 billion of common stock dividends.",
		[]string{"capital to common shareholders | 7490000000 USD |", "common share repurchases | 5200000000 USD |",
			"average cost | 339.81 USD/share |", "common stock dividends | 2290000000 USD |"}, nil},
	{"own clause after and", "Acquisition related expenses for the year ended May 31, 2013 included a benefit of $306 million related to certain litigation and a net benefit of $387 million due to an acquisition related item.",
		[]string{"net benefit due to an acquisition related item | 387000000 USD |"}, nil},
	// a phrase that names the subject again, or an average of it, is the subject
	{"subject again", "Other income in the first quarter of 2022 was income of $30 million, compared with income of $325 million in the first quarter of 2021.",
		[]string{"Other income was income | 325000000 USD | three months ended March 2021"}, nil},
	// a part of a whole ("$N of the company's $M in revenues were generated
	// from X") took the whole's predicate and left the part undescribed
	{"part of a whole", "The quarter was difficult, while only $2.9 million of the company's $30 million in revenues were generated from FetishTM and Shago in the second quarter of fiscal 2004.",
		[]string{"revenues generated from FetishTM and Shago | 2900000 USD | three months", "revenues | 30000000 USD | three months"}, nil},
	// "year over year" is a comparison's span, not twelve months; a change
	// set off after a figure ("$2.18, up 16 percent") is that figure's
	{"year over year", "Apple announced results for its fiscal 2024 first quarter ended December 30, 2023. The Company posted quarterly revenue of $119.6 billion, up 2 percent year over year, and quarterly earnings per diluted share of $2.18, up 16 percent year over year.",
		[]string{"The Company posted revenue | 119600000000 USD | three months ended December 30, 2023",
			"year and earnings per diluted share | 16 percent pct_change | three months ended December 30, 2023"}, nil},
	// a payment date is not the period of a dividend
	{"payment date", "For the fourth quarter of fiscal 2026, revenue was $68.1 billion. NVIDIA will pay its next quarterly cash dividend of $0.01 per share on April 1, 2026, to all shareholders of record on March 11, 2026.",
		[]string{"NVIDIA will pay its next cash dividend | 0.01 USD/share | three months"}, nil},
	{"declaration date", "On January 14, 2022, the Board declared a dividend of $2.00 per common share to be paid on March 30, 2022 to common shareholders of record on March 2, 2022.",
		[]string{"the Board declared a dividend | 2 USD/share | January 14, 2022"}, nil},
	// two lists of figures against one list of periods: each list is
	// paired with it, and a list's later figures are what its first is
	{"two respective lists", "During fiscal 2017, 2018 and 2019 sales of resale products by AVX were $318,928, $296,316 and $18,951, respectively, and related operating profit was $17,076, $18,177 and $3,300, respectively.",
		[]string{"sales of resale products by AVX | 318928 USD | twelve months ended December 2017",
			"sales of resale products by AVX | 18951 USD | twelve months ended December 2019",
			"respectively, and related operating profit | 17076 USD | twelve months ended December 2017",
			"respectively, and related operating profit | 3300 USD | twelve months ended December 2019"}, nil},
	// "decreased $2.2 million from 2018 to 2019 primarily due to a $1.7
	// million decrease in salary expenses": the change is the later year's,
	// and a figure followed by "decrease in X" is X's change
	{"change from to, and its parts", "North America expenses decreased $2.2 million from 2018 to 2019 primarily due to a $1.7 million decrease in salary and employee related expenses, $742,000 decrease in professional service expenses and a $498,000 decrease in marketing expenses.",
		[]string{"North America expenses | -2200000 USD change | twelve months ended December 2019",
			"salary and employee related expenses | -1700000 USD change |",
			"professional service expenses | -742000 USD change |",
			"marketing expenses | -498000 USD change |"}, nil},
	{"changes listed with and a", "Apple shipped 876,000 Macintosh computers and 860,000 iPods during the quarter, representing a 14 percent increase in CPU units and a 183 percent increase in iPods over the year-ago quarter.",
		[]string{"CPU units | 14 percent pct_change |"}, nil},
	// a list of bases pairs each figure with its basis
	{"respective bases", "For the quarter, GAAP and non-GAAP gross margins were 75.0% and 75.2%, respectively.",
		[]string{"GAAP and non-GAAP gross margins | 75 percent |", "GAAP and non-GAAP gross margins | 75.2 percent |"}, nil},
	// a bare year after a quarter is that quarter, years earlier
	{"quarter then bare year", "Income tax effects reflect an effective tax rate of 20.5% and 21.1% in the fourth quarter of fiscal 2014 and 2013, respectively.",
		[]string{"Income tax effects reflect an effective tax rate | 21.1 percent | three months ended December 2013 (Q4 FY2013)"}, nil},
	// a period phrase taken out of a subject left its lead-in behind ("At
	// the end of the , past dues"); a part of another figure was described
	// by the words between them ("the of the")
	{"opening period phrase", "At the end of the first quarter of 2022, past dues at Cat Financial were 2.05 percent.",
		[]string{"past dues at Cat Financial | 2.05 percent |"}, nil},
	{"period inside a subject", "As a result of the sale of the business in 2003 and related actions, term debt was $5.3 billion.",
		[]string{"As a result of the sale of the business and related actions, term debt | 5300000000 USD"}, nil},
	{"part of another figure", "Approximately $5.5 million of the $6.7 million of losses generated during the quarter are attributable to the closing.",
		[]string{"losses generated during the quarter | 5500000 USD |"}, nil},
	// (but a balance "on" a date is the balance at that date)
	{"balance on a date", "Total deposits were $300 billion on December 31, 2020.",
		[]string{"Total deposits on December 31 | 300000000000 USD | December 31, 2020"}, nil},
}

func TestNarrativeFacts(t *testing.T) {
	for _, tt := range narrativeTests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("r.txt", []byte(tt.src+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range d.Facts {
				if f.Source != "text" {
					continue
				}
				ch := ""
				if f.Change != "" {
					ch = " " + f.Change
				}
				got = append(got, fmt.Sprintf("%s | %s %s%s | %s", f.Metric, f.Value, f.Unit, ch, f.Period.String()))
				if slices.Contains(tt.absent, f.Value.String()) {
					t.Errorf("figure %s read: %s", f.Value, got[len(got)-1])
				}
			}
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("no fact %q in\n  %s", w, strings.Join(got, "\n  "))
				}
			}
		})
	}
}

// TestGluedMarks reads footnote marks glued to words and figures.
func TestGluedMarks(t *testing.T) {
	ev := &noteEvidence{notes: map[string]bool{"1": true, "3": true, "4": true}, alone: map[string]bool{"ROE": true}}
	tests := []struct {
		in   string
		want string // the text with its marks masked
	}{
		{"equity (ROE)1 was 23.0%", "equity (ROE)  was 23.0%"},
		{"ROE1 of 23.0%", "ROE  of 23.0%"},
		{"supervision3,4 increased", "supervision    increased"},
		{"margin was 23.0%1 in 2021", "margin was 23.0%  in 2021"},
		// not marks
		{"CET1 ratio", "CET1 ratio"},       // never printed as CET alone
		{"revenue2 grew", "revenue2 grew"}, // no footnote 2
		{"Q4 and 2Q04 and FY21", "Q4 and 2Q04 and FY21"},
		{"revenue3,400 and (1) items", "revenue3,400 and (1) items"},
		{"COVID-19 costs", "COVID-19 costs"},
		{"sales in Q3’21 rose", "sales in Q3’21 rose"},
	}
	for _, tt := range tests {
		spans, _ := gluedMarks(tt.in, ev)
		if got := maskMarks(tt.in, spans); got != tt.want {
			t.Errorf("gluedMarks(%q) masks to %q; want %q", tt.in, got, tt.want)
		}
	}
	labels := map[string]string{
		"Risk-weighted assets5,6": "Risk-weighted assets [5 6]",
		"Equity (ROE)1":           "Equity (ROE) [1]",
		"Order intake1":           "Order intake [1]",
		"CET1":                    "CET1 []",
		"Tier 1":                  "Tier 1 []",
		"Fiscal 2019":             "Fiscal 2019 []",
		"Revenue 12":              "Revenue 12 []",
		"Net sales Q4’21":         "Net sales Q4’21 []",
	}
	for in, want := range labels {
		l, m := stripLabelMark(in)
		if got := fmt.Sprintf("%s %v", l, m); got != want {
			t.Errorf("stripLabelMark(%q) = %q; want %q", in, got, want)
		}
	}
}

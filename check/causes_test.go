package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ex99/ex99/period"
)

// The releases of these tests are small excerpts written for them, each in
// the shape of a release where check once raised a false alarm: one per
// cause, and controls that must still disagree.

// lead opens every excerpt release: a title and a sentence naming the
// company (whose name is no narrower subject than the company).
const lead = `                    WIDGETCO INC. REPORTS FOURTH QUARTER RESULTS

     Widgetco Inc. today reported results for the fourth quarter of fiscal 2024.

`

// statement is the excerpts' income statement: revenue 120,500 against
// 100,000 a year before (20.5%), gross margin 40.0%.
const statement = `
                          WIDGETCO INC.
              CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
                  (in thousands, except per share data)

                                         Three Months Ended
                                   December 31,      December 31,
                                       2024              2023
                                   ------------      ------------
Revenue                             $ 120,500         $ 100,000
Cost of revenue                        72,300            60,000
                                   ------------      ------------
Gross profit                           48,200            40,000
Research and development               11,000            10,000
Selling, general and administrative    17,200            15,000
                                   ------------      ------------
Total operating expenses               28,200            25,000
                                   ------------      ------------
Operating income                       20,000            15,000
`

// narrativeCauses state one figure each beside the statement. The check of
// the figure (its kind, found value) must end as want, its note holding
// note; a release whose figure must not disagree must have no disagreement
// at all.
var narrativeCauses = []struct {
	name  string
	text  string // narrative between lead and statement
	kind  Kind
	found string
	want  Status
	note  string // in the note when not checked; in the rule when it disagrees
}{
	{"plain level agrees", "     Revenue was $120.5 million for the fourth quarter of fiscal 2024.\n",
		Figure, "120500000", OK, ""},
	{"prior-year level in its own period agrees", "     Revenue was $120.5 million, compared to $100.0 million for the fourth quarter of fiscal 2023.\n",
		Figure, "100000000", OK, ""},
	{"control: a wrong level disagrees", "     Revenue was $125.0 million for the fourth quarter of fiscal 2024.\n",
		Figure, "125000000", Mismatch, "names no narrower subject"},
	{"control: a wrong margin disagrees", "     Gross margin was 42.0% for the fourth quarter of fiscal 2024.\n",
		TextRatio, "42", Mismatch, "names no narrower subject"},
	{"control: a wrong change disagrees", "     Revenue was $120.5 million, up 25% from a year ago.\n",
		Change, "25", Mismatch, "the clause states this metric's level"},
	{"outlook sentence", "     Revenue is expected to be $130.0 million, plus or minus 2%.\n",
		Figure, "130000000", NotChecked, "outlook rule"},
	{"outlook heading", "Outlook\n\n     Gross margin of approximately 45.0%.\n",
		TextRatio, "45", NotChecked, "heading \"Outlook\""},
	{"range", "     Revenue in the range of $110.0 million to $115.0 million.\n",
		Figure, "115000000", NotChecked, "range"},
	{"a change to a level is no range", "     Revenue increased 21% to $120.5 million.\n",
		Figure, "120500000", OK, ""},
	{"prior period before the figure", "     Gross margin was 40.0%, compared to the prior quarter GAAP gross margin of 38.0%.\n",
		TextRatio, "38", NotChecked, "earlier period"},
	{"prior period after the figure", "     Research and development expenses were $11.0 million, compared with $10.0 million in the prior quarter.\n",
		Figure, "10000000", NotChecked, "earlier period"},
	{"the base of a comparison", "     Revenue for the quarter was $120.5 million versus $100.0 million.\n",
		Figure, "100000000", NotChecked, "comparison rule"},
	{"a comparison after the figure leaves it this period's", "     Research and development expenses were $11.0 million compared with last year.\n",
		Figure, "11000000", OK, ""},
	{"an item's effect", "     Gross margin was 40.0%, inclusive of a 0.5% impact from stock-based compensation.\n",
		TextRatio, "0.5", NotChecked, "effect of an item"},
	{"another basis", "     Revenue increased 25% in constant currency to $120.5 million from $100.0 million.\n",
		Change, "25", NotChecked, "basis rule"},
	{"control: a wrong change between the clause's levels disagrees", "     Revenue increased 25% to $120.5 million from $100.0 million.\n",
		Change, "25", Mismatch, "the change of the two levels the same clause states"},
	{"segment in the subject", "     Record Gizmo revenue of $110.3 million.\n",
		Figure, "110300000", NotChecked, "subject"},
	{"segment heading", "Gadgets\n\n     Fourth-quarter revenue was a record $80.2 million, up 35% from a year ago.\n",
		Figure, "80200000", NotChecked, "heading \"Gadgets\""},

	// fixed bugs: the shapes of the corpus's false alarms
	// goldman-2021q4: a segment's growth checked against total net revenues
	{"segment growth after 'in'", "     Net revenues in Gadgets were $80.2 million for the fourth quarter of 2024, 35% higher than the fourth quarter of 2023.\n",
		Change, "35", NotChecked, "names \"gadgets\""},
	// nvidia-2026q4: Data Center revenue under its heading checked against total revenue
	{"segment growth under its heading", "Gadgets\n\n     Fourth-quarter revenue was a record $80.2 million, up 35% from a year ago.\n",
		Change, "35", NotChecked, "heading \"Gadgets\""},
	// unseen releases: a guidance range, a prior quarter's figures in the sentence
	{"guidance range", "     Diluted EPS from continuing operations $1.65 - $1.75\n",
		Figure, "1.65", NotChecked, "range"},
	{"prior quarter's margin", "     GAAP gross margin was 40.0%, compared to the prior quarter GAAP gross margin of 47.0%.\n",
		TextRatio, "47", NotChecked, "earlier period"},
	{"prior quarter's expenses", "     R&D expenses of $11.0 million compared with R&D expenses of $9.8 million in the prior quarter.\n",
		Figure, "9800000", NotChecked, "earlier period"},
	// nvidia-2026q4: "inclusive of a 0.1% impact" in an outlook checked against the gross margin
	{"effect inside an outlook", "     Gross margins are expected to be 41.0%, inclusive of a 0.1% impact from stock-based compensation expense.\n",
		TextRatio, "0.1", NotChecked, "outlook"},
}

func TestNarrativeCauses(t *testing.T) {
	for _, tt := range narrativeCauses {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, "widgetco.txt", []byte(lead+tt.text+statement))
			var got *Check
			for i, c := range r.Checks {
				if c.Kind == tt.kind && c.Found != nil && c.Found.String() == tt.found && c.Citations[0].Role == "text" {
					got = &r.Checks[i]
					break
				}
			}
			if got == nil {
				for _, c := range r.Checks {
					t.Log(c)
				}
				t.Fatalf("no %s check of %s", tt.kind, tt.found)
			}
			if got.Status != tt.want {
				t.Errorf("status %s, want %s: %v", got.Status, tt.want, *got)
			}
			where := got.Note
			if tt.want == Mismatch {
				where = got.Rule
			}
			if !strings.Contains(where, tt.note) {
				t.Errorf("%q lacks %q: %v", where, tt.note, *got)
			}
			if tt.want != Mismatch {
				for _, c := range mismatches(r) {
					t.Errorf("false alarm: %v", c)
				}
			}
		})
	}
}

// cashFlow has a line item named "Net …" whose figures foot by chance in
// one column (its adjustments 1 − (1) = 2 read as the first row less the
// other) and not in another, and a footnote mark printed after it.
const cashFlow = `
                          WIDGETCO INC.
               CONDENSED STATEMENTS OF CASH FLOWS
                         (in millions)

                                      Consolidated    Parent    Finance   Adjustments
Cash flow from investing activities:
Capital expenditures                      (10)          (7)        (4)        1
Proceeds from disposals                      4            2          3       (1)
Net intercompany transfers                   —            —          (2)        2     3
Net cash used for investing activities      (6)          (5)        (3)        2
`

// footnoteMarks prints a footnote mark after each row, in a column of its
// own: 2 + 2 + 3 is no sum of the marks' 4.
const footnoteMarks = `
                          WIDGETCO INC.
               CONDENSED STATEMENTS OF CASH FLOWS
                         (in millions)

                                      Consolidated    Parent    Finance
Cash flow from investing activities:
Capital expenditures                      (10)          (7)        (3)     2
Proceeds from disposals                      4            2          2     2
Other investing                              1            1          —     3
Net cash used for investing activities      (5)          (4)        (1)    4
`

// chargeOffs prints each amount beside its rate ("6 .02"): the rates
// (.02 + .03 is not .03) are no amounts to foot.
const chargeOffs = `
                          NET CHARGE-OFFS
                         (dollars in millions)

                               Three Months Ended
                          December 31,      December 31,
                              2024              2023
Commercial                  6      .02      14      .05
Consumer                    4      .03       6      .04
Total net charge-offs      10      .03      20      .04
`

// earnings is an income statement with earnings per share under the
// two-class method: 21,151 / 350.5 = 60.35 against a printed 60.25.
const earnings = `
                          WIDGETCO INC.
              CONSOLIDATED STATEMENTS OF EARNINGS
            (in millions, except per share amounts)

                                                     Year Ended December 31,
                                                       2024          2023
Net revenues                                        $ 59,339      $ 44,560
Total operating expenses                              31,938        28,983
Pre-tax earnings                                      27,401        15,577
Provision for taxes                                    5,766         5,118
Net earnings                                          21,635        10,459
Preferred stock dividends                                484           544
Net earnings applicable to common shareholders      $ 21,151       $ 9,915
%sEARNINGS PER COMMON SHARE
Basic                                                $ %s       $ 27.82
Diluted                                              $ 59.45       $ 27.52
AVERAGE COMMON SHARES
Basic                                                  350.5         356.4
Diluted                                                355.8         360.3
`

// tableCauses check the tables of small releases: the check of the subject
// (a row's name, and the figure found in its column, any when "") must end
// as want, its note holding note; when absent, there must be no such check.
var tableCauses = []struct {
	name    string
	release string
	subject string
	found   string
	want    Status
	note    string
	absent  bool
}{
	{"a total foots in every column", cashFlow, "Net cash used for investing activities", "-3000000", OK, "", false},
	{"amounts beside rates foot", chargeOffs, "Total net charge-offs", "10000000", OK, "", false},
	{"EPS that follows", eps("", "60.35"), "EARNINGS PER COMMON SHARE: Basic", "60.35", OK, "", false},
	{"two-class: a stated allocation explains it", eps(fmt.Sprintf("%-48s%12s%14s\n", "Earnings allocated to participating securities", "(35)", "(30)"), "60.25"),
		"EARNINGS PER COMMON SHARE: Basic", "60.25", OK, "participating securities", false},
	{"two-class: an unstated allocation may explain it", eps("", "60.25"), "EARNINGS PER COMMON SHARE: Basic", "60.25", NotChecked, "two-class rule", false},
	{"two-class: preferred dividends and no net income to common", withoutLine(eps("", "60.25"), "Net earnings applicable"),
		"EARNINGS PER COMMON SHARE: Basic", "", NotChecked, "no net income available to common shareholders", false},
	{"control: EPS above net income / shares disagrees", eps("", "61.25"), "EARNINGS PER COMMON SHARE: Basic", "61.25", Mismatch, "", false},
	{"control: EPS far below disagrees", eps("", "57.25"), "EARNINGS PER COMMON SHARE: Basic", "57.25", Mismatch, "", false},

	// fixed bugs
	// caterpillar-2022q1: "Net intercompany purchased receivables" taken for a total
	{"a 'Net …' line item is no total", cashFlow, "Net intercompany transfers", "", "", "", true},
	// caterpillar-2022q1, as a text release: the footnote marks after each row footed as amounts
	{"footnote marks are not footed", footnoteMarks, "Net cash used for investing activities", "4000000", "", "", true},
	{"the amounts beside footnote marks foot", footnoteMarks, "Net cash used for investing activities", "-1000000", OK, "", false},
	// an unseen release: net charge-off rates ("6 .02 14 .05") footed as amounts
	{"rates are not footed", chargeOffs, "Total net charge-offs", "30000", "", "", true},
	// goldman-2021q4: two-class basic EPS 60.25 against 21,151 / 350.5
	{"two-class EPS is no disagreement", eps("", "60.25"), "EARNINGS PER COMMON SHARE: Basic", "60.25", NotChecked, "participating securities", false},
}

// withoutLine drops the lines of text that begin with prefix.
func withoutLine(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func eps(allocation, basic string) string {
	return strings.Replace(strings.Replace(earnings, "%s", allocation, 1), "%s", basic, 1)
}

func TestTableCauses(t *testing.T) {
	for _, tt := range tableCauses {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, "widgetco.txt", []byte(tt.release))
			var got []Check
			for _, c := range r.Checks {
				if c.Subject == tt.subject && (tt.found == "" || c.Found != nil && c.Found.String() == tt.found) {
					got = append(got, c)
				}
			}
			switch {
			case tt.absent && len(got) > 0:
				t.Errorf("%q %s is checked: %v", tt.subject, tt.found, got)
			case tt.absent:
			case len(got) == 0:
				for _, c := range r.Checks {
					t.Log(c)
				}
				t.Fatalf("no check of %q %s", tt.subject, tt.found)
			case got[0].Status != tt.want:
				t.Errorf("status %s, want %s: %v", got[0].Status, tt.want, got[0])
			case !strings.Contains(got[0].Note, tt.note):
				t.Errorf("note %q lacks %q", got[0].Note, tt.note)
			}
			ms := mismatches(r)
			if tt.want != Mismatch {
				for _, c := range ms {
					t.Errorf("false alarm: %v", c)
				}
			} else if len(ms) == 0 {
				t.Error("no disagreement")
			}
		})
	}
}

// TestOtherPeriod: a period phrase right after a figure that names another
// quarter, year or length than the figure's period was given.
func TestOtherPeriod(t *testing.T) {
	q4 := period.Period{Kind: period.Duration, Months: 3, FQ: 4, FY: 2026}
	for _, tt := range []struct {
		after string
		want  string
	}{
		{" in Q3", "Q3"},
		{" in the third quarter of fiscal 2026", "third quarter of fiscal 2026"},
		{" for the fourth quarter of fiscal 2026", ""},
		{" for the fourth quarter of fiscal 2025", "fourth quarter of fiscal 2025"},
		{" in 2025", ""}, // a bare year may be a calendar year: no evidence
		{" up ", ""},
	} {
		if got := otherPeriod(tt.after, q4); got != tt.want {
			t.Errorf("otherPeriod(%q) = %q, want %q", tt.after, got, tt.want)
		}
	}
}

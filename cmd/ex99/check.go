package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ex99/ex99/check"
	"github.com/spf13/cobra"
)

func (a *app) checkCmd() *cobra.Command {
	var doc string
	var asJSON, verbose bool
	c := &cobra.Command{
		Use:   "check [flags]",
		Short: "Check that a release adds up: totals, balance sheet, per-share figures, narrative vs tables",
		Long: `Check that a release adds up, and say where it does not:

  totals      each subtotal and total row equals the rows above it that it sums
              (total current assets, gross profit = net sales - cost of sales, ...)
  balance     total assets equal total liabilities and stockholders' equity
  per share   earnings per share equal net income / weighted average shares
  narrative   figures stated in the text equal the tables' (a "net loss of
              $6,728,000" and the table's (6,728); "a 150% increase" and the
              change the figures make)

Every comparison allows for the rounding of the figures as printed, and every
line cites NAME:LINE; each disagreement states its basis, the rule that paired
the figures. A narrative figure is paired with a table figure only when metric,
entity, period and basis agree: an outlook, a range, a figure the sentence ties
to the prior period, an item's effect and a part's figure (a segment's) are not
compared with the company's results. A check that cannot tell what a figure
should equal is skipped rather than flagged; --verbose lists those too, with
why. docs/CHECK.md has the rules.

Exit status 0 when everything checked agrees, 1 when something does not.`,
		Example: `  ex99 check --doc innovo-2004q2.txt
  ex99 check --json | jq '.releases[].checks[] | select(.status == "mismatch")'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("check", "check takes no arguments; name a release with --doc")
			}
			x, doc, err := a.openReadDoc(doc)
			if err != nil {
				return err
			}
			defer x.Close()
			var names []string
			if doc != "" {
				names = []string{doc}
			} else {
				ds, err := x.Docs()
				if err != nil {
					return err
				}
				for _, d := range ds {
					names = append(names, d.Name)
				}
			}
			var reps []*check.Report
			for _, n := range names {
				rel, err := check.Load(x, n)
				if err != nil {
					return err
				}
				reps = append(reps, check.RunRelease(rel))
			}
			res := check.Summarize(reps...)
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				if err := enc.Encode(res); err != nil {
					return err
				}
			} else {
				for i, r := range res.Releases {
					if i > 0 {
						fmt.Fprintln(a.stdout)
					}
					a.printReport(a.stdout, r, verbose)
				}
			}
			if !res.OK {
				return silentError{exitFailed}
			}
			return nil
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "check this release only (default: every indexed release)")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object with every check, for scripts")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "also list what could not be checked, and why")
	return c
}

// printReport writes one release's report for people: a summary line, each
// disagreement with both sides' lines, then each verified check briefly.
func (a *app) printReport(w io.Writer, r *check.Report, verbose bool) {
	summary := fmt.Sprintf("%s: %s, %s agree", r.Doc, countOf(r.Mismatched, "disagreement"), countOf(r.Verified, "check"))
	if r.NotChecked > 0 {
		summary += fmt.Sprintf(", %d not checked", r.NotChecked)
		if !verbose {
			summary += " (--verbose lists them)"
		}
	}
	fmt.Fprintln(w, summary)
	for _, c := range r.Checks {
		if c.Status != check.Mismatch {
			continue
		}
		fmt.Fprintf(w, "\n%s  %s\n", a.loud("DISAGREES"), headline(c))
		fmt.Fprintf(w, "  %s\n", c.Formula)
		if c.Note != "" {
			fmt.Fprintf(w, "  (%s)\n", c.Note)
		}
		if c.Rule != "" {
			fmt.Fprintf(w, "  basis: %s\n", c.Rule)
		}
		for _, ct := range c.Citations {
			if txt := strings.Join(strings.Fields(ct.Text), " "); txt != "" {
				fmt.Fprintf(w, "  %-6s %s  %s\n", ct.Role, ct.String(), txt)
			} else {
				fmt.Fprintf(w, "  %-6s %s\n", ct.Role, ct.String())
			}
		}
	}
	if r.Verified > 0 {
		fmt.Fprintln(w, "\nagrees:")
		for _, c := range r.Checks {
			if c.Status == check.OK {
				fmt.Fprintf(w, "  %-11s %s: %s  %s\n", c.Kind, headline(c), c.Formula, refs(c))
			}
		}
	}
	if verbose && r.NotChecked > 0 {
		fmt.Fprintln(w, "\nnot checked:")
		for _, c := range r.Checks {
			if c.Status == check.NotChecked {
				fmt.Fprintf(w, "  %-11s %s: %s  %s\n", c.Kind, headline(c), c.Note, refs(c))
			}
		}
	}
}

// headline is what a check is about: "TOTAL ASSETS, as of May 29, 2004".
func headline(c check.Check) string {
	if c.Period == "" {
		return c.Subject
	}
	return c.Subject + ", " + c.Period
}

// refs lists a check's citations as NAME:LINE.
func refs(c check.Check) string {
	var s []string
	for _, ct := range c.Citations {
		s = append(s, ct.String())
	}
	return "[" + strings.Join(s, " ") + "]"
}

func countOf(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// loud marks a word bold red when colouring (see styler).
func (a *app) loud(s string) string { return a.style.loud(s) }

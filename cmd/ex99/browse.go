package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/nlq"
	"github.com/spf13/cobra"
)

func (a *app) searchCmd() *cobra.Command {
	var doc string
	var limit int
	var asJSON, raw bool
	var o grepOpts
	c := &cobra.Command{
		Use:   "search [flags] TERMS...",
		Short: "Find the lines of the releases that hold words or phrases, as ripgrep does",
		Long: `Search the indexed releases' text and print each matching line as
NAME:LINE:TEXT, release by release in line order (on a terminal under a
heading naming the release, with the matches highlighted). Piped, the lines
are printed as they are.

A passage (or a table row) matches when it holds every term; the lines of
it that hold one are printed. A word matches as the index reads it
("declined" finds "decline"); an argument of several words is a phrase
(quote it: "comparable store"), matched word for word, case aside, and it
may run on to the next line. Characters like + - : * mean nothing special
unless --query-syntax is given, which reads TERMS as a Bleve query string
(+must -not "a phrase" section:outlook) and prints the lines of the
passages it finds.

With nothing found, search says so on stderr and exits 1, as grep does.
With --json it prints the passages the index finds instead, best first, one
JSON object per passage (doc, line, end_line, section, text, score, offset).`,
		Example: `  ex99 search conference call
  ex99 search "comparable store"
  ex99 search -C 2 --doc innovo-2004q2.txt Fetish license
  ex99 search --count dividend
  ex99 search -l "share repurchase"
  ex99 search --query-syntax '+fetish -shago'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("limit") && (limit < 1 || limit > 1000) {
				return usagef("search", "--limit must be between 1 and 1000")
			}
			o.limit = limit
			return a.search(args, doc, asJSON, raw, o)
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "search this release only")
	c.Flags().IntVar(&limit, "limit", 0, "most matching lines to show (with --json: passages; default all, with --json 10)")
	c.Flags().IntVarP(&o.context, "context", "C", 0, "show N lines before and after each matching line")
	c.Flags().BoolVar(&o.count, "count", false, "print NAME:N, the number of matching lines of each release")
	c.Flags().BoolVarP(&o.files, "files-with-matches", "l", false, "print only the names of the releases with a match")
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per passage found")
	c.Flags().BoolVar(&raw, "query-syntax", false, "read TERMS as a Bleve query string")
	return c
}

// search runs `ex99 search`: the matching lines (searchText), or with
// asJSON the passages found; nothing found is exit status 1.
func (a *app) search(args []string, doc string, asJSON, raw bool, o grepOpts) error {
	if len(args) == 0 {
		return usagef("search", "search needs terms to look for")
	}
	if o.context < 0 {
		return usagef("search", "-C must be 0 or more lines")
	}
	x, doc, err := a.openReadDoc(doc)
	if err != nil {
		return err
	}
	defer x.Close()
	if doc != "" {
		o.docs = []string{doc}
	}
	text := strings.Join(args, " ")
	if asJSON {
		return a.searchJSON(x, text, doc, o.limit, raw)
	}
	n, err := a.searchText(x, args, raw, o)
	if err != nil {
		return err
	}
	if n == 0 {
		a.noMatches(text)
		return silentError{exitFailed}
	}
	return nil
}

// searchText prints the lines that match a search (see grep), and returns
// how many did. With raw, the terms are a Bleve query string: the lines
// are those of the passages it finds.
func (a *app) searchText(x *index.Index, args []string, raw bool, o grepOpts) (int, error) {
	text := strings.Join(args, " ")
	p := patternOf(args)
	if raw {
		q := index.PassageQuery{Text: text, Size: 1000, Raw: true, Docs: o.docs}
		hits, err := x.Passages(q)
		if err != nil {
			if !errors.Is(err, index.ErrDamaged) {
				return 0, usagef("search", "bad query: %v", err)
			}
			return 0, err
		}
		if len(hits) == 0 {
			return 0, nil
		}
		o.found = foundPassages(hits)
		p = patternOfLine(nlq.Parse(text).Words)
	}
	if p.empty() {
		return 0, nil
	}
	return a.grep(x, a.stdout, p, o)
}

// searchJSON prints the passages a search finds, best first, one JSON
// object each; none found is exit status 1.
func (a *app) searchJSON(x *index.Index, text, doc string, limit int, raw bool) error {
	if limit == 0 {
		limit = 10
	}
	q := index.PassageQuery{Text: text, Size: limit, Raw: raw}
	if doc != "" {
		q.Docs = []string{doc}
	}
	if !raw {
		q.Phrases = []string{text}
	}
	hits, err := x.Passages(q)
	if err != nil {
		if raw && !errors.Is(err, index.ErrDamaged) {
			return usagef("search", "bad query: %v", err)
		}
		return err
	}
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	for _, h := range hits {
		if err := enc.Encode(map[string]interface{}{"doc": h.Doc, "line": h.Start, "end_line": h.End, "section": h.Section,
			"text": h.Text, "score": h.Score, "offset": h.Offset}); err != nil {
			return err
		}
	}
	if len(hits) == 0 {
		a.noMatches(text)
		return silentError{exitFailed}
	}
	return nil
}

func (a *app) factsCmd() *cobra.Command {
	var doc, format string
	c := &cobra.Command{
		Use:   "facts [flags]",
		Short: "List every extracted fact: metric, entity, period, value, unit, lines",
		Long: `List every figure ex99 extracted, the ones ask answers from: where it is
(NAME:LINE), the metric as the release labels it, the entity (segment,
subsidiary) if any, the period, the value in base units with the release's
sign, the unit, and whether it came from a table or a sentence.

--format table (the default) is for reading, csv for a spreadsheet, json
one object per fact (JSON Lines) for jq.`,
		Example: `  ex99 facts --doc innovo-2004q2.txt
  ex99 facts --doc innovo | grep -i inventor
  ex99 facts --format csv > facts.csv
  ex99 facts --format json | jq .`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "table" && format != "csv" && format != "json" {
				return usagef("facts", "--format must be table, csv or json, not %q", format)
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
			var tw *tabwriter.Writer
			var cw *csv.Writer
			switch format {
			case "table":
				tw = tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "DOC:LINE\tMETRIC\tENTITY\tPERIOD\tVALUE\tUNIT\tSOURCE")
			case "csv":
				cw = csv.NewWriter(a.stdout)
				_ = cw.Write([]string{"doc", "line", "end_line", "metric", "key", "entity", "period", "period_end", "months", "value", "unit", "change", "basis", "adjusted", "source"})
			}
			enc := json.NewEncoder(a.stdout)
			enc.SetEscapeHTML(false)
			for _, n := range names {
				fs, err := x.AllFacts(n)
				if err != nil {
					return err
				}
				for _, f := range fs {
					metric := f.Describe()
					if f.Change != "" {
						metric += " (" + strings.ReplaceAll(f.Change, "_", " ") + ")"
					}
					switch format {
					case "table":
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", citeRef(f.Doc, f.Start, f.End), clip(metric, 60), f.Entity, f.Period.String(), f.Value.String(), f.Unit, f.Source)
					case "csv":
						_ = cw.Write([]string{f.Doc, strconv.Itoa(f.Start), strconv.Itoa(f.End), metric, f.Key, f.Entity, f.Period.String(), f.Period.End.String(),
							strconv.Itoa(f.Period.Months), f.Value.String(), f.Unit, f.Change, f.Basis, strconv.FormatBool(f.Adjusted), f.Source})
					case "json":
						if err := enc.Encode(f); err != nil {
							return err
						}
					}
				}
			}
			if tw != nil {
				return tw.Flush()
			}
			if cw != nil {
				cw.Flush()
				return cw.Error()
			}
			return nil
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "facts of this release only")
	c.Flags().StringVar(&format, "format", "table", "output format: table, csv or json")
	return c
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (a *app) docsCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "docs [flags]",
		Short: "List the indexed releases with company, period, format and counts",
		Long: `List the indexed releases, one a line: NAME (what --doc, show and rm take;
a prefix of it or the company's name will do), the company, the release's own
period, its format (text, html, submission) and how many lines, passages,
tables and facts ex99 read from it. With no index yet, the built-in release.

With --json, one JSON object per release (JSON Lines), for jq and scripts.`,
		Example: `  ex99 docs
  ex99 docs --index ./idx
  ex99 docs --json | jq -r .name`,
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.openRead()
			if err != nil {
				return err
			}
			defer x.Close()
			ds, err := x.Docs()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				for _, d := range ds {
					if err := enc.Encode(d); err != nil {
						return err
					}
				}
				return nil
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tCOMPANY\tPERIOD\tFORMAT\tLINES\tPASSAGES\tTABLES\tFACTS")
			for _, d := range ds {
				per := d.Current.Tag()
				if per == "" {
					per = d.Current.End.String()
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\n", printable(d.Name), printable(d.Company), per, d.Format, d.Lines, d.Passages, d.Tables, d.Facts)
			}
			return tw.Flush()
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per release")
	return c
}

func (a *app) showCmd() *cobra.Command {
	var context int
	c := &cobra.Command{
		Use:   "show NAME[:LINE[-END]]",
		Short: "Print a release as ex99 reads it, with line numbers",
		Long: `Print a release's reading view with line numbers. With a line (or range), print
a few lines around it with the cited lines marked by ">", so a citation can be
checked in context. For HTML releases the reading view has one line per
paragraph and per table row.`,
		Example: `  ex99 show innovo-2004q2.txt
  ex99 show innovo-2004q2.txt:171
  ex99 show innovo-2004q2.txt:378-401`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("show", "show takes one argument, NAME or NAME:LINE or NAME:LINE-END")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			x, err := a.openRead()
			if err != nil {
				return err
			}
			defer x.Close()
			name, lo, hi, err := resolveRef(x, args[0])
			var ue usageError
			if errors.As(err, &ue) {
				return err
			}
			if err != nil {
				return fmt.Errorf("show: %w (ex99 docs lists the releases)", err)
			}
			lines, err := x.View(name)
			if err != nil {
				return err
			}
			from, to := 1, len(lines)
			if lo > 0 {
				if lo > len(lines) {
					return fmt.Errorf("%s has %d lines; line %d is past the end", name, len(lines), lo)
				}
				hi = min(max(hi, lo), len(lines))
				from, to = max(1, lo-context), min(len(lines), hi+context)
			}
			for i := from; i <= to; i++ {
				mark := " "
				if lo > 0 && i >= lo && i <= hi {
					mark = ">"
				}
				fmt.Fprintf(a.stdout, "%s%6d  %s\n", mark, i, lines[i-1].Text)
			}
			return nil
		},
	}
	c.Flags().IntVarP(&context, "context", "C", 3, "lines of context around a cited line")
	return c
}

// parseRef reads NAME, NAME:LINE or NAME:LINE-END. A release's name may
// hold colons ("a:1.txt"): s is a name when the index has a release of
// that name (known), or when what follows its last colon is no line range
// and what comes before it names no release.
func parseRef(s string, known func(name string) bool) (string, int, int, error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 || known(s) {
		return s, 0, 0, nil
	}
	name, rng := s[:i], s[i+1:]
	if !reLineRange.MatchString(rng) && !known(name) {
		return s, 0, 0, nil
	}
	lo, hi := rng, rng
	if j := strings.IndexByte(rng, '-'); j >= 0 {
		lo, hi = rng[:j], rng[j+1:]
	}
	l, err1 := strconv.Atoi(lo)
	h, err2 := strconv.Atoi(hi)
	if err1 != nil || err2 != nil || l < 1 || h < l {
		return "", 0, 0, fmt.Errorf("%q: expected NAME:LINE or NAME:LINE-END with line numbers from 1", s)
	}
	return name, l, h, nil
}

// resolveRef reads NAME, NAME:LINE or NAME:LINE-END (see parseRef) and
// finds the release NAME names (see index.ResolveName: a prefix of its
// name or its company will do). A bad line range is a usageError; a name
// that fits no release or several wraps index.ErrNotFound or ErrAmbiguous.
func resolveRef(x *index.Index, ref string) (name string, lo, hi int, err error) {
	name, lo, hi, err = parseRef(ref, x.Fits)
	if err != nil {
		return "", 0, 0, usagef("show", "%v", err)
	}
	name, err = x.Resolve(name)
	return name, lo, hi, err
}

// reLineRange is what parseRef takes for a line or a range of lines.
var reLineRange = regexp.MustCompile(`^\s*\d*\s*(?:-\s*\d*\s*)?$`)

// hasDoc reports whether x holds a release of a name.
func hasDoc(x *index.Index) func(name string) bool {
	return func(name string) bool {
		_, err := x.Doc(name)
		return err == nil
	}
}

func (a *app) rmCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rm NAME...",
		Short: "Remove releases from the index",
		Long: `Remove releases from the index, and say which. A release is named as
everywhere else: its name as "ex99 docs" lists it, a prefix of the name that
fits one release, or its company's name. A name that fits several releases
removes none of them; the message lists them.

The built-in release, answered from while no index exists, cannot be
removed: add your own releases and it is no longer used.`,
		Example: `  ex99 rm innovo-2004q2.txt
  ex99 rm apple-2004q3.htm apple-2024q1.htm
  ex99 rm buckle                 # the one release whose name starts so
  ex99 rm --index ./idx old-release.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("rm", "rm needs the names of releases to remove (see ex99 docs)")
			}
			return a.rm(args)
		},
	}
}

// rm removes the releases names name, saying each on stderr. It never
// creates an index: with none there is nothing to remove.
func (a *app) rm(names []string) error {
	x, err := index.Open(a.path(), index.Options{MustExist: true, Waiting: func() {
		fmt.Fprintf(a.stderr, "ex99: waiting for readers of %s to finish…\n", a.path())
	}})
	switch {
	case errors.Is(err, index.ErrNoIndex) && a.missingPath():
		return a.noIndexError()
	case errors.Is(err, index.ErrNoIndex):
		return fmt.Errorf("rm: nothing to remove: there is no index at %s yet (the built-in release %s cannot be removed; it is used only until you add your own)", printable(a.path()), seed.Name)
	case err != nil:
		return err
	}
	defer x.Close()
	w := x.NewWriter()
	failed := 0
	var removed []string
	for _, n := range names {
		name, err := x.Resolve(n)
		if err == nil && !slices.Contains(removed, name) {
			err = w.Remove(name)
		}
		if err != nil {
			fmt.Fprintf(a.stderr, "ex99: rm: %v\n", err)
			failed++
			continue
		}
		if !slices.Contains(removed, name) {
			removed = append(removed, name)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	for _, n := range removed {
		fmt.Fprintf(a.stderr, "removed %s\n", printable(n))
	}
	if failed > 0 {
		return silentError{exitFailed}
	}
	return nil
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ex99/ex99/answer"
	"github.com/ex99/ex99/index"
	"github.com/spf13/cobra"
)

func (a *app) askCmd() *cobra.Command {
	var doc string
	var asJSON, explain bool
	c := &cobra.Command{
		Use:   "ask [flags] QUESTION...",
		Short: "Answer a question, citing the source lines",
		Long: `Answer a question about the indexed releases. The words are joined into one
question. The answer comes first, then where it came from (NAME:LINE) and the
cited lines as the release prints them.

ex99 understands figures ("net sales Q2 2004", "diluted EPS for the six months
ended May 29, 2004", "cash at November 29, 2003"), changes and ratios ("change
in net sales from Q2 2003 to Q2 2004", "operating margin", "current ratio"),
and questions answered by a passage ("why did gross margin decline?"). When
the release does not have what was asked, the answer says so ("none") and
shows the closest passages instead of a near miss.

With "-" as the question, ask reads one question per line from standard input
(blank lines and lines starting with "#" are skipped); as text, each answer
comes after its question ("Q: ..."), with --json one object per question.

The answer line comes first, then the one citation that states it: the row
under its column headers, the rows a figure is computed from, or the
passage's place; then notes, and how the question was read where ex99 had
to choose (no period asked: the release's latest). With -v every citation
is printed in full: column headers, operands, footnotes, restatements.

With --explain, after the answer (printed as without it) comes how it was
found: the parse of the question, the releases searched, the path that
answered (lookup fact, computed, passage, outlook passage, not found) with
the steps tried, and for a figure lookup the period sought, the top
candidates best first (NAME:LINES, description, period, value, score and
feature record) and the rejected candidates nearest to winning with the
reason each was rejected. With --explain --json the answer's JSON line is
printed unchanged, followed by one line holding {"explain": {...}}; see the
README.`,
		Example: `  ex99 ask "Joe's net sales Q2 2004"
  ex99 ask what were total assets
  ex99 ask --json "EPS Q2 03"
  ex99 ask -v "operating margin Q2 2004"
  ex99 ask --explain "net sales Q2 2004"
  ex99 ask --doc innovo-2004q2.txt "why did net sales increase?"
  printf 'revenue 2Q04\ngoodwill\n' | ex99 ask --json -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ask", "ask needs a question, e.g. ex99 ask \"net sales Q2 2004\"")
			}
			x, doc, err := a.openReadDoc(doc)
			if err != nil {
				return err
			}
			defer x.Close()
			e := &answer.Engine{Index: x, Doc: doc}
			if len(args) == 1 && args[0] == "-" {
				return a.askStream(e, a.stdin, asJSON, explain)
			}
			found, err := a.askOne(e, strings.Join(args, " "), asJSON, explain)
			if err == nil && !found {
				a.status = exitFailed // not found: 1, as grep says no match
			}
			return err
		},
	}
	c.Flags().StringVar(&doc, "doc", "", "answer from this release only (its name as added; see ex99 docs)")
	c.Flags().BoolVar(&asJSON, "json", false, "print the answer as one JSON object (see README for the fields)")
	c.Flags().BoolVarP(&a.verbose, "verbose", "v", false, "show every citation of the answer in full, the column headers, operands and footnotes")
	c.Flags().BoolVar(&explain, "explain", false, "after the answer, show how it was found: parse, releases searched, candidates and rejections, path")
	return c
}

// askStream answers one question per input line; blank lines and lines
// starting with "#" (comments) are skipped. As text, each answer follows
// its question ("Q: ...") and a blank line parts one from the next.
func (a *app) askStream(e *answer.Engine, r io.Reader, asJSON, explain bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		q := strings.TrimSpace(sc.Text())
		if q == "" || strings.HasPrefix(q, "#") {
			continue
		}
		if !asJSON {
			if n > 0 {
				fmt.Fprintln(a.stdout)
			}
			fmt.Fprintf(a.stdout, "Q: %s\n", printable(q))
		}
		n++
		if _, err := a.askOne(e, q, asJSON, explain); err != nil {
			return err
		}
	}
	return sc.Err()
}

// askOne answers one question and prints the answer, then (with explain)
// how it was found; found is false when the answer is "none".
func (a *app) askOne(e *answer.Engine, q string, asJSON, explain bool) (found bool, err error) {
	var ans answer.Answer
	var ex *answer.Explanation
	if explain {
		ans, ex = e.AskExplained(q)
	} else {
		ans = e.Ask(q)
	}
	if err := e.Index.Err(); err != nil {
		return false, err // damage found while answering: say so, not "none"
	}
	found = ans.Kind != answer.KindNone
	if err := a.printAnswer(ans, asJSON); err != nil {
		return found, err
	}
	if ex == nil {
		return found, nil
	}
	if asJSON {
		enc := json.NewEncoder(a.stdout)
		enc.SetEscapeHTML(false)
		return found, enc.Encode(struct {
			Explain *answer.Explanation `json:"explain"`
		}{ex})
	}
	_, err = io.WriteString(a.stdout, humanExplanation(ex))
	return found, err
}

// humanExplanation renders an explanation for a person, after the answer.
func humanExplanation(ex *answer.Explanation) string {
	var b strings.Builder
	b.WriteString("explain:\n")
	fmt.Fprintf(&b, "  tokens: %s\n", strings.Join(ex.Tokens, " "))
	fmt.Fprintf(&b, "  parse: %s\n", ex.Parse)
	if len(ex.Shapes) > 0 {
		fmt.Fprintf(&b, "  shape: %s\n", strings.Join(ex.Shapes, ", "))
	}
	scope := strings.Join(printableAll(ex.Scope), ", ")
	if scope == "" {
		scope = "none (" + ex.ScopeNote + ")"
	}
	fmt.Fprintf(&b, "  scope: %s\n", scope)
	path := ex.Path
	if ex.Doc != "" && len(ex.Docs) > 1 {
		path += " from " + printable(ex.Doc)
	}
	fmt.Fprintf(&b, "  path: %s\n", path)
	for _, d := range ex.Docs {
		fmt.Fprintf(&b, "  release %s: %s\n", printable(d.Doc), d.Path)
		for _, s := range d.Steps {
			fmt.Fprintf(&b, "    tried: %s\n", s)
		}
		if d.Period != "" {
			fmt.Fprintf(&b, "    period sought: %s\n", d.Period)
		}
		if len(d.Candidates) > 0 {
			b.WriteString("    candidates (best first):\n")
		}
		for i, c := range d.Candidates {
			fmt.Fprintf(&b, "    %d. score %.3f  %s\n", i+1, c.Score, explainedLine(c))
			fmt.Fprintf(&b, "         features: %s\n", featureList(c.Features))
		}
		if len(d.Rejected) > 0 {
			b.WriteString("    rejected (nearest to winning first):\n")
		}
		for _, c := range d.Rejected {
			fmt.Fprintf(&b, "    -  %s\n", explainedLine(c))
			fmt.Fprintf(&b, "         %s\n", c.Rejected)
		}
		if len(d.Operands) > 0 {
			b.WriteString("    operands looked for (in order):\n")
		}
		for _, o := range d.Operands {
			found := "none found"
			if o.Found != nil {
				found = explainedLine(*o.Found)
			}
			fmt.Fprintf(&b, "    -  %s at %s: %s\n", o.What, o.Period, found)
		}
	}
	return b.String()
}

// explainedLine is one candidate: where, what, when and how much.
func explainedLine(c answer.ExplainedCandidate) string {
	return fmt.Sprintf("%s:%s  %s | %s | %s %s", printable(c.Doc), c.Lines, printable(c.What), c.Period, c.Value, c.Unit)
}

// featureList is a feature record as name=value pairs in name order.
func featureList(fs map[string]any) string {
	var ks []string
	for k := range fs {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var out []string
	for _, k := range ks {
		out = append(out, fmt.Sprintf("%s=%v", k, fs[k]))
	}
	return strings.Join(out, " ")
}

func printableAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = printable(s)
	}
	return out
}

func citeRef(doc string, line, end int) string {
	if end > line {
		return fmt.Sprintf("%s:%d-%d", printable(doc), line, end)
	}
	return fmt.Sprintf("%s:%d", printable(doc), line)
}

// marks renders the \x01…\x02 word marks as the styler says: coloured
// on a terminal, else removed.
func (a *app) marks(s string) string { return a.style.marks(s) }

// openReadDoc opens the index for reading and resolves --doc in it
// (resolveDoc); on an error nothing is left open.
func (a *app) openReadDoc(doc string) (*index.Index, string, error) {
	x, err := a.openRead()
	if err != nil {
		return nil, "", err
	}
	name, err := resolveDoc(x, doc)
	if err != nil {
		x.Close()
		return nil, "", err
	}
	return x, name, nil
}

// resolveDoc finds the release --doc names (its name, a prefix of it, or
// its company; see index.ResolveName); "" stays "".
func resolveDoc(x *index.Index, doc string) (string, error) {
	if doc == "" {
		return "", nil
	}
	name, err := x.Resolve(doc)
	if err != nil {
		return "", fmt.Errorf("--doc: %w (ex99 docs lists the releases)", err)
	}
	return name, nil
}

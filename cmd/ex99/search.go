package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
)

// grepOpts is how `ex99 search` (and the prompt's :search) prints what it
// finds, as ripgrep does.
type grepOpts struct {
	docs    []string // releases to search, in order; all when empty
	context int      // lines of context around each matching line (-C)
	count   bool     // NAME:N per release instead of the lines (--count)
	files   bool     // the names of the releases with a match only (-l)
	limit   int      // most matching lines to print; 0 for all
	// found limits the search to passages the index found (a query
	// string, --query-syntax), by release and first line; nil searches
	// every line. Its passages print the lines that hold the pattern's
	// words, or their first line.
	found map[string]map[int]bool
}

// grepHit is a matching line of a release: its number, its text and the
// byte ranges that matched.
type grepHit struct {
	line  int
	text  string
	spans []span
}

// grep prints the lines of the releases that match p, and returns how many
// matched. A passage (or a line outside any passage) matches when it holds
// every word and phrase of p; its lines that hold them are printed.
func (a *app) grep(x *index.Index, w io.Writer, p pattern, o grepOpts) (int, error) {
	docs := o.docs
	if len(docs) == 0 {
		ds, err := x.Docs()
		if err != nil {
			return 0, err
		}
		for _, d := range ds {
			docs = append(docs, d.Name)
		}
	}
	total, printed := 0, 0
	for _, name := range docs {
		if o.found != nil && o.found[name] == nil {
			continue
		}
		view, hits, err := grepDoc(x, name, p, o.found[name])
		if err != nil {
			return total, err
		}
		if o.limit > 0 && total+len(hits) > o.limit {
			hits = hits[:o.limit-total]
		}
		if len(hits) == 0 {
			continue
		}
		total += len(hits)
		switch {
		case o.files:
			fmt.Fprintln(w, printable(name))
		case o.count:
			fmt.Fprintf(w, "%s:%d\n", printable(name), len(hits))
		default:
			if printed > 0 && a.useColor() {
				fmt.Fprintln(w)
			}
			a.printHits(w, name, view, hits, o.context)
		}
		printed++
		if o.limit > 0 && total >= o.limit {
			break
		}
	}
	return total, nil
}

// grepDoc finds the lines of one release that match p (or, with found,
// the lines of those passages).
func grepDoc(x *index.Index, name string, p pattern, found map[int]bool) ([]extract.Line, []grepHit, error) {
	view, err := x.View(name)
	if err != nil {
		return nil, nil, err
	}
	ps, err := x.DocPassages(name)
	if err != nil {
		return nil, nil, err
	}
	var hits []grepHit
	for _, b := range blocks(len(view), ps) {
		if found != nil && !found[b.start] {
			continue
		}
		texts := make([]string, 0, b.end-b.start+1)
		for i := b.start; i <= b.end; i++ {
			texts = append(texts, view[i-1].Text)
		}
		if found == nil && !p.mayMatch(strings.ToLower(strings.Join(texts, "\n"))) {
			continue
		}
		marks, all := p.match(texts)
		if found == nil && !all {
			continue
		}
		n := len(hits)
		for i, ss := range marks {
			if len(ss) > 0 {
				hits = append(hits, grepHit{line: b.start + i, text: texts[i], spans: ss})
			}
		}
		if found != nil && len(hits) == n {
			hits = append(hits, grepHit{line: b.start, text: texts[0]})
		}
	}
	return view, hits, nil
}

// block is a run of lines searched as one: a passage, or a line that is in
// none (a table row, a heading).
type block struct{ start, end int }

// blocks divides lines 1..n into the passages and the lines between them.
func blocks(n int, ps []index.Passage) []block {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Start < ps[j].Start })
	var out []block
	next := 1
	for _, p := range ps {
		if p.Start < next || p.End > n || p.End < p.Start {
			continue // overlaps one already taken, or out of range
		}
		for ; next < p.Start; next++ {
			out = append(out, block{next, next})
		}
		out = append(out, block{p.Start, p.End})
		next = p.End + 1
	}
	for ; next <= n; next++ {
		out = append(out, block{next, next})
	}
	return out
}

// printHits prints a release's matching lines as NAME:LINE:TEXT, with
// context lines as NAME-LINE-TEXT and "--" between groups of lines that
// do not touch; on a terminal under a heading naming the release, with
// the matches highlighted.
func (a *app) printHits(w io.Writer, name string, view []extract.Line, hits []grepHit, context int) {
	pname := printable(name)
	if a.useColor() {
		fmt.Fprintln(w, a.paintHeading(pname))
	}
	last := 0 // the last line printed
	for i, h := range hits {
		from := max(1, h.line-context, last+1)
		if last > 0 && from > last+1 && context > 0 {
			fmt.Fprintln(w, "--")
		}
		for l := from; l < h.line; l++ {
			fmt.Fprintf(w, "%s-%d-%s\n", pname, l, view[l-1].Text)
		}
		fmt.Fprintf(w, "%s:%d:%s\n", pname, h.line, a.paintSpans(h.text, h.spans))
		last = h.line
		to := min(len(view), h.line+context)
		if i+1 < len(hits) {
			to = min(to, hits[i+1].line-1)
		}
		for l := h.line + 1; l <= to; l++ {
			fmt.Fprintf(w, "%s-%d-%s\n", pname, l, view[l-1].Text)
			last = l
		}
	}
}

// foundPassages are the passages a query string finds, by release and
// first line.
func foundPassages(hits []index.PassageHit) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	for _, h := range hits {
		if out[h.Doc] == nil {
			out[h.Doc] = map[int]bool{}
		}
		out[h.Doc][h.Start] = true
	}
	return out
}

// noMatches says on stderr that a search found nothing.
func (a *app) noMatches(terms string) {
	fmt.Fprintf(a.stderr, "ex99: no line matches %s\n", strings.TrimSpace(terms))
}

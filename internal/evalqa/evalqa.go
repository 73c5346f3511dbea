// Package evalqa scores answers against question sets (*.qa.jsonl) the way
// ../shared/eval/score.py does, so tests can run a set in process through
// the JSON contract of `ex99 ask --json`.
package evalqa

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Item is one question with its expected answer.
type Item struct {
	Doc      string          `json:"doc"`
	Q        string          `json:"q"`
	Kind     string          `json:"kind"`
	Value    string          `json:"value"`
	ValueAlt []string        `json:"value_alt"`
	Unit     string          `json:"unit"`
	Cite     json.RawMessage `json:"cite"`
	Note     string          `json:"note"`
	Type     string          `json:"type"`
	Op       string          `json:"op"`
	Tol      json.RawMessage `json:"tol"`
	NoDoc    bool            `json:"nodoc"`
}

// Cites returns the accepted citation substrings ("" none).
func (it Item) Cites() []string {
	if len(it.Cite) == 0 || string(it.Cite) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(it.Cite, &s) == nil {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	var ss []string
	_ = json.Unmarshal(it.Cite, &ss)
	return ss
}

// TolString is the item's tolerance, or "".
func (it Item) TolString() string {
	if len(it.Tol) == 0 || string(it.Tol) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(it.Tol, &s) == nil {
		return s
	}
	return strings.Trim(string(it.Tol), `"`)
}

// Load reads a question set.
func Load(path string) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// Read reads question-set lines.
func Read(r io.Reader) ([]Item, error) {
	var out []Item
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		var it Item
		if err := json.Unmarshal([]byte(l), &it); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, it)
	}
	return out, sc.Err()
}

// Response is the part of an answer's JSON the scorer reads.
type Response struct {
	Kind      string `json:"kind"`
	Answer    string `json:"answer"`
	Value     string `json:"value"`
	Citations []struct {
		Text string `json:"text"`
	} `json:"citations"`
}

// Verdicts.
const (
	OK       = "ok"
	Wrong    = "wrong"
	Abstain  = "abstain"
	CiteMiss = "citemiss"
	Failed   = "fail"
)

var quotes = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ", "\u2014", "-", "\u2013", "-")
var spaces = regexp.MustCompile(`\s+`)

func norm(s string) string {
	s = quotes.Replace(html.UnescapeString(s))
	return strings.ToLower(strings.TrimSpace(spaces.ReplaceAllString(s, " ")))
}

func matches(expected, got string, signed bool, tol string) bool {
	e, err1 := decimal.NewFromString(expected)
	g, err2 := decimal.NewFromString(strings.TrimSpace(got))
	if err1 != nil || err2 != nil {
		return false
	}
	if tol != "" && tol != "0" {
		t, err := decimal.NewFromString(tol)
		if err == nil {
			if signed {
				return g.Sub(e).Abs().LessThanOrEqual(t)
			}
			return g.Abs().Sub(e.Abs()).Abs().LessThanOrEqual(t)
		}
	}
	places := int32(0)
	if e.Exponent() < 0 {
		places = -e.Exponent()
	}
	g = roundHalfUp(g, places)
	if signed {
		return g.Equal(e)
	}
	return g.Abs().Equal(e.Abs())
}

// roundHalfUp rounds like Python's ROUND_HALF_UP (away from zero on .5).
func roundHalfUp(d decimal.Decimal, places int32) decimal.Decimal { return d.Round(places) }

func cites(r Response, alts []string, top int) bool {
	cs := r.Citations
	if top > 0 && len(cs) > top {
		cs = cs[:top]
	}
	for _, a := range alts {
		for _, c := range cs {
			if strings.Contains(norm(c.Text), norm(a)) {
				return true
			}
		}
	}
	return false
}

// Judge scores one response.
func Judge(it Item, r *Response) string {
	if r == nil {
		return Failed
	}
	switch {
	case it.Op == "compare":
		if r.Kind == "none" {
			return Abstain
		}
		if !strings.Contains(norm(r.Answer), norm(it.Value)) {
			return Wrong
		}
	case it.Kind == "fact" || it.Kind == "computed":
		if (r.Kind != "fact" && r.Kind != "computed") || r.Value == "" {
			return Abstain
		}
		ok := false
		for _, v := range append([]string{it.Value}, it.ValueAlt...) {
			if matches(v, r.Value, it.Kind == "computed", it.TolString()) {
				ok = true
			}
		}
		if !ok {
			return Wrong
		}
		if cs := it.Cites(); len(cs) > 0 && !cites(*r, cs, 0) {
			return CiteMiss
		}
	case it.Kind == "passage":
		if r.Kind == "none" || len(r.Citations) == 0 {
			return Abstain
		}
		if !cites(*r, it.Cites(), 3) {
			return Wrong
		}
	case it.Kind == "none":
		if r.Kind != "none" {
			return Wrong
		}
	}
	return OK
}

// Tally counts verdicts.
type Tally map[string]int

// Total is the number of items judged.
func (t Tally) Total() int {
	n := 0
	for _, v := range t {
		n += v
	}
	return n
}

// Pct is the share of ok verdicts, in percent.
func (t Tally) Pct() float64 {
	if t.Total() == 0 {
		return 0
	}
	return 100 * float64(t[OK]) / float64(t.Total())
}

func (t Tally) String() string {
	return fmt.Sprintf("%d/%d correct (%.1f%%), wrong %d, abstained %d, cite-miss %d, failed %d",
		t[OK], t.Total(), t.Pct(), t[Wrong], t[Abstain], t[CiteMiss], t[Failed])
}

// Set is a question set as the golden tests run it.
type Set struct {
	// Name names the set's golden files: the file's name without
	// .qa.jsonl, "shared-" before a set of ../shared/eval, "tatqa-dev"
	// for TAT-QA.
	Name  string
	Items []Item
	// Dirs are the folders a release of the set is looked for in, in turn.
	Dirs []string
	// Shared says the set needs ../shared (its releases or questions).
	Shared bool
	// TATQA marks TAT-QA's development set, whose every question has a
	// small document of its own (Dirs[0]).
	TATQA bool
}

// Doc returns the path of release name: in the first of the set's
// folders that holds it.
func (s Set) Doc(name string) string {
	for _, d := range s.Dirs {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(s.Dirs[0], name)
}

// Docs returns the set's releases, sorted, as score.py indexes them.
func (s Set) Docs() []string {
	var out []string
	for _, it := range s.Items {
		if !slices.Contains(out, it.Doc) {
			out = append(out, it.Doc)
		}
	}
	slices.Sort(out)
	return out
}

// Sets returns every question set of the repository at root
// (testdata/*.qa.jsonl, testdata/qa/*.qa.jsonl) and, when the folder
// shared exists, of ../shared/eval and TAT-QA's development set. A set
// of the repository whose releases are only in shared is marked Shared.
func Sets(root, shared string) ([]Set, error) {
	_, err := os.Stat(shared)
	haveShared := err == nil
	corpus, seed := filepath.Join(shared, "corpus"), filepath.Join(shared, "seed")
	type source struct {
		glob, prefix string
		shared       bool
	}
	sources := []source{
		{filepath.Join(root, "testdata", "*.qa.jsonl"), "", false},
		{filepath.Join(root, "testdata", "qa", "*.qa.jsonl"), "", false},
		{filepath.Join(shared, "eval", "*.qa.jsonl"), "shared-", true},
	}
	var sets []Set
	for _, src := range sources {
		if src.shared && !haveShared {
			continue
		}
		paths, err := filepath.Glob(src.glob)
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			items, err := Load(p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			s := Set{Name: src.prefix + strings.TrimSuffix(filepath.Base(p), ".qa.jsonl"), Items: items,
				Dirs: []string{filepath.Join(root, "testdata"), corpus, seed}, Shared: src.shared}
			for _, d := range s.Docs() {
				if _, err := os.Stat(filepath.Join(root, "testdata", d)); err != nil {
					s.Shared = true
				}
			}
			sets = append(sets, s)
		}
	}
	tatqa := filepath.Join(shared, "external", "tatqa-dev")
	if _, err := os.Stat(tatqa); err == nil {
		items, err := Load(filepath.Join(tatqa, "qa.jsonl"))
		if err != nil {
			return nil, err
		}
		sets = append(sets, Set{Name: "tatqa-dev", Items: items, Dirs: []string{filepath.Join(tatqa, "docs")}, Shared: true, TATQA: true})
	}
	return sets, nil
}

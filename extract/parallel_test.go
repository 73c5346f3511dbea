package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ex99/ex99/internal/synth"
)

// TestParseParallel parses many text and HTML releases at once, as `add`
// does with its workers, and checks that each comes out as it does alone.
// Run under -race (.ci/run does) it fails on any package-level state the
// parsers share without a lock; without -race, such a write can still kill
// the process ("concurrent map read and map write", which no recover
// catches). Fixed bugs: a shared cache of one-tag sets in the HTML tree
// builder (set1Cache) written by parallel parsers.
func TestParseParallel(t *testing.T) {
	type release struct {
		name string
		src  []byte
	}
	var rels []release
	n := 24
	if testing.Short() {
		n = 8
	}
	for i := 0; i < n; i++ {
		r := synth.Generate(i, i%2 == 1) // half of them HTML
		rels = append(rels, release{r.Name, r.Src})
		if r.Format == "html" {
			// the same with each paragraph in tags of its own: parsers
			// in the wild meet any tag name, so a cache keyed by tag
			// keeps growing while they run
			paras := strings.Split(strings.ReplaceAll(string(r.Src), "<p>", "<p><x-note>"), "</p>")
			var src strings.Builder
			for j, p := range paras {
				if j > 0 {
					fmt.Fprintf(&src, "</x-note></x-%d-%d></p>", i, j)
				}
				src.WriteString(p)
			}
			rels = append(rels, release{"tags-" + r.Name, []byte(src.String())})
		}
	}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.*"))
	for _, p := range corpus {
		if filepath.Ext(p) == ".md" {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rels = append(rels, release{filepath.Base(p), src})
	}
	const rounds = 3
	got := make([][]string, rounds)
	var wg sync.WaitGroup
	for k := range got {
		got[k] = make([]string, len(rels))
		for i, r := range rels {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[k][i] = parseDump(t, r.name, r.src)
			}()
		}
	}
	wg.Wait()
	// alone, after: a parse first would fill any shared cache before the
	// parallel ones, which then only read it
	want := make([]string, len(rels))
	for i, r := range rels {
		want[i] = parseDump(t, r.name, r.src)
	}
	for k := range got {
		for i, r := range rels {
			if got[k][i] != want[i] {
				t.Errorf("round %d: %s parsed in parallel differs from alone:\n%s", k, r.name, firstDiff(want[i], got[k][i]))
			}
		}
	}
}

// parseDump parses a release and dumps what it holds, for comparing.
func parseDump(t *testing.T, name string, src []byte) string {
	doc, err := Parse(name, src)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return ""
	}
	return dumpPassages(doc) + dumpTables(doc) + dumpFacts(doc)
}

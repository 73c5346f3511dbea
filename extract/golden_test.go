package extract

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden checks the passages, tables and facts of the seed release
// and, when ../shared is present, of every release of its corpus against
// golden files in testdata/golden (named after the release); run
// `go test ./extract -run TestGolden -update` to rewrite them after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	paths := []string{filepath.Join("..", "testdata", "innovo-2004q2.txt")}
	corpus, err := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range corpus {
		if ext := filepath.Ext(p); ext == ".htm" || ext == ".html" || ext == ".txt" {
			paths = append(paths, p)
		}
	}
	if len(corpus) == 0 {
		t.Log("../shared/corpus is absent: only the seed release is checked")
	}
	for _, path := range paths {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(name, src)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range []struct{ kind, got string }{
				{"passages", dumpPassagesAs(doc, path != paths[0])}, {"facts", dumpFacts(doc)}, {"tables", dumpTables(doc)},
			} {
				checkGolden(t, name+"."+d.kind+".txt", d.got)
			}
		})
	}
}

// checkGolden compares got with the golden file testdata/golden/file, or
// rewrites the file under -update.
func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run TestGolden -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs; run go test ./extract -run TestGolden -update and review the diff:\n%s", path, firstDiff(string(want), got))
	}
}

func dumpPassages(d *Document) string { return dumpPassagesAs(d, false) }

// dumpPassagesAs dumps a release's passages, each one's text as it is or,
// with hashText, as its length and a hash: the corpus releases are not
// ours to copy into the project, and a hash still shows which passage
// changed (dump it with a local -update to see how).
func dumpPassagesAs(d *Document, hashText bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: company %q, calendar %+v, current %s, latest %s\n", d.Name, d.Company, d.Calendar, d.Current, d.Latest)
	for _, p := range d.Passages {
		text := p.Text
		if hashText {
			sum := sha256.Sum256([]byte(p.Text))
			text = fmt.Sprintf("(%d bytes, sha256 %x)", len(p.Text), sum[:8])
		}
		fmt.Fprintf(&b, "%d-%d [%s] bullet=%v %s\n", p.Start, p.End, p.Section, p.Bullet, text)
	}
	return b.String()
}

func dumpTables(d *Document) string {
	var b strings.Builder
	for i, t := range d.Tables {
		fmt.Fprintf(&b, "table %d lines %d-%d title %q unit %q scale %+v\n", i, t.Start, t.End, t.Title, t.Unit, t.Scale)
		for _, c := range t.Columns {
			fmt.Fprintf(&b, "  column %q kind=%q entity=%q period=%s\n", c.Header, c.Kind, c.Entity, c.Period)
		}
		for _, r := range t.Rows {
			var cells []string
			for _, c := range r.Cells {
				cells = append(cells, c.Text)
			}
			fmt.Fprintf(&b, "  row %d-%d %q section=%q cells=%q\n", r.Line, r.EndLine, r.Label, r.Section, cells)
		}
	}
	return b.String()
}

func dumpFacts(d *Document) string {
	var b strings.Builder
	for _, f := range d.Facts {
		fmt.Fprintf(&b, "%d-%d %s | %s | key=%s | entity=%q | %s | %s %s | change=%s basis=%s adjusted=%v approx=%v\n",
			f.Start, f.End, f.Source, f.Describe(), f.Key, f.Entity, f.Period, f.Value, f.Unit, f.Change, f.Basis, f.Adjusted, f.Approx)
	}
	return b.String()
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y)
		}
	}
	return ""
}

package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden checks the seed release's passages, tables and facts against
// golden files; run `go test ./extract -update` to rewrite them after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	for _, name := range []string{"innovo-2004q2.txt"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(name, src)
		if err != nil {
			t.Fatal(err)
		}
		for kind, got := range map[string]string{"passages": dumpPassages(doc), "facts": dumpFacts(doc), "tables": dumpTables(doc)} {
			path := filepath.Join("..", "testdata", "golden", name+"."+kind+".txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if string(want) != got {
				t.Errorf("%s %s differ from %s; run go test ./extract -update and review the diff:\n%s", name, kind, path, firstDiff(string(want), got))
			}
		}
	}
}

func dumpPassages(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: company %q, calendar %+v, current %s, latest %s\n", d.Name, d.Company, d.Calendar, d.Current, d.Latest)
	for _, p := range d.Passages {
		fmt.Fprintf(&b, "%d-%d [%s] bullet=%v %s\n", p.Start, p.End, p.Section, p.Bullet, p.Text)
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

package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints what extract reads from the file named by $DUMP (a
// development aid; skipped otherwise). P=1 adds passages, R=1 table rows,
// F=1 facts (F=text only figures from sentences).
func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(path)
	d, err := Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("company=%q format=%s cal=%+v current=%s latest=%s entities=%v\n", d.Company, d.Format, d.Calendar, d.Current, d.Latest, d.Entities)
	if os.Getenv("P") != "" {
		for _, p := range d.Passages {
			fmt.Printf("P %d-%d [%s] bullet=%v %.150s\n", p.Start, p.End, p.Section, p.Bullet, p.Text)
		}
	}
	for ti, tb := range d.Tables {
		fmt.Printf("T%d %d-%d title=%q unit=%q scale=%+v\n", ti, tb.Start, tb.End, tb.Title, tb.Unit, tb.Scale)
		for _, c := range tb.Columns {
			fmt.Printf("   col %q kind=%s ent=%q period=%s\n", c.Header, c.Kind, c.Entity, c.Period)
		}
		if os.Getenv("R") != "" {
			for _, r := range tb.Rows {
				var cs []string
				for _, c := range r.Cells {
					cs = append(cs, c.Text)
				}
				fmt.Printf("   row %d %q sec=%q %v\n", r.Line, r.Label, r.Section, strings.Join(cs, " | "))
			}
		}
	}
	for _, f := range d.Facts {
		if os.Getenv("F") == "" || (os.Getenv("F") == "text" && f.Source != "text") {
			continue
		}
		fmt.Printf("F %s %d-%d key=%s ent=%q %q per=[%s] %s %s ch=%s basis=%s adj=%v approx=%v\n", f.Source, f.Start, f.End, f.Key, f.Entity, f.Describe(), f.Period, f.Value, f.Unit, f.Change, f.Basis, f.Adjusted, f.Approx)
	}
}

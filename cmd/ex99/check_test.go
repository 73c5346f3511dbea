package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runEx99 runs ex99 in-process with buffers for its streams.
func runEx99(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestCheckCmd(t *testing.T) {
	src, err := os.ReadFile("../../testdata/innovo-2004q2.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// a copy whose narrative states the net loss's increase correctly adds up
	fixed := filepath.Join(dir, "innovo-fixed.txt")
	if err := os.WriteFile(fixed, bytes.Replace(src, []byte("1,222%"), []byte("1,265%"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// a copy whose cost of goods sold no longer foots gross profit
	cogs := filepath.Join(dir, "innovo-cogs.txt")
	if err := os.WriteFile(cogs, bytes.Replace(src, []byte("26,593"), []byte("26,693"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "index")
	if _, errs, code := runEx99(t, "add", "--index", idx, "../../testdata/innovo-2004q2.txt", fixed, cogs); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errs)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  []string // substrings stdout must hold
		err  string   // substring stderr must hold
	}{
		{"disagreement", []string{"check", "--doc", "innovo-2004q2.txt"}, exitFailed,
			[]string{"innovo-2004q2.txt: 1 disagreement, 71 checks agree", "DISAGREES  % change in net income",
				"basis: the change of the two levels the same clause states",
				"1,264.7%, but the text states 1,222%", "text   innovo-2004q2.txt:139-142", "table  innovo-2004q2.txt:401",
				"TOTAL ASSETS, as of May 29, 2004: 13,329 + 1,121 + 12,592 + 12,374 + 58 = 39,474  [innovo-2004q2.txt:324 innovo-2004q2.txt:315-321]"}, ""},
		{"agrees", []string{"check", "--doc", "innovo-fixed.txt"}, exitOK,
			[]string{"innovo-fixed.txt: 0 disagreements, 72 checks agree"}, ""},
		{"verbose", []string{"check", "--doc", "innovo-fixed.txt", "-v"}, exitOK,
			[]string{"not checked:", "revenue (IAA)"}, ""},
		// a footing's rows are named on the rows line, and its basis stated
		{"total", []string{"check", "--doc", "innovo-cogs.txt"}, exitFailed,
			[]string{"DISAGREES  Gross profit, three months ended May 29, 2004", "30,023 − 26,693 = 3,330, but the table prints 3,430",
				"basis: the rows of its section", "rows   innovo-cogs.txt:378-379  NET SALES; COST OF GOODS SOLD"}, ""},
		{"every release", []string{"check"}, exitFailed,
			[]string{"innovo-2004q2.txt: 1 disagreement", "innovo-fixed.txt: 0 disagreements"}, ""},
		{"no such release", []string{"check", "--doc", "nope.txt"}, exitFailed, nil, "not in the index"},
		{"arguments", []string{"check", "innovo-2004q2.txt"}, exitUsage, nil, "name a release with --doc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runEx99(t, append(tt.args, "--index", idx)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, errs)
			}
			for _, s := range tt.out {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			if tt.err != "" && !strings.Contains(errs, tt.err) {
				t.Errorf("stderr %q lacks %q", errs, tt.err)
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		out, _, code := runEx99(t, "check", "--index", idx, "--json")
		if code != exitFailed {
			t.Errorf("exit %d, want %d", code, exitFailed)
		}
		var res struct {
			OK         bool `json:"ok"`
			Mismatched int  `json:"mismatched"`
			Releases   []struct {
				Doc    string `json:"doc"`
				Checks []struct {
					Kind, Status, Expected, Found string
					Citations                     []struct {
						Doc  string `json:"doc"`
						Line int    `json:"line"`
					}
				} `json:"checks"`
			} `json:"releases"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("not one JSON object: %v\n%s", err, out)
		}
		if res.OK || res.Mismatched != 3 || len(res.Releases) != 3 {
			t.Fatalf("ok=%v mismatched=%d releases=%d", res.OK, res.Mismatched, len(res.Releases))
		}
		for _, c := range res.Releases[0].Checks {
			if c.Status == "mismatch" {
				if c.Kind != "text_change" || c.Found != "1222" || c.Expected != "1264.7" || c.Citations[0].Line != 139 {
					t.Errorf("mismatch %+v", c)
				}
			}
		}
	})
}

package nlq

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ex99/ex99/internal/evalqa"
)

var update = flag.Bool("update", false, "rewrite the golden parses in ../testdata/golden/parses")

// shared is where the shared question sets live (outside the repo).
var shared = filepath.Join("..", "..", "shared")

// TestGoldenParses pins the parse of every question of every question set
// (evalqa.Sets: the Innovo sets always, the others when ../shared is
// present): one line per question, the question quoted and its parse as
// Query.String prints it, in testdata/golden/parses/SET.txt. A change
// lists the questions whose parse changed; when it is intended, run
// `go test ./nlq -run TestGoldenParses -update` and review the diff.
func TestGoldenParses(t *testing.T) {
	sets, err := evalqa.Sets("..", shared)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		t.Run(s.Name, func(t *testing.T) {
			var b strings.Builder
			for _, it := range s.Items {
				b.WriteString(strconv.Quote(it.Q) + " " + Parse(it.Q).String() + "\n")
			}
			got := b.String()
			path := filepath.Join("..", "testdata", "golden", "parses", s.Name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./nlq -run TestGoldenParses -update to create it)", err)
			}
			wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
			changed := 0
			for i := range max(len(wl), len(gl)) {
				var w, g string
				if i < len(wl) {
					w = wl[i]
				}
				if i < len(gl) {
					g = gl[i]
				}
				if w != g {
					changed++
					t.Errorf("%s line %d:\n  was %s\n  now %s", s.Name, i+1, w, g)
				}
			}
			if changed > 0 {
				t.Logf("%s: %d parses changed; if intended, run go test ./nlq -run TestGoldenParses -update and review the diff of %s", s.Name, changed, path)
			}
		})
	}
}

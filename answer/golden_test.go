package answer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/evalqa"
)

var update = flag.Bool("update", false, "rewrite the golden answers in ../testdata/golden/answers")

// goldenAnswer is one line of a golden answers file: a question of the
// set, the release it names (and whether it is asked without --doc), and
// ex99's answer as `ex99 ask --json` prints it.
type goldenAnswer struct {
	Doc    string          `json:"doc"`
	NoDoc  bool            `json:"nodoc,omitempty"`
	Q      string          `json:"q"`
	Answer json.RawMessage `json:"answer"`
}

// TestGoldenAnswers pins ex99's full JSON answer to every question of
// every question set (evalqa.Sets): the repository's Innovo sets always,
// the others when ../shared is present. A change of behaviour shows as
// the list of questions whose answer changed; when it is intended, run
// `go test ./answer -run TestGoldenAnswers -update` and review the diff of
// testdata/golden/answers (docs/GOLDEN.md).
//
// Each set is asked as ../shared/eval/score.py asks it: one index of the
// set's releases, then for each release (in name order) its questions
// with --doc, each group in a process of its own (here: the index opened
// afresh, read-only), then the "nodoc" questions without --doc. TAT-QA
// is asked as TestTATQA asks it (askTATQA).
func TestGoldenAnswers(t *testing.T) {
	sets, haveShared := goldenSets(t)
	for _, s := range sets {
		t.Run(s.Name, func(t *testing.T) {
			if s.Shared && !haveShared {
				t.Skip("its releases are in ../shared, which is absent")
			}
			var got []goldenAnswer
			if s.TATQA {
				got = askTATQASet(t, s)
			} else {
				got = askSet(t, s, 1)
			}
			checkGolden(t, s.Name, got)
		})
	}
	if !haveShared {
		t.Log("../shared is absent: only the repository's own sets were checked")
	}
}

// goldenSets are the question sets with golden answers, and whether
// ../shared, which holds the releases of most, is there.
func goldenSets(t *testing.T) ([]evalqa.Set, bool) {
	t.Helper()
	sets, err := evalqa.Sets("..", shared)
	if err != nil {
		t.Fatal(err)
	}
	_, err = os.Stat(shared)
	return sets, err == nil
}

// TestGoldenAnswersSharded asks each set of several releases over an
// index split into shards and checks them against the golden answers: a
// sharded index must give the same answers as one index, each with the
// same first citation. (A TAT-QA index holds one release, which is in one
// shard whatever the count.)
//
// The citations after the first, the closest passages shown beside a
// passage answer, may differ: Bleve scores a passage with the term
// statistics of its shard, and a passage ranked fourth or fifth can trade
// places with its neighbour. The test logs how many did.
func TestGoldenAnswersSharded(t *testing.T) {
	if *update {
		t.Skip("golden files are written by TestGoldenAnswers")
	}
	sets, haveShared := goldenSets(t)
	for _, s := range sets {
		if s.TATQA || len(s.Docs()) < 2 || s.Shared && !haveShared {
			continue
		}
		t.Run(s.Name, func(t *testing.T) {
			want, err := readGolden(filepath.Join("..", "testdata", "golden", "answers", s.Name+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			got := askSet(t, s, shardsTested)
			if len(got) != len(want) {
				t.Fatalf("%d answers, the golden file has %d", len(got), len(want))
			}
			others := 0
			for i := range got {
				g, w := answerOnly(t, got[i].Answer), answerOnly(t, want[i].Answer)
				if g.main != w.main {
					t.Errorf("%q: %s → %s", got[i].Q, summary(want[i].Answer), summary(got[i].Answer))
				} else if g.others != w.others {
					others++
				}
			}
			t.Logf("%d of %d answers cite other closest passages after the first", others, len(got))
		})
	}
}

// shardedView is an answer as TestGoldenAnswersSharded compares it: the
// whole answer with its first citation, and the citations after it.
type shardedView struct{ main, others string }

func answerOnly(t *testing.T, raw json.RawMessage) shardedView {
	t.Helper()
	var a map[string]json.RawMessage
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	var cites []json.RawMessage
	_ = json.Unmarshal(a["citations"], &cites)
	var v shardedView
	if len(cites) > 1 {
		rest, _ := json.Marshal(cites[1:])
		v.others = string(rest)
		first, _ := json.Marshal(cites[:1])
		a["citations"] = first
	}
	main, _ := json.Marshal(a)
	v.main = string(main)
	return v
}

// shardsTested is the shard count TestGoldenAnswersSharded uses: more
// shards than most sets have releases would leave most shards empty.
const shardsTested = 4

// askSet asks a set's questions as score.py does, in an on-disk index of
// the given number of shards.
func askSet(t *testing.T, s evalqa.Set, shards int) []goldenAnswer {
	path := filepath.Join(t.TempDir(), "index")
	x, err := index.Open(path, index.Options{Shards: shards})
	if err != nil {
		t.Fatal(err)
	}
	w := x.NewWriter()
	for _, name := range s.Docs() {
		addRelease(t, w, s.Doc(name))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	out := make([]goldenAnswer, len(s.Items))
	ask := func(doc string, want func(evalqa.Item) bool) {
		x, err := index.Open(path, index.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		e := &Engine{Index: x, Doc: doc}
		for i, it := range s.Items {
			if want(it) {
				out[i] = goldenLine(t, it, e.Ask(it.Q))
				if err := x.Err(); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for _, d := range s.Docs() {
		ask(d, func(it evalqa.Item) bool { return it.Doc == d && !it.NoDoc })
	}
	ask("", func(it evalqa.Item) bool { return it.NoDoc })
	return out
}

// askTATQASet asks TAT-QA's questions as TestTATQA does.
func askTATQASet(t *testing.T, s evalqa.Set) []goldenAnswer {
	out := make([]goldenAnswer, len(s.Items))
	askTATQA(t, s.Dirs[0], s.Items, func(x *index.Index, i int, it evalqa.Item) {
		e := &Engine{Index: x, Doc: it.Doc}
		out[i] = goldenLine(t, it, e.Ask(it.Q))
	})
	return out
}

func goldenLine(t testing.TB, it evalqa.Item, a Answer) goldenAnswer {
	t.Helper()
	var b bytes.Buffer
	if err := a.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return goldenAnswer{Doc: it.Doc, NoDoc: it.NoDoc, Q: it.Q, Answer: bytes.TrimSpace(b.Bytes())}
}

// checkGolden compares a set's answers with its golden file, or rewrites
// the file under -update. It reports each changed answer on a line of its
// own: the question, then its kind and value before and after.
func checkGolden(t *testing.T, set string, got []goldenAnswer) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", "answers", set+".jsonl")
	var buf bytes.Buffer
	for _, g := range got {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(g); err != nil {
			t.Fatal(err)
		}
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readGolden(path)
	if err != nil {
		t.Fatalf("%v (run go test ./answer -run TestGoldenAnswers -update to create it)", err)
	}
	changed := 0
	for i, g := range got {
		if i < len(want) && want[i].Q == g.Q && want[i].Doc == g.Doc && want[i].NoDoc == g.NoDoc && bytes.Equal(want[i].Answer, g.Answer) {
			continue
		}
		changed++
		var old goldenAnswer
		if i < len(want) {
			old = want[i]
		}
		if old.Q != g.Q {
			t.Errorf("%s: question %d is %q, the golden file has %q", set, i+1, g.Q, old.Q)
			continue
		}
		before, after := summary(old.Answer), summary(g.Answer)
		if before == after {
			after += " (its text or citations differ)"
		}
		t.Errorf("%s: %q: %s → %s", set, g.Q, before, after)
	}
	if len(want) != len(got) {
		t.Errorf("%s: %d questions, the golden file has %d", set, len(got), len(want))
	}
	if changed > 0 || len(want) != len(got) {
		t.Logf("%s: %d of %d answers changed; if intended, run go test ./answer -run TestGoldenAnswers -update and review the diff of %s", set, changed, len(got), path)
	}
}

// readGolden reads a golden answers file.
func readGolden(path string) ([]goldenAnswer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []goldenAnswer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var g goldenAnswer
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, len(out)+1, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

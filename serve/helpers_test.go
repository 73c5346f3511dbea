package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ex99/ex99/extract"
	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/ex99/ex99/internal/synth"
)

// source is a release to index in a test: its name and source.
type source struct {
	name string
	src  []byte
}

// fixtures are the test index's releases: the built-in one, a release of
// hostile text (script tags, event handlers) and two synthetic ones.
func fixtures(t testing.TB) []source {
	hostile, err := os.ReadFile(filepath.Join("testdata", "hostile.txt"))
	if err != nil {
		t.Fatal(err)
	}
	rs := []source{{seed.Name, seed.Release}, {"hostile.txt", hostile}}
	for i := 0; i < 2; i++ {
		r := synth.Generate(i, i == 1)
		rs = append(rs, source{r.Name, r.Src})
	}
	return rs
}

// addReleases adds releases to the index at dir (creating it) with a
// writer, as ex99 add does: it waits for readers (a server) to let go.
func addReleases(t testing.TB, dir string, rs ...source) {
	t.Helper()
	x, err := index.Open(dir, index.Options{WaitReaders: 10 * time.Second})
	if err != nil {
		t.Fatalf("open for writing: %v", err)
	}
	w := x.NewWriter()
	for _, r := range rs {
		d, err := extract.Parse(r.name, r.src)
		if err != nil {
			t.Fatalf("parse %s: %v", r.name, err)
		}
		if err := w.Add(d); err != nil {
			t.Fatalf("add %s: %v", r.name, err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
}

// testIndex is a new index of the fixtures.
func testIndex(t testing.TB) string {
	dir := filepath.Join(t.TempDir(), "idx")
	addReleases(t, dir, fixtures(t)...)
	return dir
}

// newTestServer serves the index at dir with short waits, until the test
// ends.
func newTestServer(t testing.TB, dir string) (*Server, *httptest.Server) {
	s := New(Config{Index: dir, BusyWait: 300 * time.Millisecond, Poll: 10 * time.Millisecond})
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s, hs
}

// get fetches a URL and returns the status, headers and body.
func get(t testing.TB, url string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// getJSON fetches a URL and decodes its JSON body into v.
func getJSON(t testing.TB, url string, v any) int {
	t.Helper()
	status, h, b := get(t, url)
	if ct := h.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("%s: Content-Type %q", url, ct)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v: %s", url, err, b)
	}
	return status
}

// httptestServer serves s until the test ends and returns its URL.
func httptestServer(t testing.TB, s *Server) string {
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return hs.URL
}

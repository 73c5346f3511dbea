package lazy_test

import (
	"reflect"
	"regexp"
	"testing"

	_ "github.com/ex99/ex99/answer"
	_ "github.com/ex99/ex99/check"
	_ "github.com/ex99/ex99/extract"
	_ "github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/lazy"
	_ "github.com/ex99/ex99/nlq"
	_ "github.com/ex99/ex99/period"
)

// TestDeclaredCompile compiles every pattern the packages declare lazily:
// a pattern that does not compile must fail here, as regexp.MustCompile
// at start did, not at its first use on some rare input.
func TestDeclaredCompile(t *testing.T) {
	exprs := lazy.Declared()
	if len(exprs) < 100 {
		t.Fatalf("only %d patterns declared; the packages above declare more", len(exprs))
	}
	for _, e := range exprs {
		if _, err := regexp.Compile(e); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// TestSameAsRegexp checks that each method answers as regexp.Regexp's.
func TestSameAsRegexp(t *testing.T) {
	const expr = `(?i)\$(\d+)(?:\s*(million|billion))?`
	const s = "Sales of $30 million, up from $12 Million; cash $5."
	lz, re := lazy.NewRegexp(expr), regexp.MustCompile(expr)
	b := []byte(s)
	up := func(string) string { return "#" }
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"String", lz.String(), re.String()},
		{"Match", lz.Match(b), re.Match(b)},
		{"MatchString", lz.MatchString(s), re.MatchString(s)},
		{"Find", lz.Find(b), re.Find(b)},
		{"FindIndex", lz.FindIndex(b), re.FindIndex(b)},
		{"FindSubmatch", lz.FindSubmatch(b), re.FindSubmatch(b)},
		{"FindAllIndex", lz.FindAllIndex(b, -1), re.FindAllIndex(b, -1)},
		{"FindAllSubmatch", lz.FindAllSubmatch(b, 2), re.FindAllSubmatch(b, 2)},
		{"FindString", lz.FindString(s), re.FindString(s)},
		{"FindStringIndex", lz.FindStringIndex(s), re.FindStringIndex(s)},
		{"FindStringSubmatch", lz.FindStringSubmatch(s), re.FindStringSubmatch(s)},
		{"FindStringSubmatchIndex", lz.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)},
		{"FindAllString", lz.FindAllString(s, -1), re.FindAllString(s, -1)},
		{"FindAllStringIndex", lz.FindAllStringIndex(s, 1), re.FindAllStringIndex(s, 1)},
		{"FindAllStringSubmatch", lz.FindAllStringSubmatch(s, -1), re.FindAllStringSubmatch(s, -1)},
		{"FindAllStringSubmatchIndex", lz.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1)},
		{"ReplaceAll", lz.ReplaceAll(b, []byte("<$1>")), re.ReplaceAll(b, []byte("<$1>"))},
		{"ReplaceAllString", lz.ReplaceAllString(s, "<$2>"), re.ReplaceAllString(s, "<$2>")},
		{"ReplaceAllStringFunc", lz.ReplaceAllStringFunc(s, up), re.ReplaceAllStringFunc(s, up)},
		{"Split", lz.Split(s, -1), re.Split(s, -1)},
		{"SubexpIndex", lz.SubexpIndex("x"), re.SubexpIndex("x")},
		{"Regexp", lz.Regexp().String(), expr},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	first := lz.Regexp()
	if again := lz.Regexp(); again != first {
		t.Error("Regexp compiled twice")
	}
}

// TestConcurrentFirstUse has goroutines race to the first use (add
// extracts releases on parallel workers): run with -race.
func TestConcurrentFirstUse(t *testing.T) {
	lz := lazy.NewRegexp(`(?i)net\s+sales`)
	done := make(chan bool)
	for range 8 {
		go func() { done <- lz.MatchString("Net  sales") }()
	}
	for range 8 {
		if !<-done {
			t.Fatal("no match")
		}
	}
}

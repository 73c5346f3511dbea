package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// marked renders the matches of lines as [brackets], for reading tests.
func marked(lines []string, marks [][]span) string {
	var out []string
	for i, l := range lines {
		at := 0
		var b strings.Builder
		for _, s := range marks[i] {
			b.WriteString(l[at:s.start] + "[" + l[s.start:s.end] + "]")
			at = s.end
		}
		b.WriteString(l[at:])
		out = append(out, b.String())
	}
	return strings.Join(out, "\n")
}

func TestPatternMatch(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		lines []string
		want  string
		all   bool
	}{
		{"a word, as the index reads it", []string{"stores"}, []string{"Store sales rose; stored; storage"},
			"[Store] sales rose; [stored]; storage", true},
		{"every word is needed", []string{"store", "zzyzx"}, []string{"Store sales"}, "[Store] sales", false},
		{"a stop word matches itself", []string{"the"}, []string{"in the quarter"}, "in [the] quarter", true},
		{"a phrase over a line break", []string{"conference call"}, []string{"hold a conference", "call today; call"},
			"hold a [conference]\n[call] today; call", true},
		{"quotes inside an argument", []string{`"net sales" rose`}, []string{"Net sales rose; sales net"},
			"[Net] [sales] [rose]; sales net", true},
		{"figures as printed", []string{"$4,394,000"}, []string{"increased to $4,394,000 in"},
			"increased to $[4],[394],[000] in", true},

		// fixed bugs
		{"a phrase does not match its words' stems (comparable store vs compared)", []string{"comparable store"},
			[]string{"Comparable store sales, compared with stores"}, "[Comparable] [store] sales, compared with stores", true},
		{"a phrase not there is no match", []string{"comparable store"}, []string{"compared store"}, "compared store", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			marks, all := patternOf(tt.args).match(tt.lines)
			if got := marked(tt.lines, marks); got != tt.want || all != tt.all {
				t.Errorf("got %q (all %v), want %q (all %v)", got, all, tt.want, tt.all)
			}
		})
	}
}

// TestMayMatch: the quick test never rules out a block that matches.
func TestMayMatch(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		lines []string
	}{
		{[]string{"companies"}, []string{"the Company's results"}},
		{[]string{"declined"}, []string{"sales decline"}},
		{[]string{"the", "conference call"}, []string{"the conference", "call"}},
		{[]string{"relational"}, []string{"relate"}},
	} {
		p := patternOf(tt.args)
		_, all := p.match(tt.lines)
		if all && !p.mayMatch(strings.ToLower(strings.Join(tt.lines, "\n"))) {
			t.Errorf("%q in %q: matches, but mayMatch rules it out", tt.args, tt.lines)
		}
	}
	if patternOf([]string{"conference"}).mayMatch("nothing here") {
		t.Error("mayMatch lets through a block without the word")
	}
}

func TestPatternOfLine(t *testing.T) {
	p := patternOfLine(`"comparable store" sales`)
	if len(p.phrases) != 1 || !reflect.DeepEqual(p.phrases[0], []string{"comparable", "store"}) || len(p.words) != 1 || p.words[0].low != "sales" {
		t.Errorf("got %+v", p)
	}
	if !patternOfLine(` "" `).empty() {
		t.Error("empty quotes look for something")
	}
}

// TestGrepOnTerminal: on a terminal, a heading names each release and the
// matches are highlighted; piped, the lines are as they are.
func TestGrepOnTerminal(t *testing.T) {
	x, err := builtinIndex()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tty := range []bool{true, false} {
		var out bytes.Buffer
		a := &app{stdout: &out, outTTY: tty, style: styler{on: tty}}
		n, err := a.grep(x, &out, patternOf([]string{"conference call"}), grepOpts{})
		if err != nil || n == 0 {
			t.Fatalf("tty %v: %d lines, %v", tty, n, err)
		}
		got := out.String()
		heading := styleHeading + "innovo-2004q2.txt" + styleReset + "\n"
		match := "innovo-2004q2.txt:277:fiscal 2004 earnings " + styleMatch + "conference" + styleReset + " " + styleMatch + "call" + styleReset + ", which"
		if tty && (!strings.HasPrefix(got, heading) || !strings.Contains(got, match)) {
			t.Errorf("on a terminal: %q", got)
		}
		if !tty && (strings.Contains(got, "\x1b") || !strings.Contains(got, "\ninnovo-2004q2.txt:277:fiscal 2004 earnings conference call, which")) {
			t.Errorf("piped: %q", got)
		}
	}
}

func TestPromptLine(t *testing.T) {
	tests := []struct{ line, cmd, arg string }{
		{"exit", "quit", ""}, {"QUIT", "quit", ""}, {`\q`, "quit", ""}, {".quit", "quit", ""}, {":q", "quit", ""},
		{"help", "help", ""}, {`\?`, "help", ""}, {":?", "help", ""}, {"clear", "clear", ""},
		{":s  conference call ", "search", "conference call"}, {":doc innovo", "doc", "innovo"},
		{"net sales Q2 2004", "", "net sales Q2 2004"},
		// fixed bugs
		{"exit strategy costs", "", "exit strategy costs"}, // a question that starts with a command word
	}
	for _, tt := range tests {
		if cmd, arg := promptLine(tt.line); cmd != tt.cmd || arg != tt.arg {
			t.Errorf("promptLine(%q) = %q, %q; want %q, %q", tt.line, cmd, arg, tt.cmd, tt.arg)
		}
	}
}

func TestPromptComplete(t *testing.T) {
	names := []string{"apple-2004q3.htm", "apple-2024q1.htm", "buckle-2024q3.htm"}
	tests := []struct {
		line string
		want []string
	}{
		{":d", []string{":doc ", ":docs"}},
		{":q", []string{":quit"}},
		{":doc app", []string{":doc apple-2004q3.htm", ":doc apple-2024q1.htm"}},
		{":show BU", []string{":show buckle-2024q3.htm"}},
		{"net sa", nil},
		{":search app", nil},
	}
	for _, tt := range tests {
		if got := promptComplete(tt.line, names); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("promptComplete(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestPromptBanner: the banner names the index and how many releases it
// holds, or says the answers come from the built-in release.
func TestPromptBanner(t *testing.T) {
	idx := seedIndex(t)
	var out bytes.Buffer
	a := &app{stdout: &out, stderr: &out, indexPath: idx}
	px := &promptIndex{a: a}
	defer px.close()
	names := a.promptBanner(px)
	if want := "ex99: index " + idx + ", 1 release; ask a question"; !strings.HasPrefix(out.String(), want) || len(names) != 1 {
		t.Errorf("got %q, names %q; want %q…", out.String(), names, want)
	}
	if got := bannerWhere("", 1); !strings.Contains(got, "built-in release innovo-2004q2.txt") {
		t.Errorf("built-in: %q", got)
	}
	if got := bannerWhere("/x", 13); got != "index /x, 13 releases" {
		t.Errorf("13: %q", got)
	}
}

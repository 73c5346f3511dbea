package main

import (
	"strings"
	"testing"

	"github.com/ex99/ex99/answer"
)

// TestAnswerHighlight: on a terminal the figure answered is highlighted in
// its cited row (a computation's operands in theirs); piped, the rows are
// as the release prints them.
func TestAnswerHighlight(t *testing.T) {
	x, err := builtinIndex()
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	e := &answer.Engine{Index: x}
	tests := []struct{ q, want string }{
		{"total assets", "TOTAL ASSETS" + strings.Repeat(" ", 63) + styleMatch + "$    39,474" + styleReset + "    $    46,365"},
		{"operating margin Q2 2004", "OPERATIONS                     " + styleMatch + "(5,919)" + styleReset + "          (323)"},
		{"operating margin Q2 2004", "NET SALES                                    " + styleMatch + "$    30,023" + styleReset + "    $    12,013"},
	}
	for _, tt := range tests {
		ans := e.Ask(tt.q)
		on := (&app{outTTY: true, style: styler{on: true}}).humanAnswer(ans)
		if !strings.Contains(on, tt.want) {
			t.Errorf("%q on a terminal:\n%s\nwant %q", tt.q, on, tt.want)
		}
		if off := (&app{}).humanAnswer(ans); strings.Contains(off, "\x1b") || off != strings.NewReplacer(styleMatch, "", styleReset, "").Replace(on) {
			t.Errorf("%q piped:\n%s", tt.q, off)
		}
	}
}

func TestFigureSpans(t *testing.T) {
	tests := []struct {
		line, figure string
		want         []span
	}{
		{"Revenue  $68,127  $57,006", "$68,127", []span{{9, 16}}},
		{"a 30,023 b 130,023 c 30,023", "30,023", []span{{2, 8}, {21, 27}}},
		{"nothing", "", nil},
	}
	for _, tt := range tests {
		got := figureSpans(tt.line, tt.figure)
		if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
			t.Errorf("figureSpans(%q, %q) = %v, want %v", tt.line, tt.figure, got, tt.want)
		}
	}
}

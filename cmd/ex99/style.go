package main

import "strings"

// Styles on a terminal (ANSI SGR), as ripgrep colours its output.
const (
	styleMatch   = sgrMatch   // bold red: the words that matched, the figure answered
	styleHeading = "\x1b[35m" // magenta: a release's name over its lines
	styleReset   = sgrReset
)

// useColor reports whether what ex99 prints on standard output is styled:
// as --color, NO_COLOR and the terminal decided once per run (a.style,
// color.go).
func (a *app) useColor() bool { return a.style.on }

// paintSpans highlights the byte ranges of s, or returns s as it is when
// output is not styled (piped output is the text itself, for grep).
func (a *app) paintSpans(s string, ss []span) string {
	if !a.useColor() || len(ss) == 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, sp := range ss {
		if sp.start < at || sp.end > len(s) {
			continue
		}
		b.WriteString(s[at:sp.start] + styleMatch + s[sp.start:sp.end] + styleReset)
		at = sp.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// paintHeading styles a release's name over its lines.
func (a *app) paintHeading(s string) string {
	if !a.useColor() {
		return s
	}
	return styleHeading + s + styleReset
}

package main

import (
	"fmt"
	"strings"
)

// colorModes are the values --color takes, as ripgrep, grep and gh name them.
var colorModes = []string{"auto", "always", "never"}

// colorOn decides whether output is coloured: --color=always and never say
// so; auto (the default) colours only a terminal, and not when NO_COLOR is
// set (https://no-color.org) or TERM is "dumb". An explicit --color=always
// wins over NO_COLOR, as the convention asks.
func colorOn(mode string, tty bool, getenv func(string) string) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return tty && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb", nil
	}
	return false, fmt.Errorf("--color takes %s, not %q", orWords(colorModes), mode)
}

// styler applies ex99's few styles to what goes to standard output; with
// colour off every style is the text as it is, so that piped output is
// what the release says, byte for byte. Every command asks it, never the
// terminal itself.
type styler struct{ on bool }

// Escape sequences of the styles.
const (
	sgrMatch = "\x1b[1;31m" // a matched word: bold red, as grep and rg
	sgrLoud  = "\x1b[1;31m" // a disagreement
	sgrReset = "\x1b[0m"
)

// style wraps s in an escape sequence when colour is on.
func (s styler) style(sgr, text string) string {
	if !s.on || text == "" {
		return text
	}
	return sgr + text + sgrReset
}

// match marks a matched word.
func (s styler) match(text string) string { return s.style(sgrMatch, text) }

// loud marks a word that must not be missed.
func (s styler) loud(text string) string { return s.style(sgrLoud, text) }

// marks renders the \x01…\x02 word marks that answer.Mark puts around
// matched words: each marked word as match styles it, coloured when colour
// is on, else as it is.
func (s styler) marks(text string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '\x01')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '\x02')
		if j < 0 {
			break
		}
		b.WriteString(text[:i])
		b.WriteString(s.match(text[i+1 : i+j]))
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return strings.NewReplacer("\x01", "", "\x02", "").Replace(b.String())
}

package main

import "testing"

func TestColorOn(t *testing.T) {
	for _, c := range []struct {
		mode     string
		tty      bool
		env      map[string]string
		want     bool
		wantsErr bool
	}{
		{mode: "auto", tty: true, want: true},
		{mode: "auto", tty: false, want: false},
		{mode: "", tty: true, want: true},
		{mode: "auto", tty: true, env: map[string]string{"NO_COLOR": "1"}, want: false},
		{mode: "auto", tty: true, env: map[string]string{"TERM": "dumb"}, want: false},
		{mode: "always", tty: false, want: true},
		{mode: "always", tty: false, env: map[string]string{"NO_COLOR": "1"}, want: true},
		{mode: "never", tty: true, want: false},
		{mode: "yes", wantsErr: true},
		// fixed bugs
		{mode: "auto", tty: true, env: map[string]string{"NO_COLOR": ""}, want: true}, // NO_COLOR counts only when not empty
	} {
		got, err := colorOn(c.mode, c.tty, func(k string) string { return c.env[k] })
		if got != c.want || (err != nil) != c.wantsErr {
			t.Errorf("colorOn(%q, tty %v, %v) = %v, %v; want %v", c.mode, c.tty, c.env, got, err, c.want)
		}
	}
}

func TestStylerMarks(t *testing.T) {
	for _, c := range []struct {
		in   string
		on   bool
		want string
	}{
		{"the \x01decline\x02 was", false, "the decline was"},
		{"the \x01decline\x02 was", true, "the \x1b[1;31mdecline\x1b[0m was"},
		{"\x01a\x02 \x01b\x02", true, "\x1b[1;31ma\x1b[0m \x1b[1;31mb\x1b[0m"},
		{"no marks [at all]", true, "no marks [at all]"},
		// fixed bugs
		{"the [decline] was", false, "the [decline] was"}, // piped text is the text: no brackets added or taken
		{"cut \x01short", true, "cut short"},              // an unclosed mark is dropped
	} {
		if got := (styler{on: c.on}).marks(c.in); got != c.want {
			t.Errorf("marks(%q, on %v) = %q; want %q", c.in, c.on, got, c.want)
		}
	}
}

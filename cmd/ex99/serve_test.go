package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeUsage: what ex99 serve refuses before it listens.
func TestServeUsage(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "none")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"an argument", []string{"serve", "--index", idx, "extra"}, exitUsage, "serve takes no arguments"},
		{"an address that is none", []string{"serve", "--index", idx, "--addr", "nonsense"}, exitUsage, "--addr nonsense"},
		{"a port out of range", []string{"serve", "--index", idx, "--addr", "127.0.0.1:99999"}, exitUsage, "--addr 127.0.0.1:99999"},

		// fixed bugs
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, strings.NewReader(""), &stdout, &stderr)
			if code != c.code || !strings.Contains(stderr.String(), c.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), c.code, c.stderr)
			}
		})
	}
}

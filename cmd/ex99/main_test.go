package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets tests run ex99 as a child process, two ways: testscript's
// "ex99" command, and the test binary re-run with EX99_TEST_MAIN=1 and the
// ex99 arguments. The shared seed index is removed after the tests.
func TestMain(m *testing.M) {
	if os.Getenv("EX99_TEST_MAIN") == "1" {
		code := main1()
		if f := os.Getenv("EX99_TEST_HWM"); f != "" {
			writeHWM(f)
		}
		os.Exit(code)
	}
	testscript.Main(cleanup{m}, map[string]func(){
		"ex99": func() { os.Exit(main1()) },
	})
}

// writeHWM writes the process's own peak resident memory (VmHWM, from
// /proc/self/status) to file, where Linux has it. The rusage of a child
// says more than the child: a child started by vfork and exec counts the
// parent's peak too, so a test process grown large by earlier tests made
// a small add look large.
func writeHWM(file string) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			_ = os.WriteFile(file, []byte(l), 0o644)
		}
	}
}

// cleanup runs the tests, then removes what they shared.
type cleanup struct{ m *testing.M }

func (c cleanup) Run() int {
	code := c.m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	return code
}

// TestScripts runs the end-to-end CLI scripts in testdata/script. $SEED is
// the seed release; HOME and XDG_DATA_HOME point into the script's work
// folder, so no test touches a real index.
func TestScripts(t *testing.T) {
	seed, err := filepath.Abs(filepath.Join("..", "..", "testdata", "innovo-2004q2.txt"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEED", seed)
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			env.Setenv("EX99_INDEX", "")
			return nil
		},
	})
}

package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"ex99": func() { os.Exit(main1()) },
	})
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

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is ex99's version. A release build sets it:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/ex99
//
// Otherwise it is the module version Go stamped into the binary (go
// install of a tagged version, or a pseudo-version from the repository's
// history), else "devel".
var version = ""

// versionLine is what --version and "ex99 version" print: the version, the
// commit it was built from (with "+modified" when the work tree had
// changes), and the Go toolchain.
func versionLine() string {
	ver, commit, modified := version, "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if ver == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			ver = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if ver == "" {
		ver = "devel"
	}
	switch {
	case commit == "":
		commit = "unknown"
	case len(commit) > 12:
		commit = commit[:12]
	}
	if modified {
		commit += "+modified"
	}
	return fmt.Sprintf("ex99 version %s (commit %s, %s %s/%s)", ver, commit, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print ex99's version, the commit it was built from, and the Go version",
		Example: `  ex99 version
  ex99 --version`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("version", "version takes no arguments")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(a.stdout, versionLine())
			return err
		},
	}
}

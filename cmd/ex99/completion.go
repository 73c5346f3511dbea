package main

import (
	"errors"
	"slices"
	"strings"

	"github.com/ex99/ex99/index"
	"github.com/ex99/ex99/internal/seed"
	"github.com/spf13/cobra"
)

// completions makes the shell completion scripts (ex99 completion
// bash|zsh|fish|powershell, which cobra provides) complete release names
// for --doc, show and rm, and the values of --color.
func (a *app) completions(root *cobra.Command) {
	// cobra's completion command, made now rather than when ex99 runs, so
	// that an unknown shell is a usage error (exit 2), not its help
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Example = "  source <(ex99 completion bash)\n  ex99 completion fish > ~/.config/fish/completions/ex99.fish"
		c.Args = func(c *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("completion", "no completion for %q; ex99 completion makes it for bash, zsh, fish or powershell", args[0])
			}
			return nil
		}
		c.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	}
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes, cobra.ShellCompDirectiveNoFileComp))
	for _, c := range root.Commands() {
		if c.Flags().Lookup("doc") != nil {
			_ = c.RegisterFlagCompletionFunc("doc", func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				return a.releaseNames(toComplete, nil), cobra.ShellCompDirectiveNoFileComp
			})
		}
		switch c.Name() {
		case "show":
			c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return a.releaseNames(toComplete, nil), cobra.ShellCompDirectiveNoFileComp
			}
		case "rm":
			c.ValidArgsFunction = func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
				return a.releaseNames(toComplete, args), cobra.ShellCompDirectiveNoFileComp
			}
		}
	}
}

// releaseNames are the names of the indexed releases that start with
// prefix, but those in skip, for completion: the built-in release's while there is no index at the
// default place, and none when the index cannot be read (completion says
// nothing on error).
func (a *app) releaseNames(prefix string, skip []string) []cobra.Completion {
	x, err := index.Open(a.path(), index.Options{ReadOnly: true})
	if errors.Is(err, index.ErrNoIndex) && !a.missingPath() {
		return []cobra.Completion{seed.Name}
	}
	if err != nil {
		return nil
	}
	defer x.Close()
	names, err := x.Names()
	if err != nil {
		return nil
	}
	var out []cobra.Completion
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !slices.Contains(skip, n) {
			out = append(out, n)
		}
	}
	return out
}

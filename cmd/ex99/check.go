package main

import "github.com/spf13/cobra"

func (a *app) checkCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "check",
		Short:  "Check that a release adds up (totals, balance sheet, narrative vs tables)",
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("check", "check is not built yet")
		},
	}
}

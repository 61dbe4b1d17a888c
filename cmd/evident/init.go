package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/store"
)

func newInitCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use: "init [DIR]",
		Example: `  evident init                         # ./.evident, or the library --library or EVIDENT_LIBRARY names
  evident init ~/projects/health       # ~/projects/health/.evident
  evident --library ~/refs init`,
		Short: "Create a library in DIR/.evident (DIR defaults to the working directory)",
		Long: `Create a library in DIR/.evident, where DIR defaults to the working directory.
Commands run in DIR or below it find this library, as git finds .git.
With --library, create the library in that directory instead.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.libraryFlag
			if dir == "" {
				base := "."
				if len(args) == 1 {
					base = args[0]
				}
				dir = filepath.Join(base, store.DirName)
			} else if len(args) == 1 {
				return fmt.Errorf("init: give either DIR or --library, not both")
			}
			loc := store.Location{Dir: dir}
			existed := loc.Exists()
			saved := a.libraryFlag
			a.libraryFlag = dir
			defer func() { a.libraryFlag = saved }()
			st, _, err := a.openWrite(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if existed {
				fmt.Fprintf(a.Out, "library already exists at %s\n", dir)
				return nil
			}
			fmt.Fprintf(a.Out, "initialised library at %s\n", dir)
			return nil
		},
	}
}

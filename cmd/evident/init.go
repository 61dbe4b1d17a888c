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
		Short: "Create a library: DIR/.evident, or the one --library or EVIDENT_LIBRARY names",
		Long: `Create a library. Without DIR, create the one the other commands would use
by --library or EVIDENT_LIBRARY, else .evident in the working directory.
With DIR, create DIR/.evident: commands run in DIR or below it find this
library, as git finds .git, unless --library or EVIDENT_LIBRARY names another.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.libraryFlag
			env := a.Getenv("EVIDENT_LIBRARY")
			switch {
			case len(args) == 1 && dir != "":
				return fmt.Errorf("init: give either DIR or --library, not both")
			case len(args) == 1:
				dir = filepath.Join(args[0], store.DirName)
				if env != "" {
					fmt.Fprintf(a.Err, "evident: EVIDENT_LIBRARY is set: other commands use the library at %s, not this one\n", env)
				}
			case dir == "" && env != "":
				dir = env
			case dir == "":
				dir = filepath.Join(".", store.DirName)
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

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus/check"
)

func newConfigCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "config [DIR]",
		Short: "Show the settings a check in DIR uses and where each comes from",
		Long: `Show the settings a check of an article in DIR (default: the working
directory; an article's path means its directory) uses, and where each comes
from: "default", a .evident.toml file, or a flag.

Settings are read from every .evident.toml from DIR up to the filesystem
root, or up to a file that says root = true; a nearer file overrides a
farther one key by key:

  root = true                  # read no file above this one
  fail-on = "error"            # info, warning, error or none
  scope = "sentence"           # sentence or paragraph
  max-age = 10                 # flag evidence older than this many years; 0 = off
  claim-threshold = 0.5
  support-threshold = 0.2
  style = "apa"
  ignore = ["^Sponsored:"]     # patterns of sentences never to judge
  [severity]
  uncited-claim = "warning"    # info, warning, error or off

A finding on one sentence is silenced by a comment above it:
<!-- evident:ignore --> (Markdown, HTML), % evident:ignore (LaTeX) or a
line evident:ignore (text), optionally followed by the codes to silence.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cwd, err := a.Getwd()
			if err != nil {
				return err
			}
			dir := cwd
			if len(args) == 1 {
				if dir, err = configDir(cwd, args[0]); err != nil {
					return err
				}
			}
			cfg, err := config.Load(dir, check.Codes())
			if err != nil {
				var ce *config.Error
				if errors.As(err, &ce) {
					ce.File = relPath(cwd, ce.File)
				}
				return err
			}
			settings := cfg.Settings()
			for i, s := range settings {
				if code, ok := strings.CutPrefix(s.Name, "severity."); ok && s.Source == config.SourceDefault {
					if sev, ok := check.DefaultSeverity(code); ok {
						settings[i].Value = sev.String()
					}
				}
				settings[i].Source = relSource(cwd, s.Source)
			}
			if format == "json" {
				return writeJSON(a.Out, settings)
			}
			return settingsTable(a.Out, settings)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}

// configDir is the directory whose settings apply to arg: arg itself, or
// the directory of an article.
func configDir(cwd, arg string) (string, error) {
	p := arg
	if !filepath.IsAbs(p) {
		p = filepath.Join(cwd, p)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return filepath.Dir(p), nil
	}
	return p, nil
}

// relSource shows the files of a source ("a.toml + --ignore") relative to
// the working directory, as the user would type them.
func relSource(cwd, source string) string {
	parts := strings.Split(source, " + ")
	for i, p := range parts {
		parts[i] = relPath(cwd, p)
	}
	return strings.Join(parts, " + ")
}

func relPath(cwd, p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	if r, err := filepath.Rel(cwd, p); err == nil {
		return r
	}
	return p
}

func settingsTable(w io.Writer, settings []config.Setting) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tVALUE\tSOURCE")
	for _, s := range settings {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Name, s.Value, s.Source)
	}
	return tw.Flush()
}

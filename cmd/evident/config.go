package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/export/style"
)

func newConfigCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "config [DIR]",
		Example: `  evident config                      # the settings here, and the library in use
  evident config news/story.md        # the settings a check of this article uses
  evident config --format json`,
		Short: "Show the settings a check in DIR uses, where each comes from, and the library in use",
		Long: `Show the settings a check of an article in DIR (default: the working
directory; an article's path means its directory) uses, and where each comes
from: "default", a .evident.toml file, or a flag; then the library commands
run here use, and the rule that chose it (--library, EVIDENT_LIBRARY, the
nearest .evident or the user data directory).

Settings are read from every .evident.toml from DIR up to the filesystem
root, or up to a file that says root = true; a nearer file overrides a
farther one key by key:

` + configExample() + `

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
			cfg, err := config.Load(dir, check.KnownCodes())
			if err != nil {
				var ce *config.Error
				if errors.As(err, &ce) {
					ce.File = relPath(cwd, ce.File)
				}
				return err
			}
			a.sayConfigWarnings(cfg)
			settings := cfg.Settings()
			for i, s := range settings {
				if code, ok := strings.CutPrefix(s.Name, "severity."); ok && s.Source == config.SourceDefault {
					if sev, ok := check.DefaultSeverity(code); ok {
						settings[i].Value = sev.String()
					}
				}
				settings[i].Source = relSource(cwd, s.Source)
			}
			lib := a.libraryInUse()
			if format == "json" {
				return writeJSON(a.Out, struct {
					Library  libraryJSON      `json:"library"`
					Settings []config.Setting `json:"settings"`
				}{lib, settings})
			}
			if err := settingsTable(a.Out, settings); err != nil {
				return err
			}
			return libraryLine(a.Out, lib)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}

// configExample is config's help example of a .evident.toml, with the
// built-in values, so that it cannot drift from them.
func configExample() string {
	d := config.Defaults()
	sev, _ := check.DefaultSeverity("uncited-claim")
	num := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	lines := []struct{ setting, comment string }{
		{"root = true", "read no file above this one"},
		{fmt.Sprintf("fail-on = %q", d.FailOn), strings.Join(corpus.SeverityNames, ", ")},
		{fmt.Sprintf("scope = %q", d.Scope), "sentence or paragraph"},
		{fmt.Sprintf("max-age = %d", d.MaxAge), "flag evidence older than this many years; 0 = off"},
		{"claim-threshold = " + num(d.ClaimThreshold), ""},
		{fmt.Sprintf("style = %q", d.Style), strings.Join(style.Names(), ", ") + ", a .csl file, or 'evident styles'"},
		{`locale = "en-GB"`, "the style's language; default: its own"},
		{`ignore = ["^Sponsored:"]`, "patterns of sentences never to judge"},
		{"[severity]", ""},
		{fmt.Sprintf("uncited-claim = %q", sev), strings.Join(config.SeverityLevels, ", ")},
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		if l.comment == "" {
			fmt.Fprintf(&b, "  %s", l.setting)
			continue
		}
		fmt.Fprintf(&b, "  %-28s # %s", l.setting, l.comment)
	}
	return b.String()
}

// libraryJSON is the library a command run here uses, and why.
type libraryJSON struct {
	Path   string `json:"path"`
	Why    string `json:"why"`
	Exists bool   `json:"exists"`
	// Shadows is the user data directory's library that a nearer .evident hides.
	Shadows string `json:"shadows,omitempty"`
}

// libraryInUse is the library commands run here would use. Finding none
// (no HOME) is said, not an error: the settings are still worth showing.
func (a *App) libraryInUse() libraryJSON {
	loc, err := a.locate()
	if err != nil {
		return libraryJSON{Why: err.Error()}
	}
	return libraryJSON{Path: loc.Dir, Why: loc.Why, Exists: loc.Exists(), Shadows: loc.Shadows}
}

func libraryLine(w io.Writer, lib libraryJSON) error {
	var err error
	switch {
	case lib.Path == "":
		_, err = fmt.Fprintf(w, "\nlibrary: none (%s)\n", lib.Why)
	case !lib.Exists:
		_, err = fmt.Fprintf(w, "\nlibrary: %s (chosen by %s; not created yet)\n", lib.Path, lib.Why)
	default:
		_, err = fmt.Fprintf(w, "\nlibrary: %s (chosen by %s)\n", lib.Path, lib.Why)
	}
	return err
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

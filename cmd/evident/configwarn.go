package main

import (
	"fmt"

	"github.com/evident-tools/evident/config"
)

// sayConfigWarnings prints the warnings of the .evident.toml files read for
// cfg (a retired setting that is ignored) on standard error, each once per
// command however many articles the same file applies to. Paths are shown
// relative to the working directory, as the settings table shows them.
func (a *App) sayConfigWarnings(cfg *config.Config) {
	if cfg == nil || len(cfg.Warnings) == 0 {
		return
	}
	cwd, _ := a.Getwd()
	for _, w := range cfg.Warnings {
		e := *w
		if cwd != "" {
			e.File = relPath(cwd, e.File)
		}
		msg := e.Error()
		if a.configSaid[msg] {
			continue
		}
		if a.configSaid == nil {
			a.configSaid = map[string]bool{}
		}
		a.configSaid[msg] = true
		fmt.Fprintf(a.Err, "warning: %s\n", msg)
	}
}

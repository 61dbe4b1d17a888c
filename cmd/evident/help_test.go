package main

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
)

func TestHelp_EveryCommandHasExamples(t *testing.T) {
	root := (&App{}).newRootCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if strings.TrimSpace(c.Example) == "" {
			t.Errorf("%q has no Example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			if sub.Name() == "help" || sub.Name() == "completion" {
				continue // cobra's own
			}
			walk(sub)
		}
	}
	walk(root)
}

func TestHelp_ConfigExampleShowsTheDefaults(t *testing.T) {
	var out, errw bytes.Buffer
	a := &App{Out: &out, Err: &errw, Getenv: func(string) string { return "" }, Getwd: func() (string, error) { return t.TempDir(), nil }}
	if code := a.Execute(context.Background(), []string{"config", "--help"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, errw.String())
	}
	d := config.Defaults()
	for _, want := range []string{
		"fail-on = " + strconv.Quote(d.FailOn),
		"scope = " + strconv.Quote(d.Scope),
		"max-age = " + strconv.Itoa(d.MaxAge),
		"claim-threshold = " + strconv.FormatFloat(d.ClaimThreshold, 'g', -1, 64) + "\n",
		"style = " + strconv.Quote(d.Style),
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("config --help lacks %q:\n%s", want, out.String())
		}
	}
}

package main

import (
	"context"
	"os/exec"
	"strings"
	"testing"
)

// The text report goes through $PAGER when standard output is a
// terminal, and never with --no-pager, another format, or when it is not
// one. The terminal is the App's say-so, so no test needs a real one; the
// pager is a real process that marks every line it passes on.
func TestCheck_PagesTextOnATerminal(t *testing.T) {
	if _, err := exec.LookPath("sed"); err != nil {
		t.Skip("no sed to stand in for a pager")
	}
	dir := t.TempDir()
	bib := writeIn(t, dir, "a.bib", "@article{smith2019, author={Smith, Ann}, title={Sleep and memory}, journal={J Sleep}, year={2019}}\n")
	draft := writeIn(t, dir, "draft.md", "# Sleep\n\nAdults who sleep six hours remember 40% less [@smith2019].\n\nCoffee raises attention by 10% [@nokey].\n")
	const marker = "PAGED| "
	tests := []struct {
		name  string
		tty   bool
		pager string
		set   bool
		args  []string
		paged bool
	}{
		{"text on a terminal", true, "sed 's/^/" + marker + "/'", true, nil, true},
		{"--no-pager", true, "sed 's/^/" + marker + "/'", true, []string{"--no-pager"}, false},
		{"not a terminal", false, "sed 's/^/" + marker + "/'", true, nil, false},
		{"json on a terminal", true, "sed 's/^/" + marker + "/'", true, []string{"--format", "json"}, false},
		{"PAGER empty", true, "", true, nil, false},
		{"PAGER=cat", true, "cat", true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, out, errOut := exitApp(t)
			a.OutTTY = tt.tty
			a.LookupEnv = func(k string) (string, bool) {
				if k == "PAGER" {
					return tt.pager, tt.set
				}
				return "", false
			}
			args := append(append([]string{"check", "--bib", bib}, tt.args...), draft)
			if code := a.Execute(context.Background(), args); code != exitFindings {
				t.Fatalf("exit %d, want 1 (a dangling citation): %s", code, errOut.String())
			}
			lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
			paged := 0
			for _, l := range lines {
				if strings.HasPrefix(l, marker) {
					paged++
				}
			}
			switch {
			case tt.paged && paged != len(lines):
				t.Errorf("%d of %d lines went through the pager:\n%s", paged, len(lines), out.String())
			case !tt.paged && paged > 0:
				t.Errorf("paged:\n%s", out.String())
			}
			if !strings.Contains(out.String(), "dangling-citation") {
				t.Errorf("the report is missing:\n%s", out.String())
			}
		})
	}
}

// A pager that quits before the end (the reader pressed q) does not
// turn the check into a broken-pipe error.
func TestCheck_PagerThatQuitsEarlyIsNoError(t *testing.T) {
	if _, err := exec.LookPath("head"); err != nil {
		t.Skip("no head to stand in for a pager")
	}
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("# Many claims\n\n")
	for i := 0; i < 1500; i++ { // more than a pipe holds
		b.WriteString("Coffee raises attention by 10% in adults [@nokey].\n\n")
	}
	draft := writeIn(t, dir, "draft.md", b.String())
	a, out, errOut := exitApp(t)
	a.OutTTY = true
	a.LookupEnv = func(k string) (string, bool) { return "head -n 1", k == "PAGER" }
	if code := a.Execute(context.Background(), []string{"check", draft}); code != exitFindings {
		t.Fatalf("exit %d, want 1: %s", code, errOut.String())
	}
	if strings.Count(out.String(), "\n") != 1 || errOut.Len() != 0 {
		t.Errorf("out %q, err %q", out.String(), errOut.String())
	}
}

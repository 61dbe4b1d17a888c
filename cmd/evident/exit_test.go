package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// exitApp returns an App whose library lives in a temporary directory, and
// its output streams.
func exitApp(t *testing.T) (*App, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	lib := filepath.Join(t.TempDir(), "lib")
	var out, errOut bytes.Buffer
	env := map[string]string{"EVIDENT_LIBRARY": lib, "NO_COLOR": "1"}
	return &App{
		In: strings.NewReader(""), Out: &out, Err: &errOut, NoColor: true,
		Getenv: func(k string) string { return env[k] },
		Getwd:  func() (string, error) { return t.TempDir(), nil },
	}, &out, &errOut
}

func writeIn(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	writeFile(t, path, []byte(text))
	return path
}

// TestExecute_ExitCodes decides exit codes in one place, by what the error
// is: findings at --fail-on 1, usage and input errors 2, an interrupt 130
// whatever the interrupted work returned.
func TestExecute_ExitCodes(t *testing.T) {
	dir := t.TempDir()
	bib := writeIn(t, dir, "a.bib", "@article{smith2019, author={Smith, Ann}, title={Sleep and memory}, journal={J Sleep}, year={2019}}\n")
	bib2 := writeIn(t, dir, "b.bib", "@article{jones2020, author={Jones, Bo}, title={Coffee and attention}, journal={J Coffee}, year={2020}}\n")
	draft := writeIn(t, dir, "draft.md", "# Sleep\n\nAdults who sleep six hours remember 40% less [@smith2019].\n\nIt cites [@nokey].\n")
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name   string
		ctx    context.Context
		args   []string
		code   int
		stderr string
	}{
		{"clean check", context.Background(), []string{"check", "--fail-on", "none", "--bib", bib, draft}, exitOK, ""},
		{"findings at fail-on", context.Background(), []string{"check", "--bib", bib, draft}, exitFindings, ""},
		{"unknown flag value", context.Background(), []string{"check", "--format", "pdf", draft}, exitInput, `"pdf" is not one of`},
		{"unknown command", context.Background(), []string{"frobnicate"}, exitInput, "unknown command"},
		{"unreadable article", context.Background(), []string{"check", "--bib", bib, filepath.Join(dir, "missing.md")}, exitInput, "missing.md: cannot read"},
		{"interrupted two-file import", canceled, []string{"import", bib, bib2}, exitInterrupted, "interrupted"},
		{"interrupted check", canceled, []string{"check", "--bib", bib, draft, draft}, exitInterrupted, "interrupted"},
		{"interrupted add", canceled, []string{"add", draft}, exitInterrupted, "interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, errOut := exitApp(t)
			if code := a.Execute(tt.ctx, tt.args); code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			if !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to hold %q", errOut, tt.stderr)
			}
			if tt.code == exitFindings && errOut.Len() > 0 {
				t.Errorf("findings print nothing on stderr, got %q", errOut)
			}
		})
	}
}

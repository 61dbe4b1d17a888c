package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"evident": func() { os.Exit(run()) },
	})
}

// TestScripts runs the end-to-end CLI tests in testdata/script. Each script
// gets its own HOME and XDG_DATA_HOME, so the default library is private.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			env.Setenv("NO_COLOR", "1")
			// The README's examples, so scripts can run its commands as written.
			env.Setenv("EXAMPLES", examples)
			return nil
		},
	})
}

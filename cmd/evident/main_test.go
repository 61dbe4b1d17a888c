package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// main itself, so that scripts run evident as users do, with its
		// memory limit.
		"evident": main,
		"gen":     func() { os.Exit(genMain()) },
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
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "unreadable":
				return chmodMakesUnreadable(t.TempDir())
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// chmodMakesUnreadable reports whether a file with mode 000 cannot be read
// here: it can when the tests run as root.
func chmodMakesUnreadable(dir string) (bool, error) {
	path := filepath.Join(dir, "probe")
	if err := os.WriteFile(path, []byte("x"), 0o000); err != nil {
		return false, err
	}
	f, err := os.Open(path)
	if err == nil {
		f.Close()
	}
	return err != nil, nil
}

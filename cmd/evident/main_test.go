package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/evident-tools/evident/registry"
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
	// The shared public corpora beside the checkout; scripts that use them
	// skip with [!corpora] when they are absent.
	corpora, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpora"))
	if err != nil {
		t.Fatal(err)
	}
	rwStub, err := filepath.Abs(filepath.Join("..", "..", "corpus", "check", "testdata", "retractionwatch", "stub_retractions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "data"))
			// The system's CSL folder is the script's own, so that what
			// styles a machine has installed does not change the results.
			env.Setenv("EVIDENT_CSL_DIR", filepath.Join(env.WorkDir, "csl"))
			env.Setenv("NO_COLOR", "1")
			// The README's examples, so scripts can run its commands as written.
			env.Setenv("EXAMPLES", examples)
			env.Setenv("CORPORA", corpora)
			// The Retraction Watch sample the check tests read, for
			// 'retractions update'.
			env.Setenv("RWSTUB", rwStub)
			// No script reaches a real registry: one that forgets 'registry
			// serve' asks a closed port and gets "unknown".
			for _, e := range []string{registry.EnvCrossrefURL, registry.EnvDOIURL, registry.EnvPubMedURL, registry.EnvOpenAlexURL, registry.EnvPMCIDURL, registry.EnvPMCURL} {
				env.Setenv(e, "http://127.0.0.1:9")
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"damage":   damageCmd,
			"registry": registryCmd(t),
			"serve":    serveCmd,
			// Replays recorded registry answers (registries_test.go).
			"registries": registriesCmd(t),
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "unreadable":
				return chmodMakesUnreadable(t.TempDir())
			case "corpora":
				_, err := os.Stat(corpora)
				return err == nil, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// damageCmd damages files, as a disk or a careless hand might:
//
//	damage truncate|empty|garble|remove GLOB...
//
// truncate cuts a file to half its size, empty to nothing, garble overwrites
// 64 bytes in its middle (keeping its size), remove deletes it. Each GLOB
// must match something.
func damageCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: damage truncate|empty|garble|remove GLOB...")
	}
	for _, glob := range args[1:] {
		files, err := filepath.Glob(ts.MkAbs(glob))
		ts.Check(err)
		if len(files) == 0 {
			ts.Fatalf("damage: nothing matches %s", glob)
		}
		for _, f := range files {
			info, err := os.Stat(f)
			ts.Check(err)
			switch args[0] {
			case "truncate":
				ts.Check(os.Truncate(f, info.Size()/2))
			case "empty":
				ts.Check(os.Truncate(f, 0))
			case "garble":
				w, err := os.OpenFile(f, os.O_WRONLY, 0)
				ts.Check(err)
				_, err = w.WriteAt(bytes.Repeat([]byte{0xa5}, 64), info.Size()/2)
				ts.Check(err)
				ts.Check(w.Close())
			case "remove":
				ts.Check(os.RemoveAll(f))
			default:
				ts.Fatalf("damage: unknown kind %q", args[0])
			}
		}
	}
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

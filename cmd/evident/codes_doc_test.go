package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/check"
)

// Every finding code is documented where an editor looks: the README's
// table of codes and 'evident check --help'.
func TestHelp_EveryFindingCodeIsDocumented(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	help := newCheckCmd(&App{}).Long
	for _, code := range check.Codes() {
		if !strings.Contains(string(readme), "| `"+code+"` |") {
			t.Errorf("the README's table of codes lacks %s", code)
		}
		if !strings.Contains(strings.Join(strings.Fields(help), " "), code) {
			t.Errorf("'evident check --help' does not name %s", code)
		}
	}
}

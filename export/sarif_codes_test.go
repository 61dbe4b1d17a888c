package export

import (
	"testing"

	"github.com/evident-tools/evident/corpus/check"
)

// Every finding code has a SARIF rule description of its own, not the
// fallback for codes evident does not know.
func TestCheckSARIF_EveryCodeIsDescribed(t *testing.T) {
	for _, code := range check.Codes() {
		if ruleDescriptions[code] == "" {
			t.Errorf("no SARIF rule description for %s", code)
		}
	}
}

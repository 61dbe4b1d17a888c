package check

import (
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestCodeAliases_WeakSupportStillSilencesAndSetsSeverity(t *testing.T) {
	set := map[string]corpus.Severity{AliasWeakSupport: corpus.Error}
	if s, ok := severityOf(set, CodeUnsupportedBySource); !ok || s != corpus.Error {
		t.Errorf("severity of %s under weak-support = %v, %v; want error", CodeUnsupportedBySource, s, ok)
	}
	if _, ok := severityOf(set, CodeContradictedBySource); ok {
		t.Errorf("weak-support must not set %s", CodeContradictedBySource)
	}
	set[CodeUnsupportedBySource] = corpus.Info
	if s, _ := severityOf(set, CodeUnsupportedBySource); s != corpus.Info {
		t.Errorf("the code's own setting must win over its alias: got %v", s)
	}
	if !silences([]string{AliasWeakSupport}, CodeUnsupportedBySource) || silences([]string{AliasWeakSupport}, CodeOverstated) {
		t.Error("evident:ignore weak-support must silence unsupported-by-source and nothing else new")
	}
	if !slices.Contains(KnownCodes(), AliasWeakSupport) || !slices.Contains(KnownCodes(), CodeNoSourceText) {
		t.Errorf("KnownCodes %v lacks the alias or a new code", KnownCodes())
	}
}

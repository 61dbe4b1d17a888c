package pipeline

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/verify"
)

// RegistryText returns the evidence stage's look-up of a work's registry
// text (check.Evidence.Registry): the abstract of the first record c
// holds for the work's identifiers that has one (verify.CachedRecords:
// PubMed's first, then Crossref's, OpenAlex's, doi.org's), and the full
// text of the first that has one (PubMed Central's). It asks no registry:
// what 'evident verify', 'refs update' or 'check --verify' fetched is
// what there is.
func RegistryText(c verify.Cache) func(*corpus.Reference) (check.RegistryText, bool) {
	return func(r *corpus.Reference) (check.RegistryText, bool) {
		var rt check.RegistryText
		for _, rec := range verify.CachedRecords(c, r.IDs) {
			if rt.Abstract == "" && strings.TrimSpace(rec.Abstract) != "" {
				rt.Registry, rt.Abstract, rt.PubTypes = rec.Registry, rec.Abstract, rec.PubTypes
			}
			if rt.FullText == "" && strings.TrimSpace(rec.FullText) != "" {
				rt.FullText, rt.FullTextFrom = rec.FullText, rec.Registry
			}
		}
		return rt, rt.Abstract != "" || rt.FullText != ""
	}
}

package pipeline

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/verify"
)

// RegistryText returns the evidence stage's look-up of a work's registry
// abstract (check.Evidence.Registry): the first record c holds for the
// work's identifiers that has an abstract (verify.CachedRecords: PubMed's
// first, then Crossref's, OpenAlex's, doi.org's). It asks no registry:
// what 'evident verify' or 'check --verify' fetched is what there is.
func RegistryText(c verify.Cache) func(*corpus.Reference) (check.RegistryText, bool) {
	return func(r *corpus.Reference) (check.RegistryText, bool) {
		for _, rec := range verify.CachedRecords(c, r.IDs) {
			if strings.TrimSpace(rec.Abstract) != "" {
				return check.RegistryText{Registry: rec.Registry, Abstract: rec.Abstract, PubTypes: rec.PubTypes}, true
			}
		}
		return check.RegistryText{}, false
	}
}

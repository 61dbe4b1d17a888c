package verify

import (
	"context"
	"errors"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// FullText fetches, through the cache, the open-access full text of a
// work from PubMed Central, when the work has a PMCID: its reference's,
// or the one its record gives (PubMed's records name it). It returns the
// PMC record and true when PMC gave its body. A work is asked for once:
// the answer, full text or not, authoritative "not found" included, is
// cached and reused for MaxAge (any age offline), since a full text does
// not go stale as a retraction status does. Offline, or without a PMC
// client, only the cache answers. A PMC that cannot be asked costs
// nothing but the text: the verification does not depend on it.
func (v *Verifier) FullText(ctx context.Context, ids corpus.Identifiers, rec *registry.Record) (registry.Record, bool) {
	pmcid := ids.PMCID
	if pmcid == "" && rec != nil {
		pmcid = corpus.NormalizePMCID(rec.PMCID)
	}
	if pmcid == "" || v.PMC == nil {
		return registry.Record{}, false
	}
	id := registry.ID{Kind: registry.PMCID, Value: pmcid}
	key := LookupKey(v.PMC.Name(), id)
	if e, ok := v.cached(key); ok && (v.Opts.Offline || time.Since(e.Fetched) < v.maxAge()) {
		if e.Record != nil {
			return *e.Record, e.Record.FullText != ""
		}
		if e.NotFound {
			return registry.Record{}, false
		}
	}
	if v.Opts.Offline {
		return registry.Record{}, false
	}
	now := time.Now()
	got, err := v.PMC.Lookup(ctx, id)
	switch {
	case err == nil:
		v.keep(key, Entry{Record: &got, Fetched: now})
		return got, got.FullText != ""
	case errors.Is(err, registry.ErrNotFound) && ctx.Err() == nil:
		v.keep(key, Entry{NotFound: true, Fetched: now})
	}
	return registry.Record{}, false
}

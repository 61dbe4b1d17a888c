package verify

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// The cache's default ages (Options.MaxAge, Options.UpdatesMaxAge).
const (
	DefaultMaxAge        = 30 * 24 * time.Hour
	DefaultUpdatesMaxAge = 7 * 24 * time.Hour
)

// Verify verifies every target, in order, and never fails on a registry's
// trouble (that is an "unknown" verdict); it returns ctx.Err() when
// interrupted, with the results so far.
func (v *Verifier) Verify(ctx context.Context, targets []Target) (*Report, error) {
	rep := &Report{References: make([]Result, 0, len(targets))}
	sent0 := v.sent()
	defer func() { rep.Summary.Requests = v.sent() - sent0 }()
	for i, t := range targets {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		res, err := v.verifyOne(ctx, t)
		if err != nil {
			// Interrupted: what was fetched is cached; this target has
			// no verdict.
			return rep, err
		}
		rep.add(res)
		if v.Opts.Progress != nil {
			v.Opts.Progress(i+1, len(targets))
		}
	}
	return rep, nil
}

func (v *Verifier) sent() int {
	if v.Sent == nil {
		return 0
	}
	return v.Sent()
}

// add appends a result and counts it.
func (r *Report) add(res Result) {
	r.References = append(r.References, res)
	s := &r.Summary
	s.References++
	switch res.Verdict {
	case Verified:
		s.Verified++
	case Mismatch:
		s.Mismatch++
	case WrongIdentifier:
		s.WrongIdentifier++
	case NotFound:
		s.NotFound++
	default:
		s.Unknown++
	}
	if hasUpdate(res.Updates, registry.Retraction, registry.Withdrawal) {
		s.Retracted++
	}
	if hasUpdate(res.Updates, registry.ExpressionOfConcern) {
		s.Concerns++
	}
	if hasUpdate(res.Updates, registry.Correction) {
		s.Corrected++
	}
}

func hasUpdate(us []registry.Update, types ...string) bool {
	for _, u := range us {
		for _, t := range types {
			if u.Type == t {
				return true
			}
		}
	}
	return false
}

// Fetch returns the record of one identifier, from the cache or the
// registries (import by identifier, refs update).
func (v *Verifier) Fetch(ctx context.Context, id registry.ID) (registry.Record, error) {
	a, err := v.resolve(ctx, id)
	if err != nil {
		return registry.Record{}, err
	}
	return *a.rec, nil
}

// answer is a record as the cache or a registry gave it.
type answer struct {
	rec *registry.Record
	// stale is set when the record comes from the cache past
	// UpdatesMaxAge because the registry could not be asked again: its
	// retraction status is as of fetched.
	stale   bool
	fetched time.Time
	why     string // why the registry could not be asked, when stale
}

// resolve looks an identifier up where it lives: a DOI at Crossref, then
// at doi.org (other agencies; its 404 is the authority); a PMID or PMCID
// at PubMed; an arXiv id at doi.org as the DataCite DOI arXiv registers.
func (v *Verifier) resolve(ctx context.Context, id registry.ID) (answer, error) {
	switch id.Kind {
	case registry.DOI:
		a, cerr := v.lookup(ctx, v.Crossref, id)
		if cerr == nil || ctx.Err() != nil {
			return a, cerr
		}
		// Not at Crossref: another agency's DOI, or none. Crossref could
		// not be asked: doi.org can still say.
		a, derr := v.lookup(ctx, v.DOI, id)
		switch {
		case derr == nil, ctx.Err() != nil, errors.Is(derr, registry.ErrNotFound):
			return a, derr
		case errors.Is(cerr, registry.ErrNotFound):
			return a, derr
		}
		return a, unavailable(cerr, derr)
	case registry.PMID, registry.PMCID:
		return v.lookup(ctx, v.PubMed, id)
	case registry.ArXiv:
		return v.lookup(ctx, v.DOI, registry.ID{Kind: registry.DOI, Value: ArXivDOI(id.Value)})
	}
	return answer{}, registry.ErrNotSupported
}

// ArXivDOI is the DOI arXiv registers at DataCite for a paper.
func ArXivDOI(arxivID string) string {
	return "10.48550/arxiv." + strings.ToLower(arxivID)
}

// unavailable joins the errors of two registries that could not be asked
// into one that names both; it is an *registry.Unavailable to errors.As.
func unavailable(errs ...error) error {
	var all unavailableAll
	for _, err := range errs {
		var u *registry.Unavailable
		if errors.As(err, &u) {
			all = append(all, u)
		}
	}
	if len(all) == 0 {
		return errors.Join(errs...)
	}
	return all
}

// unavailableAll is several registries that could not be asked.
type unavailableAll []*registry.Unavailable

func (e unavailableAll) Error() string {
	parts := make([]string, len(e))
	for i, u := range e {
		parts[i] = u.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap makes the first an *registry.Unavailable to errors.As.
func (e unavailableAll) Unwrap() error { return e[0] }

// LookupKey is the cache key of a lookup: service is the registry's
// Name(). Exported for tests that fill a cache as a run would.
func LookupKey(service string, id registry.ID) string {
	return service + "\x00" + string(id.Kind) + ":" + id.Value
}

// searchKey is the cache key of a search: the folded string, so that case
// and punctuation do not make two entries.
func searchKey(service, bibliographic string) string {
	return service + "\x00search:" + corpus.NormalizeTitle(bibliographic)
}

func (v *Verifier) maxAge() time.Duration {
	if v.Opts.MaxAge > 0 {
		return v.Opts.MaxAge
	}
	return DefaultMaxAge
}

func (v *Verifier) updatesMaxAge() time.Duration {
	if v.Opts.UpdatesMaxAge > 0 {
		return v.Opts.UpdatesMaxAge
	}
	return DefaultUpdatesMaxAge
}

// cached returns the cache's entry under key unless the run ignores the
// cache. A cache that cannot be read is no cache: the registry is asked.
func (v *Verifier) cached(key string) (Entry, bool) {
	if v.Cache == nil || v.Opts.Refresh {
		return Entry{}, false
	}
	e, ok, err := v.Cache.Get(key)
	if err != nil || !ok {
		return Entry{}, false
	}
	return e, true
}

// keep caches an entry. A cache that cannot be written costs the next run
// a request, nothing more: the error is dropped here and the store says
// why when it is closed.
func (v *Verifier) keep(key string, e Entry) {
	if v.Cache != nil {
		_ = v.Cache.Put(key, e)
	}
}

// notAsked is the error of a registry the Verifier was not given.
func notAsked(name string) error {
	return &registry.Unavailable{Registry: name, Reason: "not configured"}
}

// lookup asks reg for id through the cache. A cached record is reused
// while its retraction status is fresh (UpdatesMaxAge); past that the
// record is fetched again, and if the registry cannot be asked, the cached
// record serves while the metadata is fresh (MaxAge), marked stale. An
// authoritative "not found" is reused for MaxAge. Offline, any cached
// answer serves, whatever its age.
func (v *Verifier) lookup(ctx context.Context, reg registry.Registry, id registry.ID) (answer, error) {
	if reg == nil {
		return answer{}, notAsked("registry for " + string(id.Kind))
	}
	key := LookupKey(reg.Name(), id)
	now := time.Now()
	var fallback *Entry
	if e, ok := v.cached(key); ok {
		age := now.Sub(e.Fetched)
		switch {
		case e.NotFound && (v.Opts.Offline || age < v.maxAge()):
			return answer{}, registry.ErrNotFound
		case e.Record != nil && (v.Opts.Offline || age < v.updatesMaxAge()):
			return answer{rec: e.Record, fetched: e.Fetched}, nil
		case e.Record != nil && age < v.maxAge():
			fallback = &e
		}
	}
	if v.Opts.Offline {
		return answer{}, &registry.Unavailable{Registry: reg.Name(), Reason: "offline: not in the cache"}
	}
	rec, err := reg.Lookup(ctx, id)
	switch {
	case err == nil:
		v.keep(key, Entry{Record: &rec, Fetched: now})
		return answer{rec: &rec, fetched: now}, nil
	case ctx.Err() != nil:
		return answer{}, ctx.Err()
	case errors.Is(err, registry.ErrNotFound):
		v.keep(key, Entry{NotFound: true, Fetched: now})
		return answer{}, registry.ErrNotFound
	case fallback != nil && registry.IsUnavailable(err):
		return answer{rec: fallback.Record, fetched: fallback.Fetched, stale: true, why: err.Error()}, nil
	}
	return answer{}, err
}

// search asks reg for candidates through the cache.
func (v *Verifier) search(ctx context.Context, reg registry.Registry, q string) ([]registry.Record, error) {
	if reg == nil {
		return nil, registry.ErrNotSupported
	}
	key := searchKey(reg.Name(), q)
	now := time.Now()
	if e, ok := v.cached(key); ok && (v.Opts.Offline || now.Sub(e.Fetched) < v.maxAge()) {
		return e.Records, nil
	}
	if v.Opts.Offline {
		return nil, &registry.Unavailable{Registry: reg.Name(), Reason: "offline: not in the cache"}
	}
	recs, err := reg.Search(ctx, q)
	switch {
	case err == nil:
		if len(recs) > maxCandidates {
			recs = recs[:maxCandidates]
		}
		v.keep(key, Entry{Records: recs, Fetched: now})
		return recs, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	}
	return nil, err
}

// maxCandidates is how many search candidates are judged and cached:
// Crossref is asked for 5 rows, and the right work, when found, is nearly
// always first.
const maxCandidates = 5

// Bibliographic writes a structured reference as one bibliographic string
// for a search: authors, year, title, venue, volume, pages, as a reference
// list would. Crossref's query.bibliographic is meant for exactly this.
func Bibliographic(ref *corpus.Reference) string {
	var parts []string
	names := refNames(ref)
	var fams []string
	for i, n := range names {
		if i == 3 {
			break
		}
		if f := n.Family(); f != "" {
			fams = append(fams, f)
		}
	}
	if len(fams) > 0 {
		parts = append(parts, strings.Join(fams, ", "))
	}
	if ref.Year > 0 {
		parts = append(parts, "("+strconv.Itoa(ref.Year)+")")
	}
	if ref.Title != "" {
		parts = append(parts, ref.Title+".")
	}
	if v := refVenue(ref); v != "" {
		parts = append(parts, v)
	}
	if vol, _ := ref.Get("volume"); vol != "" {
		parts = append(parts, vol)
	}
	if p, _ := ref.Get("pages"); p != "" {
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

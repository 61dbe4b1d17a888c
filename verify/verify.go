// Package verify compares references with the scholarly record: does the
// work exist, is it the work the reference says, has it been retracted or
// corrected. It asks registries through package registry, keeps what they
// answered in a cache, and judges; it never writes to the library's
// references (refs update and import do, from its records).
package verify

import (
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// Verdict is the answer for one reference. The values are a contract
// (JSON).
type Verdict string

// The verdicts.
const (
	// Verified: a record exists and agrees.
	Verified Verdict = "verified"
	// Mismatch: the record exists and fields differ (title, authors, year
	// beyond ±1, venue, volume, pages).
	Mismatch Verdict = "mismatch"
	// WrongIdentifier: the DOI or PMID belongs to a different work.
	WrongIdentifier Verdict = "wrong-identifier"
	// NotFound: an authoritative "no such record" and no search match.
	NotFound Verdict = "not-found"
	// Unknown: a registry could not be asked.
	Unknown Verdict = "unknown"
)

// Difference is one field where a reference and its record disagree.
type Difference struct {
	Field  string `json:"field"`
	Ours   string `json:"ours"`
	Record string `json:"record"`
}

// Result is the verification of one reference. JSON names are a contract.
type Result struct {
	Key         string            `json:"key"`
	Verdict     Verdict           `json:"verdict"`
	Updates     []registry.Update `json:"updates"`
	Record      *registry.Record  `json:"record,omitempty"`
	Differences []Difference      `json:"differences"`
	Message     string            `json:"message"`
}

// Summary counts the verdicts and notices of a run.
type Summary struct {
	References      int `json:"references"`
	Verified        int `json:"verified"`
	Mismatch        int `json:"mismatch"`
	WrongIdentifier int `json:"wrong_identifier"`
	NotFound        int `json:"not_found"`
	Unknown         int `json:"unknown"`
	Retracted       int `json:"retracted"`
	Concerns        int `json:"expressions_of_concern"`
	Corrected       int `json:"corrected"`
	// Requests is how many HTTP requests the run sent (0 from a warm cache).
	Requests int `json:"requests"`
}

// Report is what verify writes.
type Report struct {
	References []Result `json:"references"`
	Summary    Summary  `json:"summary"`
}

// Target is one thing to verify: a structured reference (a library or
// --bib entry), the text of a reference-list entry (searched as a whole
// bibliographic string), or a link citation's identifiers (looked up, with
// nothing to compare but existence and notices).
type Target struct {
	Key  string
	Ref  *corpus.Reference
	Text string
	IDs  corpus.Identifiers
}

// Options tune a run.
type Options struct {
	// Offline uses only the cache and sends nothing.
	Offline bool
	// Refresh ignores the cache (and refills it).
	Refresh bool
	// MaxAge is how long a cached record is reused: 30 days when 0.
	MaxAge time.Duration
	// UpdatesMaxAge is how long a cached record's retraction status is
	// trusted: 7 days when 0.
	UpdatesMaxAge time.Duration
	// Progress, when set, is called after each target.
	Progress func(done, total int)
}

// Verifier verifies references against a set of registries, through a
// cache.
type Verifier struct {
	Crossref, DOI, PubMed, OpenAlex registry.Registry
	// PMC gives the open-access full text of works with a PMCID
	// (FullText); nil asks for none.
	PMC         registry.Registry
	Cache       Cache
	Retractions Retractions
	Opts        Options
	// Sent reports the HTTP requests sent so far (registry.Client.Sent).
	Sent func() int
}

// Cache keeps fetched records between runs; the library implements it.
type Cache interface {
	// Get returns the entry cached under key.
	Get(key string) (Entry, bool, error)
	// Put caches an entry under key.
	Put(key string, e Entry) error
}

// Entry is one cached answer: a record, or an authoritative "not found",
// or a search's candidates.
type Entry struct {
	Record   *registry.Record `json:"record,omitempty"`
	NotFound bool             `json:"not_found,omitempty"`
	Fetched  time.Time        `json:"fetched"`
	// Records are a search's candidates, best first (none: the search
	// found nothing).
	Records []registry.Record `json:"records,omitempty"`
}

// Retractions looks up the notices a local database (Retraction Watch,
// imported with `retractions update`) lists for a work.
type Retractions interface {
	Notices(ids corpus.Identifiers) []registry.Update
}

package check

import (
	"regexp"
	"time"

	"github.com/evident-tools/evident/corpus/resolve"

	"github.com/evident-tools/evident/corpus"
)

// Scope says which citations cover a claim.
type Scope string

// The citation scopes.
const (
	// ScopeSentence: a claim needs a citation in its own sentence.
	ScopeSentence Scope = "sentence"
	// ScopeParagraph: a citation later in the same paragraph or list item
	// covers the sentences before it.
	ScopeParagraph Scope = "paragraph"
)

// Options tune a check. The zero value is the default behaviour.
type Options struct {
	Scope Scope
	// Index, when set, is the library to resolve citations against
	// through its indexes (store.Store.RefIndex): only the references
	// that citations and list entries could name are read. The
	// references given to Check or CheckDocument are then added to it
	// (an article's own bibliography).
	Index resolve.Index
	// Severity overrides a code's default severity; Off silences it.
	Severity map[string]corpus.Severity
	// ClaimThreshold is the score from which a sentence is a check-worthy
	// claim (0 means the scorer's default).
	ClaimThreshold float64
	// MaxAge, when above zero, flags cited evidence older than this many
	// years (stale), counted from Now.
	MaxAge int
	Now    time.Time
	// Ignore holds patterns of sentences never to judge.
	Ignore []*regexp.Regexp
	// Evidence, when set, runs the evidence stage: each claim's own
	// citations get the passage of the cited work that bears on the claim
	// and a verdict, and unsupported-by-source, contradicted-by-source,
	// overstated and no-source-text are reported.
	Evidence *Evidence
	// Site is the publication's own address or domain: links to it or its
	// subdomains are no citations (the page's canonical address, which
	// the HTML reader reads, does the same).
	Site string
	// Retractions lists retracted works: the --retractions FILE, the
	// library's database ('retractions update'), or both (Sources).
	Retractions RetractionSource
	// Verify, when set, verifies the cited works against the scholarly
	// record ('check --verify'); see verify.go.
	Verify VerifyFunc
}

// rules runs the finer checks over a resolved report.
func (rep *state) rules(opts Options) {
	rep.findDuplicates()
	rep.findOutOfOrder()
	rep.findIncomplete()
	done := rep.findRetracted(opts.Retractions)
	if opts.Verify != nil {
		rep.verify(opts.Verify, done)
	}
	if opts.MaxAge > 0 {
		now := opts.Now
		if now.IsZero() {
			now = time.Now()
		}
		rep.findStale(opts.MaxAge, now)
	}
}

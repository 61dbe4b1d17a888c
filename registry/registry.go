// Package registry asks the scholarly registries (Crossref, doi.org,
// PubMed, OpenAlex) what they hold about a work: one small interface, the
// record every client returns, and the polite HTTP client they share. It
// owns no judgement: comparing a record with a reference is package verify.
//
// The clients are plain net/http rather than a generated SDK or a
// third-party client: each service needs two or three GETs, and what
// matters (pacing to the rate-limit headers, honouring Retry-After, telling
// "not found" from "could not ask", capping bodies) is the same for all
// four and lives once, in Client.
package registry

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// IDKind names the kind of identifier a lookup asks by.
type IDKind string

// The identifiers registries are asked by.
const (
	DOI   IDKind = "doi"
	PMID  IDKind = "pmid"
	PMCID IDKind = "pmcid"
	ArXiv IDKind = "arxiv"
)

// ID is one identifier of a work, normalised as the library normalises it
// (corpus.NormalizeDOI and its siblings).
type ID struct {
	Kind  IDKind
	Value string
}

func (id ID) String() string { return string(id.Kind) + ":" + id.Value }

// Label writes an identifier as an editor reads it: "DOI 10.1000/xyz",
// "PMID 123", "arXiv 2101.00001".
func (id ID) Label() string {
	switch id.Kind {
	case DOI:
		return "DOI " + id.Value
	case PMID:
		return "PMID " + id.Value
	case PMCID:
		return "PMCID " + id.Value
	case ArXiv:
		return "arXiv " + id.Value
	}
	return id.String()
}

// ParseID reads an identifier as a user writes it: "10.1000/xyz",
// "doi:10.1000/xyz", "https://doi.org/10.1000/xyz", "PMID:123", "pmid 123",
// "PMC123", "arXiv:2101.00001v2" and the URLs of PubMed, PMC and arXiv. It
// reports false for anything else, so a caller names what it skipped.
func ParseID(s string) (ID, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ID{}, false
	}
	lower := strings.ToLower(s)
	for _, p := range []struct {
		prefix string
		kind   IDKind
	}{{"doi:", DOI}, {"pmid:", PMID}, {"pmid ", PMID}, {"pmcid:", PMCID}, {"arxiv:", ArXiv}} {
		if strings.HasPrefix(lower, p.prefix) {
			return normalID(p.kind, strings.TrimSpace(s[len(p.prefix):]))
		}
	}
	if strings.HasPrefix(lower, "pmc") {
		return normalID(PMCID, s)
	}
	if strings.HasPrefix(lower, "10.") {
		return normalID(DOI, s)
	}
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		ids, ok := corpus.LinkIdentifiers(s)
		switch {
		case !ok:
			return ID{}, false
		case ids.DOI != "":
			return ID{DOI, ids.DOI}, true
		case ids.PMID != "":
			return ID{PMID, ids.PMID}, true
		case ids.PMCID != "":
			return ID{PMCID, ids.PMCID}, true
		case ids.ArXiv != "":
			return ID{ArXiv, ids.ArXiv}, true
		}
		return ID{}, false
	}
	if isDigits(s) {
		return normalID(PMID, s)
	}
	return ID{}, false
}

func normalID(kind IDKind, v string) (ID, bool) {
	switch kind {
	case DOI:
		v = corpus.NormalizeDOI(v)
	case PMID:
		v = corpus.NormalizePMID(v)
	case PMCID:
		v = corpus.NormalizePMCID(v)
	case ArXiv:
		v = corpus.NormalizeArXiv(v)
	}
	return ID{kind, v}, v != ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// IDs returns the identifiers of a reference a registry can be asked by,
// the most specific first.
func IDs(ids corpus.Identifiers) []ID {
	var out []ID
	if ids.DOI != "" {
		out = append(out, ID{DOI, ids.DOI})
	}
	if ids.PMID != "" {
		out = append(out, ID{PMID, ids.PMID})
	}
	if ids.PMCID != "" {
		out = append(out, ID{PMCID, ids.PMCID})
	}
	if ids.ArXiv != "" {
		out = append(out, ID{ArXiv, ids.ArXiv})
	}
	return out
}

// Author is one author of a record.
type Author struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"` // an organisation
}

// Name returns the author as the library's name type.
func (a Author) Name() corpus.Name {
	if a.Literal != "" && a.Family == "" {
		return corpus.Name{Literal: a.Literal}
	}
	return corpus.Name{First: a.Given, Last: a.Family}
}

// Update is a notice about a work: a retraction, a correction, an
// expression of concern, a withdrawal.
type Update struct {
	// Type is one of the Update constants.
	Type string `json:"type"`
	// DOI is the notice's DOI, when it has one.
	DOI string `json:"doi,omitempty"`
	// PMID is the notice's PubMed id, when PubMed links it
	// (CommentsCorrections).
	PMID string `json:"pmid,omitempty"`
	// Date is the notice's date as YYYY-MM-DD (or YYYY-MM, YYYY).
	Date string `json:"date,omitempty"`
	// Source says who reported it: "publisher" (Crossref metadata the
	// publisher deposited), "retraction-watch", "pubmed" or "openalex".
	Source string `json:"source,omitempty"`
}

// The kinds of notices, as JSON reports write them.
const (
	Retraction          = "retraction"
	Correction          = "correction"
	ExpressionOfConcern = "expression-of-concern"
	Withdrawal          = "withdrawal"
	// Reinstatement: a retracted work stands again (Retraction Watch's
	// "Reinstatement").
	Reinstatement = "reinstatement"
)

// Record is what a registry holds about a work, in the fields verification
// compares and import keeps. JSON names are a contract (verify's record).
type Record struct {
	Registry string   `json:"registry"` // crossref, doi.org, pubmed, openalex
	DOI      string   `json:"doi,omitempty"`
	PMID     string   `json:"pmid,omitempty"`
	PMCID    string   `json:"pmcid,omitempty"`
	Title    string   `json:"title,omitempty"`
	Authors  []Author `json:"authors,omitempty"`
	Year     int      `json:"year,omitempty"`
	Month    int      `json:"month,omitempty"`
	Venue    string   `json:"venue,omitempty"` // journal, book or proceedings
	Volume   string   `json:"volume,omitempty"`
	Issue    string   `json:"issue,omitempty"`
	Pages    string   `json:"pages,omitempty"`

	// VenueShort is the venue's abbreviated title (Crossref's
	// short-container-title: "Proc. Natl. Acad. Sci. U.S.A."), which
	// references often give instead of the full one.
	VenueShort string `json:"venue_short,omitempty"`

	// Type is the CSL type of the work: article-journal, book, chapter,
	// paper-conference, posted-content (a preprint), dataset, report...
	Type      string `json:"type,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	// Abstract is the abstract as plain text; labelled sections (PubMed's
	// BACKGROUND:, METHODS:) begin a line each.
	Abstract string `json:"abstract,omitempty"`
	// FullText is the work's open-access full text as plain text (PubMed
	// Central's JATS body): one paragraph per line, a section heading on
	// a line of its own; empty when the registry has none to give.
	FullText string `json:"full_text,omitempty"`
	// PubTypes are the registry's publication types as it writes them
	// (PubMed's "Randomized Controlled Trial", "Retracted Publication").
	PubTypes []string `json:"pub_types,omitempty"`
	Updates  []Update `json:"updates,omitempty"`
	// UpdateTo is set on a notice (a retraction notice, an erratum): the
	// works it updates. Each Update's DOI is the updated work's, not the
	// notice's, so a reference citing the notice can be told what it
	// retracts or corrects.
	UpdateTo []Update `json:"update_to,omitempty"`
	// PublishedAs is the DOI of the published version of a preprint.
	PublishedAs string `json:"published_as,omitempty"`
	// Preprints are the DOIs of preprints of this work (Crossref's
	// has-preprint relation).
	Preprints []string `json:"preprints,omitempty"`
	// Retracted is set by registries that only flag it (OpenAlex's
	// is_retracted) with no notice to point at.
	Retracted bool `json:"retracted,omitempty"`
	// Score is the registry's own relevance score of a search candidate
	// (Crossref's score), comparable only within one search; zero for a
	// record looked up by identifier.
	Score float64 `json:"score,omitempty"`
}

// Errors a lookup returns besides a record.
var (
	// ErrNotFound: the registry answered, authoritatively, that it holds
	// no such work (Crossref's or doi.org's 404 for a DOI, PubMed's empty
	// answer for a PMID).
	ErrNotFound = errors.New("no such record")
	// ErrNotSupported: the registry cannot be asked this way (a search at
	// doi.org, a PMID at Crossref).
	ErrNotSupported = errors.New("not supported by this registry")
	// ErrMalformed: the registry answered that what it was asked by is no
	// identifier of its kind at all (doi.org's 400 "Not a DOI"). Such an
	// error also matches ErrNotFound, since no work has that identifier;
	// a caller that names and skips bad input tests ErrMalformed first.
	ErrMalformed = errors.New("malformed identifier")
)

// Unavailable is the error of a registry that could not be asked or gave
// no usable answer: offline, a timeout, 5xx, bot protection, garbage. A
// verdict built on it is "unknown", never "not found".
type Unavailable struct {
	Registry string
	Reason   string // "timed out", "HTTP 503", "offline: not in the cache"
	Err      error
}

func (e *Unavailable) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Registry, e.Reason, e.Err)
	}
	return e.Registry + ": " + e.Reason
}

func (e *Unavailable) Unwrap() error { return e.Err }

// IsUnavailable reports whether err says a registry could not be asked.
func IsUnavailable(err error) bool {
	var u *Unavailable
	return errors.As(err, &u)
}

// Registry is one service. Lookup asks by identifier and returns
// ErrNotFound, ErrNotSupported or an *Unavailable when it has no record.
// Search asks by a whole bibliographic string (a reference as written) and
// returns the service's best candidates, best first, unjudged: the caller
// accepts a hit only on its own thresholds.
type Registry interface {
	Name() string
	Lookup(ctx context.Context, id ID) (Record, error)
	Search(ctx context.Context, bibliographic string) ([]Record, error)
}

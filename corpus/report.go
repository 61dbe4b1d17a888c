package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// ReportSchema is the version of the report's shape, in JSON output and in
// the library. Fields may be added; none is ever renamed or removed without
// a new version.
const ReportSchema = 1

// Severity orders findings.
type Severity int

// The severities, least to most severe.
const (
	Info Severity = iota
	Warning
	Error
)

// Off is the severity of a silenced code: no finding reaches it, and
// findings with it are dropped.
const Off Severity = -1

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// MarshalText writes a severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity written by MarshalText, so that stored
// and baseline reports read back.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil || v > Error {
		return fmt.Errorf("unknown severity %q", b)
	}
	*s = v
	return nil
}

// SeverityNames are the names ParseSeverity reads, for flag help and
// settings: the three severities and "none", which no finding reaches.
var SeverityNames = []string{"info", "warning", "error", "none"}

// ParseSeverity reads "info", "warning", "error" or "none" (which no finding
// reaches: gate on nothing).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	case "none", "never":
		return Error + 1, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning, error or none)", s)
}

// ClaimStatus says whether a sentence is a claim and whether a citation
// supports it.
type ClaimStatus string

// The claim statuses.
const (
	Supported   ClaimStatus = "supported"
	Unsupported ClaimStatus = "unsupported"
	NotAClaim   ClaimStatus = "not-a-claim"
)

// CitationStatus says what a citation resolved to.
type CitationStatus string

// The citation statuses.
const (
	// Resolved: the citation names a reference of the library.
	Resolved CitationStatus = "resolved"
	// Dangling: the marker points at nothing (a number past the list, an
	// unknown key, an author and year no reference has).
	Dangling CitationStatus = "dangling"
	// Unmatched: the marker points at a list entry or footnote that matches
	// no library reference.
	Unmatched CitationStatus = "unmatched"
	// Note: a footnote of prose that cites its own sources. The checker
	// drops such links; no report holds one.
	Note CitationStatus = "note"
	// External: a link to a source outside the publication that is not in
	// the library. It supports the claim that holds it.
	External CitationStatus = "external"
)

// Counts reports whether a citation of this status supports its claim:
// it names a reference, a list entry or a source outside the article.
// It is the per-citation half of the one meaning of supported
// (support.go).
func (s CitationStatus) Counts() bool { return s == Resolved || s == Unmatched || s == External }

// Report is the result of checking one article.
type Report struct {
	Schema  int         `json:"schema"`
	Article ArticleInfo `json:"article"`
	// Verdict is the report in one line, most serious problem first
	// (check.Verdict); every format heads the article with it.
	Verdict    string    `json:"verdict,omitempty"`
	Claims     []Claim   `json:"claims"`
	References []ListRef `json:"references"`
	Findings   []Finding `json:"findings"`
	Summary    Summary   `json:"summary"`
	Style      string    `json:"style,omitempty"` // the article's dominant citation style
	Notes      []string  `json:"notes,omitempty"` // checks that could not run, and why
	// LinkSources are the sources the article links to, numbered L1, L2,
	// ... in order of first citation (the Cites of their citations).
	LinkSources []ListRef `json:"link_sources,omitempty"`
	// LinksSkipped are the article's hyperlinks that cite nothing (page
	// chrome, share buttons, its own site), each with the reason.
	LinksSkipped []SkippedLink `json:"links_skipped,omitempty"`
	// Verifications are, under 'check --verify', the verifications of the
	// library references the article cites with no entry of its list
	// (by key, by footnote); list entries and linked sources carry their
	// own.
	Verifications []Verification `json:"verifications,omitempty"`
}

// SkippedLink is a hyperlink of the article that is no citation.
type SkippedLink struct {
	URL    string   `json:"url"`
	Text   string   `json:"text"`
	Line   int      `json:"line"`
	Reason LinkSkip `json:"reason"`
}

// ArticleInfo names the checked article.
type ArticleInfo struct {
	Path   string `json:"path"`
	Format Format `json:"format"`
	Title  string `json:"title,omitempty"`
	// Positions is "paragraph" when every line of the report is the number
	// of a body paragraph (a Word document), and the claims, references and
	// findings carry it as Paragraph as well.
	Positions Positions `json:"positions,omitempty"`
}

// Claim is one sentence of the article with its citations.
type Claim struct {
	ID        string         `json:"id"`
	Line      int            `json:"line"`
	Col       int            `json:"col"`
	Paragraph int            `json:"paragraph,omitempty"` // Line, when the article's positions are paragraphs
	Kind      string         `json:"kind"`
	Section   string         `json:"section,omitempty"`
	Text      string         `json:"text"`
	Status    ClaimStatus    `json:"status"`
	Score     float64        `json:"score"`   // how check-worthy the sentence is, 0..1
	Reasons   []string       `json:"reasons"` // why the scorer judged so
	Citations []CitationLink `json:"citations"`
	// CoveredBy names the citations that support the claim: its own, or
	// under --scope paragraph those of a later sentence of its paragraph.
	CoveredBy *Coverage `json:"covered_by,omitempty"`
}

// Coverage says which citations support a claim.
type Coverage struct {
	Claim     string   `json:"claim"` // the sentence whose citations they are
	Keys      []string `json:"keys"`
	Inherited bool     `json:"inherited"` // from a later sentence of the paragraph
}

// CitationLink is one cited work of a marker and what it resolved to.
type CitationLink struct {
	Marker string         `json:"marker"`
	Kind   string         `json:"kind"`
	Cites  string         `json:"cites"` // the number, key or author-year the marker names
	Key    *string        `json:"key"`
	Status CitationStatus `json:"status"`
	By     string         `json:"by,omitempty"`
	Why    string         `json:"why,omitempty"`
	// For a hyperlink (Kind "link"): the address as written, what it
	// identifies, the kind of source (SourceScholarly, ...) and its text.
	// Cites is the label of its entry in the report's references (L1, ...).
	URL        string   `json:"url,omitempty"`
	IDs        *LinkIDs `json:"ids,omitempty"`
	SourceKind string   `json:"source_kind,omitempty"`
	Text       string   `json:"text,omitempty"`
	// Evidence is what the cited work's text says about the claim, when
	// the evidence stage ran and the citation resolved to a library work.
	Evidence *Evidence `json:"evidence,omitempty"`
}

// LinkKind is the Kind of a citation that is a hyperlink.
const LinkKind = "link"

// ListRef is one entry of the article's own reference list.
type ListRef struct {
	Label string `json:"label,omitempty"`
	Text  string `json:"text"`
	Line  int    `json:"line"`
	// URL is set for a source the article links to (Report.LinkSources):
	// Label is then L1, L2, ... and Text the link's text.
	URL string `json:"url,omitempty"`
	// Paragraph is Line when the article's positions are paragraphs.
	Paragraph int        `json:"paragraph,omitempty"`
	Key       *string    `json:"key"`
	Match     *MatchInfo `json:"match,omitempty"`
	Cited     bool       `json:"cited"`
	// Verification is what the registries said of the entry or linked
	// source ('check --verify').
	Verification *Verification `json:"verification,omitempty"`
}

// MatchInfo says how a list entry was tied to a library reference.
type MatchInfo struct {
	By         string  `json:"by"`
	Confidence float64 `json:"confidence"`
	Weak       bool    `json:"weak,omitempty"`
	Why        string  `json:"why,omitempty"`
}

// Finding is one problem, located in the article.
type Finding struct {
	// ID names the finding across edits of the article elsewhere
	// (SetFindingIDs): "uncited-claim:3fa9c1d2e0".
	ID       string   `json:"id"`
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Line     int      `json:"line"`
	// Paragraph is Line when the article's positions are paragraphs.
	Paragraph int    `json:"paragraph,omitempty"`
	Claim     string `json:"claim,omitempty"`
	Marker    string `json:"marker,omitempty"`
	Message   string `json:"message"`
	// Review is the editor's mark on the finding (evident review), when
	// the article is stored and the finding was marked.
	Review *Review `json:"review,omitempty"`
}

// Summary counts what the report holds.
type Summary struct {
	Sentences   int `json:"sentences"`
	Claims      int `json:"claims"`
	Supported   int `json:"supported"`
	Unsupported int `json:"unsupported"`
	Citations   int `json:"citations"`
	Resolved    int `json:"resolved"`
	Dangling    int `json:"dangling"`
	Unmatched   int `json:"unmatched"`
	External    int `json:"external"` // links to sources outside the library
	ListEntries int `json:"list_entries"`
	Uncited     int `json:"uncited_references"`
	Suppressed  int `json:"suppressed"` // findings silenced by evident:ignore comments
	// Reviewed counts the findings an editor has marked (evident review);
	// Errors, Warnings and Infos count the others.
	Reviewed int `json:"reviewed,omitempty"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Worst returns the highest severity among the findings no editor has
// marked reviewed, and false when there are none: what --fail-on gates on.
func (r *Report) Worst() (Severity, bool) {
	w, any := Info, false
	for _, f := range r.Findings {
		if f.Review != nil {
			continue
		}
		if !any || f.Severity > w {
			w = f.Severity
		}
		any = true
	}
	return w, any
}

// Keys returns the library keys the report's citations and reference list
// entries resolved to, sorted and without repeats.
func (r *Report) Keys() []string {
	seen := map[string]bool{}
	keys := []string{}
	add := func(k *string) {
		if k != nil && !seen[*k] {
			seen[*k] = true
			keys = append(keys, *k)
		}
	}
	for _, c := range r.Claims {
		for _, l := range c.Citations {
			add(l.Key)
		}
	}
	for _, e := range r.References {
		add(e.Key)
	}
	slices.Sort(keys)
	return keys
}

// Unresolved reports whether a citation or a reference list entry of the
// report resolved to no library reference (dangling, unmatched, weakly
// matched, or an identifier mismatch): a reference added later may be the
// one it lacked.
func (r *Report) Unresolved() bool {
	for _, c := range r.Claims {
		for _, l := range c.Citations {
			if l.Status != Resolved {
				return true
			}
		}
	}
	for _, e := range r.References {
		if e.Key == nil {
			return true
		}
	}
	return false
}

// FindingKey identifies a finding across revisions of the article: its
// code with the text of its sentence and its marker, or, for a finding of
// no sentence, its message; case, punctuation and digits left out. Used
// by baselines and by SARIF fingerprints.
func (r *Report) FindingKey(f Finding) string {
	text := ""
	if f.Claim != "" {
		for i := range r.Claims {
			if r.Claims[i].ID == f.Claim {
				text = r.Claims[i].Text
				break
			}
		}
	}
	return FindingKey(f.Code, f.Claim, text, f.Marker, f.Message)
}

// FindingKey is Report.FindingKey for a finding known by its parts, as a
// baseline file holds them.
func FindingKey(code, claim, text, marker, message string) string {
	if claim != "" && text != "" {
		return code + "\x00" + normaliseLetters(text) + "\x00" + normaliseLetters(marker)
	}
	return code + "\x00\x00" + normaliseLetters(message)
}

// normaliseLetters keeps the letters of s, lower-cased, with one space
// between runs of them.
func normaliseLetters(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// EncodeReport turns a report into the bytes the library keeps of it: JSON
// that carries its schema version. The library stores them as they are and
// never looks inside.
func EncodeReport(r *Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	// Sentences keep their <, > and & as written; escaping them would only
	// make the value longer.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// DecodeReport reads bytes written by EncodeReport. A report of a newer
// schema is refused rather than misread.
func DecodeReport(data []byte) (*Report, error) {
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("read report: %w", err)
	}
	if r.Schema > ReportSchema {
		return nil, fmt.Errorf("the report was written by a newer evident (report schema %d; this one reads up to %d)", r.Schema, ReportSchema)
	}
	// A report stored before findings had ids gets them as a fresh check
	// would give them, so that marks can name its findings.
	if slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.ID == "" }) {
		r.SetFindingIDs()
	}
	return &r, nil
}

// MarshalJSON writes the report with its link sources in references[]
// too, after the article's own list (each with its url and label L1, L2,
// ...), so a reader of references[] sees every source the article cites.
// link_sources still lists them alone. In memory References stays the
// article's own list, which the list rules (numbering, uncited entries,
// duplicates) read.
func (r *Report) MarshalJSON() ([]byte, error) {
	type plain Report
	out := plain(*r)
	if len(r.LinkSources) > 0 {
		out.References = append(append(make([]ListRef, 0, len(r.References)+len(r.LinkSources)), r.References...), r.LinkSources...)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // as EncodeReport: sentences keep their <, > and &
	if err := enc.Encode(&out); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads what MarshalJSON wrote: the entries of references[]
// that carry a url are link sources, kept in LinkSources only.
func (r *Report) UnmarshalJSON(data []byte) error {
	type plain Report
	var in plain
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	if len(in.LinkSources) > 0 {
		own := in.References[:0:0]
		for _, e := range in.References {
			if e.URL == "" {
				own = append(own, e)
			}
		}
		if in.References != nil && own == nil {
			own = []ListRef{}
		}
		in.References = own
	}
	*r = Report(in)
	return nil
}

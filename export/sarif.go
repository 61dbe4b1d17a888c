package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// SARIF 2.1.0 (OASIS), as far as code-scanning services read it: one run
// of one tool, its rules, and a result per finding located by file and
// line. Written by hand with encoding/json: the format needs a handful of
// structs, not a library.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// sarifFingerprint names the partial fingerprint evident writes: a hash
	// of what identifies a finding across revisions (corpus.Report.FindingKey),
	// so that a service tracks a finding as lines move.
	sarifFingerprint = "evidentFinding/v1"
)

// ruleDescriptions are the short descriptions of the finding codes.
var ruleDescriptions = map[string]string{
	check.CodeUncitedClaim:         "A check-worthy claim has no citation that resolves to a reference.",
	check.CodeDanglingCitation:     "A citation marker resolves to no reference.",
	check.CodeUnmatchedReference:   "A reference-list entry matches nothing in the library.",
	check.CodeUncitedReference:     "A reference-list entry is never cited in the text.",
	check.CodeIdentifierMismatch:   "A reference's DOI or PMID belongs to a different work, in the library or in the registries.",
	check.CodeDuplicateReference:   "The reference list holds the same work twice.",
	check.CodeOutOfOrder:           "A number is first cited out of turn in a list numbered by order of citation.",
	check.CodeIncompleteReference:  "A cited reference lacks an author, a year, a title or any identifier or locator.",
	check.CodeUnsupportedBySource:  "The cited work's abstract or full text does not bear on the claim: a wrong or padded citation. weak-support, the old title-based check, is accepted as a name for it in settings and evident:ignore comments.",
	check.CodeContradictedBySource: "A passage of the cited work states the opposite direction, no effect, or another number than the claim.",
	check.CodeOverstated:           "A causal or certain claim (causes, prevents, proves) cites only observational, animal, in-vitro or case-report evidence.",
	check.CodeNoSourceText:         "The library holds only the title of a cited work, so claims citing it were not checked against its text.",
	check.CodeRetracted:            "A cited work has been retracted (or reinstated after a retraction).",
	check.CodeExpressionOfConcern:  "A cited work has received an expression of concern.",
	check.CodeCorrected:            "A cited work has been corrected.",
	check.CodeNotFound:             "No registry holds a record of a cited work (check --verify).",
	check.CodeMetadataMismatch:     "A cited work's title, authors, year, venue, volume or pages differ from its registry record (check --verify).",
	check.CodePreprintSuperseded:   "A cited preprint has since been published (check --verify).",
	check.CodeUnverified:           "A cited work could not be verified: no registry could be asked (check --verify).",
	check.CodeStale:                "A cited work is older than the configured maximum age.",
	check.CodeHomepageLink:         "A claim's only links point at a site's home page or a section front, which is not evidence.",
	check.CodeEmptyRefList:         "Numbered citations point nowhere because the reference list under its heading is empty.",
	check.CodeMissingRefList:       "Numbered citations point nowhere because the article has no reference list.",
	check.CodeSecondarySource:      "A claim's only source is another outlet's news story rather than the study it reports.",
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// Artifacts are the articles, each described by its verdict, the one
	// line that heads an article in every format.
	Artifacts   []sarifArtifactDesc `json:"artifacts,omitempty"`
	Invocations []sarifInvocation   `json:"invocations,omitempty"`
	Results     []sarifResult       `json:"results"`
}

// sarifInvocation carries the reports' notes (a check that could not run, a
// file read with a warning) as tool execution notifications, which code
// scanning services show beside the results.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name,omitempty"`
	ShortDescription     sarifMessage  `json:"shortDescription"`
	DefaultConfiguration *sarifDefault `json:"defaultConfiguration,omitempty"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// Suppressions carry an editor's mark (evident review): SARIF's way of
	// saying a result was looked at and set aside, which code-scanning
	// services show as dismissed.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	Properties   *sarifProperties   `json:"properties,omitempty"`
}

// sarifSuppression is a result's suppression made outside the article
// (kind "external"): the mark, accepted, with its note as justification.
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// sarifProperties are evident's own result properties: the finding id,
// and the mark's verdict, author and time.
type sarifProperties struct {
	FindingID string         `json:"evidentFindingId,omitempty"`
	Review    *corpus.Review `json:"evidentReview,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifactDesc struct {
	Location    sarifArtifact `json:"location"`
	Description sarifMessage  `json:"description"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int `json:"startLine"`
}

// CheckSARIF writes the reports as one SARIF 2.1.0 log, for code-scanning
// services (GitHub, GitLab, Azure DevOps) that show findings on the lines
// of a pull request. version is evident's version, for the tool driver.
func CheckSARIF(w io.Writer, reps []*corpus.Report, version string) error {
	codes := check.Codes()
	for _, rep := range reps {
		for _, f := range rep.Findings {
			if !slices.Contains(codes, f.Code) {
				codes = append(codes, f.Code)
			}
		}
	}
	index := make(map[string]int, len(codes))
	rules := make([]sarifRule, len(codes))
	for i, code := range codes {
		index[code] = i
		desc := ruleDescriptions[code]
		if desc == "" {
			desc = "evident finding " + code + "."
		}
		rules[i] = sarifRule{ID: code, Name: ruleName(code), ShortDescription: sarifMessage{Text: desc}}
		if sev, ok := check.DefaultSeverity(code); ok {
			rules[i].DefaultConfiguration = &sarifDefault{Level: sarifLevel(sev)}
		}
	}
	results := []sarifResult{}
	for _, rep := range reps {
		uri := artifactURI(rep.Article.Path)
		for _, f := range rep.Findings {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}
			if f.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: f.Line}
			}
			sum := sha256.Sum256([]byte(rep.Article.Path + "\x00" + rep.FindingKey(f)))
			res := sarifResult{
				RuleID:              f.Code,
				RuleIndex:           index[f.Code],
				Level:               sarifLevel(f.Severity),
				Message:             sarifMessage{Text: withParagraph(rep, f)},
				Locations:           []sarifLocation{loc},
				PartialFingerprints: map[string]string{sarifFingerprint: hex.EncodeToString(sum[:16])},
			}
			if f.ID != "" || f.Review != nil {
				res.Properties = &sarifProperties{FindingID: f.ID, Review: f.Review}
			}
			if f.Review != nil {
				why := f.Review.Note
				if why == "" {
					why = "reviewed " + f.Review.Summary()
				}
				res.Suppressions = []sarifSuppression{{Kind: "external", Status: "accepted", Justification: why}}
			}
			results = append(results, res)
		}
	}
	var notes []sarifNotification
	for _, rep := range reps {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: artifactURI(rep.Article.Path)}}}
		for _, n := range rep.Notes {
			notes = append(notes, sarifNotification{Level: "note", Message: sarifMessage{Text: n}, Locations: []sarifLocation{loc}})
		}
	}
	artifacts := make([]sarifArtifactDesc, len(reps))
	for i, rep := range reps {
		artifacts[i] = sarifArtifactDesc{Location: sarifArtifact{URI: artifactURI(rep.Article.Path)}, Description: sarifMessage{Text: verdictOf(rep)}}
	}
	var invocations []sarifInvocation
	if len(notes) > 0 {
		invocations = []sarifInvocation{{ExecutionSuccessful: true, Notifications: notes}}
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "evident",
				Version:        version,
				InformationURI: "https://github.com/evident-tools/evident",
				Rules:          rules,
			}},
			Artifacts:   artifacts,
			Invocations: invocations,
			Results:     results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifLevel(s corpus.Severity) string {
	switch s {
	case corpus.Error:
		return "error"
	case corpus.Warning:
		return "warning"
	}
	return "note"
}

// ruleName is a code in the PascalCase SARIF viewers show: UncitedClaim.
func ruleName(code string) string {
	var b strings.Builder
	for _, part := range strings.Split(code, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// artifactURI turns an article path into a URI reference: a relative path
// stays relative (services resolve it against the repository root),
// slash-separated and percent-encoded; an absolute path becomes a file URI.
func artifactURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

package corpus

// Verification is what the scholarly registries said of one cited work
// ('check --verify'): a list entry's, a linked source's or a library
// reference's. It is the small part of a verification a report keeps;
// 'evident verify' writes the whole of it. JSON names are a contract.
type Verification struct {
	// Key is the library reference verified; empty for a list entry
	// verified by its text or a link by its identifiers.
	Key string `json:"key,omitempty"`
	// Verdict is verify's verdict: verified, mismatch, wrong-identifier,
	// not-found or unknown.
	Verdict     string             `json:"verdict"`
	Differences []VerifyDifference `json:"differences,omitempty"`
	Updates     []VerifyNotice     `json:"updates,omitempty"`
	Record      *VerifiedRecord    `json:"record,omitempty"`
	Message     string             `json:"message,omitempty"`
}

// The verdicts of a Verification, as package verify gives them.
const (
	VerdictVerified        = "verified"
	VerdictMismatch        = "mismatch"
	VerdictWrongIdentifier = "wrong-identifier"
	VerdictNotFound        = "not-found"
	VerdictUnknown         = "unknown"
)

// VerifyDifference is one field where a work and its record disagree.
type VerifyDifference struct {
	Field  string `json:"field"`
	Ours   string `json:"ours"`
	Record string `json:"record"`
}

// VerifyNotice is a notice about a work: a retraction, a correction, an
// expression of concern, a withdrawal, a reinstatement.
type VerifyNotice struct {
	Type   string `json:"type"`
	DOI    string `json:"doi,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
}

// VerifiedRecord names the record a work was verified against.
type VerifiedRecord struct {
	Registry string `json:"registry"`
	DOI      string `json:"doi,omitempty"`
	PMID     string `json:"pmid,omitempty"`
	Title    string `json:"title,omitempty"`
	Year     int    `json:"year,omitempty"`
	URL      string `json:"url,omitempty"`
	// PublishedAs is the DOI of the published version of a preprint.
	PublishedAs string `json:"published_as,omitempty"`
}

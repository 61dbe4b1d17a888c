package corpus

// Suppression is an evident:ignore comment of an article: the findings of
// the first sentence (or reference-list entry) at or after Line are not
// reported, all of them or only those with the listed codes.
type Suppression struct {
	Line  int      `json:"line"`
	Codes []string `json:"codes,omitempty"` // empty = every code
}

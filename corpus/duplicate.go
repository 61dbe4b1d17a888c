package corpus

// Works looks references up by what makes two entries the same work. The
// library's store and an in-memory set of entries both answer it, so that an
// import and a one-shot check against BibTeX files agree on duplicates.
type Works interface {
	// KeyByDOI returns the key of a reference with the normalised DOI, or "".
	KeyByDOI(doi string) string
	// KeyByFingerprint returns the key of a reference whose Fingerprint is
	// fp, or "".
	KeyByFingerprint(fp string) string
	// Get returns the reference under key.
	Get(key string) (*Reference, error)
}

// DuplicateReason says how DuplicateOf knows two entries are one work.
type DuplicateReason string

// The reasons DuplicateOf gives.
const (
	SameDOI         DuplicateReason = "same DOI"
	SameFingerprint DuplicateReason = "same title, year and first author"
)

// DuplicateOf returns the key of the reference in works that r is the same
// work as, and why (SameDOI or SameFingerprint); "" when there is none. The
// same DOI is the same work. The same title, year and first author is the
// same work too, unless both carry DOIs and they differ (a corrigendum, a
// reprint in another journal).
func DuplicateOf(r *Reference, works Works) (key string, why DuplicateReason) {
	if r.IDs.DOI != "" {
		if k := works.KeyByDOI(r.IDs.DOI); k != "" {
			return k, SameDOI
		}
	}
	k := works.KeyByFingerprint(Fingerprint(r))
	if k == "" {
		return "", ""
	}
	if r.IDs.DOI != "" {
		if stored, err := works.Get(k); err == nil && stored.IDs.DOI != "" && stored.IDs.DOI != r.IDs.DOI {
			return "", ""
		}
	}
	return k, SameFingerprint
}

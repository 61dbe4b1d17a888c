package corpus

import "strings"

// AuthorLabel names a work by its authors as an author-date citation does,
// following APA's rule for citations in the text: one author by family
// name ("Smith"), two joined by an ampersand ("Smith & Jones"), three or
// more by the first and "et al." ("Smith et al."). A list that ends in "and
// others" (etAl) has more authors than it names, so it always takes et
// al. Every place that shows a work's authors in short (the refs listing,
// the report's reference labels, the resolver's messages) uses this one
// rule, so a work is called the same everywhere. No names give "".
func AuthorLabel(families []string, etAl bool) string {
	if len(families) == 0 {
		return ""
	}
	first := strings.TrimSpace(families[0])
	switch {
	case etAl || len(families) > 2:
		return first + " et al."
	case len(families) == 2:
		return first + " & " + strings.TrimSpace(families[1])
	}
	return first
}

// AuthorLabel is the reference's short author label (see the function
// AuthorLabel): by its authors, or by its editors when it has none, as an
// edited book is cited.
func (r *Reference) AuthorLabel() string {
	names, etAl := r.Authors, r.AuthorsEtAl
	if len(names) == 0 {
		names, etAl = r.Editors, false
	}
	families := make([]string, len(names))
	for i, n := range names {
		families[i] = n.Family()
	}
	return AuthorLabel(families, etAl)
}

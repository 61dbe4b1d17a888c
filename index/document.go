package index

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// refID is the document ID of the reference with key.
func refID(key string) string {
	return typeRef + ":" + key
}

// refDocument returns what the index keeps of a reference: the fields of
// refMapping, and only those that have a value, so that an absent DOI is not
// indexed as an empty term shared by half the library.
func refDocument(r *corpus.Reference) map[string]any {
	d := map[string]any{
		fieldType: typeRef,
		fieldKey:  r.Key,
	}
	set := func(field, value string) {
		if value = strings.TrimSpace(value); value != "" {
			d[field] = value
		}
	}
	set(fieldTitle, r.Title)
	set(fieldVenue, r.Venue)
	set(fieldEntryType, r.Type)
	abstract, _ := r.Get("abstract")
	set(fieldAbstract, abstract)
	keywords, _ := r.Get("keywords")
	set(fieldKeywords, keywords)
	set(fieldDOI, r.IDs.DOI)
	set(fieldPMID, r.IDs.PMID)
	set(fieldPMCID, r.IDs.PMCID)
	set(fieldArXiv, r.IDs.ArXiv)
	set(fieldISBN, r.IDs.ISBN)

	if names := names(r); len(names) > 0 {
		d[fieldAuthors] = names
	}
	if tags := tags(r); len(tags) > 0 {
		d[fieldTags] = tags
	}
	if r.Year != 0 {
		d[fieldYear] = r.Year
	}
	if !r.Added.IsZero() {
		d[fieldAdded] = r.Added
	}
	return d
}

// names returns every author and editor in reading order. Each name is its
// own array element, so a phrase query cannot run from one name into the next.
func names(r *corpus.Reference) []string {
	var out []string
	for _, list := range [][]corpus.Name{r.Authors, r.Editors} {
		for _, n := range list {
			if s := n.String(); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// tags returns the reference's groups (JabRef) and tags, split on commas and
// semicolons, the separators reference managers write.
func tags(r *corpus.Reference) []string {
	var out []string
	for _, field := range []string{"groups", "tags"} {
		v, ok := r.Get(field)
		if !ok {
			continue
		}
		for _, t := range strings.FieldsFunc(v, func(c rune) bool { return c == ',' || c == ';' }) {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

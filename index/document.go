package index

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
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
	set(fieldVenueFacet, r.Venue)
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
	family, given := nameParts(r)
	if len(family) > 0 {
		d[fieldFamily] = family
	}
	if len(given) > 0 {
		d[fieldGiven] = given
	}
	set(fieldByline, r.AuthorLabel())
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

// nameParts returns the family names (with von and Jr., or an
// organisation's whole name) and the given names or initials of every author
// and editor, one element per person.
func nameParts(r *corpus.Reference) (family, given []string) {
	for _, list := range [][]corpus.Name{r.Authors, r.Editors} {
		for _, n := range list {
			f := n.Family()
			if n.Jr != "" {
				f += " " + n.Jr
			}
			if f = strings.TrimSpace(f); f != "" {
				family = append(family, f)
			}
			if g := strings.TrimSpace(n.First); g != "" && n.Literal == "" {
				given = append(given, g)
			}
		}
	}
	return family, given
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

// claimPrefix begins the ID of every claim of the article with articleID.
// The article ID may hold any character but is followed by "#", and claim
// IDs ("c12") hold none, so the last "#" ends it.
func claimPrefix(articleID string) string {
	return typeClaim + ":" + articleID + "#"
}

// claimID is the document ID of claim c of the article with articleID.
func claimID(articleID, c string) string {
	return claimPrefix(articleID) + c
}

// claimDocuments returns the documents of every sentence of a's last report,
// claims or not (status tells them apart), by document ID.
func claimDocuments(a *store.Article) (map[string]map[string]any, error) {
	if len(a.Report) == 0 {
		return nil, nil
	}
	rep, err := corpus.DecodeReport(a.Report)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	codes := map[string][]string{}
	for _, f := range rep.Findings {
		if f.Claim != "" && !slices.Contains(codes[f.Claim], f.Code) {
			codes[f.Claim] = append(codes[f.Claim], f.Code)
		}
	}
	docs := make(map[string]map[string]any, len(rep.Claims))
	for i := range rep.Claims {
		c := &rep.Claims[i]
		if c.ID == "" || strings.TrimSpace(c.Text) == "" {
			continue
		}
		docs[claimID(a.ID, c.ID)] = claimDocument(a, rep, c, codes[c.ID])
	}
	return docs, nil
}

// claimDocument returns what the index keeps of one claim: the fields of
// claimMapping that have a value.
func claimDocument(a *store.Article, rep *corpus.Report, c *corpus.Claim, codes []string) map[string]any {
	d := map[string]any{
		fieldType:    typeClaim,
		fieldText:    c.Text,
		fieldArticle: a.ID,
		fieldClaim:   c.ID,
		fieldLine:    c.Line,
	}
	set := func(field, value string) {
		if value = strings.TrimSpace(value); value != "" {
			d[field] = value
		}
	}
	title := a.Title
	if title == "" {
		title = rep.Article.Title
	}
	set(fieldArticleTitle, title)
	set(fieldSection, c.Section)
	set(fieldStatus, string(c.Status))
	var cites []string
	for _, l := range c.Citations {
		if l.Key != nil && *l.Key != "" && !slices.Contains(cites, *l.Key) {
			cites = append(cites, *l.Key)
		}
	}
	if len(cites) > 0 {
		d[fieldCites] = cites
	}
	if len(codes) > 0 {
		d[fieldCodes] = codes
	}
	if !a.Checked.IsZero() {
		d[fieldAdded] = a.Checked
	}
	return d
}

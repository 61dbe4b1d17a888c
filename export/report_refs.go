package export

import (
	"strconv"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export/csl"
	"github.com/evident-tools/evident/export/style"
)

// ReportReferences formats, in the style, the library references the
// reports' citations and reference lists matched, for the HTML report. The
// label names each work as an author-date citation would ("Williams et al.
// 2014a", with the style's year suffix), or by its number in a numeric style.
func ReportReferences(st *style.Style, reports []*corpus.Report, library []*corpus.Reference) ([]FormattedRef, error) {
	byKey := make(map[string]*corpus.Reference, len(library))
	for _, r := range library {
		byKey[r.Key] = r
	}
	var items []csl.Item
	seen := map[string]bool{}
	add := func(k *string) {
		if k == nil || seen[*k] || byKey[*k] == nil {
			return
		}
		seen[*k] = true
		items = append(items, csl.FromReference(byKey[*k]))
	}
	for _, rep := range reports {
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				add(l.Key)
			}
		}
		for _, e := range rep.References {
			add(e.Key)
		}
	}
	byID := make(map[string]*csl.Item, len(items))
	for i := range items {
		byID[items[i].ID] = &items[i]
	}
	entries, err := st.Format(items)
	if err != nil {
		return nil, err
	}
	out := make([]FormattedRef, 0, len(entries))
	for _, e := range entries {
		label := e.Label
		if label == "" {
			label = citeLabel(byKey[e.Key], byID[e.Key], st.YearSuffix(e))
		}
		out = append(out, FormattedRef{Key: e.Key, Label: label, HTML: st.HTMLBody(e)})
	}
	return out, nil
}

// citeLabel names a work the way an author-date citation does: its
// short author label (corpus.AuthorLabel) and year, with the style's
// suffix ("Williams et al. 2014a").
func citeLabel(r *corpus.Reference, it *csl.Item, suffix string) string {
	year := "n.d."
	if y := it.Issued.Year(); y > 0 {
		year = strconv.Itoa(y)
	}
	year += suffix
	if who := r.AuthorLabel(); who != "" {
		return who + " " + year
	}
	return year
}

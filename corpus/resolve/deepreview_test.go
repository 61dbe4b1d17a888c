package resolve

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// corporaDir returns the shared corpora, or skips the test.
func corporaDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s: %v", dir, err)
	}
	return dir
}

// cslItem is the part of a CSL-JSON item the converter reads.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title"`
	ContainerTitle string    `json:"container-title"`
	DOI            string    `json:"DOI"`
	PMID           string    `json:"PMID"`
	PMCID          string    `json:"PMCID"`
	URL            string    `json:"URL"`
	ISBN           string    `json:"ISBN"`
	Author         []cslName `json:"author"`
	Issued         struct {
		DateParts [][]any `json:"date-parts"`
	} `json:"issued"`
}

type cslName struct {
	Family           string `json:"family"`
	Given            string `json:"given"`
	Literal          string `json:"literal"`
	DroppingParticle string `json:"dropping-particle"`
	NonDropping      string `json:"non-dropping-particle"`
}

// cslReference converts a CSL-JSON item into a library reference
// directly, as an importer would: names by part, the year of "issued",
// identifiers normalised. A literal that is not an organisation's name
// ("Chiyuan Zhang", as Manubot writes some arXiv authors) is split the
// BibTeX way.
func cslReference(it cslItem) *corpus.Reference {
	r := &corpus.Reference{Key: it.ID, Type: it.Type, Title: it.Title, Venue: it.ContainerTitle}
	for _, a := range it.Author {
		switch {
		case a.Literal != "" && isCorporate(a.Literal):
			r.Authors = append(r.Authors, corpus.Name{Literal: a.Literal})
		case a.Literal != "":
			names, _ := bibtex.ParseNames(a.Literal)
			r.Authors = append(r.Authors, names...)
		default:
			von := strings.TrimSpace(a.NonDropping + " " + a.DroppingParticle)
			r.Authors = append(r.Authors, corpus.Name{First: a.Given, Von: von, Last: a.Family})
		}
	}
	if dp := it.Issued.DateParts; len(dp) > 0 && len(dp[0]) > 0 {
		switch y := dp[0][0].(type) {
		case float64:
			r.Year = int(y)
		case string:
			r.Year = corpus.ParseYear(y)
		}
	}
	r.IDs = corpus.Identifiers{
		DOI:   corpus.NormalizeDOI(it.DOI),
		PMID:  corpus.NormalizePMID(it.PMID),
		PMCID: corpus.NormalizePMCID(it.PMCID),
		ISBN:  corpus.NormalizeISBN(it.ISBN),
		URL:   corpus.NormalizeURL(it.URL),
	}
	if strings.Contains(it.URL, "arxiv.org") {
		r.IDs.ArXiv = corpus.NormalizeArXiv(it.URL)
	}
	return r
}

func loadDeepReview(t *testing.T) (refs []*corpus.Reference, entries map[string]string, order []string) {
	dir := filepath.Join(corporaDir(t), "articles", "deep-review", "output")
	data, err := os.ReadFile(filepath.Join(dir, "references.json"))
	if err != nil {
		t.Skipf("deep-review references.json not available: %v", err)
	}
	var items []cslItem
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatalf("references.json: %v", err)
	}
	for _, it := range items {
		refs = append(refs, cslReference(it))
	}
	page, err := os.ReadFile(filepath.Join(dir, "manuscript.html"))
	if err != nil {
		t.Skipf("deep-review manuscript.html not available: %v", err)
	}
	// manuscript.md keeps the citation tags but not the formatted list;
	// the built HTML holds the list, one <div id="ref-KEY"> per work.
	entries = map[string]string{}
	for _, m := range reRefDiv.FindAllStringSubmatch(string(page), -1) {
		entries[m[1]] = m[2]
		order = append(order, m[1])
	}
	if len(entries) < 500 {
		t.Fatalf("manuscript.html: %d reference entries, want the whole list", len(entries))
	}
	return refs, entries, order
}

var (
	reRefDiv  = regexp.MustCompile(`(?s)<div id="ref-([^"]+)">\s*(.*?)</div>`)
	reAnchor  = regexp.MustCompile(`(?s)<a\b[^>]*>.*?</a>`)
	reIDLabel = regexp.MustCompile(`(?:DOI|PMID|PMCID):|·`)
)

// TestDeepReview_ReferenceList matches every entry of the deep-review
// manuscript's formatted reference list (Manubot's HTML, as printed) to a
// library built from its references.json: as printed; with every
// identifier and link removed, so that only title, authors and year are
// left; and with the line breaks between title, authors and venue removed
// as well.
func TestDeepReview_ReferenceList(t *testing.T) {
	refs, entries, order := loadDeepReview(t)
	lib := NewLibrary(refs)
	fingerprint := map[string]string{}
	for _, r := range refs {
		fingerprint[r.Key] = corpus.Fingerprint(r)
	}
	for _, variant := range []struct {
		name    string
		strip   bool
		flat    bool
		minRate float64
	}{
		{"as printed", false, false, 0.99},
		{"identifiers removed", true, false, 0.98},
		{"identifiers and line breaks removed", true, true, 0.95},
	} {
		right, same, weak, wrong, none := 0, 0, 0, 0, 0
		var wrongs, nones []string
		for _, key := range order {
			text := entries[key]
			if variant.strip {
				text = reIDLabel.ReplaceAllString(reAnchor.ReplaceAllString(text, ""), "")
			}
			if variant.flat {
				// What a reader that drops block structure gives.
				text = strings.Join(cleanLines(text), " ")
			}
			m, _ := lib.MatchEntry(text)
			switch {
			case m.Key == key:
				right++
				if m.Weak {
					weak++
				}
			case m.Key != "" && fingerprint[m.Key] != "" && fingerprint[m.Key] == fingerprint[key]:
				// Two items of references.json for one work (a
				// preprint and its journal version under one title).
				same++
			case m.Key == "":
				none++
				nones = append(nones, fmt.Sprintf("%s: %.80q", key, ParseEntry(text).Title))
			default:
				wrong++
				wrongs = append(wrongs, fmt.Sprintf("%s → %s (%.2f, weak=%v): %s", key, m.Key, m.Confidence, m.Weak, m.Why))
			}
		}
		n := len(order)
		rate := float64(right+same) / float64(n)
		t.Logf("%s: %d/%d matched correctly (%.1f%%; %d of them weak, %d to a duplicate item), %d wrong, %d unmatched",
			variant.name, right+same, n, 100*rate, weak, same, wrong, none)
		for _, w := range wrongs {
			t.Logf("  wrong: %s", w)
		}
		for i, w := range nones {
			if i == 15 {
				t.Logf("  … %d more unmatched", len(nones)-i)
				break
			}
			t.Logf("  unmatched: %s", w)
		}
		if rate < variant.minRate {
			t.Errorf("%s: %.1f%% matched correctly, want at least %.0f%%", variant.name, 100*rate, 100*variant.minRate)
		}
	}
}

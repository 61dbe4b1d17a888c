package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/store/storetest"
)

// decodedLibrary is a stored library of n references, "ref0"…, each with
// a DOI, a title, an author and an abstract (so that each has a stored
// text), one in a hundred by one author in one year ("Smith 2019").
func decodedLibrary(t *testing.T, n int) *store.Store {
	t.Helper()
	var refs []*corpus.Reference
	for i := range n {
		family, year := fmt.Sprintf("Author%d", i), 1900+i%100
		if i%100 == 0 {
			family, year = "Smith", 2019
		}
		refs = append(refs, &corpus.Reference{
			Key:     fmt.Sprintf("ref%d", i),
			Type:    "article",
			Title:   fmt.Sprintf("Exercise number %d and the treatment of chronic back pain in adults", i),
			Authors: []corpus.Name{{First: "Ann", Last: family}},
			Year:    year,
			IDs:     corpus.Identifiers{DOI: fmt.Sprintf("10.1000/test.%d", i)},
			Fields: []corpus.Field{{Name: "abstract", Value: fmt.Sprintf(
				"Exercise reduced pain in trial %d. Adults who exercised reported less pain at twelve weeks.", i)}},
		})
	}
	return storetest.Filled(t, refs)
}

// TestCheck_ThroughIndexesDecodesOnlyWhatCitationsName checks an article
// as 'check', 'add' and 'suggest' do (the library's indexes and its
// stored texts) and counts the references the store decodes: those its
// citations could name, never the library. Its citations are by key, by
// DOI, a misspelt key (a "did you mean") and an author-year citation of
// a name and year that 30 works share, which are all read: whether the
// citation is ambiguous, and which titles it could mean, is a question
// about each of them.
func TestCheck_ThroughIndexesDecodesOnlyWhatCitationsName(t *testing.T) {
	const n = 3000
	st := decodedLibrary(t, n)
	ix, err := FromIndex(st)
	if err != nil || ix == nil {
		t.Fatalf("FromIndex: %v, %v", ix, err)
	}
	text := "# Back pain\n\n" +
		"Exercise reduced pain in adults [@ref17]. Adults who exercised reported less pain [@doi:10.1000/test.42].\n\n" +
		"Exercise helps adults with chronic back pain [@ref171x].\n\n" +
		"Trials agree that exercise reduces pain (Smith, 2019).\n"
	tests := []struct {
		name string
		o    Options
	}{
		{"check and add (stored texts)", Options{Library: ix, Texts: st}},
		{"without stored texts", Options{Library: ix}},
	}
	// The counter counts: the library read whole is every reference.
	before := st.Decoded()
	if _, err := FromStore(st); err != nil {
		t.Fatal(err)
	}
	if got := st.Decoded() - before; got != n {
		t.Fatalf("FromStore decoded %d references, want %d", got, n)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := st.Decoded()
			got, err := CheckAll(context.Background(), []Input{{Path: "a.md", Data: []byte(text)}}, nil, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			decoded := st.Decoded() - before
			resolved := map[string]bool{}
			for _, cl := range got[0].Report.Claims {
				for _, c := range cl.Citations {
					if c.Key != nil {
						resolved[*c.Key] = true
					}
				}
			}
			for _, k := range []string{"ref17", "ref42"} {
				if !resolved[k] {
					t.Errorf("citation of %s did not resolve: %v", k, resolved)
				}
			}
			// The two cited works and the 30 Smith 2019s; a few
			// more is what matching may score.
			if decoded > 40 {
				t.Errorf("the check decoded %d of %d references: it reads the library", decoded, n)
			}
			t.Logf("%d references decoded of %d", decoded, n)
		})
	}
}

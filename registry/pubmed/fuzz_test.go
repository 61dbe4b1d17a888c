package pubmed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/evident-tools/evident/registry"
)

// answerError asserts that a parser's error says either "no such record"
// or "could not ask": nothing else may leave a registry client.
func answerError(t *testing.T, err error) {
	t.Helper()
	if err != nil && !errors.Is(err, registry.ErrNotFound) && !errors.Is(err, registry.ErrNotSupported) && !registry.IsUnavailable(err) {
		t.Fatalf("error %v is neither not-found nor unavailable", err)
	}
}

func seedFiles(f *testing.F, names ...string) {
	for _, n := range names {
		if data, err := os.ReadFile(filepath.Join("testdata", n)); err == nil {
			f.Add(data)
		}
	}
}

func FuzzParseEfetch(f *testing.F) {
	seedFiles(f, "pubmed1.xml", "35649368.xml", "wakefield-9500320.xml", "esummary1.xml")
	f.Add([]byte(`<eFetchResult><ERROR>ID list is empty! Possibly it has no correct IDs.</ERROR></eFetchResult>`))
	f.Add([]byte(`<PubmedArticleSet></PubmedArticleSet>`))
	f.Add([]byte(`<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><Journal><JournalIssue><PubDate><MedlineDate>1998 Dec</MedlineDate></PubDate></JournalIssue></Journal><ArticleTitle>x</ArticleTitle></Article><CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>J. 2010 Feb 31;doi: 10.1/x</RefSource></CommentsCorrections></CommentsCorrectionsList></MedlineCitation></PubmedArticle>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		arts, err := parseEfetch(body)
		answerError(t, err)
		if err == nil && len(arts) == 0 {
			t.Fatal("no article and no error")
		}
		for _, a := range arts {
			rec := record(a)
			if rec.Registry != "pubmed" || rec.Year < 0 || rec.Month < 0 || rec.Month > 12 {
				t.Fatalf("record %+v", rec)
			}
			for _, u := range rec.Updates {
				if u.Source != "pubmed" || (u.Type != registry.Retraction && u.Type != registry.Correction && u.Type != registry.ExpressionOfConcern) {
					t.Fatalf("update %+v", u)
				}
				if d := u.Date; d != "" && len(d) != 4 && len(d) != 7 && len(d) != 10 {
					t.Fatalf("notice date %q is not YYYY, YYYY-MM or YYYY-MM-DD", d)
				}
			}
		}
	})
}

func FuzzParseEsearch(f *testing.F) {
	seedFiles(f, "esearch1.xml", "esearch8.xml", "esummary1.xml")
	f.Add([]byte(`<eSearchResult><ERROR>Search Backend failed</ERROR></eSearchResult>`))
	f.Add([]byte(`<eSearchResult><Count>2</Count><IdList><Id> 12 </Id><Id>x</Id></IdList></eSearchResult>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ids, err := parseEsearch(body)
		answerError(t, err)
		if len(ids) > maxCandidates {
			t.Fatalf("%d ids, more than %d", len(ids), maxCandidates)
		}
		for _, id := range ids {
			if id == "" || strings.Trim(id, "0123456789") != "" {
				t.Fatalf("id %q is not a PMID", id)
			}
		}
	})
}

func FuzzParseIDConv(f *testing.F) {
	f.Add([]byte(`{"status":"ok","records":[{"pmcid":"PMC2883744","pmid":"20495566","doi":"10.1038/ng.590"}]}`))
	f.Add([]byte(`{"status":"ok","records":[{"pmcid":"PMC1","pmid":20495566.7}]}`))
	f.Add([]byte(`{"status":"ok","records":[{"pmcid":"PMC9","status":"error","errmsg":"invalid article id"}]}`))
	f.Add([]byte(`{"status":"error","message":"bad"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ids, err := parseIDConv(body)
		answerError(t, err)
		if err == nil && ids.PMID == "" && ids.PMCID == "" && ids.DOI == "" {
			t.Fatal("no id and no error")
		}
		if strings.Trim(ids.PMID, "0123456789") != "" {
			t.Fatalf("PMID %q", ids.PMID)
		}
	})
}

func FuzzSearchTerms(f *testing.F) {
	for _, s := range []string{
		"O'Byrne PM, FitzGerald JM, et al. Inhaled combined budesonide-formoterol as needed in mild asthma. N Engl J Med. 2018;378(20):1865-1876.",
		`Roe J. Vaccines AND autism: NOT (linked) "[review]"? J Test. 2001.`,
		"O’Byrne, P. M. (2018). “Quoted title here.” doi:10.1/x",
		"‘ ’ “ . ? ! \x00 \xff",
	} {
		f.Add(s)
	}
	recs := []registry.Record{{Year: 2018, Authors: []registry.Author{{Family: "O'Byrne"}}}, {Authors: []registry.Author{{Literal: "Group"}}}, {}}
	f.Fuzz(func(t *testing.T, ref string) {
		for _, term := range searchTerms(ref) {
			words := strings.Fields(strings.ReplaceAll(strings.ReplaceAll(term, "[ti]", ""), " AND ", " "))
			if len(words) == 0 || len(words) > maxTermWords {
				t.Fatalf("term %q has %d words", term, len(words))
			}
			for _, w := range words {
				for _, r := range w {
					// Only ASCII capitals matter: PubMed's operators are AND, OR, NOT.
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' || 'A' <= r && r <= 'Z' {
						t.Fatalf("term %q: word %q carries %q, which PubMed may read as syntax", term, w, r)
					}
				}
			}
		}
		if got := plausible(ref, recs); len(got) > len(recs) {
			t.Fatalf("plausible grew the candidates: %d", len(got))
		}
	})
}

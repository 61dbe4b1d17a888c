package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/store"
)

// claimSpec describes one claim of a hand-built report.
type claimSpec struct {
	id, section, text, status string
	line                      int
	cites                     []string
	codes                     []string
}

// reportOf returns a report with the given claims, their citations resolved
// to the given keys, and their findings.
func reportOf(specs ...claimSpec) []byte {
	rep := &corpus.Report{}
	for _, s := range specs {
		c := corpus.Claim{ID: s.id, Line: s.line, Section: s.section, Text: s.text, Status: corpus.ClaimStatus(s.status)}
		for _, k := range s.cites {
			c.Citations = append(c.Citations, corpus.CitationLink{Marker: "[@" + k + "]", Key: &k, Status: "resolved"})
		}
		rep.Claims = append(rep.Claims, c)
		for _, code := range s.codes {
			rep.Findings = append(rep.Findings, corpus.Finding{Code: code, Line: s.line, Claim: s.id})
		}
	}
	data, err := corpus.EncodeReport(rep)
	if err != nil {
		panic(err) // a report of plain values always encodes
	}
	return data
}

// articles returns two checked articles about works of library().
func articles() []*store.Article {
	checked := time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)
	return []*store.Article{
		{
			ID: "notes/transformers.md", Title: "How transformers took over", Checked: checked,
			Report: reportOf(
				claimSpec{id: "c1", line: 3, section: "Introduction", status: "supported", cites: []string{"lecun2015"},
					text: "Deep learning changed speech recognition and computer vision."},
				claimSpec{id: "c2", line: 5, section: "Introduction", status: "supported", cites: []string{"vaswani2017"},
					text: "Self-attention alone can replace recurrence in translation models."},
				claimSpec{id: "c3", line: 9, section: "Pretraining", status: "unsupported", codes: []string{check.CodeUncitedClaim},
					text: "Pretrained transformers now dominate benchmarks of language understanding."},
				claimSpec{id: "c4", line: 12, section: "Recurrent networks", status: "supported", cites: []string{"hochreiter1997", "bahdanau2015"},
					text: "Long short-term memory networks were the standard for sequences before attention arrived."},
				claimSpec{id: "c5", line: 14, section: "Recurrent networks", status: "not-a-claim",
					text: "We return to this below."},
			),
		},
		{
			ID: "notes/replication.md", Title: "The replication crisis", Checked: checked.Add(24 * time.Hour),
			Report: reportOf(
				claimSpec{id: "c1", line: 2, section: "Background", status: "supported", cites: []string{"ioannidis2005"}, codes: []string{check.CodeUnsupportedBySource},
					text: "Most published research findings may well be false."},
				claimSpec{id: "c2", line: 7, section: "Background", status: "unsupported", codes: []string{check.CodeUncitedClaim},
					text: "Deep learning will not fix bad statistics."},
			),
		},
	}
}

// buildAll returns an in-memory index of library() and articles().
func buildAll(t *testing.T) *Index {
	t.Helper()
	ix := build(t, "")
	if err := ix.ApplyArticles(context.Background(), articles(), nil, 2); err != nil {
		t.Fatal(err)
	}
	return ix
}

// hitNames names hits as the CLI does: a reference by its key, a claim by
// article:line.
func hitNames(hits []SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		if h.Type == TypeRef {
			out[i] = h.Key
		} else {
			out[i] = fmt.Sprintf("%s:%d", h.Article, h.Line)
		}
	}
	return out
}

func mustSearch(t *testing.T, ix *Index, q Query) *Result {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func TestApplyArticles_IndexesEveryClaim(t *testing.T) {
	ix := buildAll(t)
	if n, err := ix.DocCount(); err != nil || n != 10+7 {
		t.Errorf("DocCount = %d, %v; want 10 references and 7 claims", n, err)
	}
	if g, _ := ix.Generation(); g != 2 {
		t.Errorf("Generation = %d, want 2", g)
	}
	res := mustSearch(t, ix, Query{Text: "statistics", Types: []string{TypeClaim}})
	if len(res.Hits) != 1 {
		t.Fatalf("statistics: %v, want one claim", hitNames(res.Hits))
	}
	h := res.Hits[0]
	want := SearchHit{Type: TypeClaim, Article: "notes/replication.md", Claim: "c2", Line: 7}
	if h.Type != want.Type || h.Article != want.Article || h.Claim != want.Claim || h.Line != want.Line || h.Key != "" {
		t.Errorf("hit = %+v, want %+v", h, want)
	}
}

func TestApplyArticles_StoresOnlyWhatHitsPrint(t *testing.T) {
	ix := buildAll(t)
	for id, want := range map[string][]string{
		claimID("notes/transformers.md", "c4"): {fieldArticle, fieldClaim, fieldLine, fieldText},
		refID("lecun2015"):                     {fieldAbstract, fieldByline, fieldKey, fieldTitle, fieldVenue, fieldYear},
	} {
		doc, err := ix.b.Document(id)
		if err != nil || doc == nil {
			t.Fatalf("Document(%s): %v, %v", id, doc, err)
		}
		var stored []string
		doc.VisitFields(func(f bleveindex.Field) { stored = append(stored, f.Name()) })
		slices.Sort(stored)
		if !slices.Equal(stored, want) {
			t.Errorf("%s: stored fields %v, want %v", id, stored, want)
		}
	}
}

func TestApplyArticles_ReplacesAnArticlesClaims(t *testing.T) {
	ix := buildAll(t)
	a := articles()[0]
	// Checked again after an edit: c4 and c5 are gone, c3 found support.
	rep, err := corpus.DecodeReport(a.Report)
	if err != nil {
		t.Fatal(err)
	}
	rep.Claims = rep.Claims[:3]
	rep.Claims[2].Status = corpus.Supported
	rep.Findings = nil
	if a.Report, err = corpus.EncodeReport(rep); err != nil {
		t.Fatal(err)
	}
	if err := ix.ApplyArticles(context.Background(), []*store.Article{a}, []string{"notes/replication.md"}, 3); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 10+3 {
		t.Errorf("DocCount = %d, want 10 references and 3 claims", n)
	}
	if got := sorted(hitNames(mustSearch(t, ix, Query{Types: []string{TypeClaim}}).Hits)); !slices.Equal(got, []string{"notes/transformers.md:3", "notes/transformers.md:5", "notes/transformers.md:9"}) {
		t.Errorf("claims after the update = %v", got)
	}
	if got := mustSearch(t, ix, Query{Status: "unsupported"}).Hits; len(got) != 0 {
		t.Errorf("unsupported claims after the update = %v, want none", hitNames(got))
	}
	// Deleting what is not there, and putting and deleting one article in
	// one call, which keeps it.
	if err := ix.ApplyArticles(context.Background(), []*store.Article{articles()[1]}, []string{"notes/replication.md", "nowhere.md"}, 4); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 10+5 {
		t.Errorf("DocCount = %d, want 10 references and 5 claims", n)
	}
}

func TestApplyArticles_ArticleWithoutReport(t *testing.T) {
	ix := buildAll(t)
	a := articles()[1]
	a.Report = nil
	if err := ix.ApplyArticles(context.Background(), []*store.Article{a}, nil, 3); err != nil {
		t.Fatal(err)
	}
	if got := mustSearch(t, ix, Query{Article: a.ID}).Hits; len(got) != 0 {
		t.Errorf("claims of an article without a report: %v", hitNames(got))
	}
}

func TestSearch_TypesAndFilters(t *testing.T) {
	ix := buildAll(t)
	tests := []struct {
		name string
		q    Query
		want []string // in rank order when first is set, else any order
	}{
		{"both types by default", Query{Text: "deep learning"},
			[]string{"lecun2015", "goodfellow2016", "he2016", "krizhevsky2012", "devlin2019", "bahdanau2015", "rumelhart1986", "notes/transformers.md:3", "notes/replication.md:7"}},
		{"phrase over both types", Query{Text: `"deep learning"`},
			[]string{"lecun2015", "goodfellow2016", "notes/transformers.md:3", "notes/replication.md:7"}},
		{"only references", Query{Text: `"deep learning"`, Types: []string{TypeRef}}, []string{"lecun2015", "goodfellow2016"}},
		{"only claims", Query{Text: `"deep learning"`, Types: []string{"claims"}}, []string{"notes/transformers.md:3", "notes/replication.md:7"}},
		{"phrase with a hyphen", Query{Text: `"long short-term memory"`}, []string{"hochreiter1997", "notes/transformers.md:12"}},
		{"status filter", Query{Status: "unsupported"}, []string{"notes/transformers.md:9", "notes/replication.md:7"}},
		{"status filter ignores case", Query{Text: "deep", Status: "Unsupported"}, []string{"notes/replication.md:7"}},
		{"article filter", Query{Article: "notes/replication.md"}, []string{"notes/replication.md:2", "notes/replication.md:7"}},
		{"article filter is exact", Query{Article: "notes/replication"}, nil},
		{"cites filter", Query{Cites: "bahdanau2015"}, []string{"notes/transformers.md:12"}},
		{"cites filter with text", Query{Text: "attention", Cites: "hochreiter1997"}, []string{"notes/transformers.md:12"}},
		{"year range", Query{Text: "learning", YearFrom: 2015, YearTo: 2016}, []string{"lecun2015", "bahdanau2015", "he2016", "goodfellow2016"}},
		{"year from", Query{YearFrom: 2017}, []string{"vaswani2017", "devlin2019"}},
		{"year to", Query{YearTo: 1990}, []string{"rumelhart1986"}},
		{"status field", Query{Text: "status:unsupported"}, []string{"notes/transformers.md:9", "notes/replication.md:7"}},
		{"codes field", Query{Text: "codes:unsupported-by-source"}, []string{"notes/replication.md:2"}},
		{"code alias", Query{Text: "code:uncited-claim"}, []string{"notes/transformers.md:9", "notes/replication.md:7"}},
		{"section field is stemmed", Query{Text: "section:pretrain"}, []string{"notes/transformers.md:9"}},
		{"cites field", Query{Text: "cites:lecun2015"}, []string{"notes/transformers.md:3"}},
		{"article title by field", Query{Text: "title:crisis"}, []string{"notes/replication.md:2", "notes/replication.md:7"}},
		{"article title is not searched by a bare term", Query{Text: "crisis"}, nil},
		{"article title, claims only", Query{Text: `title:"replication crisis"`, Types: []string{TypeClaim}}, []string{"notes/replication.md:2", "notes/replication.md:7"}},
		{"title, references only", Query{Text: "title:deep", Types: []string{TypeRef}}, []string{"lecun2015", "goodfellow2016", "he2016", "krizhevsky2012", "devlin2019"}},
		{"must and must not", Query{Text: "+deep -status:unsupported"},
			[]string{"lecun2015", "goodfellow2016", "he2016", "krizhevsky2012", "devlin2019", "notes/transformers.md:3"}},
		{"reference fields still work", Query{Text: "author:hinton"}, []string{"lecun2015", "krizhevsky2012", "rumelhart1986"}},
		{"bare year", Query{Text: "1997"}, []string{"hochreiter1997"}},
		{"only claims, not", Query{Text: "-deep", Types: []string{TypeClaim}},
			[]string{"notes/transformers.md:5", "notes/transformers.md:9", "notes/transformers.md:12", "notes/transformers.md:14", "notes/replication.md:2"}},
		{"only references, not", Query{Text: "-deep -learning", Types: []string{TypeRef}}, []string{"vaswani2017", "hochreiter1997", "ioannidis2005"}},
		{"only claims, a field both types have", Query{Text: "+added:>=\"2025-01-01\" +deep", Types: []string{TypeClaim}}, []string{"notes/transformers.md:3", "notes/replication.md:7"}},
		{"added date on claims", Query{Text: `added:>="2025-04-02"`, Types: []string{TypeClaim}}, []string{"notes/replication.md:2", "notes/replication.md:7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustSearch(t, ix, tt.q)
			got := hitNames(res.Hits)
			if !slices.Equal(sorted(got), sorted(tt.want)) {
				t.Errorf("Search(%+v) = %v, want %v", tt.q, got, tt.want)
			}
			if res.Total != uint64(len(tt.want)) {
				t.Errorf("Total = %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

func TestSearch_ClaimsRankByTheirText(t *testing.T) {
	ix := buildAll(t)
	res := mustSearch(t, ix, Query{Text: "recurrence attention", Types: []string{TypeClaim}})
	got := hitNames(res.Hits)
	// Line 12 has both words (one in its section heading, "Recurrent
	// networks"), line 5 both in its text, line 14 one in its heading.
	if !slices.Equal(sorted(got), []string{"notes/transformers.md:12", "notes/transformers.md:14", "notes/transformers.md:5"}) || got[2] != "notes/transformers.md:14" {
		t.Fatalf("recurrence attention = %v", got)
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score > res.Hits[i-1].Score {
			t.Errorf("hits not best first: %+v", res.Hits)
		}
	}
}

func TestSearch_Errors(t *testing.T) {
	ix := buildAll(t)
	for _, tt := range []struct {
		name string
		q    Query
		want string
	}{
		{"claim and reference filters", Query{Status: "unsupported", YearFrom: 2015}, "use one kind"},
		{"claim filter on references", Query{Types: []string{TypeRef}, Cites: "lecun2015"}, "only references"},
		{"year filter on claims", Query{Types: []string{TypeClaim}, YearTo: 2000}, "only claims"},
		{"unknown type", Query{Text: "deep", Types: []string{"articles"}}, `unknown type "articles"`},
		{"claim field on references", Query{Text: "status:unsupported", Types: []string{TypeRef}}, `unknown field "status"`},
		{"reference field on claims", Query{Text: "doi:10.1038/nature14539", Types: []string{TypeClaim}}, `unknown field "doi"`},
		{"unknown field", Query{Text: "colour:red"}, `unknown field "colour"`},
		{"the line is not searched", Query{Text: "line:>=10"}, `unknown field "line"`},
		{"syntax", Query{Text: `text:"unclosed`}, "search"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ix.Search(context.Background(), tt.q)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Search(%+v) error = %v, want one containing %q", tt.q, err, tt.want)
			}
		})
	}
}

func TestSearch_LimitAndOffset(t *testing.T) {
	ix := buildAll(t)
	all := hitNames(mustSearch(t, ix, Query{Text: "learning"}).Hits)
	if len(all) < 6 {
		t.Fatalf("learning: %v, want more than 6 hits", all)
	}
	var pages []string
	for off := 0; off < len(all); off += 4 {
		res := mustSearch(t, ix, Query{Text: "learning", Limit: 4, Offset: off})
		if res.Total != uint64(len(all)) {
			t.Errorf("page at %d: Total = %d, want %d", off, res.Total, len(all))
		}
		if len(res.Hits) > 4 {
			t.Errorf("page at %d: %d hits, want at most 4", off, len(res.Hits))
		}
		pages = append(pages, hitNames(res.Hits)...)
	}
	if !slices.Equal(pages, all) {
		t.Errorf("pages = %v, want %v", pages, all)
	}
	// No limit means DefaultLimit.
	res, err := ix.Search(context.Background(), Query{})
	if err != nil || len(res.Hits) != min(DefaultLimit, 17) || res.Total != 17 {
		t.Errorf("Search of everything: %d hits of %d, %v; want %d of 17", len(res.Hits), res.Total, err, min(DefaultLimit, 17))
	}
}

func TestSearch_Facets(t *testing.T) {
	ix := buildAll(t)
	res := mustSearch(t, ix, Query{Text: "deep learning", Facets: true})
	want := map[string][]FacetCount{
		"type": {{TypeRef, 7}, {TypeClaim, 2}},
		// Counts first, then terms in order.
		"year":   {{"2015", 2}, {"1986", 1}, {"2012", 1}, {"2016", 2}, {"2019", 1}},
		"status": {{"supported", 1}, {"unsupported", 1}},
	}
	for name, w := range want {
		got := res.Facets[name]
		if !sameCounts(got, w) {
			t.Errorf("facet %s = %v, want %v", name, got, w)
		}
	}
	venues := map[string]int{}
	for _, c := range res.Facets["venue"] {
		venues[c.Term] = c.Count
	}
	// The venue as written, not its stemmed words.
	if venues["Nature"] != 1 || venues["MIT Press"] != 1 || venues["Advances in Neural Information Processing Systems"] != 1 {
		t.Errorf("venue facet = %v", res.Facets["venue"])
	}
	if res.Facets["year"][0].Count < res.Facets["year"][len(res.Facets["year"])-1].Count {
		t.Errorf("year facet not most frequent first: %v", res.Facets["year"])
	}
	// One type: its facets, and the type facet without asking Bleve.
	claims := mustSearch(t, ix, Query{Text: "deep learning", Types: []string{TypeClaim}, Facets: true})
	for name, w := range map[string][]FacetCount{
		"type": {{TypeClaim, 2}}, "status": {{"supported", 1}, {"unsupported", 1}}, "year": {}, "venue": {},
	} {
		if got := claims.Facets[name]; !sameCounts(got, w) || got == nil {
			t.Errorf("claims only: facet %s = %#v, want %v", name, got, w)
		}
	}
	if got := mustSearch(t, ix, Query{Text: "deep learning", YearFrom: 2015, Facets: true}).Facets["type"]; !sameCounts(got, []FacetCount{{TypeRef, 5}}) {
		t.Errorf("references from 2015: type facet = %v", got)
	}
	if none := mustSearch(t, ix, Query{Text: "deep learning"}); none.Facets != nil {
		t.Errorf("facets without asking: %v", none.Facets)
	}
}

// sameCounts compares facet counts in any order of equal counts.
func sameCounts(got, want []FacetCount) bool {
	key := func(c FacetCount) string { return fmt.Sprintf("%s=%d", c.Term, c.Count) }
	var g, w []string
	for _, c := range got {
		g = append(g, key(c))
	}
	for _, c := range want {
		w = append(w, key(c))
	}
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

func TestSearch_Fragments(t *testing.T) {
	ix := buildAll(t)
	res := mustSearch(t, ix, Query{Text: `"deep learning" recognition`})
	frags := map[string]map[string][]string{}
	for i, name := range hitNames(res.Hits) {
		frags[name] = res.Hits[i].Fragments
	}
	want := map[string]map[string][]string{
		// A phrase is one mark; the reference's abstract and title both match.
		"lecun2015": {
			fieldTitle:    {"«Deep learning»"},
			fieldAbstract: {"Representation learning with multiple levels of abstraction has improved speech «recognition», visual object «recognition» and many other domains."},
		},
		"he2016":                  {fieldTitle: {"Deep Residual Learning for Image «Recognition»"}},
		"notes/transformers.md:3": {fieldText: {"«Deep learning» changed speech «recognition» and computer vision."}},
		"notes/replication.md:7":  {fieldText: {"«Deep learning» will not fix bad statistics."}},
	}
	for name, w := range want {
		got, ok := frags[name]
		if !ok {
			t.Errorf("%s not found: %v", name, hitNames(res.Hits))
			continue
		}
		for field, wf := range w {
			if !slices.Equal(got[field], wf) {
				t.Errorf("%s %s fragments = %q, want %q", name, field, got[field], wf)
			}
		}
	}
	// Matched only in a field that is not stored (authors): no fragments.
	res = mustSearch(t, ix, Query{Text: "author:sutskever"})
	if len(res.Hits) != 1 || res.Hits[0].Fragments != nil {
		t.Errorf("author:sutskever = %+v, want one hit without fragments", res.Hits)
	}
	// Filters alone: nothing to highlight.
	for _, h := range mustSearch(t, ix, Query{Status: "unsupported"}).Hits {
		if h.Fragments != nil {
			t.Errorf("fragments without a query: %+v", h)
		}
	}
}

func TestSearch_LongTextFragmentIsCut(t *testing.T) {
	ix := buildAll(t)
	long := strings.Repeat("Filler words about nothing in particular. ", 10) + "The key observation concerns entropy. " + strings.Repeat("More filler follows here. ", 10)
	a := &store.Article{ID: "long.md", Report: reportOf(claimSpec{id: "c1", line: 1, status: "unsupported", text: long})}
	if err := ix.ApplyArticles(context.Background(), []*store.Article{a}, nil, 3); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Text: "entropy"})
	if len(res.Hits) != 1 {
		t.Fatalf("entropy: %v", hitNames(res.Hits))
	}
	f := res.Hits[0].Fragments[fieldText]
	if len(f) != 1 || !strings.Contains(f[0], "«entropy»") || len(f[0]) > fragmentSize+20 || !strings.HasPrefix(f[0], "…") {
		t.Errorf("fragment of a long text = %q", f)
	}
}

func TestWithin(t *testing.T) {
	ix := buildAll(t)
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"deep", true},
		{`"deep learning" status:supported`, true},
		{"+deep -codes:unsupported-by-source", true},
		{"-deep", false},
		{`added:>="2025-01-01"`, false},
		{`+added:>="2025-01-01" +deep`, true},
		{`added:>="2025-01-01" deep`, false},
		{"the", true}, // nothing but a stop word matches nothing
	} {
		q, err := ix.parse(tt.q, false, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := within(q, claimOnlyFields); got != tt.want {
			t.Errorf("within(%q, claim fields) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if q, _ := ix.parse("", false, true); within(q, claimOnlyFields) {
		t.Error("within(match all) = true")
	}
}

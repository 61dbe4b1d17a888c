package pubmed

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// eutils is the E-utilities root as the recordings name it; the tests
// serve it from a local server.
const eutils = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"

func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// efetchOf records the efetch answer for id as the file name.
func efetchOf(t testing.TB, id, name string) registrytest.Interaction {
	return registrytest.Interaction{Method: "GET", URI: eutils + "/efetch.fcgi?db=pubmed&id=" + id + "&retmode=xml",
		Status: 200, Header: http.Header{"Content-Type": {"text/xml; charset=UTF-8"}}, Body: testdata(t, name)}
}

// newRegistry returns a client of srv that does not wait between
// requests (the pace is tested on its own) and does not retry.
func newRegistry(srv *registrytest.Server, s registry.Settings) (*Registry, *registry.Client) {
	c := registrytest.Client()
	c.Retries = -1
	s.PubMedURL = srv.URL + "/entrez/eutils"
	s.PMCIDConverterURL = srv.URL + "/pmc/utils/idconv/v1.0"
	if s.Mailto == "" {
		s.Mailto = "editor@example.org"
	}
	return New(c, s), c
}

func lookup(t *testing.T, r *Registry, kind registry.IDKind, v string) (registry.Record, error) {
	t.Helper()
	return r.Lookup(context.Background(), registry.ID{Kind: kind, Value: v})
}

func TestLookup_PMIDReadsTheRecordedEfetchAnswers(t *testing.T) {
	type want struct {
		title, first, venue, short, vol, issue, pages, doi string
		authors, year, month                               int
		abstractStart                                      string
		abstractLines                                      int
		pubType                                            string
	}
	for _, tc := range []struct {
		file, pmid string
		want       want
	}{
		{"pubmed-29768149.xml", "29768149", want{
			title: "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.", first: "O'Byrne, Paul M",
			venue: "The New England journal of medicine", short: "N Engl J Med", vol: "378", issue: "20", pages: "1865-1876",
			doi: "10.1056/nejmoa1715274", authors: 10, year: 2018, month: 5,
			abstractStart: "BACKGROUND: In patients with mild asthma, as-needed use of an inhaled glucocorticoid",
			abstractLines: 4, pubType: "Randomized Controlled Trial"}},
		{"pubmed4.xml", "27797938", want{
			title: "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.",
			first: "Bao, Ying", venue: "Gut", short: "Gut", vol: "66", issue: "6", pages: "1116-1122",
			doi: "10.1136/gutjnl-2016-312510", authors: 22, year: 2017, month: 6,
			abstractStart: "OBJECTIVE: Telomere shortening occurs as an early event in pancreatic", abstractLines: 4,
			pubType: "Observational Study"}},
		{"35649368.xml", "35649368", want{
			title: "Fatty acid oxidation protects cancer cells from apoptosis by increasing mitochondrial membrane lipids.",
			first: "Li, Yi-Jia", venue: "Cell reports", short: "Cell Rep", vol: "39", issue: "9", pages: "110870",
			doi: "10.1016/j.celrep.2022.110870", authors: 10, year: 2022, month: 5,
			abstractStart: "Overcoming resistance to chemotherapies remains a major unmet need", abstractLines: 1,
			pubType: "Journal Article"}},
		// The second article of a two-article answer: the one asked for.
		{"pubmed1.xml", "9997", want{
			title: "Magnetic studies of Chromatium flavocytochrome C552. A mechanism for heme-flavin interaction.",
			first: "Strekas, T C", venue: "Biochimica et biophysica acta", short: "Biochim Biophys Acta", vol: "446",
			issue: "1", pages: "179-191", doi: "10.1016/0005-2795(76)90109-4", authors: 1, year: 1976, month: 9,
			abstractStart: "Electron paramagnetic resonance and magnetic susceptibility", abstractLines: 1,
			pubType: "Journal Article"}},
		// A season for a month: the year stands, the month is unknown.
		{"pubmed1.xml", "12091962", want{
			title: "The treatment of AIDS behind the walls of correctional facilities.", first: "Olivero, J Michael",
			venue: "Social justice (San Francisco, Calif.)", short: "Soc Justice", vol: "17", issue: "1", pages: "113-125",
			authors: 1, year: 1990, pubType: "Review"}},
	} {
		t.Run(tc.pmid, func(t *testing.T) {
			srv := registrytest.NewServer(t, efetchOf(t, tc.pmid, tc.file))
			r, _ := newRegistry(srv, registry.Settings{})
			rec, err := lookup(t, r, registry.PMID, tc.pmid)
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			first := ""
			if len(rec.Authors) > 0 {
				first = rec.Authors[0].Family + ", " + rec.Authors[0].Given
			}
			got := want{rec.Title, first, rec.Venue, rec.VenueShort, rec.Volume, rec.Issue, rec.Pages, rec.DOI,
				len(rec.Authors), rec.Year, rec.Month, "", strings.Count(rec.Abstract, "\n") + 1, ""}
			if rec.Abstract == "" {
				got.abstractLines = 0
			}
			if strings.HasPrefix(rec.Abstract, w.abstractStart) {
				got.abstractStart = w.abstractStart
			}
			for _, pt := range rec.PubTypes {
				if pt == w.pubType {
					got.pubType = pt
				}
			}
			if got != w {
				t.Errorf("got  %+v\nwant %+v\nabstract %.100q", got, w, rec.Abstract)
			}
			if rec.PMID != tc.pmid || rec.Registry != "pubmed" || rec.URL != "https://pubmed.ncbi.nlm.nih.gov/"+tc.pmid+"/" ||
				rec.Type != "article-journal" || rec.Retracted {
				t.Errorf("PMID %q registry %q URL %q type %q retracted %v", rec.PMID, rec.Registry, rec.URL, rec.Type, rec.Retracted)
			}
		})
	}
}

func TestLookup_LabelledAbstractSectionsBeginALineEach(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "27797938", "pubmed4.xml"))
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := lookup(t, r, registry.PMID, "27797938")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, line := range strings.Split(rec.Abstract, "\n") {
		label, text, _ := strings.Cut(line, ": ")
		labels = append(labels, label)
		if len(text) < 40 {
			t.Errorf("section %s has text %q", label, text)
		}
	}
	if want := []string{"OBJECTIVE", "DESIGN", "RESULTS", "CONCLUSIONS"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels %v, want %v", labels, want)
	}
}

func TestLookup_SendsToolEmailAndAPIKey(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "35649368", "35649368.xml"))
	r, c := newRegistry(srv, registry.Settings{Mailto: "desk@example.org", PubMedAPIKey: "k3y"})
	if _, err := lookup(t, r, registry.PMID, "35649368"); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || c.Sent() != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	q := reqs[0].URL.Query()
	want := map[string]string{"db": "pubmed", "id": "35649368", "retmode": "xml", "tool": "evident",
		"email": "desk@example.org", "api_key": "k3y"}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("%s = %q, want %q (query %s)", k, q.Get(k), v, reqs[0].URL.RawQuery)
		}
	}
	if reqs[0].URL.Path != "/entrez/eutils/efetch.fcgi" {
		t.Errorf("path %s", reqs[0].URL.Path)
	}
}

func TestNew_PacesToNCBIsLimit(t *testing.T) {
	for _, tc := range []struct {
		key  string
		want time.Duration
	}{{"", 334 * time.Millisecond}, {"k3y", 100 * time.Millisecond}} {
		c := &registry.Client{}
		New(c, registry.Settings{PubMedAPIKey: tc.key})
		single, search := c.Interval("pubmed")
		if single != tc.want || search != tc.want {
			t.Errorf("key %q: %v single, %v search; want %v", tc.key, single, search, tc.want)
		}
		if rate := float64(time.Second) / float64(single); (tc.key == "" && rate > 3) || rate > 10 {
			t.Errorf("key %q: %.2f requests a second is above NCBI's limit", tc.key, rate)
		}
	}
}

func TestLookup_RetractedArticleCarriesItsNotices(t *testing.T) {
	// wakefield-9500320.xml is hand-made (see testdata/README.md): no
	// recording of a retracted article's PubMed XML is free to copy.
	srv := registrytest.NewServer(t, efetchOf(t, "9500320", "wakefield-9500320.xml"))
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := lookup(t, r, registry.PMID, "9500320")
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Retracted || rec.PubTypes[len(rec.PubTypes)-1] != "Retracted Publication" {
		t.Errorf("retracted %v, types %v", rec.Retracted, rec.PubTypes)
	}
	want := []registry.Update{
		{Type: registry.Correction, PMID: "15016483", Date: "2004-03-06", Source: "pubmed"},
		{Type: registry.Retraction, PMID: "20137807", DOI: "10.1016/s0140-6736(10)60175-4", Date: "2010-02-06", Source: "pubmed"},
	}
	if !reflect.DeepEqual(rec.Updates, want) {
		t.Errorf("updates %+v\nwant    %+v", rec.Updates, want)
	}
	if rec.Title != "Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children." ||
		rec.Year != 1998 || rec.Month != 2 || rec.Pages != "637-641" || rec.DOI != "10.1016/s0140-6736(97)11096-0" ||
		len(rec.Authors) != 13 || rec.Authors[12].Family != "Walker-Smith" || rec.VenueShort != "Lancet" {
		t.Errorf("record %+v", rec)
	}
	if !strings.HasPrefix(rec.Abstract, "BACKGROUND: ") || !strings.Contains(rec.Abstract, "\nINTERPRETATION: ") {
		t.Errorf("abstract %q", rec.Abstract)
	}
}

func TestLookup_ErratumBecomesACorrectionWithItsDOIAndDate(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "35649368", "35649368.xml"))
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := lookup(t, r, registry.PMID, "35649368")
	if err != nil {
		t.Fatal(err)
	}
	want := []registry.Update{{Type: registry.Correction, PMID: "35767954", DOI: "10.1016/j.celrep.2022.111044",
		Date: "2022-06-28", Source: "pubmed"}}
	if !reflect.DeepEqual(rec.Updates, want) || rec.Retracted {
		t.Errorf("updates %+v, retracted %v; want %+v", rec.Updates, rec.Retracted, want)
	}
}

func TestLookup_ConcernCollectiveAuthorAndMedlineDate(t *testing.T) {
	// Hand-made: an expression of concern, a group as author, and a date
	// PubMed gives only as text.
	body := `<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">111</PMID><Article>
<Journal><JournalIssue><Volume>3</Volume><PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J Test</Title></Journal>
<ArticleTitle>A <i>trial</i> of H<sub>2</sub>O</ArticleTitle>
<AuthorList><Author><CollectiveName>The Trial Group</CollectiveName></Author><Author><LastName>Roe</LastName><Initials>J</Initials></Author></AuthorList>
<PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList></Article>
<CommentsCorrectionsList><CommentsCorrections RefType="ExpressionOfConcernIn"><RefSource>J Test. 2020 Jan;4:1</RefSource><PMID Version="1">222</PMID></CommentsCorrections>
<CommentsCorrections RefType="RetractionOf"><RefSource>J Test. 1990;1:1</RefSource><PMID Version="1">1</PMID></CommentsCorrections></CommentsCorrectionsList>
</MedlineCitation></PubmedArticle></PubmedArticleSet>`
	srv := registrytest.NewServer(t)
	srv.Handle("/entrez/eutils/efetch.fcgi", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(body)) })
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := lookup(t, r, registry.PMID, "111")
	if err != nil {
		t.Fatal(err)
	}
	wantAuthors := []registry.Author{{Literal: "The Trial Group"}, {Family: "Roe", Given: "J"}}
	wantUpdates := []registry.Update{{Type: registry.ExpressionOfConcern, PMID: "222", Date: "2020-01", Source: "pubmed"}}
	if rec.Title != "A trial of H2O" || rec.Year != 1998 || rec.Month != 12 || !reflect.DeepEqual(rec.Authors, wantAuthors) ||
		!reflect.DeepEqual(rec.Updates, wantUpdates) {
		t.Errorf("title %q year %d month %d authors %+v updates %+v", rec.Title, rec.Year, rec.Month, rec.Authors, rec.Updates)
	}
}

// ncbiAnswer serves a fixed status and body.
func ncbiAnswer(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

func TestLookup_WhatCountsAsNotFound(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		body   string
		found  bool // ErrNotFound, else Unavailable
	}{
		{"empty article set", 200, `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet></PubmedArticleSet>`, true},
		{"no correct ids", 400, `<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE eFetchResult PUBLIC "-//NLM//DTD efetch 20131226//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20131226/efetch.dtd">
<eFetchResult>
	<ERROR>ID list is empty! Possibly it has no correct IDs.</ERROR>
</eFetchResult>`, true},
		{"older empty result", 200, `<eFetchResult><ERROR>Empty result - nothing to do</ERROR></eFetchResult>`, true},
		{"backend down", 400, `<eFetchResult><ERROR>proxy_stream(): Failed to connect to PubOne service</ERROR></eFetchResult>`, false},
		{"400 HTML", 400, `<html><body>Bad Request</body></html>`, false},
		{"404", 404, `Not Found`, false},
		{"esummary instead", 200, string(testdata(t, "esummary1.xml")), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := registrytest.NewServer(t)
			srv.Handle("/entrez/eutils/efetch.fcgi", ncbiAnswer(tc.status, tc.body))
			r, _ := newRegistry(srv, registry.Settings{})
			_, err := lookup(t, r, registry.PMID, "99999999")
			if tc.found && !errors.Is(err, registry.ErrNotFound) {
				t.Errorf("err %v, want not found", err)
			}
			if !tc.found && !registry.IsUnavailable(err) {
				t.Errorf("err %v, want unavailable", err)
			}
		})
	}
}

func TestLookup_MisbehaviourIsUnavailable(t *testing.T) {
	for _, f := range []registrytest.Fault{registrytest.TooMany, registrytest.Busy, registrytest.Truncated,
		registrytest.HTMLError, registrytest.Garbage, registrytest.Forbidden, registrytest.Accepted} {
		srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
		srv.Then(f)
		r, _ := newRegistry(srv, registry.Settings{})
		_, err := lookup(t, r, registry.PMID, "29768149")
		var u *registry.Unavailable
		if !errors.As(err, &u) || u.Registry != "pubmed" {
			t.Errorf("fault %d: err %v, want pubmed unavailable", f, err)
		}
	}
}

func TestLookup_RetriesAfterTooManyAndRedirects(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
	srv.Then(registrytest.TooMany, registrytest.Redirect)
	r, c := newRegistry(srv, registry.Settings{})
	c.Retries = 2
	rec, err := lookup(t, r, registry.PMID, "29768149")
	if err != nil || rec.PMID != "29768149" {
		t.Fatalf("record %q, err %v", rec.PMID, err)
	}
}

func TestLookup_CancelReturnsTheContextsError(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
	r, _ := newRegistry(srv, registry.Settings{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := r.Lookup(ctx, registry.ID{Kind: registry.PMID, Value: "29768149"})
	if !errors.Is(err, context.Canceled) || registry.IsUnavailable(err) {
		t.Fatalf("err %v, want context.Canceled alone", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent after the cancel", n)
	}
}

func TestLookup_PMCIDGoesThroughTheIDConverter(t *testing.T) {
	ins, err := registrytest.Load(filepath.Join("testdata", "id_converter.yml"))
	if err != nil {
		t.Fatal(err)
	}
	srv := registrytest.NewServer(t, ins...)
	var fetched string
	srv.Handle("/entrez/eutils/efetch.fcgi", func(w http.ResponseWriter, req *http.Request) {
		fetched = req.URL.Query().Get("id")
		w.Write(testdata(t, "pubmed-29768149.xml"))
	})
	r, _ := newRegistry(srv, registry.Settings{})
	if _, err := lookup(t, r, registry.PMCID, "PMC2883744"); err != nil {
		t.Fatal(err)
	}
	// The recorded converter answers PMC2883744 ↔ PMID 20495566.
	if fetched != "20495566" {
		t.Errorf("efetch asked for %q, want the converter's PMID 20495566", fetched)
	}
	conv := srv.Requests()[0].URL
	if q := conv.Query(); q.Get("ids") != "PMC2883744" || q.Get("format") != "json" || q.Get("tool") != "evident" ||
		q.Get("email") != "editor@example.org" || conv.Path != "/pmc/utils/idconv/v1.0/" {
		t.Errorf("converter asked %s", conv)
	}
}

func TestParseIDConv_RecordedAnswerAndErrors(t *testing.T) {
	ins, err := registrytest.Load(filepath.Join("testdata", "id_converter.yml"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := parseIDConv(ins[0].Body)
	if want := (converted{PMID: "20495566", PMCID: "PMC2883744", DOI: "10.1038/ng.590"}); err != nil || got != want {
		t.Errorf("recorded answer: %+v, %v; want %+v", got, err, want)
	}
	for _, tc := range []struct {
		body     string
		notFound bool
	}{
		{`{"status":"ok","records":[{"pmcid":"PMC99999999","status":"error","errmsg":"invalid article id"}]}`, true},
		{`{"status":"ok","records":[{"doi":"10.1/x","errmsg":"Identifier not found in PMC"}]}`, true},
		{`{"status":"error","message":"Invalid ids"}`, false},
		{`{"status":"ok","records":[]}`, false},
		{`<html>Service unavailable</html>`, false},
		{`{"status":"ok","records":[{"pmcid":{}}]}`, false},
	} {
		_, err := parseIDConv([]byte(tc.body))
		if tc.notFound != errors.Is(err, registry.ErrNotFound) || !tc.notFound && !registry.IsUnavailable(err) {
			t.Errorf("%s: err %v", tc.body, err)
		}
	}
	// Numbers for ids, as the converter has also written them.
	got, err = parseIDConv([]byte(`{"status":"ok","records":[{"pmcid":"PMC1","pmid":20495566}]}`))
	if err != nil || got.PMID != "20495566" {
		t.Errorf("numeric pmid: %+v, %v", got, err)
	}
}

func TestLookup_PMCArticleWithoutPMIDIsNotSupported(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/pmc/utils/idconv/v1.0/", ncbiAnswer(200, `{"status":"ok","records":[{"pmcid":"PMC1017419","doi":"10.1/old"}]}`))
	r, _ := newRegistry(srv, registry.Settings{})
	_, err := lookup(t, r, registry.PMCID, "PMC1017419")
	if !errors.Is(err, registry.ErrNotSupported) || errors.Is(err, registry.ErrNotFound) {
		t.Errorf("err %v, want not supported", err)
	}
}

// esearchAnswer is an eSearchResult listing ids, shaped as esearch1.xml.
func esearchAnswer(ids ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">
<eSearchResult><Count>` + strconv.Itoa(len(ids)) + `</Count><RetMax>5</RetMax><RetStart>0</RetStart><IdList>`)
	for _, id := range ids {
		b.WriteString("<Id>" + id + "</Id>\n")
	}
	b.WriteString(`</IdList><TranslationSet/></eSearchResult>`)
	return b.String()
}

func TestLookup_DOIGoesThroughESearchArticleIdentifiers(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
	var term string
	srv.Handle("/entrez/eutils/esearch.fcgi", func(w http.ResponseWriter, req *http.Request) {
		term = req.URL.Query().Get("term")
		w.Write([]byte(esearchAnswer("29768149")))
	})
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := lookup(t, r, registry.DOI, "10.1056/nejmoa1715274")
	if err != nil || rec.PMID != "29768149" {
		t.Fatalf("record %q, err %v", rec.PMID, err)
	}
	if term != `"10.1056/nejmoa1715274"[aid]` {
		t.Errorf("term %q", term)
	}
}

func TestLookup_DOIPubMedDoesNotHoldIsNotFound(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/entrez/eutils/esearch.fcgi", ncbiAnswer(200, string(testdata(t, "esearch8.xml"))))
	r, c := newRegistry(srv, registry.Settings{})
	_, err := lookup(t, r, registry.DOI, "10.9999/none")
	if !errors.Is(err, registry.ErrNotFound) || c.Sent() != 1 {
		t.Errorf("err %v after %d requests, want not found after one", err, c.Sent())
	}
	if _, err := lookup(t, r, registry.ArXiv, "2101.00001"); !errors.Is(err, registry.ErrNotSupported) {
		t.Errorf("arXiv: %v", err)
	}
}

func TestParseEsearch_RecordedAnswers(t *testing.T) {
	ids, err := parseEsearch(testdata(t, "esearch1.xml"))
	if want := []string{"41282813", "41148224", "41011574", "40959146", "40937394"}; err != nil || !reflect.DeepEqual(ids, want) {
		t.Errorf("esearch1: %v, %v; want the first five of its 20: %v", ids, err, want)
	}
	ids, err = parseEsearch(testdata(t, "esearch8.xml"))
	if err != nil || len(ids) != 0 {
		t.Errorf("esearch8 (no hits): %v, %v", ids, err)
	}
	for _, bad := range []string{
		`<eSearchResult><ERROR>Search Backend failed: Couldn't resolve #exec-server</ERROR></eSearchResult>`,
		`<eSearchResult><IdList><Id>1</Id>`,
		`<eSearchResult><IdList/></eSearchResult>`,
		string(testdata(t, "esummary1.xml")),
		`<!DOCTYPE html><html><body>Error</body></html>`,
	} {
		if _, err := parseEsearch([]byte(bad)); !registry.IsUnavailable(err) {
			t.Errorf("%.50q: err %v, want unavailable", bad, err)
		}
	}
}

func TestSearch_FindsTheWorkByItsTitleWords(t *testing.T) {
	srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
	var terms []string
	srv.Handle("/entrez/eutils/esearch.fcgi", func(w http.ResponseWriter, req *http.Request) {
		q := req.URL.Query()
		terms = append(terms, q.Get("term"))
		if q.Get("retmax") != "5" || q.Get("db") != "pubmed" || q.Get("tool") != "evident" {
			t.Errorf("esearch query %s", req.URL.RawQuery)
		}
		w.Write([]byte(esearchAnswer("29768149")))
	})
	r, _ := newRegistry(srv, registry.Settings{})
	ref := "O'Byrne PM, FitzGerald JM, Bateman ED, et al. Inhaled combined budesonide-formoterol as needed in mild asthma. N Engl J Med. 2018;378(20):1865-1876."
	recs, err := r.Search(context.Background(), ref)
	if err != nil || len(recs) != 1 || recs[0].PMID != "29768149" {
		t.Fatalf("%d candidates, err %v", len(recs), err)
	}
	want := "inhaled[ti] AND combined[ti] AND budesonide[ti] AND formoterol[ti] AND needed[ti] AND mild[ti] AND asthma[ti]"
	if len(terms) != 1 || terms[0] != want {
		t.Errorf("terms %q, want [%q]", terms, want)
	}
}

func TestSearch_NoHitsTriesTheWholeReferenceThenGivesNone(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/entrez/eutils/esearch.fcgi", ncbiAnswer(200, string(testdata(t, "esearch8.xml"))))
	r, c := newRegistry(srv, registry.Settings{})
	recs, err := r.Search(context.Background(), "Smith J. A history of invented things. J Imagin Stud. 2019;4:1-9.")
	if err != nil || len(recs) != 0 {
		t.Fatalf("%v, %v; want no candidate, no error", recs, err)
	}
	if c.Sent() != 2 {
		t.Errorf("%d requests, want two searches (title, whole reference)", c.Sent())
	}
}

func TestSearch_DropsCandidatesWhoseAuthorAndYearBothDisagree(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/entrez/eutils/esearch.fcgi", ncbiAnswer(200, esearchAnswer("12091962", "9997")))
	srv.Handle("/entrez/eutils/efetch.fcgi", ncbiAnswer(200, string(testdata(t, "pubmed1.xml"))))
	r, _ := newRegistry(srv, registry.Settings{})
	recs, err := r.Search(context.Background(),
		"Olivero JM. The treatment of AIDS behind the walls of correctional facilities. Soc Justice. 1990;17(1):113-25.")
	if err != nil || len(recs) != 1 || recs[0].PMID != "12091962" {
		var ids []string
		for _, r := range recs {
			ids = append(ids, r.PMID)
		}
		t.Fatalf("candidates %v, err %v; want only 12091962 (Strekas 1976 disagrees on both)", ids, err)
	}
	// Either side agreeing keeps a candidate: the year is for verify to judge.
	recs, _ = r.Search(context.Background(), "Strekas TC. Magnetic studies of Chromatium flavocytochrome. 1980.")
	if len(recs) != 1 || recs[0].PMID != "9997" {
		t.Errorf("author agreeing, year not: %d candidates", len(recs))
	}
}

func TestSearch_UnavailableSearchIsUnavailable(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/entrez/eutils/esearch.fcgi", ncbiAnswer(200, esearchAnswer("1")))
	srv.Then(registrytest.Busy)
	r, _ := newRegistry(srv, registry.Settings{})
	if _, err := r.Search(context.Background(), "Smith J. A long enough title here. 2019."); !registry.IsUnavailable(err) {
		t.Errorf("err %v, want unavailable", err)
	}
}

func TestLookup_KeepsNCBIsPaceAgainstALocalServer(t *testing.T) {
	if testing.Short() {
		t.Skip("waits a second for the pace")
	}
	srv := registrytest.NewServer(t, efetchOf(t, "29768149", "pubmed-29768149.xml"))
	c := &registry.Client{}
	r := New(c, registry.Settings{PubMedURL: srv.URL + "/entrez/eutils"})
	for range 4 {
		if _, err := lookup(t, r, registry.PMID, "29768149"); err != nil {
			t.Fatal(err)
		}
	}
	times := srv.Times()
	for i := 1; i < len(times); i++ {
		// The client starts requests 334 ms apart; arrival may wobble by
		// a few milliseconds, never by a third of the interval.
		if gap := times[i].Sub(times[i-1]); gap < 250*time.Millisecond {
			t.Errorf("request %d came %v after the one before: faster than 3 a second", i, gap)
		}
	}
	rate := float64(len(times)-1) / times[len(times)-1].Sub(times[0]).Seconds()
	t.Logf("%d requests at %.2f a second (NCBI allows 3 without a key)", len(times), rate)
}

func BenchmarkParseEfetch(b *testing.B) {
	body := testdata(b, "pubmed4.xml")
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		arts, err := parseEfetch(body)
		if err != nil || len(arts) != 1 {
			b.Fatal(err)
		}
		_ = record(arts[0])
	}
}

func TestLookup_MalformedIdentifierSendsNothing(t *testing.T) {
	srv := registrytest.NewServer(t)
	r, c := newRegistry(srv, registry.Settings{})
	for _, id := range []registry.ID{{Kind: registry.PMID, Value: "1,2"}, {Kind: registry.PMID, Value: ""},
		{Kind: registry.PMCID, Value: "PMCx"}, {Kind: registry.DOI, Value: "not a doi"}} {
		if _, err := r.Lookup(context.Background(), id); !errors.Is(err, registry.ErrMalformed) || !errors.Is(err, registry.ErrNotFound) {
			t.Errorf("%v: err %v, want malformed (and so not found)", id, err)
		}
	}
	if c.Sent() != 0 {
		t.Errorf("%d requests sent for malformed identifiers", c.Sent())
	}
}

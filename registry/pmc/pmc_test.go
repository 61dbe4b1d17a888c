package pmc

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/corpus/xmltree"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// pmcDir holds the recorded PMC full texts (../shared/corpora/apis/pmc,
// see its README and SOURCES.tsv).
const pmcDir = "../../../shared/corpora/apis/pmc"

const eutils = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"

// nxml reads a recorded full text, skipping the test without the corpora.
func nxml(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pmcDir, name))
	if err != nil {
		t.Skipf("shared corpora not found (%v): the PMC tests replay their JATS files", err)
	}
	return data
}

// articleset wraps an article as efetch db=pmc answers it.
func articleset(article []byte) []byte {
	s := string(article)
	if i := strings.Index(s, "<article"); i >= 0 {
		s = s[i:]
	}
	return []byte(`<?xml version="1.0" ?>` + "\n" + `<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET 2.0//EN" "https://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd">` +
		"\n<pmc-articleset>" + s + "</pmc-articleset>\n")
}

func efetch(id string, body []byte) registrytest.Interaction {
	return registrytest.Interaction{Method: "GET", URI: eutils + "/efetch.fcgi?db=pmc&id=" + id + "&retmode=xml",
		Status: 200, Header: http.Header{"Content-Type": {"text/xml; charset=UTF-8"}}, Body: body}
}

func newRegistry(srv *registrytest.Server) (*Registry, *registry.Client) {
	c := registrytest.Client()
	c.Retries = -1
	return New(c, registry.Settings{PMCURL: srv.URL + "/entrez/eutils", Mailto: "editor@example.org"}), c
}

func lookup(r *Registry, pmcid string) (registry.Record, error) {
	return r.Lookup(context.Background(), registry.ID{Kind: registry.PMCID, Value: pmcid})
}

var tableOwn = regexp.MustCompile(`\d\.\d+[^\d.]+\d`)

// leaks returns the text of a file's table cells and its reference
// list's titles: what must never reach the full text.
func leaks(t *testing.T, data []byte) (cells, refTitles []string) {
	root, err := xmltree.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(n *xmltree.Node, inRefs bool)
	walk = func(n *xmltree.Node, inRefs bool) {
		for _, k := range n.Elements() {
			switch {
			case k.Name == "td" || k.Name == "th":
				// Cells of names and months ("Mocuba", "0–6 months") are
				// words the prose uses too; those of figures ("29.7,
				// 49.5") or of four words or more are the table's own.
				if c := k.Plain(); tableOwn.MatchString(c) || len(strings.Fields(c)) >= 4 {
					cells = append(cells, c)
				}
			case inRefs && k.Name == "article-title":
				refTitles = append(refTitles, k.Plain())
			}
			walk(k, inRefs || k.Name == "ref-list")
		}
	}
	walk(root, false)
	return cells, refTitles
}

func TestLookup_ReadsTheRecordedFullTexts(t *testing.T) {
	for _, tc := range []struct {
		file, pmcid, doi, pmid, title, abstractStart string
		headings                                     []string
		sentence                                     string // a body sentence as it must read
		minParas                                     int
	}{
		{"ehp-116-1694.nxml", "PMC2599765", "10.1289/ehp.11570", "19079722",
			"Dietary Exposure to 2,2′,4,4′-Tetrabromodiphenyl Ether (PBDE-47) Alters Thyroid Status",
			"Background: Polybrominated diphenyl ether (PBDE) flame retardants",
			[]string{"Materials and Methods", "Results", "Discussion"},
			"Recently, concerns have arisen about possible health impacts of PBDE exposure because studies have revealed rising PBDE levels in the tissues of humans and wildlife.",
			30},
		{"pntd.0002065.nxml", "PMC3585041", "10.1371/journal.pntd.0002065", "23469300",
			"Serological Evidence of Rift Valley Fever Virus Circulation in Sheep and Goats",
			"Rift Valley fever (RVF) is endemic in most parts of Africa",
			[]string{"Introduction", "Materials and Methods", "Discussion"},
			"During an epidemic of RVF in 2010 in South Africa, 192 laboratory-confirmed human cases including 18 deaths were reported.",
			25},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := nxml(t, tc.file)
			srv := registrytest.NewServer(t, efetch(strings.TrimPrefix(tc.pmcid, "PMC"), articleset(data)))
			r, _ := newRegistry(srv)
			rec, err := lookup(r, tc.pmcid)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Registry != "pmc" || rec.PMCID != tc.pmcid || rec.DOI != tc.doi || rec.PMID != tc.pmid || !strings.HasPrefix(rec.Title, tc.title) {
				t.Errorf("record %q %q %q %q %q", rec.Registry, rec.PMCID, rec.DOI, rec.PMID, rec.Title)
			}
			if !strings.HasPrefix(rec.Abstract, tc.abstractStart) {
				t.Errorf("abstract starts %.80q, want %q", rec.Abstract, tc.abstractStart)
			}
			lines := strings.Split(rec.FullText, "\n")
			for _, h := range tc.headings {
				if !contains(lines, h) {
					t.Errorf("no heading line %q", h)
				}
			}
			if !strings.Contains(rec.FullText, tc.sentence) {
				t.Errorf("the body does not read %q", tc.sentence)
			}
			paras, sentences := 0, 0
			for _, l := range lines {
				if len(strings.Fields(l)) >= 8 {
					paras++
					sentences += len(evidence.SplitText(l))
				}
			}
			t.Logf("%s: %d lines, %d paragraphs, %d sentences in them; abstract %d sentences", tc.file, len(lines), paras, sentences, len(evidence.SplitText(rec.Abstract)))
			if paras < tc.minParas {
				t.Errorf("%d paragraphs, want at least %d", paras, tc.minParas)
			}
			cells, refs := leaks(t, data)
			t.Logf("%s: %d table cells and %d reference titles checked for leaks", tc.file, len(cells), len(refs))
			for _, c := range cells {
				if strings.Contains(rec.FullText, c) {
					t.Errorf("table cell %q leaks into the full text", c)
				}
			}
			if len(refs) < 20 {
				t.Fatalf("only %d reference titles found to check against", len(refs))
			}
			for _, ref := range refs {
				if len(ref) > 30 && strings.Contains(rec.FullText, ref) {
					t.Errorf("reference list title %q leaks into the full text", ref)
				}
			}
			if m := regexp.MustCompile(`\[\d+(?:[–,-]\d+)*\]|\(\s*[;,]?\s*\)|[\x00-\x08]| [.,;]`).FindString(rec.FullText); m != "" {
				t.Errorf("a citation marker or its remains (%q) is left in the full text", m)
			}
		})
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

func TestLookup_ArticleWithoutBodyIsARecordWithoutFullText(t *testing.T) {
	// PMC's answer for an article outside the open-access subset: the
	// front matter, and a comment where the body would be.
	body := articleset([]byte(`<article article-type="research-article"><front><article-meta>
<article-id pub-id-type="pmc">1234567</article-id><article-id pub-id-type="doi">10.1000/closed</article-id>
<title-group><article-title>A closed article</article-title></title-group>
<abstract><p>Its abstract is all there is.</p></abstract></article-meta></front>
<!--The publisher of this article does not allow downloading of the full text in XML form.--></article>`))
	srv := registrytest.NewServer(t, efetch("1234567", body))
	r, _ := newRegistry(srv)
	rec, err := lookup(r, "PMC1234567")
	if err != nil {
		t.Fatal(err)
	}
	if rec.FullText != "" || rec.Title != "A closed article" || rec.Abstract != "Its abstract is all there is." || rec.DOI != "10.1000/closed" {
		t.Errorf("record %+v", rec)
	}
}

func TestLookup_AnswersThatAreNoArticle(t *testing.T) {
	for _, tc := range []struct {
		name      string
		body      string
		status    int
		notFound  bool
		wantInErr string
	}{
		{"unknown PMCID", `<?xml version="1.0"?><pmc-articleset><error id="99999999">The following PMCID is not available: 99999999</error></pmc-articleset>`, 200, true, "not available"},
		{"empty id list", `<?xml version="1.0"?><eFetchResult><ERROR>ID list is empty! Possibly it has no correct IDs.</ERROR></eFetchResult>`, 400, true, "ID list is empty"},
		{"backend error", `<?xml version="1.0"?><eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>`, 200, false, "Unable to obtain"},
		{"HTML", `<!DOCTYPE html><html><body>Error</body></html>`, 200, false, "not XML"},
		{"other XML", `<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>`, 200, false, "no <article>"},
		{"server error page", `Internal error`, 500, false, "HTTP 500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := efetch("99999999", []byte(tc.body))
			in.Status = tc.status
			srv := registrytest.NewServer(t, in)
			r, _ := newRegistry(srv)
			_, err := lookup(r, "PMC99999999")
			if got := errors.Is(err, registry.ErrNotFound); got != tc.notFound {
				t.Fatalf("err %v: not found %v, want %v", err, got, tc.notFound)
			}
			if !tc.notFound && !registry.IsUnavailable(err) {
				t.Errorf("err %v is not *registry.Unavailable", err)
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantInErr) {
				t.Errorf("err %v does not say %q", err, tc.wantInErr)
			}
		})
	}
}

func TestLookup_MisbehavingServer(t *testing.T) {
	for _, tc := range []struct {
		name     string
		faults   []registrytest.Fault
		retries  int
		ok       bool
		requests int
		reason   string
	}{
		{"429 with Retry-After, then the answer", []registrytest.Fault{registrytest.TooMany}, 1, true, 2, ""},
		{"503 every time", []registrytest.Fault{registrytest.Busy, registrytest.Busy}, 1, false, 2, "HTTP 503"},
		{"timeout", []registrytest.Fault{registrytest.Slow}, -1, false, 1, "timed out"},
		{"garbage", []registrytest.Fault{registrytest.Garbage}, -1, false, 1, "not XML"},
		{"HTML error page", []registrytest.Fault{registrytest.HTMLError}, -1, false, 1, "not XML"},
		{"cut short", []registrytest.Fault{registrytest.Truncated}, -1, false, 1, "cut short"},
		{"bot protection", []registrytest.Fault{registrytest.Forbidden}, -1, false, 1, "HTTP 403"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := registrytest.NewServer(t, efetch("3585041", articleset(nxml(t, "pntd.0002065.nxml"))))
			r, c := newRegistry(srv)
			c.Retries = tc.retries
			srv.SlowFor, c.Timeout = time.Second, 50*time.Millisecond
			srv.Then(tc.faults...)
			rec, err := lookup(r, "PMC3585041")
			if got := len(srv.Requests()); got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			if tc.ok {
				if err != nil || rec.FullText == "" {
					t.Fatalf("err %v, full text %d bytes", err, len(rec.FullText))
				}
				return
			}
			var u *registry.Unavailable
			if !errors.As(err, &u) || u.Registry != "pmc" || !strings.Contains(err.Error(), tc.reason) {
				t.Fatalf("err %v, want pmc unavailable: %s", err, tc.reason)
			}
		})
	}
}

func TestLookup_AsksByPMCIDDigitsWithToolAndEmail(t *testing.T) {
	srv := registrytest.NewServer(t, efetch("3585041", articleset(nxml(t, "pntd.0002065.nxml"))))
	r, _ := newRegistry(srv)
	if _, err := lookup(r, "pmc3585041"); err != nil {
		t.Fatal(err)
	}
	q := srv.Requests()[0].URL.Query()
	if q.Get("db") != "pmc" || q.Get("id") != "3585041" || q.Get("tool") != "evident" || q.Get("email") != "editor@example.org" {
		t.Errorf("query %v", q)
	}
}

func TestLookup_OnlyPMCIDs(t *testing.T) {
	srv := registrytest.NewServer(t)
	r, _ := newRegistry(srv)
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.1000/x"}); !errors.Is(err, registry.ErrNotSupported) {
		t.Errorf("DOI: err %v, want not supported", err)
	}
	if _, err := lookup(r, "PMC1,2"); !errors.Is(err, registry.ErrMalformed) {
		t.Errorf("PMC1,2: err %v, want malformed", err)
	}
	if _, err := r.Search(context.Background(), "anything"); !errors.Is(err, registry.ErrNotSupported) {
		t.Errorf("Search: err %v", err)
	}
	if len(srv.Requests()) != 0 {
		t.Errorf("%d requests sent for nothing to ask", len(srv.Requests()))
	}
}

func TestReadArticle_DropsWhatIsNotProse(t *testing.T) {
	a, ok := ParseArticle([]byte(`<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><body>
<sec><title>Results</title>
<p>Risk rose by 12% <xref ref-type="bibr" rid="b1">[1]</xref>, <xref ref-type="bibr" rid="b2">[2]</xref>–<xref ref-type="bibr" rid="b4">[4]</xref>. Levels fell<sup><xref ref-type="bibr" rid="b5">5</xref>,<xref ref-type="bibr" rid="b6">6</xref></sup> in mice (<xref ref-type="bibr" rid="b7">Smith et al. 2001</xref>; <xref ref-type="bibr" rid="b8">Li 2002</xref>).</p>
<p>As <xref ref-type="bibr" rid="b7">Smith et al. (2001)</xref> showed, dose mattered (see <xref ref-type="fig" rid="f1">Figure 1</xref>) with <inline-formula><mml:math><mml:mi>x</mml:mi></mml:math></inline-formula> fixed (e.g., <xref ref-type="bibr" rid="b9">[9]</xref>).</p>
<table-wrap><caption><p>Table caption text</p></caption><table><tr><td>cell text here</td></tr></table></table-wrap>
<fig><caption><title>Figure title.</title><p>A caption sentence.</p></caption><graphic href="f1.tif"/></fig>
<disp-formula><mml:math><mml:mi>y</mml:mi></mml:math></disp-formula>
<p>A list follows:<list><list-item><p>first item</p></list-item></list>and the paragraph goes on.</p>
<supplementary-material><caption><p>Supplementary text</p></caption></supplementary-material>
</sec></body><back><ref-list><ref id="b1"><mixed-citation>A reference title</mixed-citation></ref></ref-list></back></article>`))
	if !ok {
		t.Fatal("no article")
	}
	want := strings.Join([]string{
		"Results",
		"Risk rose by 12%. Levels fell in mice.",
		"As Smith et al. (2001) showed, dose mattered (see Figure 1) with fixed.",
		"Figure title.",
		"A caption sentence.",
		"A list follows:",
		"first item",
		"and the paragraph goes on.",
	}, "\n")
	if a.FullText != want {
		t.Errorf("full text:\n%s\nwant:\n%s", a.FullText, want)
	}
}

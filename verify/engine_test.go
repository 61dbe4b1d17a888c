package verify

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

type fakes struct {
	crossref, doi, pubmed, openalex *fakeRegistry
	cache                           *memCache
	v                               *Verifier
}

func newFakes() *fakes {
	f := &fakes{crossref: newFake("crossref"), doi: newFake("doi.org"), pubmed: newFake("pubmed"), openalex: newFake("openalex"), cache: &memCache{}}
	f.v = &Verifier{Crossref: f.crossref, DOI: f.doi, PubMed: f.pubmed, OpenAlex: f.openalex, Cache: f.cache}
	return f
}

func (f *fakes) verifyOne(t *testing.T, tg Target) Result {
	t.Helper()
	rep, err := f.v.Verify(context.Background(), []Target{tg})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.References) != 1 {
		t.Fatalf("%d results, want 1", len(rep.References))
	}
	return rep.References[0]
}

const sepsisTitle = "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)"

func sepsisRef(fields ...string) *corpus.Reference {
	return mkRef("singer2016", "Singer, Mervyn and Deutschman, Clifford S. and Seymour, Christopher Warren", sepsisTitle, 2016,
		append([]string{"journal", "JAMA", "volume", "315"}, fields...)...)
}

func TestVerify_DOIAtCrossrefIsVerified(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	res := f.verifyOne(t, Target{Key: "singer2016", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Verified || res.Record == nil || res.Record.Registry != "crossref" {
		t.Fatalf("got %+v, want verified from crossref", res)
	}
	if f.doi.lookups != 0 || f.openalex.lookups != 0 {
		t.Errorf("doi.org asked %d times, openalex %d; a Crossref record needs neither", f.doi.lookups, f.openalex.lookups)
	}
}

func TestVerify_OtherAgencyDOIGoesToDOIOrgAndOpenAlex(t *testing.T) {
	f := newFakes()
	rec := registry.Record{Registry: "doi.org", DOI: "10.5281/zenodo.1", Title: "A dataset of sepsis cases", Authors: authors("Ana Silva"), Year: 2020}
	f.doi.add(rec)
	f.openalex.add(registry.Record{Registry: "openalex", DOI: "10.5281/zenodo.1", Retracted: true})
	ref := mkRef("silva2020", "Silva, Ana", "A dataset of sepsis cases", 2020, "doi", "10.5281/zenodo.1")
	res := f.verifyOne(t, Target{Key: "silva2020", Ref: ref})
	if res.Verdict != Verified || res.Record.Registry != "doi.org" {
		t.Fatalf("got %+v", res)
	}
	if len(res.Updates) != 1 || res.Updates[0].Type != registry.Retraction || res.Updates[0].Source != "openalex" {
		t.Errorf("updates %+v, want OpenAlex's retraction", res.Updates)
	}
}

func TestVerify_NotFoundEverywhereSaysWhatIsOftenUnindexed(t *testing.T) {
	f := newFakes()
	ref := mkRef("x", "Nobody, A", "An invented study of nothing", 2020, "journal", "Journal of Nothing", "doi", "10.9999/invented")
	res := f.verifyOne(t, Target{Key: "x", Ref: ref})
	if res.Verdict != NotFound {
		t.Fatalf("verdict %s (%s), want not-found", res.Verdict, res.Message)
	}
	if !strings.Contains(res.Message, "books, theses, reports") || strings.Contains(strings.ToLower(res.Message), "fabricat") {
		t.Errorf("message %q", res.Message)
	}
	if f.crossref.lookups != 1 || f.doi.lookups != 1 || len(f.crossref.queries) != 1 || len(f.pubmed.queries) != 1 {
		t.Errorf("asked crossref %d, doi.org %d, searched crossref %d pubmed %d; want 1 each",
			f.crossref.lookups, f.doi.lookups, len(f.crossref.queries), len(f.pubmed.queries))
	}
}

func TestVerify_UnavailableIsUnknownNamingWhichAndWhy(t *testing.T) {
	f := newFakes()
	f.crossref.down, f.doi.down, f.pubmed.down = "HTTP 503", "timed out", "HTTP 503"
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Unknown {
		t.Fatalf("verdict %s, want unknown", res.Verdict)
	}
	for _, want := range []string{"crossref", "HTTP 503", "doi.org", "timed out"} {
		if !strings.Contains(res.Message, want) {
			t.Errorf("message %q lacks %q", res.Message, want)
		}
	}
}

func TestVerify_CrossrefDownDOIOrgAnswers(t *testing.T) {
	f := newFakes()
	f.crossref.down = "HTTP 503"
	rec := *record()
	rec.Registry = "doi.org"
	f.doi.add(rec)
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Verified {
		t.Fatalf("verdict %s (%s), want verified through doi.org", res.Verdict, res.Message)
	}
}

func TestVerify_PastedDOIIsWrongIdentifier(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	ref := mkRef("fake", "Nguyen, Tran", "Deep learning predicts protein folding in marine sponges", 2021, "doi", "10.1001/jama.2016.0287")
	res := f.verifyOne(t, Target{Key: "fake", Ref: ref})
	if res.Verdict != WrongIdentifier || !strings.Contains(res.Message, "DOI 10.1001/jama.2016.0287") {
		t.Fatalf("got %s %q", res.Verdict, res.Message)
	}
}

func TestVerify_NoIdentifierFoundBySearch(t *testing.T) {
	f := newFakes()
	f.crossref.searches["Consensus Definitions"] = []registry.Record{
		{Registry: "crossref", DOI: "10.1/other", Title: "Sepsis in the elderly", Authors: authors("A Jones"), Year: 2016},
		*record(),
	}
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef()})
	if res.Verdict != Verified || res.Record.DOI != "10.1001/jama.2016.0287" {
		t.Fatalf("got %s %+v", res.Verdict, res.Record)
	}
	if q := f.crossref.queries[0]; !strings.Contains(q, "Singer") || !strings.Contains(q, "2016") || !strings.Contains(q, "JAMA") {
		t.Errorf("query %q lacks author, year or venue", q)
	}
}

func TestVerify_UnregisteredDOIOnAnExistingWorkIsMismatchOnDOI(t *testing.T) {
	f := newFakes()
	f.crossref.searches["Consensus Definitions"] = []registry.Record{*record()}
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef("doi", "10.1001/jama.2016.9999")})
	if res.Verdict != Mismatch || len(res.Differences) != 1 || res.Differences[0].Field != "doi" {
		t.Fatalf("got %s %+v", res.Verdict, res.Differences)
	}
}

func TestVerify_SearchBelowThresholdIsNotFound(t *testing.T) {
	f := newFakes()
	f.crossref.searches["Consensus"] = []registry.Record{{Registry: "crossref", DOI: "10.1/x", Title: "Consensus on sepsis care bundles", Authors: authors("Mervyn Singer"), Year: 2016}}
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef()})
	if res.Verdict != NotFound {
		t.Fatalf("got %s %+v", res.Verdict, res.Record)
	}
}

func TestVerify_PubMedIsTheSecondChance(t *testing.T) {
	f := newFakes()
	rec := *record()
	rec.Registry, rec.PMID = "pubmed", "26903338"
	f.pubmed.searches["Consensus Definitions"] = []registry.Record{rec}
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef()})
	if res.Verdict != Verified || res.Record.PMID != "26903338" {
		t.Fatalf("got %s %+v", res.Verdict, res.Record)
	}
}

func TestVerify_PMIDAndArXivDispatch(t *testing.T) {
	f := newFakes()
	rec := *record()
	rec.Registry, rec.PMID = "pubmed", "26903338"
	f.pubmed.add(rec)
	res := f.verifyOne(t, Target{Key: "s", Ref: sepsisRef("pmid", "26903338")})
	if res.Verdict != Verified || f.crossref.lookups != 0 {
		t.Fatalf("PMID: got %s, crossref asked %d times", res.Verdict, f.crossref.lookups)
	}
	f.doi.add(registry.Record{Registry: "doi.org", DOI: "10.48550/arxiv.1706.03762", Title: "Attention Is All You Need", Authors: authors("Ashish Vaswani"), Year: 2017, PublishedAs: "10.5555/3295222.3295349"})
	res = f.verifyOne(t, Target{Key: "v", IDs: corpus.Identifiers{ArXiv: "1706.03762"}})
	if res.Verdict != Verified || !strings.Contains(res.Message, "published since as DOI 10.5555/3295222.3295349") {
		t.Fatalf("arXiv: got %s %q", res.Verdict, res.Message)
	}
}

type fakeRetractions map[string][]registry.Update

func (f fakeRetractions) Notices(ids corpus.Identifiers) []registry.Update {
	return append(f[ids.DOI], f[ids.PMID]...)
}

func TestVerify_NoticesFromRecordAndRetractionWatchAreDeduplicated(t *testing.T) {
	f := newFakes()
	rec := *record()
	rec.Updates = []registry.Update{{Type: registry.Retraction, DOI: "10.1001/jama.2020.1", Date: "2020-01-02", Source: "publisher"}}
	f.crossref.add(rec)
	f.v.Retractions = fakeRetractions{"10.1001/jama.2016.0287": {
		{Type: registry.Retraction, DOI: "10.1001/JAMA.2020.1", Date: "2020-01-02", Source: "retraction-watch"},
		{Type: registry.ExpressionOfConcern, DOI: "10.1001/jama.2019.5", Source: "retraction-watch"},
	}}
	rep, err := f.v.Verify(context.Background(), []Target{{Key: "s", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")}})
	if err != nil {
		t.Fatal(err)
	}
	us := rep.References[0].Updates
	if len(us) != 2 || us[0].Source != "publisher" || us[1].Type != registry.ExpressionOfConcern {
		t.Errorf("updates %+v, want the publisher's retraction once and the concern", us)
	}
	if rep.Summary.Retracted != 1 || rep.Summary.Concerns != 1 {
		t.Errorf("summary %+v", rep.Summary)
	}
}

func TestVerify_MalformedDOIIsNamedAndSkipped(t *testing.T) {
	f := newFakes()
	ref := sepsisRef()
	ref.Fields = append(ref.Fields, corpus.Field{Name: "doi", Raw: "doi:n/a", Value: "doi:n/a"})
	f.crossref.down = "offline"
	res := f.verifyOne(t, Target{Key: "s", Ref: ref})
	if res.Verdict != Unknown || !strings.Contains(res.Message, `malformed DOI "doi:n/a" skipped`) {
		t.Fatalf("got %s %q", res.Verdict, res.Message)
	}
	if f.crossref.lookups != 0 {
		t.Errorf("a malformed DOI was looked up")
	}
}

func TestVerify_SecondRunFromTheCacheAsksNothing(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	targets := []Target{
		{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")},
		{Key: "b", Ref: mkRef("b", "Nobody, A", "Nothing", 2020, "doi", "10.9/none")},
		{Key: "c", Ref: sepsisRef()},
	}
	first, err := f.v.Verify(context.Background(), targets)
	if err != nil {
		t.Fatal(err)
	}
	asked := f.crossref.lookups + f.doi.lookups + len(f.crossref.queries) + len(f.pubmed.queries)
	second, err := f.v.Verify(context.Background(), targets)
	if err != nil {
		t.Fatal(err)
	}
	if again := f.crossref.lookups + f.doi.lookups + len(f.crossref.queries) + len(f.pubmed.queries); again != asked {
		t.Errorf("the second run asked %d more times", again-asked)
	}
	for i := range first.References {
		if a, b := first.References[i].Verdict, second.References[i].Verdict; a != b {
			t.Errorf("%s: %s then %s", targets[i].Key, a, b)
		}
	}
}

func TestVerify_OfflineUsesOnlyTheCache(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	f.v.Opts.Offline = true
	res := f.verifyOne(t, Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Unknown || !strings.Contains(res.Message, "offline") || f.crossref.lookups != 0 {
		t.Fatalf("offline, empty cache: %s %q, %d lookups", res.Verdict, res.Message, f.crossref.lookups)
	}
	f.cache.Put(LookupKey("crossref", registry.ID{Kind: registry.DOI, Value: "10.1001/jama.2016.0287"}),
		Entry{Record: record(), Fetched: time.Now().Add(-365 * 24 * time.Hour)})
	res = f.verifyOne(t, Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Verified || f.crossref.lookups != 0 {
		t.Fatalf("offline, cached a year ago: %s, %d lookups", res.Verdict, f.crossref.lookups)
	}
}

func TestVerify_StaleRetractionStatusIsFetchedAgain(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	key := LookupKey("crossref", registry.ID{Kind: registry.DOI, Value: "10.1001/jama.2016.0287"})
	f.cache.Put(key, Entry{Record: record(), Fetched: time.Now().Add(-8 * 24 * time.Hour)})
	f.verifyOne(t, Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if f.crossref.lookups != 1 {
		t.Fatalf("a record cached 8 days ago was not fetched again")
	}
	// Fetched again, but the registry is down: the cached record serves,
	// marked.
	f.cache.Put(key, Entry{Record: record(), Fetched: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	f.v.Opts.MaxAge = 100 * 365 * 24 * time.Hour
	f.crossref.down = "HTTP 503"
	res := f.verifyOne(t, Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Verified || !strings.Contains(res.Message, "retraction status as of 2026-01-02") {
		t.Fatalf("got %s %q", res.Verdict, res.Message)
	}
}

func TestVerify_RefreshIgnoresTheCache(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	f.v.Opts.Refresh = true
	tg := Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")}
	f.verifyOne(t, tg)
	f.verifyOne(t, tg)
	if f.crossref.lookups != 2 {
		t.Errorf("%d lookups with --refresh, want 2", f.crossref.lookups)
	}
}

func TestVerify_InterruptReturnsResultsSoFar(t *testing.T) {
	f := newFakes()
	f.crossref.add(*record())
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	f.v.Opts.Progress = func(done, total int) {
		n = done
		if done == 2 {
			cancel()
		}
	}
	tg := Target{Key: "a", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")}
	rep, err := f.v.Verify(ctx, []Target{tg, tg, tg, tg})
	if !errors.Is(err, context.Canceled) || len(rep.References) != 2 || n != 2 {
		t.Fatalf("err %v, %d results, progress %d", err, len(rep.References), n)
	}
}

func TestFetch_DispatchesLikeVerify(t *testing.T) {
	f := newFakes()
	f.doi.add(registry.Record{Registry: "doi.org", DOI: "10.5281/zenodo.1", Title: "Data"})
	rec, err := f.v.Fetch(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.5281/zenodo.1"})
	if err != nil || rec.Title != "Data" {
		t.Fatalf("got %+v, %v", rec, err)
	}
	if _, err := f.v.Fetch(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.9/none"}); !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("unknown DOI: %v, want ErrNotFound", err)
	}
	f.pubmed.down = "HTTP 503"
	if _, err := f.v.Fetch(context.Background(), registry.ID{Kind: registry.PMID, Value: "1"}); !registry.IsUnavailable(err) {
		t.Errorf("PubMed down: %v, want unavailable", err)
	}
}

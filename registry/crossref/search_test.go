package crossref

import (
	"context"
	"encoding/csv"
	"os"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// searchOf returns the interaction of a cassette whose query asks for q
// (the recordings asked with query.title; the replay server matches by
// path and shared parameters, so each search is served alone).
func searchOf(t *testing.T, cassette, param, q string) registrytest.Interaction {
	t.Helper()
	for _, in := range load(t, cassette) {
		if p, v := in.Path(); p == "/works" && v.Get(param) == q {
			return in
		}
	}
	t.Fatalf("%s: no search for %q", cassette, q)
	return registrytest.Interaction{}
}

func TestSearch_SendsTheWholeReferenceAndReturnsScoredCandidates(t *testing.T) {
	const title = "Effect of native oxide layers on copper thin-film tensile properties: A study"
	srv := registrytest.NewServer(t, searchOf(t, "test_bad_titles.yaml", "query.title", title))
	r, _ := newTest(srv, testMailto)
	ref := "Skarlinski MD, Quesnel DJ.  Effect of native oxide layers on copper thin-film\n tensile properties: A study. J Appl Phys. 2015;118:235306."
	recs, err := r.Search(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d candidates, want the 1 recorded", len(recs))
	}
	got := recs[0]
	if got.DOI != "10.1063/1.4938384" || got.Score != 49.65263 || got.Year != 2015 || got.Authors[0].Family != "Skarlinski" ||
		got.Venue != "Journal of Applied Physics" || got.Title != "Effect of native oxide layers on copper thin-film tensile properties: A reactive molecular dynamics study" {
		t.Errorf("candidate %+v", got)
	}
	q := srv.Requests()[0].URL.Query()
	if q.Get("query.bibliographic") != "Skarlinski MD, Quesnel DJ. Effect of native oxide layers on copper thin-film tensile properties: A study. J Appl Phys. 2015;118:235306." ||
		q.Get("rows") != "5" || q.Get("mailto") != testMailto {
		t.Errorf("query %v", q)
	}
}

func TestSearch_NoHitIsNoCandidate(t *testing.T) {
	srv := registrytest.NewServer(t, searchOf(t, "test_bad_titles.yaml", "query.title", "askldjrq3rjaw938h"))
	r, _ := newTest(srv, testMailto)
	recs, err := r.Search(context.Background(), "askldjrq3rjaw938h")
	if err != nil || len(recs) != 0 {
		t.Fatalf("got %v, %v; want no candidates and no error", recs, err)
	}
}

func TestSearch_EmptyReferenceAsksNothing(t *testing.T) {
	srv := registrytest.NewServer(t)
	r, c := newTest(srv, "")
	if recs, err := r.Search(context.Background(), " \n\t"); recs != nil || err != nil || c.Sent() != 0 {
		t.Fatalf("got %v, %v, %d sent", recs, err, c.Sent())
	}
}

func TestSearch_LongReferenceIsClipped(t *testing.T) {
	srv := registrytest.NewServer(t, searchOf(t, "test_bad_titles.yaml", "query.title", "askldjrq3rjaw938h"))
	r, _ := newTest(srv, "")
	long := ""
	for len(long) < 3*maxQuery {
		long += "word é "
	}
	if _, err := r.Search(context.Background(), long); err != nil {
		t.Fatal(err)
	}
	q := srv.Requests()[0].URL.Query().Get("query.bibliographic")
	if len(q) > maxQuery || len(q) < maxQuery-10 || q[len(q)-1] == ' ' {
		t.Errorf("query of %d bytes ending %q", len(q), q[max(0, len(q)-8):])
	}
}

// The recording that goes with the Retraction Watch sample: a search (with
// select=DOI,author,container-title,title, so no updated-by in it) finds a
// Hindawi paper that Retraction Watch lists as retracted. Crossref's
// search alone does not say so; the join by DOI with the Retraction Watch
// data, or a lookup of the full record, does.
func TestSearch_RetractionStatusRecording(t *testing.T) {
	const title = "The Dilemma and Countermeasures of Music Education under the Background of Big Data"
	srv := registrytest.NewServer(t, load(t, "test_crossref_retraction_status.yaml")...)
	r, _ := newTest(srv, testMailto)
	recs, err := r.Search(context.Background(), title)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d candidates", len(recs))
	}
	got := recs[0]
	if got.DOI != "10.1155/2022/8341966" || got.Title != title || len(got.Authors) != 1 || got.Authors[0] != (registry.Author{Family: "Han", Given: "Jiaye"}) ||
		got.Venue != "Wireless Communications and Mobile Computing" || got.Year != 0 || got.Score != 0 || len(got.Updates) != 0 {
		t.Errorf("candidate %+v", got)
	}

	f, err := os.Open(registrytest.Corpus(t, "retractionwatch/stub_retractions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, row := range rows[1:] {
		if row[col["OriginalPaperDOI"]] == got.DOI {
			if row[col["RetractionNature"]] != "Retraction" {
				t.Errorf("Retraction Watch: %s is %q", got.DOI, row[col["RetractionNature"]])
			}
			return
		}
	}
	t.Errorf("Retraction Watch sample does not list %s", got.DOI)
}

// A search is paced as one (a second apart until Crossref's headers say
// otherwise), a lookup as a single record.
func TestSearch_IsPacedAsASearch(t *testing.T) {
	srv := registrytest.NewServer(t, searchOf(t, "test_bad_titles.yaml", "query.title", "askldjrq3rjaw938h"))
	var waits []time.Duration
	c := &registry.Client{Sleep: func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}}
	r := New(c, registry.Settings{CrossrefURL: srv.URL})
	for range 2 {
		if _, err := r.Search(context.Background(), "askldjrq3rjaw938h"); err != nil {
			t.Fatal(err)
		}
	}
	if len(waits) != 2 || waits[1] < 900*time.Millisecond {
		t.Errorf("waits %v: the second search must wait about a second", waits)
	}
}

package crossref

import (
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/registry"
)

// The works below are written for these tests, in the shape of Crossref's
// answers, for what no permissively licensed recording shows: a retraction
// reported by Retraction Watch, a notice's update-to, has-preprint,
// organisations as authors, and the type slips of real deposits.

func workJSON(message string) []byte {
	return []byte(`{"status":"ok","message-type":"work","message-version":"1.0.0","message":` + message + `}`)
}

func mustParse(t *testing.T, message string) registry.Record {
	t.Helper()
	rec, err := parseWork(workJSON(message))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestParseWork_UpdatedByFromPublisherAndRetractionWatch(t *testing.T) {
	rec := mustParse(t, `{"DOI":"10.1155/2022/8341966","title":["T"],"updated-by":[
		{"updated":{"date-parts":[[2023,10,11]],"date-time":"2023-10-11T00:00:00Z"},"DOI":"10.1155/2023/9867143","type":"retraction","source":"publisher","label":"Retraction"},
		{"updated":{"date-parts":[[2023,10,11]]},"DOI":"10.1155/2023/9867143","type":"retraction","source":"retraction-watch","label":"Retraction","record-id":56362},
		{"updated":{"date-parts":[[2023,10,11]]},"DOI":"10.1155/2023/9867143","type":"retraction","source":"retraction-watch","label":"Retraction"},
		{"updated":{"date-parts":[[2021,3]]},"DOI":"10.1000/EOC","type":"expression_of_concern","source":"publisher"},
		{"updated":{"date-parts":[[2020]]},"DOI":"https://doi.org/10.1000/err","type":"erratum"},
		{"updated":{"date-parts":[[2019,1,2]]},"DOI":"10.1000/w","type":"Withdrawal","source":"Retraction_Watch"},
		{"updated":{"date-parts":[[2019,1,2]]},"DOI":"10.1000/p","type":"partial_retraction","source":"publisher"},
		{"DOI":"10.1000/v","type":"new_version","source":"publisher"},
		{"DOI":"10.1000/l","label":"Expression of Concern"},
		{"DOI":"10.1000/none"}
	]}`)
	want := []registry.Update{
		{Type: registry.Retraction, DOI: "10.1155/2023/9867143", Date: "2023-10-11", Source: "publisher"},
		{Type: registry.Retraction, DOI: "10.1155/2023/9867143", Date: "2023-10-11", Source: "retraction-watch"},
		{Type: registry.ExpressionOfConcern, DOI: "10.1000/eoc", Date: "2021-03", Source: "publisher"},
		{Type: registry.Correction, DOI: "10.1000/err", Date: "2020", Source: "publisher"},
		{Type: registry.Withdrawal, DOI: "10.1000/w", Date: "2019-01-02", Source: "retraction-watch"},
		{Type: "partial-retraction", DOI: "10.1000/p", Date: "2019-01-02", Source: "publisher"},
		{Type: "new-version", DOI: "10.1000/v", Source: "publisher"},
		{Type: registry.ExpressionOfConcern, DOI: "10.1000/l", Source: "publisher"},
	}
	if !reflect.DeepEqual(rec.Updates, want) {
		t.Errorf("updates\n got %+v\nwant %+v", rec.Updates, want)
	}
	if rec.UpdateTo != nil {
		t.Errorf("update-to %+v on an original work", rec.UpdateTo)
	}
}

func TestParseWork_NoticeSaysWhatItUpdates(t *testing.T) {
	rec := mustParse(t, `{"DOI":"10.1155/2023/9867143","type":"journal-article","title":["Retracted: The Dilemma and Countermeasures of Music Education under the Background of Big Data"],
		"update-to":[{"updated":{"date-parts":[[2023,10,11]]},"DOI":"10.1155/2022/8341966","type":"retraction","source":"publisher","label":"Retraction"}]}`)
	want := []registry.Update{{Type: registry.Retraction, DOI: "10.1155/2022/8341966", Date: "2023-10-11", Source: "publisher"}}
	if !reflect.DeepEqual(rec.UpdateTo, want) || rec.Updates != nil {
		t.Errorf("update-to %+v, updates %+v", rec.UpdateTo, rec.Updates)
	}
}

func TestParseWork_RelationsGivePreprintsAndPubMedIDs(t *testing.T) {
	rec := mustParse(t, `{"DOI":"10.1016/j.xgen.2025.100814","relation":{
		"has-preprint":[{"id-type":"doi","id":"10.1101/2024.04.01.587366","asserted-by":"object"},{"id-type":"doi","id":"10.1101/2024.04.01.587366"},{"id-type":"uri","id":"https://example.org/x"}],
		"is-identical-to":[{"id-type":"pmid","id":"39999999"},{"id-type":"pmcid","id":"PMC1234567"}],
		"cites":[{"id-type":"pmid","id":"111"}],
		"is-preprint-of":{"id-type":"doi","id":"10.1000/single-object"}
	}}`)
	if !reflect.DeepEqual(rec.Preprints, []string{"10.1101/2024.04.01.587366"}) {
		t.Errorf("preprints %v", rec.Preprints)
	}
	if rec.PMID != "39999999" || rec.PMCID != "PMC1234567" {
		t.Errorf("pmid %q pmcid %q; a cited work's PMID must not be taken", rec.PMID, rec.PMCID)
	}
	if rec.PublishedAs != "10.1000/single-object" {
		t.Errorf("published as %q", rec.PublishedAs)
	}
}

func TestParseWork_Authors(t *testing.T) {
	rec := mustParse(t, `{"DOI":"10.1000/a","author":[
		{"given":"B","family":"Second","sequence":"additional"},
		{"name":"The &amp; Consortium","sequence":"first"},
		{"given":"Plato","sequence":"additional"},
		{"given":" ","family":"","sequence":"additional"},
		"not an author",
		null,
		{"given":"Ana","family":"<i>Cunha</i>","sequence":"additional"}
	],"editor":[{"given":"E","family":"Editor"}]}`)
	want := []registry.Author{{Literal: "The & Consortium"}, {Family: "Second", Given: "B"}, {Family: "Plato"}, {Family: "Cunha", Given: "Ana"}}
	if !reflect.DeepEqual(rec.Authors, want) {
		t.Errorf("authors\n got %+v\nwant %+v", rec.Authors, want)
	}
	rec = mustParse(t, `{"DOI":"10.1000/b","type":"edited-book","editor":[{"given":"E","family":"Editor","sequence":"first"}]}`)
	if !reflect.DeepEqual(rec.Authors, []registry.Author{{Family: "Editor", Given: "E"}}) || rec.Type != "book" {
		t.Errorf("an edited book is cited by its editors: %+v, %s", rec.Authors, rec.Type)
	}
}

func TestParseWork_TitleWithSubtitle(t *testing.T) {
	for _, c := range []struct{ title, subtitle, want string }{
		{`["Main"]`, `["Sub"]`, "Main: Sub"},
		{`["Main: Sub"]`, `["Sub"]`, "Main: Sub"},
		{`["Why?"]`, `["Because"]`, "Why? Because"},
		{`["Main"]`, `[""]`, "Main"},
		{`["", "Second"]`, `[]`, "Second"},
		{`"A string, not a list"`, `null`, "A string, not a list"},
		{`["<i>E. coli</i> in\n   water &amp; soil"]`, `[]`, "E. coli in water & soil"},
		{`[]`, `["Only sub"]`, "Only sub"},
	} {
		rec := mustParse(t, `{"DOI":"10.1000/t","title":`+c.title+`,"subtitle":`+c.subtitle+`}`)
		if rec.Title != c.want {
			t.Errorf("title %s subtitle %s: %q, want %q", c.title, c.subtitle, rec.Title, c.want)
		}
	}
}

// Real deposits put numbers where strings belong, strings in date-parts,
// nulls anywhere; each costs its field, never the record.
func TestParseWork_TypeSlipsCostTheFieldNotTheRecord(t *testing.T) {
	rec := mustParse(t, `{"DOI":"10.1000/Slip","volume":12,"issue":"3 ","page":{"x":1},"article-number":"e5",
		"issued":{"date-parts":[["2019","7",null]]},"published-print":{"date-parts":[[2018,1,1]]},
		"container-title":"Journal","short-container-title":[null,"J."],"type":"proceedings-article",
		"author":{"family":"Solo","given":"Han","sequence":"first"},"updated-by":"nonsense","relation":[],"score":"x"}`)
	want := registry.Record{
		Registry: "crossref", DOI: "10.1000/slip", Volume: "12", Issue: "3", Pages: "e5", Year: 2019, Month: 7,
		Venue: "Journal", VenueShort: "J.", Type: "paper-conference", PubTypes: []string{"proceedings-article"},
		Authors: []registry.Author{{Family: "Solo", Given: "Han"}},
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("\n got %+v\nwant %+v", rec, want)
	}
	// issued with no year gives way to the other dates.
	rec = mustParse(t, `{"DOI":"10.1000/d","issued":{"date-parts":[[null]]},"published-online":{"date-parts":[[2020,13]]}}`)
	if rec.Year != 2020 || rec.Month != 0 {
		t.Errorf("year %d month %d, want 2020 and no month", rec.Year, rec.Month)
	}
}

func TestParseWork_RefusesWhatIsNotAWork(t *testing.T) {
	for _, body := range []string{
		``,
		`<!DOCTYPE html><html><body>Error</body></html>`,
		`{"status":"ok","message-type":"work","message":{"DOI":"10.1000/x"`,
		`{"status":"ok","message-type":"work-list","message":{"items":[]}}`,
		`{"status":"failed","message-type":"work","message":{"DOI":"10.1000/x"}}`,
		`{"status":"ok","message-type":"work","message":{"title":["no DOI"]}}`,
		`{"status":"ok","message-type":"work","message":{"DOI":"not a doi"}}`,
		`{"status":"ok","message-type":"work","message":"Resource not found."}`,
		`[1,2,3]`,
		`null`,
	} {
		if rec, err := parseWork([]byte(body)); err == nil {
			t.Errorf("%.60q parsed to %+v", body, rec)
		}
	}
}

func TestParseList_KeepsOrderAndScoresAndDropsItemsWithoutDOI(t *testing.T) {
	recs, err := parseList([]byte(`{"status":"ok","message-type":"work-list","message":{"items":[
		{"DOI":"10.1000/b","score":12.5,"title":["B"]},
		{"title":["no DOI"],"score":99},
		{"DOI":"10.1000/a","score":40,"title":["A"]}
	]}}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.DOI+" "+r.Title)
		if r.Score == 0 {
			t.Errorf("%s: no score", r.DOI)
		}
	}
	if strings.Join(got, ", ") != "10.1000/b B, 10.1000/a A" || recs[0].Score != 12.5 {
		t.Errorf("candidates %v", got)
	}
}

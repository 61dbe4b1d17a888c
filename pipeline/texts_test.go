package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

// recordVerifier answers each target with a verdict and a record whose
// abstract is the one given for its key.
type recordVerifier struct {
	verdict   verify.Verdict
	abstracts map[string]string
}

func (v recordVerifier) Verify(ctx context.Context, ts []verify.Target) (*verify.Report, error) {
	rep := &verify.Report{}
	for _, t := range ts {
		rec := &registry.Record{Registry: "pubmed", Title: "A title", Abstract: v.abstracts[t.Key]}
		rep.References = append(rep.References, verify.Result{Key: t.Key, Verdict: v.verdict, Record: rec})
	}
	return rep, nil
}

const textsArticle = "# A\n\nBrisk walking lowered systolic blood pressure in older adults [@walk].\n"

// titleOnly is a library of one work with a title alone.
func titleOnly() []*corpus.Reference {
	return []*corpus.Reference{{Key: "walk", Type: "article", Title: "Walking", Year: 2021}}
}

func evidenceOf(t *testing.T, o Options, lib []*corpus.Reference) *corpus.Evidence {
	t.Helper()
	o.Settings = defaults
	checked, err := CheckAll(context.Background(), []Input{{Path: "a.md", Format: corpus.Markdown, Data: []byte(textsArticle)}}, lib, o)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range checked[0].Report.Claims {
		for _, l := range c.Citations {
			if l.Evidence != nil {
				return l.Evidence
			}
		}
	}
	t.Fatal("no evidence on the citation")
	return nil
}

func TestCheck_VerifyFetchedAbstractCountsInTheSameRun(t *testing.T) {
	abs := map[string]string{"walk": "Brisk walking lowered systolic blood pressure in older adults by 5 mmHg."}
	fetched := NewFetched()
	ev := evidenceOf(t, Options{Verify: recordVerifier{verify.Verified, abs}, Fetched: fetched}, titleOnly())
	if ev.Verdict != corpus.VerdictSupports || ev.Source != corpus.SourceAbstract || !strings.Contains(ev.Why, "PubMed record") {
		t.Errorf("evidence = %+v; want the fetched abstract to support the claim", ev)
	}
	if fetched.Len() != 1 {
		t.Errorf("Fetched holds %d works, want the one verified", fetched.Len())
	}

	// A record of another work says nothing of the work cited.
	wrong := NewFetched()
	ev = evidenceOf(t, Options{Verify: recordVerifier{verify.WrongIdentifier, abs}, Fetched: wrong}, titleOnly())
	if ev.Verdict != corpus.VerdictNoText || wrong.Len() != 0 {
		t.Errorf("evidence = %+v with %d kept; want no text from a wrong-identifier record", ev, wrong.Len())
	}
}

func TestCheck_StoredTextIsReadNotTheReference(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "lib.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := titleOnly()[0]
	if _, err := st.Update(func(tx *store.Tx) error {
		if err := tx.Put(r); err != nil {
			return err
		}
		_, err := tx.AddRecordText("walk", "crossref", "Brisk walking lowered systolic blood pressure in older adults by 5 mmHg.", "", nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// The reference itself has no abstract: only the stored text can
	// support the claim.
	ev := evidenceOf(t, Options{Texts: st}, titleOnly())
	if ev.Verdict != corpus.VerdictSupports || !strings.Contains(ev.Why, "Crossref record") {
		t.Errorf("evidence with the stored text = %+v", ev)
	}
	if ev := evidenceOf(t, Options{}, titleOnly()); ev.Verdict != corpus.VerdictNoText {
		t.Errorf("evidence without the library's texts = %+v, want no-text", ev)
	}

	// Saving what a run fetched writes the library's text, in one write.
	f := NewFetched()
	f.Add("walk", &registry.Record{Registry: "pubmed", Abstract: "Walking did not change diastolic pressure."})
	f.Add("gone", &registry.Record{Registry: "pubmed", Abstract: "A work no longer in the library."})
	ch, err := f.Save(st)
	if err != nil || len(ch.Texts) != 1 || ch.Texts[0] != "walk" {
		t.Errorf("Save = %+v, %v; want the text of walk changed", ch, err)
	}
}

package store

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
)

// withAbstract returns ref(key...) with an abstract field.
func withAbstract(key, abstract string) *corpus.Reference {
	r := ref(key, "Title of "+key, 2020, "Smith", "")
	r.Fields = append(r.Fields, corpus.Field{Name: "abstract", Raw: "{" + abstract + "}", Value: abstract})
	return r
}

// sentencesOf returns the passages of the stored text of key.
func sentencesOf(t *testing.T, s *Store, key string) []string {
	t.Helper()
	src, err := s.Text(key)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range src.Passages() {
		out = append(out, p.Source+": "+p.Text)
	}
	return out
}

func TestTexts_FollowPutReplaceAndDelete(t *testing.T) {
	s := newStore(t)
	ch := put(t, s, withAbstract("a", "Exercise reduced back pain in adults. It did so within six weeks of starting."),
		ref("b", "Only a title here", 2020, "Jones", ""))
	if len(ch.Texts) != 0 {
		t.Errorf("Changes.Texts = %v after putting the references: their texts go with them", ch.Texts)
	}
	want := []string{"abstract: Exercise reduced back pain in adults.", "abstract: It did so within six weeks of starting."}
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, want) {
		t.Errorf("text of a = %q, want %q", got, want)
	}
	if got, _ := s.Text("b"); got != nil {
		t.Errorf("a work with only a title has a text: %+v", got)
	}

	// Replaced: the text is the new abstract's.
	put(t, s, withAbstract("a", "Walking raised mood in older people over a year."))
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, []string{"abstract: Walking raised mood in older people over a year."}) {
		t.Errorf("text of a after a replace = %q", got)
	}

	// Deleted: the text goes in the same transaction.
	if _, err := s.Update(func(tx *Tx) error { return tx.Delete("a") }); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Text("a"); got != nil {
		t.Errorf("the text of a deleted reference is still stored: %+v", got)
	}
}

func TestTexts_RegistryAbstractStandsInAndOwnWins(t *testing.T) {
	s := newStore(t)
	put(t, s, ref("a", "A trial", 2020, "Smith", "10.1/a"))
	ch, err := s.Update(func(tx *Tx) error {
		changed, err := tx.AddRecordText("a", "pubmed", "Statins lowered cholesterol in the trial's adults.", "Methods\nWe gave statins to adults for a year and measured cholesterol.", []string{"Randomized Controlled Trial"})
		if !changed {
			t.Error("AddRecordText reported no change")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ch.Texts, []string{"a"}) || ch.Generation != 2 {
		t.Errorf("Changes = %+v, want Texts [a] and the generation moved on (the index holds passages)", ch)
	}
	src, _ := s.Text("a")
	txt := src.Text("a", "A trial")
	want := []string{
		"abstract: Statins lowered cholesterol in the trial's adults.",
		"fulltext: We gave statins to adults for a year and measured cholesterol.",
	}
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, want) {
		t.Errorf("text = %q, want %q (the heading is no sentence)", got, want)
	}
	if txt.AbstractFrom != "pubmed" || txt.Design != "randomised trial" {
		t.Errorf("AbstractFrom %q, Design %q; want pubmed and randomised trial", txt.AbstractFrom, txt.Design)
	}

	// The same record again changes nothing.
	if _, err := s.Update(func(tx *Tx) error {
		changed, err := tx.AddRecordText("a", "pubmed", "Statins lowered cholesterol in the trial's adults.", "Methods\nWe gave statins to adults for a year and measured cholesterol.", []string{"Randomized Controlled Trial"})
		if changed {
			t.Error("the same record again reported a change")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}

	// The work's own abstract, when it gets one, wins; the registry's full
	// text stays after it.
	r := withAbstract("a", "Our own abstract says statins work in adults.")
	r.IDs.DOI = "10.1/a"
	put(t, s, r)
	want = []string{
		"abstract: Our own abstract says statins work in adults.",
		"fulltext: We gave statins to adults for a year and measured cholesterol.",
	}
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, want) {
		t.Errorf("text with the work's own abstract = %q, want %q", got, want)
	}

	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.AddRecordText("nobody", "pubmed", "An abstract of nothing at all.", "", nil)
		if !strings.Contains(err.Error(), "not found") {
			t.Errorf("AddRecordText for a missing key: %v", err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func TestTexts_AttachedFileReadAgainOnlyWhenItChanged(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "full.txt")
	if err := os.WriteFile(file, []byte("The full text says exercise helps pain.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := ref("a", "A work", 2020, "Smith", "")
	r.Fields = append(r.Fields, corpus.Field{Name: "file", Raw: "{" + file + "}", Value: file})
	put(t, s, r)
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, []string{"fulltext: The full text says exercise helps pain."}) {
		t.Fatalf("text = %q", got)
	}

	// Put back unchanged, with the file as it was: nothing changes.
	if ch := put(t, s, r); !ch.empty() {
		t.Errorf("putting an unchanged reference with an unchanged file changed %+v", ch)
	}

	// The file changes: the next put of the same reference reads it again.
	if err := os.WriteFile(file, []byte("The new full text says rest helps pain more.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(file, later, later); err != nil {
		t.Fatal(err)
	}
	ch := put(t, s, r)
	if !slices.Equal(ch.Texts, []string{"a"}) || len(ch.Put) != 0 {
		t.Errorf("Changes = %+v, want the text of a changed and no reference", ch)
	}
	if got := sentencesOf(t, s, "a"); !slices.Equal(got, []string{"fulltext: The new full text says rest helps pain more."}) {
		t.Errorf("text after the file changed = %q", got)
	}
}

func TestTexts_SizeIsBounded(t *testing.T) {
	s := newStore(t)
	var b strings.Builder
	for i := range 4000 {
		b.WriteString("Sentence number ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(" of a very long abstract indeed ")
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(time.Duration(i).String())
		b.WriteString(". ")
	}
	put(t, s, withAbstract("long", b.String()))
	src, _ := s.Text("long")
	if n := len(src.Passages()); n != 3000 {
		t.Errorf("a work of 4,000 sentences keeps %d passages, want the bound of 3,000", n)
	}
}

func TestOpen_Schema5LibraryGetsTexts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, withAbstract("a", "Coffee drinkers slept less than others in the cohort."), ref("b", "Title only", 2020, "Jones", ""))
	// Back to schema 5: no texts bucket.
	rewind(t, s, 5, nil, bucketTexts)
	s.Close()

	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if r.HasTexts() {
		t.Error("a reader of a schema 5 library sees a texts bucket")
	}
	if got, err := r.Text("a"); got != nil || err != nil {
		t.Errorf("a reader of a schema 5 library: %v, %v; want no text and no error", got, err)
	}
	r.Close()

	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if u := w.Upgraded(); u.From != 5 || u.To != SchemaVersion || u.Texts != 1 {
		t.Errorf("Upgraded() = %+v, want from 5 with 1 text built", u)
	}
	if got := sentencesOf(t, w, "a"); !slices.Equal(got, []string{"abstract: Coffee drinkers slept less than others in the cohort."}) {
		t.Errorf("text of a after the upgrade = %q", got)
	}
}

func TestTexts_EncodingRoundTrips(t *testing.T) {
	src := &evidence.Source{PubTypes: "Review", Parts: []evidence.Part{
		{From: evidence.FromFile, Source: corpus.SourceFullText, Path: "a.html", Size: 10, MTime: 20, Sentences: []string{"One two three."}},
		{From: evidence.FromFile, Source: corpus.SourceFullText, Path: "b.pdf", Problem: "b.pdf: PDF text is not read"},
	}}
	v, err := encodeText(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeText("lib", []byte("k"), v)
	if err != nil {
		t.Fatal(err)
	}
	if got.PubTypes != src.PubTypes || len(got.Parts) != 2 || got.Parts[0].MTime != 20 || got.Parts[1].Problem == "" {
		t.Errorf("round trip = %+v", got)
	}
	if _, err := decodeText("lib", []byte("k"), []byte("garbage")); err == nil || !strings.Contains(err.Error(), "text of k") {
		t.Errorf("a damaged text: %v", err)
	}
}

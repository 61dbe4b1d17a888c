package evidence

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
)

// fakeFile is an os.FileInfo of a size and a time.
type fakeFile struct {
	os.FileInfo
	size int64
	mod  time.Time
}

func (f fakeFile) Size() int64        { return f.size }
func (f fakeFile) ModTime() time.Time { return f.mod }

// passageTexts lists a text's passages as "source: text".
func passageTexts(t Text) []string {
	var out []string
	for _, p := range t.Passages {
		out = append(out, p.Source+": "+p.Text)
	}
	return out
}

func TestBuildSource_ReadsAFileAgainOnlyWhenItsFingerprintChanged(t *testing.T) {
	files := map[string]string{"/lib/a.txt": "The attached text says walking helps.\n"}
	reads := 0
	open := func(path string) ([]byte, error) {
		reads++
		s, ok := files[path]
		if !ok {
			return nil, errors.New(path + ": no such file")
		}
		return []byte(s), nil
	}
	mod := time.Unix(1000, 0)
	stat := func(path string) (os.FileInfo, error) {
		return fakeFile{size: int64(len(files[path])), mod: mod}, nil
	}
	r := &corpus.Reference{Key: "a", Fields: []corpus.Field{{Name: "file", Raw: "{/lib/a.txt}", Value: "/lib/a.txt"}}}
	first := BuildSource(r, nil, open, stat)
	if reads != 1 {
		t.Fatalf("first build read %d files, want 1", reads)
	}
	again := BuildSource(r, first, open, stat)
	if reads != 1 || !slices.EqualFunc(first.Parts, again.Parts, equalPart) {
		t.Errorf("an unchanged file was read again (%d reads) or changed: %+v", reads, again.Parts)
	}
	files["/lib/a.txt"] = "The attached text now says resting helps more than walking.\n"
	mod = mod.Add(time.Second)
	changed := BuildSource(r, again, open, stat)
	if reads != 2 {
		t.Errorf("a changed file was not read again (%d reads)", reads)
	}
	if got := passageTexts(changed.Text("a", "")); !slices.Equal(got, []string{"fulltext: The attached text now says resting helps more than walking."}) {
		t.Errorf("text after the change = %q", got)
	}
}

func TestSourceText_OwnAbstractWinsThenFilesThenRegistryFullText(t *testing.T) {
	r := &corpus.Reference{Key: "a", Title: "A trial", Fields: []corpus.Field{{Name: "abstract", Value: "Our own abstract says statins lower cholesterol."}}}
	s := BuildSource(r, nil, nil, nil)
	s, changed := s.WithRecord("crossref", "<jats:p>Crossref's abstract says statins lower cholesterol a lot.</jats:p>", "", nil)
	if !changed {
		t.Fatal("a new record changed nothing")
	}
	s, _ = s.WithRecord("pmc", "", "Introduction\nStatins were given to 300 adults for two years.\nResults\nCholesterol fell by a third in the statin group.", []string{"Randomized Controlled Trial"})
	txt := s.Text("a", "A trial")
	want := []string{
		"abstract: Our own abstract says statins lower cholesterol.",
		"fulltext: Statins were given to 300 adults for two years.",
		"fulltext: Cholesterol fell by a third in the statin group.",
	}
	if got := passageTexts(txt); !slices.Equal(got, want) {
		t.Errorf("passages = %q, want %q", got, want)
	}
	if txt.AbstractFrom != "" || txt.Design != "randomised trial" {
		t.Errorf("AbstractFrom %q (want none: the work's own), Design %q", txt.AbstractFrom, txt.Design)
	}
}

func TestSourceText_RegistryAbstractsRankedPubMedFirst(t *testing.T) {
	var s *Source
	s, _ = s.WithRecord("openalex", "OpenAlex rebuilt this abstract from an index.", "", nil)
	s, _ = s.WithRecord("crossref", "Crossref has the publisher's abstract here.", "", nil)
	s, _ = s.WithRecord("pubmed", "PubMed has the labelled abstract here.", "", nil)
	txt := s.Text("k", "")
	if got := passageTexts(txt); !slices.Equal(got, []string{"abstract: PubMed has the labelled abstract here."}) || txt.AbstractFrom != "pubmed" {
		t.Errorf("passages %q from %q; want PubMed's alone", got, txt.AbstractFrom)
	}
	// A newer record of one registry replaces its older one.
	s, _ = s.WithRecord("pubmed", "PubMed has a corrected abstract now.", "", nil)
	if got := passageTexts(s.Text("k", "")); !slices.Equal(got, []string{"abstract: PubMed has a corrected abstract now."}) {
		t.Errorf("after a newer PubMed record: %q", got)
	}
	if _, changed := s.WithRecord("pubmed", "", "  ", nil); changed {
		t.Error("a record without text changed the text")
	}
	if _, changed := s.WithRecord("file", "Not a registry at all.", "", nil); changed {
		t.Error("a record named like a part of the reference's own changed the text")
	}
}

func TestReadText_SameAsTheStoredPath(t *testing.T) {
	r := &corpus.Reference{Key: "k", Title: "T", Fields: []corpus.Field{
		{Name: "abstract", Value: "Walking lowered blood pressure. Walking lowered blood pressure. It did so in a cohort of adults."},
		{Name: "pubmed-pt", Value: "Journal Article; Cohort Studies"},
	}}
	a := ReadText(r, nil)
	b := BuildSource(r, nil, nil, nil).Text("k", "T")
	if !slices.Equal(passageTexts(a), passageTexts(b)) || a.Design != b.Design || len(a.Passages) != 2 {
		t.Errorf("ReadText %q (%s) and the stored path %q (%s) differ, or repeats were kept", passageTexts(a), a.Design, passageTexts(b), b.Design)
	}
}

// FuzzWithRecord: any registry abstract and full text become a text
// without a panic, within the bound, with no empty passage.
func FuzzWithRecord(f *testing.F) {
	f.Add("<jats:p>Walking helps.</jats:p>", "Methods\nWe walked.\r\nResults\nIt helped a lot.")
	f.Add("", "\n\n\n")
	f.Add("&amp;&lt;<<>>", strings.Repeat("a. ", 50))
	f.Fuzz(func(t *testing.T, abstract, fullText string) {
		var s *Source
		s, _ = s.WithRecord("pubmed", abstract, fullText, []string{"Review"})
		txt := s.Text("k", "t")
		if len(txt.Passages) > maxPassages {
			t.Fatalf("%d passages", len(txt.Passages))
		}
		for _, p := range txt.Passages {
			if strings.TrimSpace(p.Text) == "" || (p.Source != corpus.SourceAbstract && p.Source != corpus.SourceFullText) {
				t.Fatalf("passage %+v", p)
			}
		}
	})
}

// designByRegexps is designOf's text rule without the words that spare
// the regular expressions: what the words must not change.
func designByRegexps(text string) string {
	for _, p := range designPatterns {
		if p.re.MatchString(text) {
			return p.design
		}
	}
	return ""
}

// FuzzDesign_NeedWordsChangeNothing: skipping a design's regular
// expression when the text lacks its words gives the design the regular
// expressions alone give, for any text.
func FuzzDesign_NeedWordsChangeNothing(f *testing.F) {
	for _, s := range []string{"A RANDOMISED trial.", "A ſystematic review of trials.", "CASE-CONTROL", "We describe the patient.",
		"Cross-sectional survey", "A pooled analysis", "META-ANALYSES", "prospectively followed", "K\u212aRCT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lower, odd := strings.ToLower(text), foldsOdd(text)
		want := designByRegexps(text)
		got := ""
		for _, p := range designPatterns {
			if mayMatch(lower, p.need, odd) && p.re.MatchString(text) {
				got = p.design
				break
			}
		}
		if got != want {
			t.Fatalf("%q: %q with the words, %q without", text, got, want)
		}
	})
}

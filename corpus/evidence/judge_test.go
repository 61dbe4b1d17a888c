package evidence

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// exerciseAbstract is written for these tests, in the shape of a trial's
// abstract.
const exerciseAbstract = `Low back pain is a leading cause of disability worldwide. We randomly assigned 320 adults with chronic low back pain to supervised exercise therapy or usual care for 12 weeks. Exercise therapy reduced pain intensity by 35% compared with usual care. Disability scores also decreased in the exercise group. No serious adverse events were reported.`

const mouseAbstract = `Obesity alters the gut microbiome. Here we fed mice a high-fat diet for eight weeks. Mice on the high-fat diet gained more weight and showed increased insulin resistance compared with controls. Transplanting the microbiota of lean mice reduced weight gain.`

func judgeOf(t *testing.T, refs ...*corpus.Reference) *Judge {
	t.Helper()
	j, problems := NewFromRefs(refs, nil)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	return j
}

func ref(key, title, abstract string) *corpus.Reference {
	r := &corpus.Reference{Key: key, Title: title}
	if abstract != "" {
		set(r, "abstract", abstract)
	}
	return r
}

func TestEvidence_VerdictsOnWrittenPairs(t *testing.T) {
	j := judgeOf(t,
		ref("trial", "Exercise therapy for chronic low back pain", exerciseAbstract),
		ref("mice", "Diet and the gut microbiome of mice", mouseAbstract),
		ref("bare", "A study of something", ""),
	)
	cases := []struct {
		claim, key string
		want       corpus.Verdict
		passage    string // a part of the passage that must be shown
	}{
		{"Exercise therapy cut pain intensity in chronic low back pain by 35% compared with usual care.", "trial", corpus.VerdictSupports, "reduced pain intensity"},
		{"Exercise therapy increased pain intensity compared with usual care.", "trial", corpus.VerdictContradicts, "reduced pain intensity"},
		{"Exercise therapy reduced pain intensity by 60% compared with usual care.", "trial", corpus.VerdictContradicts, "35%"},
		{"Chronic back pain is treated with exercise therapy in many countries, at great cost to health services.", "trial", corpus.VerdictRelated, ""},
		{"Vaccination against measles prevents encephalitis in children.", "trial", corpus.VerdictUnrelated, ""},
		{"A high-fat diet increases insulin resistance in people.", "mice", corpus.VerdictRelated, "insulin resistance"},
		{"Anything at all about this study of something.", "bare", corpus.VerdictNoText, "A study of something"},
	}
	for _, c := range cases {
		ev, ok := j.Evidence(c.claim, c.key)
		if !ok {
			t.Fatalf("%s: unknown key", c.key)
		}
		if ev.Verdict != c.want {
			t.Errorf("%q → %s: verdict %s (%s; score %.2f; %q), want %s", c.claim, c.key, ev.Verdict, ev.Why, ev.Score, ev.Text, c.want)
		}
		if !strings.Contains(ev.Text, c.passage) {
			t.Errorf("%q: passage %q lacks %q", c.claim, ev.Text, c.passage)
		}
		if ev.Why == "" {
			t.Errorf("%q: no why", c.claim)
		}
	}
}

func TestEvidence_NoTextNeverGuessesFromTheTitle(t *testing.T) {
	j := judgeOf(t, ref("bare", "Exercise therapy reduces chronic low back pain", ""))
	ev, _ := j.Evidence("Exercise therapy reduces chronic low back pain.", "bare")
	if ev.Verdict != corpus.VerdictNoText || ev.Source != corpus.SourceTitle || ev.Score != 0 {
		t.Errorf("got %+v, want no-text from the title with score 0", ev)
	}
}

func TestEvidence_DesignFromTextAndPublicationType(t *testing.T) {
	trial := ref("trial", "t", exerciseAbstract)
	mice := ref("mice", "m", mouseAbstract)
	typed := ref("typed", "x", "We studied 200 patients with asthma who had been followed for ten years.")
	set(typed, "pubmed-pt", "Journal Article; Meta-Analysis")
	j := judgeOf(t, trial, mice, typed)
	for key, want := range map[string]string{"trial": DesignRCT, "mice": DesignAnimal, "typed": DesignMetaAnalysis} {
		if got := j.Design(key); got != want {
			t.Errorf("%s: design %q, want %q", key, got, want)
		}
	}
}

func TestCausalWords_NamesCausalAndCertainWords(t *testing.T) {
	cases := map[string][]string{
		"Coffee causes cancer and prevents dementia.": {"causes", "prevents"},
		"Smoking leads to lung disease.":              {"leads to"},
		"Coffee does not cause cancer.":               nil,
		"Coffee is associated with cancer.":           nil,
	}
	for claim, want := range cases {
		got := CausalWords(claim)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: %v, want %v", claim, got, want)
		}
	}
}

func TestFeatures_DirectionNegationNumbers(t *testing.T) {
	f := readFeatures("Exercise did not reduce pain, but it increased strength by 12.5% over 6 weeks.")
	if !f.null {
		t.Error("'did not reduce' is a null result")
	}
	if f.dir[axisAmount] != 1 {
		t.Errorf("amount direction %d, want +1 (increased)", f.dir[axisAmount])
	}
	var got []string
	for _, q := range f.quantities {
		got = append(got, q.text+"="+q.unit)
	}
	if strings.Join(got, " ") != "12.5%=% 6 weeks=week" {
		t.Errorf("quantities %v", got)
	}
	var rng []string
	for _, q := range quantities("a reduction of 30%-70% in 5-10 mg doses at 250 K") {
		rng = append(rng, q.text)
	}
	if strings.Join(rng, " ") != "30% 70% 10 mg 250 K" {
		t.Errorf("ranges and letter units: %q", rng)
	}
	// A percent range written with the sign once: both ends are
	// percentages, so a claim quoting the first is not contradicted.
	var pct []string
	for _, q := range quantities("transmittance from 85 to 10%, 30–70%, 37% in 1996 and 53% in 2001, from 2001 to 40%") {
		pct = append(pct, q.text+"="+q.unit)
	}
	if strings.Join(pct, " ") != "10%=% 70%=% 37%=% 53%=% 40%=% 85%=% 30%=%" {
		t.Errorf("percent ranges: %q", pct)
	}
	if qs := quantities("COVID-19 in 2020 and H1N1"); len(qs) != 0 {
		t.Errorf("identifiers and years are no quantities: %v", qs)
	}
}

func TestFilePaths_ReadsZoteroJabRefMendeley(t *testing.T) {
	cases := map[string][]string{
		`Full Text PDF:/home/a/Zotero/storage/X/paper.pdf:application/pdf;Snapshot:/home/a/s.html:text/html`: {"/home/a/Zotero/storage/X/paper.pdf", "/home/a/s.html"},
		`:papers/smith2019.nxml:XML`:           {"papers/smith2019.nxml"},
		`:C\:/Users/me/Docs/paper.html:html`:   {"C:/Users/me/Docs/paper.html"},
		`Full Text:C:/Users/me/paper.txt:text`: {"C:/Users/me/paper.txt"},
		`/plain/path.html`:                     {"/plain/path.html"},
		``:                                     nil,
	}
	for in, want := range cases {
		if got := FilePaths(in); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestReadText_AttachedFilesAndPDF(t *testing.T) {
	r := ref("w", "t", "")
	set(r, "file", "Snapshot:/x/page.html:text/html;Full Text:/x/paper.pdf:application/pdf")
	open := func(path string) ([]byte, error) {
		return []byte("<html><body><p>Aspirin lowered the rate of stroke by a fifth in the trial.</p></body></html>"), nil
	}
	txt := ReadText(r, open)
	if len(txt.Passages) != 1 || txt.Passages[0].Source != corpus.SourceFullText {
		t.Fatalf("passages %+v", txt.Passages)
	}
	if len(txt.Problems) != 1 || !strings.Contains(txt.Problems[0], "PDF") {
		t.Errorf("problems %v, want the PDF named", txt.Problems)
	}
}

func TestReadText_AbstractMarkupAndSentences(t *testing.T) {
	r := ref("w", "t", "<jats:p>Background text is here now.</jats:p><jats:p>Results were good &amp; strong overall.</jats:p>")
	txt := ReadText(r, nil)
	var got []string
	for _, p := range txt.Passages {
		got = append(got, p.Text)
	}
	if strings.Join(got, "|") != "Background text is here now.|Results were good & strong overall." {
		t.Errorf("passages %q", got)
	}
}

func set(r *corpus.Reference, name, value string) {
	r.Fields = append(r.Fields, corpus.Field{Name: name, Raw: "{" + value + "}", Value: value})
}

func TestAddFullText_FollowsTheAbstractWithoutHeadingsOrRepeats(t *testing.T) {
	ref := &corpus.Reference{Key: "k", Title: "T", Fields: []corpus.Field{{Name: "abstract", Value: "Sheep carried antibodies against the virus. It circulates quietly."}}}
	txt := ReadText(ref, nil)
	txt.AddFullText("Introduction\nSheep carried antibodies against the virus. Goats did too, in 21% of sera.\nMaterials and Methods\n\nBlood was drawn from the jugular vein.")
	var got []string
	for _, p := range txt.Passages {
		got = append(got, p.Source+": "+p.Text)
	}
	want := []string{
		"abstract: Sheep carried antibodies against the virus.",
		"abstract: It circulates quietly.",
		"fulltext: Goats did too, in 21% of sera.",
		"fulltext: Blood was drawn from the jugular vein.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("passages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

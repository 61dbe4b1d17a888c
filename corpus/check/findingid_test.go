package check_test

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// idDraft has findings of several kinds: uncited claims, a dangling
// number, an unmatched and an uncited list entry.
const idDraft = `# Sugar and health

Adults who drink two sugary drinks a day have a 26% higher risk of diabetes.
Deep networks learn features from raw data (1).
Most published findings in some fields are false (9).

Children now eat 40% more sugar than in 1990.

## References

1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44. doi:10.1038/nature14539
2. Nobody N. A work the library lacks. Journal of Nothing. 2011.
`

// idsByKey maps what each finding is about (code, sentence or message) to
// its id, so that two reports can be compared finding by finding.
func idsByKey(t *testing.T, rep *corpus.Report) map[string]string {
	t.Helper()
	text := map[string]string{}
	for _, c := range rep.Claims {
		text[c.ID] = c.Text
	}
	digits := regexp.MustCompile(`\d+`)
	out := map[string]string{}
	for _, f := range rep.Findings {
		k := f.Code + "|" + text[f.Claim] + "|" + f.Marker
		if f.Claim == "" {
			k = f.Code + "|" + digits.ReplaceAllString(f.Message, "#")
			for _, e := range rep.References {
				if e.Line == f.Line {
					k = f.Code + "|" + e.Text
				}
			}
		}
		if _, dup := out[k]; dup {
			t.Fatalf("two findings for %q", k)
		}
		out[k] = f.ID
	}
	return out
}

func TestFindingIDs_StayWhenTheArticleIsEditedElsewhere(t *testing.T) {
	before := run(t, "a.md", idDraft)
	if len(before.Findings) < 4 {
		t.Fatalf("want at least 4 findings to compare, got %d", len(before.Findings))
	}
	edits := map[string]string{
		"paragraphs inserted above": strings.Replace(idDraft, "# Sugar and health\n",
			"# Sugar and health\n\nAn introduction nobody asked for.\n\nIt runs to a second paragraph, with a new claim: 70% of readers skip it.\n", 1),
		"blank lines and spacing":      strings.ReplaceAll(strings.Replace(idDraft, "\n\n", "\n\n\n\n", -1), "a day have", "a day  have"),
		"a sentence deleted elsewhere": strings.Replace(idDraft, "Deep networks learn features from raw data (1).\n", "", 1),
		"moved to another file":        idDraft,
	}
	for name, edited := range edits {
		t.Run(name, func(t *testing.T) {
			path := "a.md"
			if name == "moved to another file" {
				path = "elsewhere/b.md"
			}
			after := idsByKey(t, run(t, path, edited))
			for k, id := range idsByKey(t, before) {
				if name == "a sentence deleted elsewhere" && strings.Contains(k, "Deep networks") {
					continue
				}
				if got, ok := after[k]; ok && got != id {
					t.Errorf("%s: id %s became %s", k, id, got)
				} else if !ok && !strings.Contains(k, "uncited-reference") {
					t.Errorf("%s: finding gone after the edit", k)
				}
			}
		})
	}
}

func TestFindingIDs_RenumberedListKeepsTheEntrysID(t *testing.T) {
	// A new first entry shifts every number: the entry labelled 1 is now
	// 2, and its finding keeps its id.
	draft := "Adults who drink two sugary drinks a day have a 26% higher risk of diabetes (1).\n\n## References\n\n1. Nobody N. A work the library lacks. Journal of Nothing. 2011.\n"
	renumbered := "Adults who drink two sugary drinks a day have a 26% higher risk of diabetes (2).\nA new claim cites the new entry: 30% of cases (1).\n\n## References\n\n1. Somebody S. Another missing work. Journal of Less. 2012.\n2. Nobody N. A work the library lacks. Journal of Nothing. 2011.\n"
	a, b := run(t, "a.md", draft), run(t, "a.md", renumbered)
	// The unmatched entry: its label moved from 1 to 2, its text did not.
	ua, ub := unmatchedID(t, a), unmatchedID(t, b, "Nobody")
	if ua != ub {
		t.Errorf("unmatched entry: id %s became %s when renumbered", ua, ub)
	}
}

func unmatchedID(t *testing.T, rep *corpus.Report, hint ...string) string {
	t.Helper()
	for _, f := range rep.Findings {
		if f.Code != "unmatched-reference" {
			continue
		}
		for _, e := range rep.References {
			if e.Line == f.Line && (len(hint) == 0 || strings.Contains(e.Text, hint[0])) {
				return f.ID
			}
		}
	}
	t.Fatalf("no unmatched-reference finding (hint %v): %+v", hint, rep.Findings)
	return ""
}

func TestFindingIDs_DistinctWithinAReport(t *testing.T) {
	// Each sentence cites a number beyond the list, so that each finding
	// is a dangling citation whatever the claim scorer makes of a sentence
	// said twice (it takes the second for a pull quote, no claim).
	const list = `
## References

1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44. doi:10.1038/nature14539
`
	draft := `Adults who drink two sugary drinks a day have a 26% higher risk of diabetes (7).
Adults who drink two sugary drinks a day have a 36% higher risk of diabetes (7).
Adults who drink two sugary drinks a day have a 26% higher risk of diabetes (7).
Deep networks learn features from raw data (8, 9).
` + list
	rep := run(t, "a.md", draft)
	seen := map[string]corpus.Finding{}
	for _, f := range rep.Findings {
		if !regexp.MustCompile(`^[a-z-]+:[0-9a-f]{10}(-[0-9]+)?$`).MatchString(f.ID) {
			t.Errorf("id %q is not CODE:10 hex digits", f.ID)
		}
		if !strings.HasPrefix(f.ID, f.Code+":") {
			t.Errorf("id %q does not start with its code %s", f.ID, f.Code)
		}
		if prev, dup := seen[f.ID]; dup {
			t.Errorf("id %s for two findings: %+v and %+v", f.ID, prev, f)
		}
		seen[f.ID] = f
	}
	// 26% and 36% are different claims; the sentence written twice gets
	// an ordinal; both numbers of (8, 9) dangle, each with an id.
	text := map[string]string{}
	for _, c := range rep.Claims {
		text[c.ID] = c.Text
	}
	var dangling26, dangling36, danglingDeep []string
	for _, id := range slices.Sorted(maps.Keys(seen)) {
		f := seen[id]
		if f.Code != "dangling-citation" {
			continue
		}
		switch {
		case strings.Contains(text[f.Claim], "26%"):
			dangling26 = append(dangling26, id)
		case strings.Contains(text[f.Claim], "36%"):
			dangling36 = append(dangling36, id)
		default:
			danglingDeep = append(danglingDeep, id)
		}
	}
	if len(dangling26) != 2 || dangling26[1] != dangling26[0]+"-2" {
		t.Errorf("the sentence written twice: %q, want an id and the same with -2", dangling26)
	}
	if len(dangling36) != 1 || slices.Contains(dangling26, dangling36[0]) {
		t.Errorf("the 36%% claim: %q, want an id of its own beside %q", dangling36, dangling26)
	}
	if len(danglingDeep) != 2 {
		t.Errorf("dangling = %q, want one id for each of 8 and 9", danglingDeep)
	}
	// The first of the repeated sentences keeps the plain id: it is the
	// same as in an article where the sentence stands once.
	once := run(t, "a.md", "Adults who drink two sugary drinks a day have a 26% higher risk of diabetes (7).\n"+list)
	var onceIDs []string
	for _, f := range once.Findings {
		if f.Code == "dangling-citation" {
			onceIDs = append(onceIDs, f.ID)
		}
	}
	if len(onceIDs) != 1 || len(dangling26) == 0 || onceIDs[0] != dangling26[0] {
		t.Errorf("the sentence alone has ids %q, not %q", onceIDs, dangling26)
	}
}

func TestFindingIDs_StoredReportWithoutIDsGetsThemOnRead(t *testing.T) {
	rep := run(t, "a.md", idDraft)
	want := make([]string, len(rep.Findings))
	for i := range rep.Findings {
		want[i] = rep.Findings[i].ID
		rep.Findings[i].ID = ""
	}
	data, err := corpus.EncodeReport(rep)
	if err != nil {
		t.Fatal(err)
	}
	back, err := corpus.DecodeReport(data)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range back.Findings {
		if f.ID != want[i] {
			t.Errorf("finding %d: id %q on read, want %q", i, f.ID, want[i])
		}
	}
}

func TestFindingIDs_OneDanglingCiteFixedLeavesTheOthersID(t *testing.T) {
	draft := "Deep networks learn features from raw data [@smith2031; @jones2032].\n"
	idOf := func(lib string) map[string]string {
		rep, err := check.Check("a.md", []byte(draft), corpus.Markdown, refs(t, lib), check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range rep.Findings {
			if f.Code == "dangling-citation" {
				out[f.Message] = f.ID
			}
		}
		return out
	}
	both := idOf(library)
	if len(both) != 2 {
		t.Fatalf("dangling findings: %v, want two", both)
	}
	// Whichever of the two is fixed, the other keeps its id.
	for _, key := range []string{"smith2031", "jones2032"} {
		one := idOf(library + "@article{" + key + ", author = {Smith, Ann}, title = {A work added later}, journal = {J}, year = 2031}\n")
		if len(one) != 1 {
			t.Fatalf("dangling findings after adding %s: %v, want one", key, one)
		}
		for msg, id := range one {
			if both[msg] != id {
				t.Errorf("%s: id %s became %s when %s resolved", msg, both[msg], id, key)
			}
		}
	}
}

package labelset

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/check"
)

// secondDir holds the blind second labelling of heldout5/ and heldout4/,
// the second labelling of heldout16/ (kinds/README.md, "Borderline
// cases") and the blind second labelling of heldout40/ to heldout63/,
// whose first labels are now the settled ones (kinds/README.md,
// "Twenty-ninth round"; second/adjudicated.tsv lists each settled row),
// and the blind second labelling of the trainer's 41 other pool sets,
// whose first labels are still their writers' (their settled labels are
// on branch wl-round29): one directory per labelled split, the same file
// names as the first labels.
var secondDir = filepath.Join("..", "..", "claim", "testdata", "kinds", "second")

// kappaFloor is a little under the kappa the two labellings reach over all
// 922 sentences (measured 0.927, see kinds/README.md; 918 sentences after the
// reader fixes, still 0.927): a relabelling of either set that loses
// alignment, or that drifts far from the other, fails. The seventh round's
// relabelling applied the guide's decisions to heldout4/ and heldout5/ and
// changed some labels both labellers had agreed on (announcing sentences, a
// key point): see kinds/README.md for the figures after it. heldout16/'s
// two labellings reach 0.975 over its 601 sentences.
const kappaFloor = 0.90

// TestSecondLabels_AlignAndAgreeWithTheFirst reads both labellings of each
// article that has two, checks that both follow the reader's sentences,
// and reports per kind the raw agreement on claim or not, Cohen's kappa,
// and the precision and recall of the first labels taken as a classifier
// with the second as the truth: over every sentence, and over the uncited
// ones, where an uncited-claim finding can be right or wrong. With
// EVIDENT_EXPLAIN_AGREEMENT=1 it lists every disagreement.
func TestSecondLabels_AlignAndAgreeWithTheFirst(t *testing.T) {
	seconds, err := filepath.Glob(filepath.Join(secondDir, "*", "*.labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	// Every article of the three labelled splits has its second labels.
	for _, split := range []string{"heldout5", "heldout4", "heldout16"} {
		firsts, _ := filepath.Glob(filepath.Join(secondDir, "..", split, "*.labels.tsv"))
		for _, f := range firsts {
			if _, err := os.Stat(filepath.Join(secondDir, split, filepath.Base(f))); err != nil {
				t.Errorf("%s/%s has no second labels: %v", split, filepath.Base(f), err)
			}
		}
	}
	if len(seconds) < 40 {
		t.Fatalf("%d second labels files under %s, want the 40 of heldout5/, heldout4/ and heldout16/", len(seconds), secondDir)
	}
	all := map[string]*Agreement{}     // kind -> every sentence
	uncited := map[string]*Agreement{} // kind -> sentences no counting citation covers
	// The scorer's uncited-claim findings against each labelling, to see
	// how much of its shortfall on heldout5/ the labeller accounts for:
	// Agreement's precision and recall with the findings as "first".
	scorerFirst := map[string]*Agreement{}
	scorerSecond := map[string]*Agreement{}
	explain := os.Getenv("EVIDENT_EXPLAIN_AGREEMENT") != ""
	for _, second := range seconds {
		split := filepath.Base(filepath.Dir(second))
		first := filepath.Join(secondDir, "..", split, filepath.Base(second))
		name := split + "/" + strings.TrimSuffix(filepath.Base(second), ".labels.tsv")
		kind, _, _ := strings.Cut(filepath.Base(second), "-")
		article, err := ArticleFor(first)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := CheckKeysKnown(article)
		if err != nil {
			t.Fatal(err)
		}
		one, err := ReadLabels(first)
		if err != nil {
			t.Fatal(err)
		}
		two, err := ReadLabels(second)
		if err != nil {
			t.Fatal(err)
		}
		if len(one) != len(rep.Claims) || len(two) != len(rep.Claims) {
			t.Errorf("%s: %d first and %d second labels for %d sentences", name, len(one), len(two), len(rep.Claims))
			continue
		}
		keys := []string{kind, split + "/" + kind, split + "/all", "all"}
		for _, k := range keys {
			if all[k] == nil {
				all[k], uncited[k] = &Agreement{}, &Agreement{}
				scorerFirst[k], scorerSecond[k] = &Agreement{}, &Agreement{}
			}
		}
		flagged := map[string]bool{}
		for _, f := range rep.Findings {
			if f.Code == check.CodeUncitedClaim {
				flagged[f.Claim] = true
			}
		}
		for i, c := range rep.Claims {
			for _, l := range []Label{one[i], two[i]} {
				if !strings.Contains(c.Text, l.Text) {
					t.Errorf("%s: label %q is not in sentence %d %q", name, l.Text, i+1, c.Text)
				}
			}
			for _, k := range keys {
				all[k].Add(one[i].Claim, two[i].Claim)
				if !Cited(c) {
					uncited[k].Add(one[i].Claim, two[i].Claim)
				}
				scorerFirst[k].Add(flagged[c.ID], one[i].Claim && !Cited(c))
				scorerSecond[k].Add(flagged[c.ID], two[i].Claim && !Cited(c))
			}
			if explain && one[i].Claim != two[i].Claim {
				t.Logf("  %s:%d first %s %d, second %s %d, cited=%v: %q", name, i+1, one[i].Category, bit(one[i].Claim),
					two[i].Category, bit(two[i].Claim), Cited(c), c.Text)
			}
		}
	}
	var kinds []string
	for k := range all {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("%-15s every sentence %s", k, all[k])
		t.Logf("%-15s uncited only   %s", k, uncited[k])
		t.Logf("%-15s scorer vs first labels: P %.3f R %.3f; vs second: P %.3f R %.3f", k, scorerFirst[k].Precision(),
			scorerFirst[k].Recall(), scorerSecond[k].Precision(), scorerSecond[k].Recall())
	}
	if got := all["all"].Kappa(); got < kappaFloor {
		t.Errorf("kappa over all sentences %.3f, floor %.2f", got, kappaFloor)
	}
}

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

package check_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/internal/labelset"
)

// The articles of five kinds under corpus/claim/testdata/kinds: a research
// paper, a news story, a health explainer, an essay and a scraped web page,
// in a tuning pool the scorer's model is trained on (tune/, tune2/,
// heldout2/, heldout3/, heldout4/, tune3/, heldout5/, tune4/, heldout6/,
// heldout7/, heldout8/, tune5/, heldout9/, heldout10/)
// and a held-out set it is not.
// Every sentence is labelled, before the scorer was run on it, as a claim
// that needs a source or not, with a category (testdata/kinds/README.md).

// kindFloors are the uncited-claim floors on the held-out articles, set a
// little under what the scorer reaches, so that a change that makes it
// worse fails; top10 is the share of true claims among each article's ten
// highest-scoring findings. The figures themselves are printed with -v.
//
// heldout4/, the held-out set of the fourth round, was measured once with
// the rules and once with the model of that round (all 0.688 / 0.875,
// top-10 0.612, then 0.721 / 0.909, 0.646) and then joined the pool.
// heldout5/, the held-out set of the fifth round, was written and labelled
// on its own branch and measured once, after the merge, with the model of
// the fourth round and with the model of the fifth (all 0.708 / 0.930,
// top-10 0.728, then 0.720 / 0.906, 0.742), and joined the pool in the
// sixth round. heldout6/, the held-out set of the sixth round, was written
// and labelled on its own branch and measured once after the merge: with
// the fifth round's model 0.775 / 0.823, top-10 0.787 (with that model
// retrained when the readers changed four pool sentences, 0.750 / 0.831,
// 0.761), and with the sixth round's 0.779 / 0.838, 0.793, and joined the
// pool in the seventh round. heldout7/, the held-out set of the seventh
// round, was written and labelled on its own branch and measured once after
// the merge: with the sixth round's model 0.647 / 0.902, top-10 0.693, and
// with the seventh round's (trees, trained on the relabelled pool with
// tune4/ and heldout6/) 0.695 / 0.879, 0.770, and joined the pool in the
// eighth round. heldout8/, the held-out set of the eighth round, was
// written and labelled on its own branch and measured once after the
// merge: with the seventh round's model 0.681 / 0.885, top-10 0.721, and
// with the eighth round's (the same trees, trained with heldout7/ in the
// pool) 0.692 / 0.885, 0.689, and joined the pool in the ninth round.
// heldout9/, the held-out set of the ninth round, was measured once with
// the eighth round's model (0.682 / 0.816, top-10 0.672) and once with
// the ninth's (trained with heldout8/ and tune5/ in the pool: 0.678 /
// 0.816, 0.675), and joined the pool in the tenth round, when its
// disagreements were read (papers with a "Background" heading were not
// read as papers). heldout10/, the held-out set of the tenth round,
// written and labelled on its own branch while the model changed, was
// measured once with the eighth round's model (0.765 / 0.760, top-10
// 0.761) and once with the tenth's (0.765 / 0.743, 0.781), and joined the
// pool in the eleventh round. heldout11/, the held-out set of the
// eleventh round, was measured once with the tenth round's model (0.656 /
// 0.793, top-10 0.673) and once with the eleventh's (datelines and pull
// quotes no claims, a threshold per kind of article: 0.671 / 0.800,
// 0.672), and joined the pool in the twelfth round, when its
// disagreements were read. heldout12/, the held-out set of the twelfth
// round, written and labelled on its own branch while the model changed,
// was measured once with the eleventh round's model (0.789 / 0.830, top-10
// 0.798) and once with the twelfth's (short pieces strung with "·" are
// page furniture, a wire story's version note a notice, "can report … on
// the website" a pointer, a paper's "Design" its own methods: 0.821 /
// 0.852, 0.825), and joined the pool in the thirteenth round, when its
// disagreements were read. heldout13/, the held-out set of the thirteenth
// round, was measured once with the twelfth round's model (0.822 / 0.822,
// top-10 0.794) and once with the thirteenth's (a verb the lists miss
// after a bare singular noun, orders after ", so" and after an opening
// phrase, wire credits, "this leaflet": 0.804 / 0.891, 0.795).
// heldout14/, the fourteenth round's, was measured once with the
// thirteenth round's model (0.811 / 0.835, top-10 0.833) and once with
// that model's trees trained again with heldout13/ in the pool and no
// other change (0.793 / 0.856, 0.793). That retraining was not kept.
// In the fifteenth round heldout13/ and heldout14/ were read (their
// disagreements listed by the trainer's -explain), so they are in the
// tuning split here, though the trees are still the thirteenth round's,
// trained without them (see poolDirs in the trainer). heldout15/, written
// and labelled on its own branch and never read, was measured four times,
// so its figures are not blind ones: with the thirteenth round's model
// (0.748 / 0.864, top-10 0.762); with four new cues and the trees trained
// with heldout13/ and heldout14/, one threshold for all kinds (0.723 /
// 0.900, 0.722); the same trained on the old pool (0.754 / 0.891, 0.748);
// and the larger pool with a threshold per kind of article (0.728 /
// 0.900, 0.728; fail.tex 9 uncited warnings against 7). None was kept
// (branch wl-round15): retrained, the trees trade precision and the top-10
// share for recall at the same F1. heldout16/, the sixteenth round's,
// written and labelled on its own branch and never read, was measured
// blind once with each of three models: the thirteenth round's (0.792 /
// 0.758, top-10 0.782), the fifteenth's (0.751 / 0.789, 0.760) and one
// whose threshold and candidate were ranked by the worst of precision,
// recall and the top-10 share rather than by F1 (0.781 / 0.708, 0.750).
// By a rule written before the first of them, the last would have landed
// only if its worst figure beat the thirteenth round's; it did not (branch
// wl-round16). In the seventeenth round heldout15/ and heldout16/ were
// read (their disagreements with the thirteenth round's model) and joined
// the tuning split, and the trainer's pool with heldout13/ and heldout14/.
// heldout17/, written and labelled on its
// own branch while the scorer changed and never read, was measured with
// the thirteenth round's model (0.851 / 0.887, top-10 0.867) and with the
// seventeenth's (the fifteenth round's cues and eleven more, 258 articles,
// one threshold: 0.871 / 0.901, 0.861); by a rule written before either,
// the new model landed because both its F1 and the worst of its three
// figures beat the old one's. It was measured again after one more cue
// (a paper's "The corpus …" is its own data) and retraining, with the
// same figures. In the eighteenth round heldout17/ was read and joined the
// tuning split (the trees are still the seventeenth round's, trained
// without it). heldout18/, written and labelled on its own branch and never
// read, was measured once with the seventeenth round's model (0.784 /
// 0.806, top-10 0.811) and once with the eighteenth's (four more cues,
// heldout17/ in the pool; 0.763 / 0.826, 0.800), which did not land by
// the same rule (branch wl-round18). heldout19/, the nineteenth round's,
// written the same way, was measured once with the seventeenth round's
// model (0.786 / 0.798, top-10 0.814) and once with the eighteenth round's
// cues and pool under the seventeenth round's threshold, held unless beaten
// by more than the noise (0.763 / 0.798, 0.790), which did not land either
// (branch wl-round19). heldout20/ and heldout21/, the twentieth round's,
// written by two writers at once, the same way, were measured once with
// the seventeenth round's model (together 0.785 / 0.817, top-10 0.815)
// and once with the twentieth's (the trees read one more input, a
// logistic regression over the hashed words trained with them; 0.825 /
// 0.823, 0.859), which landed by the same rule. A second model of that
// round keeps its words by name, not hashed; heldout22/ and heldout23/,
// written while it was built and after, were each measured once with the
// three models: together, the seventeenth round's 0.785 / 0.797, top-10
// 0.819; the first twentieth-round model's 0.805 / 0.787, 0.859; the
// second's 0.797 / 0.797, 0.852, whose F1 (0.797 against 0.796) and worst
// figure are the higher, so by the rule written before heldout23/ existed
// it replaced the first. heldout18/ to heldout23/, none of them read, were
// then the held-out split together, floored at the second model's figures
// on all six (0.795 / 0.820, top-10 0.836). In the twenty-first round they
// joined the pool (read by no one still), and heldout24/ and heldout25/,
// written by two writers at once on their own branches after a rule was
// written and never read, were measured once with the twentieth round's
// model (0.843 / 0.792, top-10 0.880) and once with the twenty-first's
// (0.869 / 0.837, 0.903), which landed. tune6/ (twelve papers outside
// medicine, written for fail.tex's voice) was then measured once with
// both models, never trained on: 0.912 / 0.697, 0.912 and 0.837 / 0.809,
// 0.835 (testdata/kinds/README.md, "Twenty-first round"). In the
// twenty-second round a model trained with tune6/, heldout24/ and
// heldout25/ too was measured once on heldout26/ and heldout27/, written
// after its rule: 0.795 / 0.829, top-10 0.858 against the shipped
// model's 0.820 / 0.829, 0.855, so it did not land (branch wl-round22).
// In the twenty-third round the same pool with a smaller vocabulary (the
// words of at least 10 training sets) read 0.873 / 0.843, top-10 0.898
// on heldout28/ and heldout29/, written after its rule, against the
// shipped model's 0.851 / 0.849, 0.879: the higher F1, but a lower worst
// figure, so by the rule it did not land either (branch wl-round23).
// In the twenty-fourth round that design trained with heldout26/ and
// heldout27/ too read 0.899 / 0.855, top-10 0.941 on heldout30/ and
// heldout31/ against the shipped model's 0.890 / 0.866, 0.952: the lower
// F1, not kept (branch wl-round24). heldout24/ to heldout31/, none of
// them read, were then the held-out split together (the shipped model's
// 0.858 / 0.846, top-10 0.897 on 1,388 uncited claims). In the
// twenty-fifth round they joined the pool with tune6/ (read by no one
// still), and heldout32/ to heldout39/, written by eight writers at once
// on their own branches after the round's rule and never read, were
// measured together once with the twenty-first round's model (0.864 /
// 0.881, top-10 0.911) and once with the twenty-fifth's (0.875 / 0.892,
// 0.918, 1,423 uncited claims): its F1 and its worst figure are the
// higher, but it flagged fail.tex's "Sadly their reasoning is, so far,
// inscrutable." again, which issue 16 names as noise, so it did not land
// (branch wl-round25). In the twenty-sixth round heldout32/ to heldout39/
// joined the pool too (615 articles), and heldout40/ to heldout47/,
// written the same way after the round's rule, were measured together
// once with the twenty-first round's model (0.859 / 0.868, top-10 0.904),
// once with the twenty-sixth's (0.860 / 0.904, 0.915, 1,420 uncited
// claims; fail.tex 13 warnings) and, for information, once with the
// twenty-fifth's (0.862 / 0.896, 0.913). The twenty-sixth round's landed.
// In the twenty-seventh round a model trained with heldout40/ to
// heldout47/ too (735 articles) read 0.860 / 0.890, top-10 0.903 on
// heldout48/ to heldout55/, written after its rule, against the
// twenty-sixth round's 0.865 / 0.892, 0.905: not kept (branch
// wl-round27). In the twenty-eighth round the twenty-sixth round's pool
// with a new input, shape trigrams in the word model (each word read as
// its class: a function word, a number, a name, its ending), read 0.879 /
// 0.876, top-10 0.924 on heldout40/ to heldout63/ together (heldout56/
// to heldout63/ written after its rule), against the shipped model's
// 0.866 / 0.897, 0.916: the lower F1, not kept (branch wl-round28).
// heldout40/ to heldout63/, never tuned or trained on, are the held-out
// split together (0.866 / 0.897, top-10 0.916 against their writers'
// labels, 4,199 uncited claims). In the twenty-ninth round each of them was
// labelled a second time, blind, and every disagreement settled by the
// rules by an adjudicator who did not know whose label was whose
// (testdata/kinds/README.md in corpus/claim, "Twenty-ninth round");
// against the settled labels the twenty-sixth round's model reads 0.891 /
// 0.884, top-10 0.919 over 4,383 uncited claims (the floors until the
// thirtieth round). The same
// design trained on the pool's settled labels read 0.899 / 0.901, top-10
// 0.921 there but was not landed: it missed plain statistics the shipped
// model flags and flagged fail.tex twice as often (branch wl-round29).
// The second labellers' and adjudicators' reports quoted some of the
// held-out sentences; no model was chosen or changed on them. In the
// thirtieth round heldout64/ to heldout71/, written after the round's rule
// by eight writers (with the settled conventions), were labelled a second
// time blind and settled blind before any model saw them (writers against
// second labels F1 0.973 on the uncited sentences), and measured once with
// the twenty-sixth round's model (0.888 / 0.868, top-10 0.903, 1,352
// uncited claims) and once with the thirtieth's: the pool's settled labels
// and a forest started from a fitted line over the rules' and the word
// model's log-odds (0.896 / 0.902, 0.910). It won the round's rule and
// landed (on heldout40/ to heldout63/ it reads 0.901 / 0.908, 0.926). The
// held-out split is heldout40/ to heldout71/ since, floored at the
// thirtieth round's figures: 0.900 / 0.907, top-10 0.922 over 5,735
// uncited claims. The thirty-first round's model (trained on twelve real
// articles beside the pool, and judged on four sealed real articles, since
// trained on) reads 0.890 / 0.908,
// top-10 0.917 there, F1 0.899 against 0.903: its rule allowed 0.01 less
// here for a gain on real writing, and the floors moved to its figures.
// The thirty-second round's (trained on sixteen real articles, each
// counted twice, and judged on three sealed ones:
// corpus/check/testdata/real-articles-sealed2/) reads 0.889 / 0.907,
// top-10 0.915, F1 0.898 against 0.899, inside the 0.01 its rule allowed,
// and the floors moved to its figures again.
// poolFloors guard the pool, where the model is trained, so they are no
// estimate of accuracy (the cross-validated figures, leaving out one
// labelled set and one article at a time, are in
// corpus/claim/weights_gen.go).
var kindFloors = map[string]kindFloor{
	"all":    {0.88, 0.90, 0.91},
	"essay":  {0.80, 0.83, 0.85},
	"health": {0.90, 0.87, 0.93},
	"news":   {0.93, 0.98, 0.98},
	"paper":  {0.89, 0.90, 0.90},
	"web":    {0.88, 0.86, 0.89},
}

// kindFloor is the least uncited-claim precision, recall and top-10 share
// a kind of article may reach.
type kindFloor struct{ precision, recall, top10 float64 }

// poolFloors are floors on the tuning split, in-sample, set a little under
// what the scorer reaches on it (the thirty-second round's model on the
// 615 articles it was trained on, with their settled labels, beside
// sixteen real articles counted twice: all 0.911 / 0.929, top-10 0.932;
// the thirty-first's, beside twelve counted once, read 0.917 / 0.935,
// 0.943; the thirtieth's, trained on the pool alone, 0.929 / 0.936, 0.951).
var poolFloors = map[string]kindFloor{
	"all":    {0.90, 0.92, 0.93},
	"essay":  {0.85, 0.87, 0.90},
	"health": {0.91, 0.91, 0.94},
	"news":   {0.93, 0.97, 0.99},
	"paper":  {0.88, 0.87, 0.88},
	"web":    {0.89, 0.92, 0.91},
}

// kindDirs are the directories of each split. tune2/, heldout2/, heldout3/,
// heldout4/, heldout5/, heldout6/, heldout7/, heldout8/, heldout9/,
// heldout10/, heldout11/, heldout12/, heldout13/, heldout14/, heldout15/,
// heldout16/ to heldout39/ were the held-out sets of earlier rounds; each
// joined the tuning split once it had been measured, and the trainer's
// pool with it (heldout17/ a round later, heldout18/ to heldout39/ unread;
// tune6/ and heldout24/ to heldout39/ in the twenty-sixth round).
var kindDirs = map[string][]string{
	"tune": {"tune", "tune2", "heldout2", "heldout3", "heldout4", "tune3", "heldout5", "tune4", "heldout6", "heldout7", "heldout8", "tune5", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "tune6", "heldout24", "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30", "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39"},
	// The twenty-sixth to twenty-eighth and thirtieth rounds' held-out
	// sets, each written and labelled on its own branch, labelled a second
	// time and settled blind, never tuned or trained on (measured with the
	// shipped model and their round's: see kindFloors).
	"heldout": {"heldout40", "heldout41", "heldout42", "heldout43", "heldout44", "heldout45", "heldout46", "heldout47", "heldout48", "heldout49", "heldout50", "heldout51", "heldout52", "heldout53", "heldout54", "heldout55", "heldout56", "heldout57", "heldout58", "heldout59", "heldout60", "heldout61", "heldout62", "heldout63", "heldout64", "heldout65", "heldout66", "heldout67", "heldout68", "heldout69", "heldout70", "heldout71"},
}

// kindScore counts uncited-claim findings against the labels, and how many
// of each article's ten highest-scoring findings are true claims.
type kindScore struct{ tp, fp, fn, tn, topTrue, topTaken int }

func (k *kindScore) add(truth, flagged bool) {
	switch {
	case truth && flagged:
		k.tp++
	case flagged:
		k.fp++
	case truth:
		k.fn++
	default:
		k.tn++
	}
}

func (k kindScore) precision() float64 { return share(k.tp, k.tp+k.fp) }
func (k kindScore) recall() float64    { return share(k.tp, k.tp+k.fn) }

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// top10 is the share of true claims among the ten highest-scoring findings
// of each article, over all articles: what an editor reading a ranked
// worklist from the top meets first.
func (k kindScore) top10() float64 { return share(k.topTrue, k.topTaken) }

func (k *kindScore) merge(o kindScore) {
	k.tp += o.tp
	k.fp += o.fp
	k.fn += o.fn
	k.tn += o.tn
	k.topTrue += o.topTrue
	k.topTaken += o.topTaken
}

func (k kindScore) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f (tp %d fp %d fn %d tn %d) top-10 %.3f (%d of %d)", k.precision(),
		k.recall(), k.tp, k.fp, k.fn, k.tn, k.top10(), k.topTrue, k.topTaken)
}

// checkLabelled checks one labelled article and scores its uncited-claim
// findings: a finding is right when the sentence is labelled a claim and
// carries no citation that counts.
func checkLabelled(t *testing.T, labelsPath string, explain bool) kindScore {
	t.Helper()
	path, err := labelset.ArticleFor(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	rep := checkCitedKeysKnown(t, path)
	flagged := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Code == check.CodeUncitedClaim {
			flagged[f.Claim] = true
		}
	}
	labels, err := labelset.ReadLabels(labelsPath)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	if len(labels) != len(rep.Claims) {
		t.Errorf("%s: %d labels for %d sentences", name, len(labels), len(rep.Claims))
	}
	var k kindScore
	type ranked struct {
		score float64
		claim bool
	}
	var flags []ranked
	for i, c := range rep.Claims {
		if i >= len(labels) {
			t.Errorf("%s: sentence %d %q has no label", name, i+1, c.Text)
			continue
		}
		l := labels[i]
		if !strings.Contains(c.Text, l.Text) {
			t.Fatalf("%s: label line %d %q is not in sentence %d %q", name, l.Line, l.Text, i+1, c.Text)
		}
		truth := l.Claim && !labelset.Cited(c)
		k.add(truth, flagged[c.ID])
		if flagged[c.ID] {
			flags = append(flags, ranked{c.Score, l.Claim})
		}
		if explain && truth != flagged[c.ID] {
			t.Logf("  %s:%d %s (%s) flagged=%v score %.2f %v: %q", name, l.Line, map[bool]string{true: "claim", false: "not"}[l.Claim],
				l.Category, flagged[c.ID], c.Score, c.Reasons, c.Text)
		}
	}
	// The worklist order: highest score first, reading order among equals.
	sort.SliceStable(flags, func(a, b int) bool { return flags[a].score > flags[b].score })
	for _, f := range flags[:min(10, len(flags))] {
		k.topTaken++
		if f.claim {
			k.topTrue++
		}
	}
	return k
}

// TestKinds_UncitedClaimPrecisionAndRecall measures uncited-claim per kind
// of article, on the tuning and the held-out articles apart, and holds the
// held-out figures to their floors.
func TestKinds_UncitedClaimPrecisionAndRecall(t *testing.T) {
	dir := filepath.Join("..", "claim", "testdata", "kinds")
	results := map[string]map[string]*kindScore{} // split -> kind -> score
	for _, split := range []string{"tune", "heldout"} {
		var files []string
		for _, d := range kindDirs[split] {
			got, err := filepath.Glob(filepath.Join(dir, d, "*.labels.tsv"))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, got...)
		}
		if len(files) == 0 && split == "heldout" {
			// The held-out set is written on its own branch and
			// joins this one when it is measured.
			t.Logf("%s: no articles on this branch", split)
			continue
		}
		if len(files) < 5 {
			t.Fatalf("%s: %d labelled articles, want at least one of each of five kinds", split, len(files))
		}
		results[split] = map[string]*kindScore{"all": {}}
		for _, f := range files {
			kind, _, _ := strings.Cut(filepath.Base(f), "-")
			// Only the tuning articles say which sentences the scorer
			// gets wrong: a held-out article is read for its figures.
			k := checkLabelled(t, f, split == "tune" || os.Getenv("EVIDENT_EXPLAIN_HELDOUT") != "")
			if results[split][kind] == nil {
				results[split][kind] = &kindScore{}
			}
			results[split][kind].merge(k)
			results[split]["all"].merge(k)
		}
	}
	for _, split := range []string{"tune", "heldout"} {
		var kinds []string
		for kind := range results[split] {
			kinds = append(kinds, kind)
		}
		sort.Strings(kinds)
		for _, kind := range kinds {
			t.Logf("%-7s %-7s %s", split, kind, results[split][kind])
		}
	}
	holdFloors(t, "pool", results["tune"], poolFloors)
	if results["heldout"] != nil {
		holdFloors(t, "held-out", results["heldout"], kindFloors)
	}
}

// holdFloors fails for each kind of a split whose figures fall below its
// floors.
func holdFloors(t *testing.T, split string, got map[string]*kindScore, floors map[string]kindFloor) {
	t.Helper()
	for kind, floor := range floors {
		k := got[kind]
		if k == nil {
			t.Errorf("%s set has no %s article", split, kind)
			continue
		}
		if k.precision() < floor.precision || k.recall() < floor.recall || k.top10() < floor.top10 {
			t.Errorf("%s %s: %s; floors precision %.2f recall %.2f top-10 %.2f", split, kind, k, floor.precision,
				floor.recall, floor.top10)
		}
	}
}

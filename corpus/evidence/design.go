package evidence

import (
	"regexp"
	"strings"
)

// The study designs the evidence stage names (corpus.Evidence.Design).
const (
	DesignMetaAnalysis     = "meta-analysis"
	DesignSystematicReview = "systematic review"
	DesignRCT              = "randomised trial"
	DesignTrial            = "clinical trial"
	DesignCohort           = "cohort study"
	DesignCaseControl      = "case-control study"
	DesignCrossSectional   = "cross-sectional study"
	DesignObservational    = "observational study"
	DesignCaseReport       = "case report"
	DesignAnimal           = "animal study"
	DesignInVitro          = "in vitro study"
	DesignReview           = "review"
)

// weakDesigns cannot show that something causes, cures or prevents
// something: they observe, or they study animals or cells.
var weakDesigns = map[string]bool{
	DesignCohort: true, DesignCaseControl: true, DesignCrossSectional: true, DesignObservational: true,
	DesignCaseReport: true, DesignAnimal: true, DesignInVitro: true,
}

// WeakDesign reports whether a design observes rather than tests, or
// studies animals or cells: evidence that cannot carry a causal claim.
func WeakDesign(d string) bool { return weakDesigns[d] }

// designPatterns tell a design from a work's text, strongest first: a
// meta-analysis names the trials and cohorts it pools, so it must win.
var designPatterns = []struct {
	design string
	re     *regexp.Regexp
}{
	{DesignMetaAnalysis, regexp.MustCompile(`(?i)\bmeta-?analys[ie]s\b|\bpooled analysis\b`)},
	{DesignSystematicReview, regexp.MustCompile(`(?i)\bsystematic(ally)? review`)},
	{DesignRCT, regexp.MustCompile(`(?i)\brandomi[sz]ed\b|\brandomly (assigned|allocated)\b|\bRCTs?\b|\bplacebo-controlled\b`)},
	{DesignCaseControl, regexp.MustCompile(`(?i)\bcase[- ]control\b`)},
	{DesignCohort, regexp.MustCompile(`(?i)\bcohort\b|\bprospective(ly)? (study|follow)|\blongitudinal study\b|\bfollowed up\b`)},
	{DesignCrossSectional, regexp.MustCompile(`(?i)\bcross-?sectional\b`)},
	{DesignCaseReport, regexp.MustCompile(`(?i)\bcase reports?\b|\bcase series\b|\bwe (report|describe|present) (a|an|the) (case|patient)\b`)},
	{DesignObservational, regexp.MustCompile(`(?i)\bobservational\b|\bretrospective(ly)?\b|\bregistry data\b`)},
}

// publicationTypes maps PubMed publication types (the pubmed-pt field an
// import of MEDLINE or PubMed XML writes) to designs, strongest first.
var publicationTypes = []struct{ pt, design string }{
	{"meta-analysis", DesignMetaAnalysis},
	{"systematic review", DesignSystematicReview},
	{"randomized controlled trial", DesignRCT},
	{"clinical trial", DesignTrial},
	{"observational study", DesignObservational},
	{"case reports", DesignCaseReport},
	{"review", DesignReview},
}

// designOf names the design of a work from its publication types, else
// from its text: animals or cells only (no people) make it an animal or in
// vitro study whatever else the text says.
func designOf(pubTypes, text string) string {
	pt := strings.ToLower(pubTypes)
	for _, p := range publicationTypes {
		if strings.Contains(pt, p.pt) {
			return p.design
		}
	}
	f := readFeatures(text)
	if !f.pop.humans {
		switch {
		case f.pop.animals:
			return DesignAnimal
		case f.pop.cells:
			return DesignInVitro
		}
	}
	for _, p := range designPatterns {
		if p.re.MatchString(text) {
			return p.design
		}
	}
	return ""
}

// causalRE finds the words of a causal or certain claim: what only a
// trial (or a body of them) can show.
var causalRE = regexp.MustCompile(`(?i)\b(causes?|caused|causing|causal(ly)?|proves?|proved|proven|cures?|cured|curing|prevents?|prevented|preventing|eliminates?|eliminated|guarantees?|leads? to|results? in|responsible for|protects? against|definitely|conclusively|undoubtedly)\b`)

// CausalWords returns the causal or certain words of a claim ("causes",
// "prevents", "proves"), as written, without repeats; none for a claim
// that denies them ("does not cause").
func CausalWords(claim string) []string {
	var out []string
	for _, m := range causalRE.FindAllStringIndex(claim, -1) {
		before := strings.ToLower(claim[max(0, m[0]-12):m[0]])
		if strings.Contains(before, "not ") || strings.Contains(before, "n't ") || strings.Contains(before, "never ") {
			continue
		}
		w := claim[m[0]:m[1]]
		dup := false
		for _, o := range out {
			dup = dup || strings.EqualFold(o, w)
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}

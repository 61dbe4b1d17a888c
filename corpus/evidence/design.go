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
//
// need lists lower-case words of which every match of re holds one: a
// text (lower-cased) with none of them is not searched, which spares the
// regular expressions (most of the time the design took: the library
// reckons it for every work it stores).
var designPatterns = []struct {
	design string
	need   []string
	re     *regexp.Regexp
}{
	{DesignMetaAnalysis, []string{"meta", "pooled analysis"}, regexp.MustCompile(`(?i)\bmeta-?analys[ie]s\b|\bpooled analysis\b`)},
	{DesignSystematicReview, []string{"systematic"}, regexp.MustCompile(`(?i)\bsystematic(ally)? review`)},
	{DesignRCT, []string{"randomi", "randomly", "rct", "placebo-controlled"}, regexp.MustCompile(`(?i)\brandomi[sz]ed\b|\brandomly (assigned|allocated)\b|\bRCTs?\b|\bplacebo-controlled\b`)},
	{DesignCaseControl, []string{"control"}, regexp.MustCompile(`(?i)\bcase[- ]control\b`)},
	{DesignCohort, []string{"cohort", "prospective", "longitudinal study", "followed up"}, regexp.MustCompile(`(?i)\bcohort\b|\bprospective(ly)? (study|follow)|\blongitudinal study\b|\bfollowed up\b`)},
	{DesignCrossSectional, []string{"sectional"}, regexp.MustCompile(`(?i)\bcross-?sectional\b`)},
	{DesignCaseReport, []string{"case", "patient"}, regexp.MustCompile(`(?i)\bcase reports?\b|\bcase series\b|\bwe (report|describe|present) (a|an|the) (case|patient)\b`)},
	{DesignObservational, []string{"observational", "retrospective", "registry data"}, regexp.MustCompile(`(?i)\bobservational\b|\bretrospective(ly)?\b|\bregistry data\b`)},
}

// foldsOdd reports whether text holds one of the two runes that (?i)
// matches with an ASCII letter but strings.ToLower does not turn into it
// (long s, Kelvin sign): such a text is searched whatever words it lacks.
func foldsOdd(text string) bool {
	return strings.Contains(text, "\u017f") || strings.Contains(text, "\u212a")
}

// mayMatch reports whether the lower-cased text holds one of need, or
// the regular expression must be asked.
func mayMatch(lower string, need []string, odd bool) bool {
	if odd {
		return true
	}
	for _, n := range need {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
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
	f := readWords(text)
	if !f.pop.humans {
		switch {
		case f.pop.animals:
			return DesignAnimal
		case f.pop.cells:
			return DesignInVitro
		}
	}
	lower, odd := strings.ToLower(text), foldsOdd(text)
	for _, p := range designPatterns {
		if mayMatch(lower, p.need, odd) && p.re.MatchString(text) {
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

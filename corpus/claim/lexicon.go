package claim

import "strings"

// The lexicon compiled for lookup: single words by word, phrases by their
// first word.
type phrase struct {
	words []string
	f     feature
}

var (
	words     = map[string]feature{}
	phrases   = map[string][]phrase{}
	verbForms = map[string]verbForm{}
	// listConflicts records words put in two features, which the tests
	// report.
	listConflicts []string
)

type verbForm byte

const (
	formNone verbForm = iota
	formBase
	formInflected
)

func init() {
	for f := feature(0); f < numFeatures; f++ {
		for _, entry := range lexicon[f] {
			ws := strings.FieldsFunc(entry, func(r rune) bool { return r == ' ' || r == '-' })
			if len(ws) == 1 {
				if g, ok := words[ws[0]]; ok && g != f {
					listConflicts = append(listConflicts, entry)
					continue
				}
				words[ws[0]] = f
				continue
			}
			phrases[ws[0]] = append(phrases[ws[0]], phrase{words: ws, f: f})
		}
	}
	addVerbs := func(list verbList) {
		for k, w := range list {
			if strings.Contains(w, " ") {
				continue
			}
			form := formInflected
			// An -ing form is no proof of a verb (gerunds, adjectives),
			// and a base form only in context (isVerb).
			if strings.HasSuffix(w, "ing") {
				continue
			}
			if k < len(list) && isBaseForm(list, k) {
				form = formBase
			}
			if verbForms[w] == formNone || form == formInflected {
				verbForms[w] = form
			}
		}
	}
	addVerbs(commonVerbs)
	addVerbs(lexicon[fCausal])
	addVerbs(lexicon[fChange])
	for _, w := range lexicon[fFinding] {
		verbForms[w] = formInflected
	}
	for _, w := range lexicon[fAttribution] {
		if !strings.Contains(w, " ") {
			verbForms[w] = formInflected
		}
	}
	for _, w := range lexicon[fHistory] {
		verbForms[w] = formInflected
	}
	// Plural nouns that are also verbs in the third person.
	for _, w := range []string{"results", "benefits", "risks", "reports", "claims", "states", "studies",
		"tests", "rates", "records", "costs", "screens", "projects", "processes", "harms", "notes",
		"questions", "matters", "plans", "drops", "falls", "cuts", "needs", "works"} {
		if verbForms[w] == formInflected {
			verbForms[w] = formBase
		}
	}
}

// isBaseForm reports whether list[k] is the base of a verb() quadruple.
// verbs() output comes in fours; plus() appends inflected forms after them,
// so a base is recognised by its third-person form following it.
func isBaseForm(list verbList, k int) bool {
	return k+1 < len(list) && list[k+1] == thirdPerson(list[k])
}

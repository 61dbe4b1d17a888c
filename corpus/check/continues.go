package check

import (
	"regexp"

	"github.com/evident-tools/evident/corpus"
)

// A sentence that plainly continues the one before it, about the same
// study ("They found…", "The trial also showed…"), is supported by that
// sentence's citations: news and health explainers cite a study once and
// then report what it found over several sentences. Only the openings
// below count; a sentence that cites anything of its own is judged on its
// own citations.

var (
	// continuesStudy opens with the study, its authors or its results.
	continuesStudy = regexp.MustCompile(`^(The|This|That|These|Those|Its|Their|In (the|this|that) (same )?)\s*(same )?` +
		`(study|studies|trial|trials|review|analysis|meta-analysis|survey|paper|report|research|experiment|cohort|` +
		`researchers|authors|team|scientists|investigators|participants|volunteers|patients|findings|results|data)\b`)
	// continuesPronoun opens with a pronoun and reports, within a few
	// words: "They found", "It also showed", "She noted".
	continuesPronoun = regexp.MustCompile(`^(They|It|He|She)\b(\s+\S+){0,2}?\s+` +
		`(found|find|finds|showed|show|shows|reported|report|reports|observed|noted|concluded|estimated|` +
		`suggested|suggest|suggests|measured|recorded|saw|identified|discovered|calculated|followed|tracked|compared|` +
		`tested|gave|assigned|randomised|randomized|asked|surveyed|analysed|analyzed)\b`)
)

// continues reports whether a sentence opens as a continuation of the
// one before it.
func continues(text string) bool {
	return continuesStudy.MatchString(text) || continuesPronoun.MatchString(text)
}

// continued gives the sentence at i the coverage of the sentence before
// it, when both are in one paragraph (or list item), it continues that
// sentence, and that sentence has a source.
func (rep *state) continued(i int, sentences []corpus.Sentence) *corpus.Coverage {
	if i == 0 || !continues(sentences[i].Text) {
		return nil
	}
	s, prev := sentences[i], sentences[i-1]
	if prev.Paragraph != s.Paragraph || prev.Kind != s.Kind {
		return nil
	}
	p := rep.Claims[i-1].CoveredBy
	if p == nil {
		return nil
	}
	claim := p.Claim
	return &corpus.Coverage{Claim: claim, Keys: p.Keys, Inherited: true}
}

package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// What makes a block under a "References" heading a reference: scraped
// pages put author bios, "Related Articles", disclaimers and the page
// footer under that heading too, often with the real list left out, and
// those are no references.

var (
	// refIdentifier: a DOI, PMID, PMCID, arXiv id, ISBN or web address.
	refIdentifier = regexp.MustCompile(`(?i)\b10\.\d{4,9}/\S|\bpmid:?\s*\d|\bpmc\d{4,}|\barxiv:?\s*\d{4}\.\d|\bisbn[:\s]|https?://|\bwww\.\S+\.\w`)
	// refYear: a year of publication, or "n.d.".
	refYear = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)[a-z]?\b|\bn\.\s?d\.`)
	// refShape: the parts of a reference around its year: authors
	// ("Smith J", "Smith, J.", "et al."), a volume and pages ("12(3):
	// 45–67", "2019;12:45"), "pp. 4", or a quoted title
	refShape = regexp.MustCompile(`\bet al\b|\d+\s?\(\d+\)|;\s?\d+|:\s?\d+\s?[-–]\s?\d+|\bpp?\.\s?\d|\bvol\.\s?\d|[“"][^”"]{8,}[”"]`)
	// refAuthors: a reference's first author, family name and initials:
	// "Smith J,", "Smith JA.", "Smith, J. A.", "van Dijk, K." .
	refAuthors = regexp.MustCompile(`^(\p{Ll}+ )?\p{Lu}[\p{L}'’-]+(,? (\p{Lu}\.\s?){1,3}| \p{Lu}{1,3}[,.])`)
	// refAuthorDate: an author-date entry's head, the authors then the
	// year in brackets and a full stop: "Department for Culture, Media and
	// Sport (2023).", where the authors are an organisation with no initials
	// for refAuthors to find (orgAuthors tells its name from prose).
	refAuthorDate = regexp.MustCompile(`^(\p{Lu}[^()]{1,160}) \((1[5-9]\d\d|20\d\d)[a-z]?\)\.(\s|$)`)
	// refShorthand: a note that points back at a reference cited before.
	refShorthand = regexp.MustCompile(`(?i)^(ibid|id|op\. cit|loc\. cit)\b`)
	// refBoilerplate: what a page footer, a byline or a disclaimer says.
	refBoilerplate = regexp.MustCompile(`(?i)©|\(c\) \d{4}|\bcopyright\b|all rights reserved|privacy policy|terms of (use|service)|cookie|\bsubscribe\b|newsletter|advertis|medically reviewed|\bwritten by\b|\bupdated on\b|last (updated|reviewed)|not a substitute for|informational purposes|related articles|follow us|share this`)
)

// looksLikeReference reports whether the text of a block under a
// reference-list heading reads as a reference: an identifier or address,
// or a year with the shape of a reference around it (authors, volume and
// pages, a quoted title), or a first author's name and initials; and
// none of a page footer's or a byline's words. A numbered block ("1.
// ...", an ordered list's item) is given the benefit of the doubt:
// endnotes are numbered and cite in many shapes.
func looksLikeReference(text string) bool {
	s := strings.TrimSpace(text)
	if s == "" {
		return false
	}
	if refBoilerplate.MatchString(s) {
		return false
	}
	if refIdentifier.MatchString(s) {
		return true
	}
	if _, rest, numbered := cutRefNumber(s); numbered {
		return rest != ""
	}
	if refAuthors.MatchString(s) || refShorthand.MatchString(s) {
		return true
	}
	if m := refAuthorDate.FindStringSubmatch(s); m != nil && orgAuthors(m[1]) {
		return true
	}
	return refYear.MatchString(s) && (refShape.MatchString(s) || strings.Count(s, ". ") >= 2)
}

// splitRefSection parts the blocks under a reference-list heading into
// the list and the prose around it: the list runs from the first block
// that looks like a reference to the last one; what comes before (an
// introduction) and after (bios, related articles, the page footer) is
// prose. list is empty when no block looks like a reference.
func splitRefSection(blocks []*rawBlock) (before, list, after []*rawBlock) {
	first, last := -1, -1
	for i, r := range blocks {
		if r.kind == corpus.KindHeading {
			continue
		}
		if looksLikeReference(r.text) || r.item >= 0 && !refBoilerplate.MatchString(r.text) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return blocks, nil, nil
	}
	for first > 0 && blocks[first-1].kind == corpus.KindHeading {
		first-- // a subheading that opens the list ("Journal articles")
	}
	return blocks[:first], blocks[first : last+1], blocks[last+1:]
}

// orgLinks are the small words an organisation's name holds in lower
// case.
var orgLinks = map[string]bool{"and": true, "for": true, "of": true, "the": true, "on": true, "in": true,
	"&": true, "de": true, "du": true, "des": true, "van": true, "von": true, "der": true, "la": true, "le": true}

// orgAuthors reports whether s reads as the authors of an entry rather
// than the start of a sentence: every word capitalised but the small words
// that link an organisation's name ("Department for Culture, Media and
// Sport"), where a sentence has verbs and nouns in lower case ("Our
// records go back to the 1990s").
func orgAuthors(s string) bool {
	words := strings.Fields(s)
	if len(words) > 16 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !orgLinks[strings.TrimRight(w, ",")] {
			return false
		}
	}
	return true
}

package evidence

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// token is one word of a text: its stem (what matches) and where it is.
type token struct {
	stem       string
	start, end int // byte span of the word in the text
}

// tokens splits text into words (letters and digits; a hyphen or an
// apostrophe splits), drops stop words and one-letter words, and stems the
// rest with the Snowball English stemmer, which Bleve's English analyser
// uses too, so that passages rank as the library's search ranks them.
// Numbers are kept as they are: "35" matches "35".
func tokens(text string) []token {
	var out []token
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(text[start:end])
		s := start
		start = -1
		if len(w) < 2 && !isDigits(w) || stopWords[w] {
			return
		}
		out = append(out, token{stem: stem(w), start: s, end: end})
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		// A decimal point inside a number keeps it whole: "2.5".
		if r == '.' && start >= 0 && isDigits(text[start:i]) && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// stem returns the stem of a lower-case word; numbers and words with
// digits are their own stem.
func stem(w string) string {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return w
		}
	}
	// British and American spellings meet before stemming: randomised and
	// randomized, tumour and tumor.
	if s, ok := spellings[w]; ok {
		w = s
	} else if strings.Contains(w, "is") {
		w = strings.NewReplacer("isation", "ization", "ised", "ized", "ising", "izing", "ise", "ize").Replace(w)
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}

var spellings = map[string]string{
	"tumour": "tumor", "tumours": "tumors", "behaviour": "behavior", "behaviours": "behaviors",
	"haemoglobin": "hemoglobin", "oestrogen": "estrogen", "paediatric": "pediatric", "anaemia": "anemia",
	"foetal": "fetal", "oedema": "edema", "leukaemia": "leukemia", "haemorrhage": "hemorrhage",
	"centre": "center", "centres": "centers", "colour": "color", "fibre": "fiber", "ageing": "aging",
	"diarrhoea": "diarrhea", "oesophageal": "esophageal", "anaesthesia": "anesthesia",
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' {
			return false
		}
	}
	return true
}

// stopWords carry no topic: Bleve's English stop list, less the words that
// carry direction or negation (more, most, less, no, not, nor, few), which
// features.go reads from the raw text instead, plus the commonest
// connectives of scientific prose.
var stopWords = setOf(`a about above after again against all am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's
hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me
my myself of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll
she's should shouldn't so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves also may might must
however thus therefore whereas although though yet among within without via per et al eg ie vs using used
use well will shall one two s t`)

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

package evidence

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// features are what a careful reader checks in a sentence besides its
// topic: the quantities it gives, the direction of the effect it states,
// whether it states a null result, and whom it is about.
type features struct {
	quantities []quantity
	// dir is the net direction per axis (amount, comparison, valence):
	// +1 up, -1 down, 0 none or both; dirWords says which words gave it.
	dir      [axes]int
	dirWords [axes]string
	// null is set when the sentence reports no effect, no difference or
	// no association ("did not reduce", "no significant difference").
	null     bool
	nullWord string
	pop      population
}

// The axes of direction. A claim and a passage contradict each other only
// along the same axis: "higher" against "lower", not against "reduced".
const (
	axisAmount     = iota // increase / decrease
	axisComparison        // higher / lower, more / less
	axisValence           // benefit / harm
	axes
)

// directions maps a direction word to its axis and sign. Words that are
// also common in other senses ("up", "down", "low") are left out.
var directions = map[string]struct{ axis, sign int }{}

func init() {
	add := func(axis, sign int, words string) {
		for _, w := range strings.Fields(words) {
			directions[w] = struct{ axis, sign int }{axis, sign}
		}
	}
	add(axisAmount, +1, `increase increases increased increasing rise rises rose risen raise raises raised
		elevate elevates elevated elevation augment augmented augments boost boosts boosted doubled doubles
		tripled accelerate accelerates accelerated enhance enhances enhanced upregulated up-regulated gain gains gained`)
	add(axisAmount, -1, `decrease decreases decreased decreasing reduce reduces reduced reducing reduction reductions
		decline declines declined declining drop drops dropped fall falls fell fallen lowered lowers lowering
		depress depresses depressed weaken weakens weakened diminish diminishes diminished attenuate attenuates attenuated suppress suppresses suppressed inhibit
		inhibits inhibited inhibiting halved halves slowed slows cut cuts downregulated down-regulated loss lose loses lost lessen lessened`)
	add(axisComparison, +1, `higher greater more larger longer faster increased-risk`)
	add(axisComparison, -1, `lower less fewer smaller shorter slower`)
	add(axisValence, +1, `benefit benefits beneficial improve improves improved improving improvement protective
		protects protected effective efficacious better superior favourable favorable`)
	add(axisValence, -1, `harm harms harmful worsen worsens worsened worsening worse adverse detrimental
		impair impairs impaired deleterious inferior ineffective unfavourable unfavorable`)
}

// Opposites pairs each direction word with its opposite, for tests and
// for the measurement's flipped claims: the same axis, the other sign.
var Opposites = map[string]string{
	"increase": "decrease", "increases": "decreases", "increased": "decreased", "increasing": "decreasing",
	"decrease": "increase", "decreases": "increases", "decreased": "increased", "decreasing": "increasing",
	"reduced": "increased", "reduces": "increases", "reduce": "increase", "reduction": "increase",
	"higher": "lower", "lower": "higher", "more": "less", "less": "more", "fewer": "more", "greater": "smaller",
	"smaller": "greater", "larger": "smaller", "longer": "shorter", "shorter": "longer",
	"improved": "worsened", "improves": "worsens", "improve": "worsen", "worsened": "improved",
	"beneficial": "harmful", "harmful": "beneficial", "benefit": "harm", "better": "worse", "worse": "better",
	"rose": "fell", "fell": "rose", "elevated": "reduced", "enhanced": "suppressed", "inhibited": "enhanced",
	"declined": "increased", "superior": "inferior", "inferior": "superior",
}

// negations begin a null statement when a direction or effect word
// follows within a few words.
var negations = setOf(`not no never neither nor without cannot failed fail fails didn't don't doesn't wasn't
	weren't isn't aren't lack lacked absence unaffected unchanged unrelated nonsignificant non-significant
	insignificant similar comparable`)

// effectWords are what a null statement denies: "no effect", "not
// associated", "did not differ".
var effectWords = setOf(`effect effects affect affected associated association associations difference
	differences differ differed different change changes changed changing significant significantly related
	relationship correlated correlation correlate linked link impact influence influenced predict predicted
	benefit risk`)

// population says whom a sentence is about.
type population struct {
	humans, animals, cells bool
	children, adults       bool
	animalWord, ageWord    string
}

var (
	humanWords = setOf(`patient patients people person persons participant participants adult adults child
		children women woman men man individuals humans human volunteers infants infant adolescents adolescent
		elderly pregnant population residents smokers students workers veterans mothers girls boys`)
	animalWords = setOf(`mice mouse murine rats rat rodent rodents animal animals dogs dog canine pigs pig porcine
		rabbits rabbit primates primate monkeys monkey macaques zebrafish drosophila sheep cattle bovine hamsters
		guinea-pigs ovine chickens worms elegans`)
	cellWords  = setOf(`cells cell cultured culture cultures organoids in-vitro fibroblasts keratinocytes hepatocytes lines`)
	childWords = setOf(`children child paediatric pediatric infants infant adolescents adolescent kids neonates
		neonatal newborns newborn boys girls schoolchildren toddlers preschool youth teenagers`)
	adultWords = setOf(`adults adult elderly older aged postmenopausal men women`)
)

// readFeatures reads the features of one sentence.
func readFeatures(text string) features {
	f := readWords(text)
	f.quantities = quantities(text)
	return f
}

// readWords reads the features of text but its quantities: what the
// population and the design need, without the number-finding regular
// expression, which is most of readFeatures' time.
func readWords(text string) features {
	var f features
	words := rawWords(text)
	var dirSum [axes]int
	var dirAny [axes]bool
	negAt := -10
	for i, w := range words {
		if negations[w] || strings.HasSuffix(w, "n't") {
			negAt = i
			continue
		}
		if d, ok := directions[w]; ok {
			if i-negAt <= 3 {
				// "did not reduce" is no increase: a null result.
				f.null, f.nullWord = true, words[negAt]+" "+w
				continue
			}
			// "more" and "less" before an adjective compare; before a
			// noun they count. Either way they are comparison words.
			dirSum[d.axis] += d.sign
			dirAny[d.axis] = true
			if f.dirWords[d.axis] == "" || sign(dirSum[d.axis]) == d.sign {
				f.dirWords[d.axis] = w
			}
			continue
		}
		if effectWords[w] && i-negAt <= 3 {
			f.null, f.nullWord = true, words[negAt]+" "+w
		}
		switch {
		case humanWords[w]:
			f.pop.humans = true
		case animalWords[w]:
			f.pop.animals = true
			f.pop.animalWord = w
		case cellWords[w]:
			f.pop.cells = true
		}
		if childWords[w] {
			f.pop.children, f.pop.ageWord = true, w
		} else if adultWords[w] && !(w == "aged" && i+1 < len(words) && isDigits(words[i+1])) {
			f.pop.adults = true
			if !f.pop.children {
				f.pop.ageWord = w
			}
		}
	}
	if strings.Contains(strings.ToLower(text), "in vitro") {
		f.pop.cells = true
	}
	for a := range axes {
		if dirAny[a] {
			f.dir[a] = sign(dirSum[a])
		}
	}
	return f
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}

// rawWords returns the lower-case words of text, stop words included (they
// carry negation and direction), hyphenated words kept whole.
func rawWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '\'' || r == '’' || r > 127 && r != '—' && r != '–')
	})
}

// quantity is a number with what it counts: "35%", "12 weeks", "1,200
// participants".
type quantity struct {
	value    float64
	decimals int
	unit     string // "%" or the stem of the word after the number
	text     string
}

var quantityRE = regexp.MustCompile(`(?i)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|per ?cent\b|-?fold\b|[a-zµμ]+)?`)

// unitAliases give one name to the spellings of a unit.
var unitAliases = map[string]string{
	"percent": "%", "per cent": "%", "percentage": "%", "fold": "fold", "-fold": "fold", "times": "fold",
	"yr": "year", "yrs": "year", "y": "year", "h": "hour", "hr": "hour", "hrs": "hour", "mo": "month",
	"wk": "week", "wks": "week", "d": "day", "min": "minut",
}

// quantities returns the numbers of text with their units. A number
// without a unit (a year, a count of nothing named) is not a quantity:
// nothing says what it would contradict.
func quantities(text string) []quantity {
	var out []quantity
	for _, m := range quantityRE.FindAllStringSubmatchIndex(text, -1) {
		num := text[m[2]:m[3]]
		// Part of a word or an identifier ("COVID-19", "H1N1", "p53"),
		// but not the second number of a range ("30%-70%", "5-10 mg").
		if m[2] > 0 && isWordByte(text[m[2]-1]) && !rangeDash(text, m[2]) {
			continue
		}
		if m[4] < 0 {
			continue
		}
		unit := strings.ToLower(strings.TrimSpace(text[m[4]:m[5]]))
		if a, ok := unitAliases[unit]; ok {
			unit = a
		} else if len(unit) < 2 && unit != "%" && !letterUnits[unit] || stopWords[unit] || negations[unit] {
			continue
		} else {
			unit = stem(unit)
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
		if err != nil || math.IsInf(v, 0) {
			continue
		}
		dec := 0
		if i := strings.IndexByte(num, '.'); i >= 0 {
			dec = len(num) - i - 1
		}
		out = append(out, quantity{value: v, decimals: dec, unit: unit, text: strings.TrimSpace(text[m[0]:m[1]])})
	}
	return append(out, rangeStarts(text)...)
}

// percentRangeRE is a range whose first number has no unit of its own:
// "from 85 to 10%", "30–70%". Not "and": "in 1996 and 53% in 2001" is
// no range.
var percentRangeRE = regexp.MustCompile(`(?i)(?:^|[^\w.,])(\d+(?:\.\d+)?)\s*(?:to|–|—)\s*\d+(?:\.\d+)?\s*(?:%|per ?cent\b)`)

// rangeStarts returns the first numbers of percent ranges written with
// the sign once, as percentages: the quantity is the range's.
func rangeStarts(text string) []quantity {
	var out []quantity
	for _, m := range percentRangeRE.FindAllStringSubmatchIndex(text, -1) {
		num := text[m[2]:m[3]]
		v, err := strconv.ParseFloat(num, 64)
		// A year ("from 2001 to 40%") is no percentage.
		if err != nil || v > 100 {
			continue
		}
		dec := 0
		if i := strings.IndexByte(num, '.'); i >= 0 {
			dec = len(num) - i - 1
		}
		out = append(out, quantity{value: v, decimals: dec, unit: "%", text: num + "%"})
	}
	return out
}

// letterUnits are the one-letter units a number may carry: kelvin, grams,
// metres, seconds, litres ("250 K", "5 g").
var letterUnits = map[string]bool{"k": true, "g": true, "m": true, "s": true, "l": true}

// rangeDash reports whether the number at i follows the dash of a range:
// a dash after a digit, a percent sign or a space.
func rangeDash(text string, i int) bool {
	if text[i-1] != '-' || i < 2 {
		return false
	}
	c := text[i-2]
	return c == '%' || c == ' ' || c >= '0' && c <= '9'
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_' || c >= '0' && c <= '9'
}

// same reports whether two values are the same number as people round
// it: the claim's 35% is the passage's 34.8%.
func (q quantity) same(v float64) bool {
	tol := 0.5 * math.Pow(10, -float64(q.decimals))
	return math.Abs(q.value-v) <= tol+1e-9 || math.Abs(q.value-v) <= 0.02*math.Abs(v)
}

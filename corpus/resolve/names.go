package resolve

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameKind says how one name of a printed author list is written.
type nameKind int

const (
	kindBad          nameKind = iota
	kindInitials              // "J.", "K. L.", "JA": the given part of an inverted name
	kindSurnameFirst          // Vancouver "Smith JA", PLOS "SmithJA"
	kindGivenFirst            // IEEE "J. Smith", "J.-P. van der Berg"
	kindFull                  // "John Smith", "Zachary D. Stephens"
	kindInverted              // APA "Smith, J.", MLA "Smith, John": two comma parts
	kindSingle                // "Smith", "WHO"
	kindCorporate             // "World Health Organization"
)

// family groups the kinds that one style uses, so that a strict parse can
// notice where an author list ends and a title begins ("I. Goodfellow,
// Y. Bengio, and A. Courville, Deep Learning.").
func (k nameKind) family() int {
	switch k {
	case kindSurnameFirst:
		return 1
	case kindGivenFirst:
		return 2
	case kindFull:
		return 3
	case kindInverted:
		return 4
	}
	return 0
}

// nameList is an author list as read from a reference string.
type nameList struct {
	surnames []string
	etAl     bool
	// end is how many bytes of the input the list takes; a strict parse
	// that stopped at something that is not a name ends early and sets cut.
	end int
	cut bool
}

var (
	reEtAl   = regexp.MustCompile(`(?i)(?:[,;]\s*|\s+|^)(?:et\.?\s*al\b\.?|and\s+others\b|and\s+colleagues\b|u\.\s*a\.)`)
	reAndSep = regexp.MustCompile(`\s*(?:&|\band\b|\bund\b)\s*`)
	reGlued  = regexp.MustCompile(`^(\p{L}[\p{L}'’\-]*\p{Ll})(\p{Lu}{1,4})$`)
)

// nameSpan is one comma- or "and"-separated part of an author list.
type nameSpan struct {
	text       string
	start, end int
}

// parseNames reads an author list in any of the common forms. In strict
// mode every part must be a name written the way the first ones are, and
// the list stops at the first part that is not (cut is then set); the
// lenient mode, for text known to be an author list, skips such parts.
func parseNames(s string, strict bool) (nameList, bool) {
	var nl nameList
	body := s
	if !strings.ContainsFunc(body, unicode.IsLower) {
		body = titleCaseWords(body)
	}
	if mayHaveEtAl(body) {
		if loc := reEtAl.FindStringIndex(body); loc != nil {
			nl.etAl = true
			body = body[:loc[0]]
		}
	}
	if strings.Contains(body, "…") || strings.Contains(body, "...") {
		nl.etAl = true
		body = strings.NewReplacer("…", ",", "...", ",").Replace(body)
	}
	spans := splitNameSpans(body)
	if len(spans) == 0 {
		return nl, false
	}
	fam := 0
	firstKind := kindBad
	for i := 0; i < len(spans); i++ {
		p := spans[i]
		kind, surname := classifyName(p.text)
		consumed := 1
		switch {
		case i+1 < len(spans) && isSurnamePart(p.text) && kindOf(spans[i+1].text) == kindInitials:
			kind, surname, consumed = kindInverted, p.text, 2
		case i+1 < len(spans) && (i == 0 || fam == 4) && isSingleSurname(p.text) && isGivenPart(spans[i+1].text) &&
			!reGlued.MatchString(p.text) && !reGlued.MatchString(spans[i+1].text) &&
			(i+2 >= len(spans) || kindOf(spans[i+2].text) != kindInitials):
			kind, surname, consumed = kindInverted, p.text, 2
		case kind == kindInitials && isAcronym(p.text):
			kind, surname = kindSingle, p.text
		}
		if kind == kindBad || kind == kindInitials || (strict && !compatible(fam, kind.family(), len(nl.surnames))) {
			if !strict {
				continue
			}
			if len(nl.surnames) == 0 || len(nl.surnames) == 1 && firstKind == kindSingle && !isAcronym(nl.surnames[0]) {
				// One bare word before something that is not a
				// name is the start of a title ("Generalization
				// and Dilution of …"), not an author.
				return nl, false
			}
			nl.end, nl.cut = p.start, true
			return nl, true
		}
		if f := kind.family(); f != 0 && fam == 0 || f != 0 && fam == 4 {
			fam = f
		}
		if len(nl.surnames) == 0 {
			firstKind = kind
		}
		nl.surnames = append(nl.surnames, surname)
		i += consumed - 1
	}
	if len(nl.surnames) == 0 {
		return nl, false
	}
	nl.end = len(s)
	return nl, true
}

// titleCaseWords rewrites the words of three letters or more of an
// all-capital author list ("JIE TAN, CASEY S GREENE") in title case, so
// that they read as names and not as initials; shorter words may be
// initials ("SMITH JA") and stay. The result has the length of s.
func titleCaseWords(s string) string {
	b := []byte(s)
	start := -1
	for i := 0; i <= len(b); i++ {
		if i < len(b) && isASCIILetter(b[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= 3 {
			for j := start + 1; j < i; j++ {
				b[j] |= 0x20
			}
		}
		start = -1
	}
	return string(b)
}

// mayHaveEtAl is a cheap test before reEtAl.
func mayHaveEtAl(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 'e', 'E':
			if s[i+1] == 't' {
				return true
			}
		case 'a':
			if strings.HasPrefix(s[i:], "and others") || strings.HasPrefix(s[i:], "and colleagues") {
				return true
			}
		case 'u':
			if s[i+1] == '.' {
				return true
			}
		}
	}
	return false
}

// compatible reports whether a name of family next may follow names of
// family cur. MLA and Chicago invert only the first name ("Smith, John,
// and Kate Jones"), so an inverted first name may be followed by others.
func compatible(cur, next, n int) bool {
	if cur == 0 || next == 0 || cur == next {
		return true
	}
	return cur == 4 && n == 1 && (next == 2 || next == 3)
}

// splitNameSpans splits an author list at commas and semicolons, and at
// "and" and "&" except inside a corporate name ("Centers for Disease
// Control and Prevention").
func splitNameSpans(s string) []nameSpan {
	var spans []nameSpan
	add := func(text string, start int) {
		t := strings.Trim(text, " .,;:")
		if t == "" {
			return
		}
		off := start + strings.Index(text, t)
		spans = append(spans, nameSpan{text: t, start: off, end: off + len(t)})
	}
	prev := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ',' && s[i] != ';' {
			continue
		}
		part := s[prev:i]
		if isCorporate(part) || !strings.Contains(part, "&") && !strings.Contains(part, "and") && !strings.Contains(part, "und") {
			add(part, prev)
		} else {
			q := 0
			for _, and := range reAndSep.FindAllStringIndex(part, -1) {
				add(part[q:and[0]], prev+q)
				q = and[1]
			}
			add(part[q:], prev+q)
		}
		prev = i + 1
	}
	return spans
}

func kindOf(s string) nameKind {
	k, _ := classifyName(s)
	return k
}

// classifyName says how one part of an author list is written and returns
// the surname it gives.
func classifyName(s string) (nameKind, string) {
	if len(s) <= 90 && isCorporate(s) {
		// Before the character test: collaborations put their acronym in
		// parentheses.
		return kindCorporate, s
	}
	if len(s) > 90 || strings.ContainsAny(s, "0123456789:?!\"“”()[]{}/=+") {
		return kindBad, ""
	}
	toks := strings.Fields(s)
	n := len(toks)
	if n == 0 {
		return kindBad, ""
	}
	// Initials, possibly followed by the particles of an inverted name
	// ("Maaten, L. van der").
	k := 0
	for k < n && isInitialTok(toks[k]) {
		k++
	}
	j := k
	for j < n && isParticle(toks[j]) {
		j++
	}
	if k > 0 && j == n {
		return kindInitials, ""
	}
	if isCorporate(s) {
		return kindCorporate, s
	}
	if n == 1 {
		if m := reGlued.FindStringSubmatch(toks[0]); m != nil {
			return kindSurnameFirst, m[1]
		}
		if isCapWord(toks[0]) {
			return kindSingle, toks[0]
		}
		return kindBad, ""
	}
	if last := toks[n-1]; isInitialTok(last) && n <= 5 {
		if sur := toks[:n-1]; isSurnameToks(sur) {
			return kindSurnameFirst, strings.Join(sur, " ")
		}
		// "Smith J. A." puts periods between initials.
		k := n - 1
		for k > 0 && isInitialTok(toks[k-1]) {
			k--
		}
		if k > 0 && isSurnameToks(toks[:k]) {
			return kindSurnameFirst, strings.Join(toks[:k], " ")
		}
	}
	if isInitialTok(toks[0]) {
		k := 1
		for k < n && isInitialTok(toks[k]) {
			k++
		}
		rest := dropSuffix(toks[k:])
		if len(rest) > 0 && len(rest) <= 4 && isSurnameToks(rest) {
			// "W. James Murdoch": a middle name before the surname.
			return kindGivenFirst, lastSurname(rest)
		}
		return kindBad, ""
	}
	if m := reGlued.FindStringSubmatch(toks[n-1]); m != nil && n <= 4 {
		// "van HoekMJA", "Ehrlich SachsS"
		sur := append(append([]string(nil), toks[:n-1]...), m[1])
		if isSurnameToks(sur) {
			return kindSurnameFirst, strings.Join(sur, " ")
		}
	}
	toks = dropSuffix(toks)
	n = len(toks)
	if n >= 2 && n <= 5 {
		caps, initials, particles := 0, 0, 0
		for _, t := range toks {
			switch {
			case isInitialTok(t):
				initials++
			case isParticle(t):
				particles++
			case isCapWord(t):
				caps++
			default:
				return kindBad, ""
			}
		}
		if !isCapWord(toks[n-1]) || caps == 0 || (n >= 4 && initials+particles == 0) {
			return kindBad, ""
		}
		if sur := lastSurname(toks); len(sur) < len(s) {
			return kindFull, sur
		}
		return kindBad, ""
	}
	return kindBad, ""
}

// lastSurname returns the last word of a name written given names first,
// with the particles before it in either case: "van der Maaten" of
// "Laurens van der Maaten", "Van Valen" of "David A. Van Valen". The
// first word is never taken as a particle.
func lastSurname(toks []string) string {
	k := len(toks) - 1
	for k > 1 && particles[strings.ToLower(toks[k-1])] {
		k--
	}
	if k == 1 && particles[toks[0]] {
		k = 0
	}
	return strings.Join(toks[k:], " ")
}

// dropSuffix removes a generational suffix ("Jr.", "III") at the end.
func dropSuffix(toks []string) []string {
	if n := len(toks); n > 1 {
		switch strings.TrimRight(strings.ToLower(toks[n-1]), ".") {
		case "jr", "sr", "ii", "iii", "iv", "2nd", "3rd":
			return toks[:n-1]
		}
	}
	return toks
}

// isInitialTok reports whether t is one or more initials: "J", "J.",
// "JA", "J.A.", "J.-P.", and the Chinese "Y-j" of PubMed.
func isInitialTok(t string) bool {
	if t == "" || len(t) > 9 {
		return false
	}
	letters := 0
	var prev rune
	for i, r := range t {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '‐':
			if i == 0 {
				return false
			}
		case unicode.IsLower(r) && (prev == '-' || prev == '‐'):
			letters++
		default:
			return false
		}
		prev = r
	}
	if r, _ := utf8.DecodeRuneInString(t); !unicode.IsUpper(r) {
		return false
	}
	return letters >= 1 && letters <= 4
}

// isAcronym reports whether t is an all-capital abbreviation such as WHO
// or CDC, which stands for a corporate author when it is alone.
func isAcronym(t string) bool {
	if len(t) < 2 || len(t) > 8 {
		return false
	}
	for _, r := range t {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isCapWord reports whether t can be a word of a name: it starts with a
// capital and holds only letters, apostrophes, hyphens and a final period.
func isCapWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	t = strings.TrimSuffix(t, ".")
	letters := 0
	for _, r := range t {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			letters++
		case r == '\'' || r == '’' || r == '-' || r == '‐':
		default:
			return false
		}
	}
	return letters >= 2 || len(t) == 1
}

var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"des": true, "di": true, "da": true, "dos": true, "das": true, "du": true, "la": true,
	"le": true, "ten": true, "ter": true, "te": true, "zu": true, "zum": true, "vom": true,
	"al": true, "el": true, "bin": true, "ibn": true, "y": true, "d'": true, "van't": true,
}

// isParticle reports whether t is a lower-case name particle ("van", "de").
func isParticle(t string) bool { return particles[t] }

// isSurnameToks reports whether toks can be a surname: capitalised words
// and particles, at least one word.
func isSurnameToks(toks []string) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	words := 0
	for _, t := range toks {
		switch {
		case isCapWord(t) && !isInitialTok(t):
			words++
		case isParticle(t) || strings.HasPrefix(t, "d'") || strings.HasPrefix(t, "d’"):
		default:
			return false
		}
	}
	return words > 0
}

// isSurnamePart reports whether a comma part is a surname alone, the first
// half of an inverted name ("van der Berg" in "van der Berg, J.").
func isSurnamePart(s string) bool {
	return !strings.ContainsAny(s, "0123456789:?!\"“”()") && isSurnameToks(strings.Fields(s))
}

// isSingleSurname reports whether s is one surname word, with particles.
func isSingleSurname(s string) bool {
	toks := strings.Fields(s)
	if !isSurnamePart(s) {
		return false
	}
	words := 0
	for _, t := range toks {
		if !isParticle(t) {
			words++
		}
	}
	return words == 1
}

// isGivenPart reports whether s can be the given names of an inverted name
// written in full: "John", "John A.", "Marco Tulio". A word all in
// capitals and longer than initials run is a firm's or a body's name
// ("Atkins, AECOM and Maher, M."), not a given name: in a list that is not
// all capitals (parseNames title-cases those) no one's first name is.
func isGivenPart(s string) bool {
	toks := strings.Fields(s)
	if len(toks) == 0 || len(toks) > 3 || !isCapWord(toks[0]) || isInitialTok(toks[0]) && len(toks[0]) <= 2 ||
		isAcronym(toks[0]) && !isInitialTok(toks[0]) {
		return false
	}
	for _, t := range toks {
		if !isCapWord(t) && !isInitialTok(t) {
			return false
		}
	}
	return true
}

var corporateWords = map[string]bool{
	"organization": true, "organisation": true, "institute": true, "institutes": true,
	"association": true, "society": true, "council": true, "center": true, "centers": true,
	"centre": true, "centres": true, "agency": true, "department": true, "ministry": true,
	"group": true, "committee": true, "consortium": true, "foundation": true, "university": true,
	"office": true, "network": true, "collaboration": true, "collaborative": true,
	"commission": true, "board": true, "bureau": true, "service": true, "services": true,
	"administration": true, "union": true, "nations": true, "programme": true, "program": true,
	"project": true, "initiative": true, "alliance": true, "fund": true, "bank": true,
	"forum": true, "partnership": true, "authority": true, "federation": true, "academy": true,
	"academies": true, "college": true, "trust": true, "participants": true,
	"investigators": true, "trialists": true, "panel": true, "coalition": true, "taskforce": true,
	"intelligence": true, "clinic": true, "hospital": true, "inc": true, "ltd": true,
	"corporation": true, "company": true, "laboratory": true, "laboratories": true,
}

var connectors = map[string]bool{
	"for": true, "of": true, "and": true, "the": true, "on": true, "in": true, "&": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "y": true, "at": true, "to": true,
	"et": true, "für": true,
}

// isCorporate reports whether s reads as an organisation: capitalised
// words and connectors, with a word such as "Organization" or "Institute".
// Without such a word a run of capitalised words is as likely a title in
// title case ("Deep Learning in Drug Discovery").
func isCorporate(s string) bool {
	toks := strings.Fields(s)
	if len(toks) < 2 || len(toks) > 12 || strings.ContainsAny(s, ":?!\"“”") {
		return false
	}
	keyword := false
	// Collaborations name themselves with ordinary words too: "Coxib and
	// traditional NSAID Trialists' (CNT) Collaboration". A couple of
	// lower-case words are allowed when a corporate keyword is present.
	lower := 0
	for i, t := range toks {
		t = strings.Trim(t, ".,()'’")
		if t == "" {
			continue
		}
		lt := strings.ToLower(t)
		switch {
		case connectors[lt] && lt == t && i > 0 && i < len(toks)-1:
			continue
		case !isCapWord(t) && !isAcronym(t):
			lower++
			if lower > 2 || i == 0 {
				return false
			}
		}
		if corporateWords[lt] {
			keyword = true
		}
	}
	return keyword
}

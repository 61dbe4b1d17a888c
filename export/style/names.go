package style

import (
	"strings"
	"unicode"

	"github.com/evident-tools/evident/export/csl"
)

// Name orders for nameOpts.order (CSL name-as-sort-order).
const (
	orderNatural = iota // John van der Berg
	orderFirst          // the first name inverted, the others natural
	orderAll            // every name inverted
)

// Delimiter rules before the last name (CSL delimiter-precedes-last).
const (
	delimContextual    = iota // only with three or more names
	delimAlways               // always
	delimNever                // never
	delimAfterInverted        // when the name before is inverted
)

// nameOpts is a style's <names>/<name> element, the parts evident needs.
type nameOpts struct {
	order        int
	initialize   bool   // reduce given names to initials
	initWith     string // text after each initial: ". ", "." or ""
	noHyphenInit bool   // initialize-with-hyphen="false": Jean-Paul → JP
	and          string // "&", "and" or "" (the delimiter only)
	delim        string // between names; ", " when empty
	precedesLast int
	etAlMin      int // 0: never shorten
	etAlUseFirst int
	etAlUseLast  bool   // APA: first names, "…", the last name
	etAl         string // "et al." when empty
	precedesEtAl int    // delimiter before et al. (contextual by default)
	sortSep      string // between family and given when inverted; ", " when empty
	demote       bool   // inverted names put the particle after the given name
	// normalizeInitials keeps given names whole but writes initials in
	// them with initWith ("Cynthia L" → "Cynthia L."), CSL's
	// initialize="false" with an initialize-with.
	normalizeInitials bool
}

// isOthers reports whether n is the "and others" placeholder csl.FromReference
// adds at the end of a name list.
func isOthers(n csl.Name) bool { return n.Literal == "others" && n.Family == "" }

// formatNames renders a name list, shortened with et al. as the options say.
// A trailing "others" placeholder always gives et al.
func formatNames(ns []csl.Name, o nameOpts) string {
	others := false
	if len(ns) > 0 && isOthers(ns[len(ns)-1]) {
		others = true
		ns = ns[:len(ns)-1]
	}
	if len(ns) == 0 {
		return ""
	}
	delim := o.delim
	if delim == "" {
		delim = ", "
	}
	etAl := o.etAl
	if etAl == "" {
		etAl = "et al."
	}
	shown := len(ns)
	useLast := false
	// "and others" counts as a name towards the et-al threshold, as
	// citeproc counts it.
	count := len(ns)
	if others {
		count++
	}
	if o.etAlMin > 0 && count >= o.etAlMin && o.etAlUseFirst < len(ns) {
		shown = o.etAlUseFirst
		if o.etAlUseLast && shown+1 < len(ns) {
			useLast = true
		}
		others = !useLast
	}
	parts := make([]string, 0, shown+1)
	for i := 0; i < shown; i++ {
		inverted := o.order == orderAll || o.order == orderFirst && i == 0
		parts = append(parts, formatName(ns[i], o, inverted))
	}
	if useLast {
		last := formatName(ns[len(ns)-1], o, o.order == orderAll)
		return strings.Join(parts, delim) + delim + "… " + last
	}
	if others {
		sep := " "
		if o.precedesEtAl == delimAlways || (o.precedesEtAl == delimContextual && shown > 1) ||
			(o.precedesEtAl == delimAfterInverted && (o.order == orderAll || o.order == orderFirst && shown == 1)) {
			sep = delim
		}
		return strings.Join(parts, delim) + sep + etAl
	}
	if len(parts) == 1 {
		return parts[0]
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			last := i == len(parts)-1
			if !last || o.and == "" {
				b.WriteString(delim)
			} else {
				prevInverted := o.order == orderAll || o.order == orderFirst && i-1 == 0
				useDelim := false
				switch o.precedesLast {
				case delimAlways:
					useDelim = true
				case delimContextual:
					useDelim = len(parts) > 2
				case delimAfterInverted:
					useDelim = prevInverted
				}
				if useDelim {
					b.WriteString(delim)
				} else {
					b.WriteByte(' ')
				}
				b.WriteString(o.and + " ")
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// formatName renders one name, inverted (family first) or natural.
func formatName(n csl.Name, o nameOpts, inverted bool) string {
	if n.Literal != "" || n.Family == "" {
		if n.Literal != "" {
			return n.Literal
		}
		return n.Given
	}
	given := n.Given
	if o.initialize || o.normalizeInitials {
		given = spreadInitials(given, n.Family)
	}
	switch {
	case o.initialize:
		given = initials(given, o.initWith, !o.noHyphenInit)
	case o.normalizeInitials:
		given = normalInitials(given, o.initWith)
	}
	sep := o.sortSep
	if sep == "" {
		sep = ", "
	}
	if !inverted {
		s := joinNonEmpty(" ", given, n.DroppingParticle, n.NonDroppingParticle, n.Family)
		if n.Suffix != "" {
			s += " " + n.Suffix
		}
		return s
	}
	family := joinNonEmpty(" ", n.NonDroppingParticle, n.Family)
	if o.demote {
		family = n.Family
		given = joinNonEmpty(" ", given, n.DroppingParticle, n.NonDroppingParticle)
	} else {
		given = joinNonEmpty(" ", given, n.DroppingParticle)
	}
	s := family
	if given != "" {
		s += sep + given
	}
	if n.Suffix != "" {
		s += sep + n.Suffix
	}
	return s
}

// initials reduces given names to initials: "John Paul" → "J. P." with
// ". ", "J.P." with ".", "JP" with "". A hyphenated name keeps its hyphen
// ("Jean-Paul" → "J.-P.") unless hyphen is false. Parts already written as
// initials ("J.P.") are read as such; a lower-case part ("de") is kept.
func initials(given, with string, hyphen bool) string {
	given = strings.TrimSpace(given)
	if given == "" {
		return ""
	}
	var b strings.Builder
	var words []string
	for _, tok := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '\u00a0' }) {
		if strings.Contains(with, ".") && abbreviatedName(tok) {
			// "Yu." and "Th." are initials already, as their bearer writes
			// them.
			words = append(words, tok)
			continue
		}
		words = append(words, strings.FieldsFunc(tok, func(r rune) bool { return r == '.' })...)
	}
	for _, w := range words {
		if abbreviatedName(w) {
			b.WriteString(w + strings.TrimPrefix(with, ".") + " ")
			continue
		}
		if strings.ContainsAny(w[:1], "'\"‘’“") {
			// A nickname in quotes ('Anthony') is kept as written.
			b.WriteString(w + " ")
			continue
		}
		for hi, part := range strings.Split(w, "-") {
			if part == "" {
				continue
			}
			r := []rune(part)
			if hi > 0 {
				if unicode.IsLower(r[0]) {
					// "Kwang-yun": a lower-case part after a hyphen is no
					// name of its own and gives no initial.
					continue
				}
				if hyphen {
					trimmed := strings.TrimRight(b.String(), " ")
					b.Reset()
					b.WriteString(trimmed)
					b.WriteByte('-')
				}
			}
			if unicode.IsLower(r[0]) && len(r) > 1 && with != "" {
				// A particle-like lower-case given part stays whole.
				b.WriteString(part + " ")
				continue
			}
			b.WriteString(string(unicode.ToUpper(r[0])))
			b.WriteString(with)
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// spreadInitials writes initials run together in the PubMed way ("HA" in
// "Feldman, HA") as initials of their own ("H A"), so that a style can
// punctuate them. Only a given name of two or three capitals counts, and
// only when the family name is not in capitals too: in "SMITH, TOM" the
// whole name is capitalised and TOM is a name.
func spreadInitials(given, family string) string {
	if !strings.ContainsFunc(family, unicode.IsLower) {
		return given
	}
	words := strings.Fields(given)
	changed := false
	for i, w := range words {
		r := []rune(w)
		if len(r) < 2 || len(r) > 3 || strings.ContainsFunc(w, func(c rune) bool { return !unicode.IsUpper(c) }) {
			continue
		}
		parts := make([]string, len(r))
		for j, c := range r {
			parts[j] = string(c)
		}
		words[i] = strings.Join(parts, " ")
		changed = true
	}
	if !changed {
		return given
	}
	return strings.Join(words, " ")
}

// normalInitials writes the initials among given names with the style's
// punctuation: "Cynthia L" and "J.J." become "Cynthia L." and "J. J.".
func normalInitials(given, with string) string {
	if given == "" {
		return ""
	}
	words := strings.Fields(given)
	out := make([]string, 0, len(words))
	changed := false
	for _, w := range words {
		parts := strings.Split(strings.TrimSuffix(w, "."), ".")
		allInitials := true
		for _, p := range parts {
			if len([]rune(p)) != 1 || !unicode.IsLetter([]rune(p)[0]) {
				allInitials = false
				break
			}
		}
		if !allInitials {
			out = append(out, w)
			continue
		}
		changed = true
		for _, p := range parts {
			out = append(out, p+strings.TrimRight(with, " "))
		}
	}
	if !changed {
		return given
	}
	return strings.Join(out, " ")
}

// abbreviatedName reports whether w is a multi-letter abbreviation of a
// given name: a capital, small letters, a period ("Yu.", "Th.", "Chr.").
func abbreviatedName(w string) bool {
	r := []rune(w)
	if len(r) < 3 || len(r) > 4 || r[len(r)-1] != '.' || !unicode.IsUpper(r[0]) {
		return false
	}
	for _, c := range r[1 : len(r)-1] {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

func joinNonEmpty(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}

package resolve

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Parsed is what could be read from one reference-list entry as written.
// Fields that could not be found are left empty.
type Parsed struct {
	Authors []string `json:"authors,omitempty"` // surnames, in order, as written ("van der Berg", "World Health Organization")
	EtAl    bool     `json:"et_al,omitempty"`   // the list was shortened ("et al.", "…")
	Year    int      `json:"year,omitempty"`
	Suffix  string   `json:"suffix,omitempty"` // "a" of 2019a
	Title   string   `json:"title,omitempty"`
	Venue   string   `json:"venue,omitempty"` // journal, proceedings, publisher or site, as written
	IDs     corpus.Identifiers
}

// entry is a parsed entry with what matching needs beyond Parsed.
type entry struct {
	Parsed
	urls []string // every URL of the entry, normalised
	text string   // the entry without identifiers, for word containment
}

// ParseEntry reads a reference-list entry in any common style: Vancouver,
// NLM and AMA ("Smith J, Jones K. Title. J Abbrev. 2019;12(3):45-67."),
// APA ("Smith, J., & Jones, K. (2019). Title. Journal, 12(3), 45–67."),
// Harvard ("Smith, J. and Jones, K. (2019) 'Title', Journal, ..."), IEEE
// ("J. Smith and K. Jones, “Title,” J. Abbrev., vol. 12, ..., 2019."), MLA,
// Chicago author-date, PLOS ("SmithJ, JonesK (2019) Title. ..."), Manubot's
// HTML (title, authors and venue on separate lines), web pages and books.
// HTML entities and tags, Markdown emphasis, the entry's number,
// "[Internet]", access dates and "Available from:" are ignored; DOIs,
// PMIDs, PMCIDs, arXiv identifiers, ISBNs and URLs are read wherever they
// are. It never fails: what it cannot find stays empty.
func ParseEntry(text string) Parsed { return parseEntry(text).Parsed }

// maxEntry bounds the text read of one entry. The longest real entries
// (forty authors, a long title, identifiers) stay under 4,000 bytes; the
// bound keeps a pasted page from costing more than an entry.
const maxEntry = 8000

func parseEntry(text string) entry {
	var e entry
	if len(text) > maxEntry {
		text = text[:maxEntry]
	}
	lines := cleanLines(text)
	if len(lines) == 0 {
		return e
	}
	ids, urls, rest := extractIDs(strings.Join(lines, "\n"))
	e.IDs, e.urls = ids, urls
	lines = strings.Split(rest, "\n")
	e.text = strings.Join(lines, " ")
	if !readLines(lines, &e.Parsed) {
		readFields(e.text, &e.Parsed)
	}
	e.Title = cleanTitle(e.Title)
	e.Venue = cleanVenue(e.Venue)
	return e
}

var (
	// reParenYear matches the year in parentheses that APA, Harvard,
	// Chicago and PLOS put after the authors: "(2019)", "(2019a)",
	// "(2019, May 3)", "(2015-07-07)", "(n.d.)".
	reParenYear = regexp.MustCompile(`\((\d{4})([a-z])?(?:[-–/,;:.\s][^()]{0,30})?\)|\((n\.\s?d\.|in press|forthcoming)\)`)
	// reYear matches a plausible publication year with its suffix.
	reYear = regexp.MustCompile(`(?:^|[^\p{L}\d])((?:1[5-9]|20)\d\d)([a-z])?(?:[^\p{L}\d]|$)`)
	// reTrailingYear matches the year sentence of Chicago author-date
	// that ends an author block: "Smith, John. 2019."
	reTrailingYear = regexp.MustCompile(`(?:^|[.,]\s*)((?:1[5-9]|20)\d\d)([a-z])?\.?\s*$`)
)

// readLines reads Manubot's layout, where block tags put the title, the
// authors and "Venue (date)" on lines of their own. It reports false for
// any other layout.
func readLines(lines []string, p *Parsed) bool {
	if len(lines) < 3 {
		return false
	}
	for i := 2; i < len(lines) && i < 4; i++ {
		m := reParenYear.FindStringSubmatchIndex(lines[i])
		if m == nil || m[2] < 0 {
			continue
		}
		names, ok := parseNames(lines[i-1], false)
		if !ok || strings.ContainsAny(lines[i-1], ".?!") && !hasInitialPeriods(lines[i-1]) {
			continue
		}
		p.Title = strings.Join(lines[:i-1], " ")
		p.Authors, p.EtAl = names.surnames, names.etAl
		p.Year, _ = strconv.Atoi(lines[i][m[2]:m[3]])
		p.Venue = lines[i][:m[0]]
		return true
	}
	return false
}

// hasInitialPeriods reports whether every period of s follows an initial.
func hasInitialPeriods(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && !(i > 0 && unicode.IsUpper(rune(s[i-1])) && (i == 1 || !isASCIILetter(s[i-2]))) {
			return false
		}
	}
	return true
}

// readFields reads an entry written on one line, trying the layouts from
// the most to the least distinctive: authors then a year in parentheses;
// authors then a quoted title; title, names and venue run together;
// authors ending at a sentence boundary; and no authors at all.
func readFields(s string, p *Parsed) {
	after := ""
	switch {
	case readParenYear(s, p, &after):
	case readQuoted(s, p, &after):
	case readTitleFirst(s, p, &after):
	case readSentences(s, p, &after):
	default:
		p.Title, after = firstSentence(s)
	}
	if p.Venue == "" {
		p.Venue = venueOf(after)
	}
	if p.Year == 0 {
		p.Year, p.Suffix = findYear(after)
		if p.Year == 0 {
			p.Year, p.Suffix = findYear(strings.Replace(s, p.Title, " ", 1))
		}
	}
}

// readParenYear reads "Authors (2019) Title. Rest".
func readParenYear(s string, p *Parsed, after *string) bool {
	for _, m := range reParenYear.FindAllStringSubmatchIndex(s, 8) {
		prefix := strings.TrimSpace(s[:m[0]])
		if prefix == "" {
			continue
		}
		if m[2] >= 0 {
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			if y < 1500 || y > 2099 {
				continue
			}
			p.Year = y
			if m[4] >= 0 {
				p.Suffix = s[m[4]:m[5]]
			}
		}
		names, ok := parseNames(prefix, true)
		if !ok || names.cut {
			p.Year, p.Suffix = 0, ""
			continue
		}
		p.Authors, p.EtAl = names.surnames, names.etAl
		rest := strings.TrimLeft(s[m[1]:], " .,:;")
		if t, r, ok := quotedAt(rest, 0); ok {
			p.Title, *after = t, r
		} else {
			p.Title, *after = firstSentence(rest)
		}
		return true
	}
	return false
}

// readQuoted reads "Authors, “Title,” Rest" (IEEE, MLA, Chicago, Harvard
// without a year in parentheses).
func readQuoted(s string, p *Parsed, after *string) bool {
	for i, r := range s {
		if !isOpenQuote(r) {
			continue
		}
		prefix := strings.TrimSpace(s[:i])
		if prefix != "" && !strings.ContainsAny(prefix[len(prefix)-1:], ",.:") {
			continue
		}
		t, rest, ok := quotedAt(s, i)
		if !ok {
			continue
		}
		if prefix != "" {
			if m := reTrailingYear.FindStringSubmatchIndex(prefix); m != nil {
				p.Year, _ = strconv.Atoi(prefix[m[2]:m[3]])
				if m[4] >= 0 {
					p.Suffix = prefix[m[4]:m[5]]
				}
				prefix = strings.TrimSpace(prefix[:m[0]])
			}
			names, ok := parseNames(strings.TrimRight(prefix, " ,.:"), true)
			if !ok || names.cut {
				p.Year, p.Suffix = 0, ""
				continue
			}
			p.Authors, p.EtAl = names.surnames, names.etAl
		}
		p.Title, *after = t, rest
		return true
	}
	return false
}

// readSentences reads "Authors. Title. Rest" (Vancouver, AMA, NLM, and
// IEEE or Chicago without quotes): the authors end at the first period
// before which everything parses as names.
func readSentences(s string, p *Parsed, after *string) bool {
	tries := 0
	for i := 0; i < len(s) && tries < 10; i++ {
		if s[i] != '.' || (i+1 < len(s) && s[i+1] != ' ') {
			continue
		}
		tries++
		rest := strings.TrimLeft(s[i+1:], " ")
		if reEtAlStart.MatchString(rest) {
			// "Paus, R. et al., 1999." goes on after "R."
			continue
		}
		prefix := strings.TrimSpace(s[:i])
		year, suffix := 0, ""
		if m := reTrailingYear.FindStringSubmatchIndex(prefix); m != nil && m[0] > 0 {
			// Elsevier's Harvard: "Smith, J., Jones, K., 2019. Title."
			year, _ = strconv.Atoi(prefix[m[2]:m[3]])
			if m[4] >= 0 {
				suffix = prefix[m[4]:m[5]]
			}
			prefix = strings.TrimSpace(prefix[:m[0]])
		}
		names, ok := parseNames(prefix, true)
		if !ok {
			continue
		}
		if len(names.surnames) == 1 && !names.cut && !strings.ContainsAny(prefix, " ,") && !isAcronym(prefix) {
			// One word before the first period is a title ("DragoNN.")
			// more often than an author; Vancouver writes initials.
			continue
		}
		if year != 0 && !names.cut {
			p.Year, p.Suffix = year, suffix
		}
		if names.cut {
			// The list ran into the title: "A. Courville, Deep Learning."
			title := strings.Trim(prefix[names.end:], " ,.:;")
			if len(strings.Fields(title)) < 2 {
				continue
			}
			p.Authors, p.EtAl = names.surnames, names.etAl
			p.Title, *after = title, rest
			return true
		}
		p.Authors, p.EtAl = names.surnames, names.etAl
		// Chicago author-date: "Authors. 2019. Title."
		if m := reLeadYear.FindStringSubmatch(rest); m != nil {
			p.Year, _ = strconv.Atoi(m[1])
			p.Suffix = m[2]
			rest = rest[len(m[0]):]
		}
		if t, r, ok := quotedAt(rest, 0); ok {
			p.Title, *after = t, r
		} else {
			p.Title, *after = firstSentence(rest)
		}
		return true
	}
	return false
}

// readTitleFirst reads Manubot's layout run onto one line, as a reader
// that drops line breaks gives it: "Title Given Surname, Given Surname, …
// Given Surname Venue (2015-07-07)". The names between the commas must be
// names written given names first; the first author is split from the end
// of the title as one given name, initials, particles and a surname, and
// the last author from the start of the venue the same way.
func readTitleFirst(s string, p *Parsed, after *string) bool {
	locs := reParenYear.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return false
	}
	m := locs[len(locs)-1]
	if m[2] < 0 {
		return false
	}
	pieces := strings.Split(strings.NewReplacer("…", ",", "...", ",").Replace(s[:m[0]]), ",")
	var names []string
	for i, piece := range pieces {
		pieces[i] = strings.TrimSpace(piece)
		if pieces[i] != "" {
			names = append(names, pieces[i])
		}
	}
	if len(names) < 2 {
		return false
	}
	var authors []string
	for _, n := range names[1 : len(names)-1] {
		k, sur := classifyName(n)
		if k != kindFull && k != kindGivenFirst {
			// Long names ("Jeroen A. W. M. van der Laak") pass
			// when every word can be part of a name.
			toks := strings.Fields(n)
			if len(toks) > 8 || !allNameWords(toks) || !isCapWord(toks[len(toks)-1]) {
				return false
			}
			sur = lastSurname(toks)
		}
		authors = append(authors, sur)
	}
	head := strings.Fields(names[0])
	k := len(head) - 1
	if k < 1 || !isCapWord(head[k]) || isInitialTok(head[k]) {
		return false
	}
	for k > 1 && (particles[strings.ToLower(head[k-1])]) {
		k--
	}
	for k > 1 && isInitialTok(head[k-1]) {
		k--
	}
	if k > 1 && isCapWord(head[k-1]) && !isInitialTok(head[k-1]) {
		k--
	}
	if k < 1 {
		return false
	}
	title := strings.Join(head[:k], " ")
	_, firstSur := classifyName(strings.Join(head[k:], " "))
	tail := strings.Fields(names[len(names)-1])
	j := 0
	if j < len(tail) && isCapWord(tail[j]) && !isInitialTok(tail[j]) {
		j++
	}
	for j < len(tail) && isInitialTok(tail[j]) {
		j++
	}
	for j < len(tail) && particles[strings.ToLower(tail[j])] && j+1 < len(tail) {
		j++
	}
	if j >= len(tail) || !isCapWord(tail[j]) || j == 0 {
		return false
	}
	j++
	_, lastSur := classifyName(strings.Join(tail[:j], " "))
	if firstSur == "" || lastSur == "" {
		return false
	}
	p.Title = title
	p.Authors = append(append([]string{firstSur}, authors...), lastSur)
	p.EtAl = strings.Contains(s[:m[0]], "…") || strings.Contains(s[:m[0]], "...")
	p.Year, _ = strconv.Atoi(s[m[2]:m[3]])
	p.Venue = strings.Join(tail[j:], " ")
	*after = s[m[1]:]
	return true
}

// allNameWords reports whether every word of toks can belong to a name.
func allNameWords(toks []string) bool {
	for _, t := range toks {
		if !isCapWord(t) && !isInitialTok(t) && !particles[strings.ToLower(t)] {
			return false
		}
	}
	return true
}

var (
	reLeadYear  = regexp.MustCompile(`^((?:1[5-9]|20)\d\d)([a-z])?\.\s*`)
	reEtAlStart = regexp.MustCompile(`(?i)^et\.?\s*al\b`)
)

// firstSentence returns the first sentence of s and what follows. A
// sentence ends at ". ", "? " or "! " followed by a capital or a digit; a
// period after an initial ("E. coli"), or after "vs", "e.g." or "al", does
// not end it.
func firstSentence(s string) (string, string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		if i+1 < len(s) && s[i+1] != ' ' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) {
			r, _ := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpenQuote(r) && r != '(' && r != '[' && !isCamelWord(s[j:]) {
				continue
			}
		}
		if c == '.' && isAbbreviationBefore(s[:i]) {
			continue
		}
		end := i
		if c != '.' {
			end = i + 1
		}
		return strings.TrimSpace(s[:end]), s[j:]
	}
	return strings.TrimSpace(s), ""
}

// isCamelWord reports whether s starts with a word such as "arXiv",
// "eLife" or "bioRxiv": a venue that starts a sentence in lower case.
func isCamelWord(s string) bool {
	i := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return i > 0 && i <= 6 && i < len(s) && s[i] >= 'A' && s[i] <= 'Z'
}

// isAbbreviationBefore reports whether the word ending s is an
// abbreviation whose period does not end a sentence.
func isAbbreviationBefore(s string) bool {
	if len(s) > 12 {
		s = s[len(s)-12:]
	}
	i := strings.LastIndexAny(s, " (") + 1
	w := s[i:]
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch strings.ToLower(w) {
	case "vs", "e.g", "i.e", "al", "etc", "dr", "st", "no", "vol", "ed", "eds", "inc", "ltd", "co", "jr", "sr", "fig", "approx", "ca", "cf", "spp", "sp", "var", "subsp":
		return true
	}
	return false
}

func isOpenQuote(r rune) bool {
	switch r {
	case '"', '“', '„', '«', '‘', '\'', '‟':
		return true
	}
	return false
}

// quotedAt returns the quoted text that starts at byte i of s and what
// follows its closing quote. A single straight or curly quote opens only
// before a letter and closes only before punctuation, a space or the end,
// so that apostrophes ("Africa's") do not end the title.
func quotedAt(s string, i int) (title, rest string, ok bool) {
	if i >= len(s) {
		return "", "", false
	}
	open, size := utf8.DecodeRuneInString(s[i:])
	if !isOpenQuote(open) {
		return "", "", false
	}
	single := open == '\'' || open == '‘'
	body := s[i+size:]
	if single {
		r, _ := utf8.DecodeRuneInString(body)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return "", "", false
		}
	}
	for j, r := range body {
		var closes bool
		switch {
		case single:
			if r == '\'' || r == '’' {
				next := body[j+utf8.RuneLen(r):]
				n, _ := utf8.DecodeRuneInString(next)
				closes = next == "" || n == ' ' || n == ',' || n == '.' || n == ';' || n == ':'
			}
		case open == '"':
			closes = r == '"' || r == '”'
		case open == '«':
			closes = r == '»'
		default:
			closes = r == '”' || r == '"' || r == '“' && open == '„'
		}
		if closes {
			t := strings.TrimSpace(body[:j])
			if t == "" {
				return "", "", false
			}
			rest := strings.TrimLeft(body[j+utf8.RuneLen(r):], " ")
			if strings.HasPrefix(rest, ":") {
				// A quotation that opens the title ("“Why should
				// I trust you?”: Explaining …") is not all of it.
				sub, after := firstSentence(strings.TrimLeft(rest, ": "))
				return t + ": " + sub, after, true
			}
			return t, strings.TrimLeft(rest, " ,.:;"), true
		}
	}
	return "", "", false
}

// findYear returns the first plausible year in s and its suffix letter.
// Numbers that are pages rather than years are passed over when a better
// candidate follows: a range ("1735–1780"), or a number after "pp.", "p."
// or the colon of "9(8):1735".
func findYear(s string) (int, string) {
	var first []int
	for _, m := range reYear.FindAllStringSubmatchIndex(s, -1) {
		if first == nil {
			first = m
		}
		if !looksLikePages(s, m[2], m[3]) {
			return yearAt(s, m)
		}
	}
	if first == nil {
		return 0, ""
	}
	return yearAt(s, first)
}

func yearAt(s string, m []int) (int, string) {
	y, _ := strconv.Atoi(s[m[2]:m[3]])
	suffix := ""
	if m[4] >= 0 {
		suffix = s[m[4]:m[5]]
	}
	return y, suffix
}

// looksLikePages reports whether the number s[i:j] is part of a page
// range or follows a page label.
func looksLikePages(s string, i, j int) bool {
	after := s[j:]
	for _, dash := range []string{"-", "–", "—"} {
		if strings.HasPrefix(after, dash) && len(after) > len(dash) && after[len(dash)] >= '0' && after[len(dash)] <= '9' {
			return true
		}
		if strings.HasSuffix(s[:i], dash) {
			return true
		}
	}
	before := strings.TrimRight(s[:i], " ")
	return strings.HasSuffix(before, ":") || strings.HasSuffix(before, "pp.") || strings.HasSuffix(before, "p.")
}

var (
	reVenueCut  = regexp.MustCompile(`(?i)[;(\[]|,?\s+(?:vol|no|pp|p)\.|,\s*(?:vol|volume|issue|pages?)\b|\s\d|,\s*\d`)
	reVenueLead = regexp.MustCompile(`(?i)^(?:in\s*:|in\s+(?:proc(?:eedings)?\b)?)\s*`)
)

// venueOf reads the journal, proceedings or publisher that follows a
// title, up to the volume, the year or the pages.
func venueOf(rest string) string {
	r := strings.TrimLeft(rest, " .,:;")
	if loc := reVenueLead.FindStringIndex(r); loc != nil && loc[1] > 0 && strings.HasPrefix(strings.ToLower(r), "in") {
		r = r[loc[1]:]
	}
	if loc := reVenueCut.FindStringIndex(r); loc != nil {
		r = r[:loc[0]]
	}
	return r
}

// cleanTitle trims what styles put around a title.
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	for {
		before := t
		t = strings.Trim(t, " .,;:")
		t = strings.TrimSuffix(t, " In")
		if n := len(t); n >= 2 {
			first, fs := utf8.DecodeRuneInString(t)
			last, ls := utf8.DecodeLastRuneInString(t)
			if isOpenQuote(first) && (last == '"' || last == '”' || last == '’' || last == '\'') {
				t = t[fs : n-ls]
			}
		}
		if t == before {
			return t
		}
	}
}

// cleanVenue trims a venue and drops one that is only a place or noise.
func cleanVenue(v string) string {
	v = strings.Trim(strings.TrimSpace(v), " .,;:")
	if utf8.RuneCountInString(v) < 2 {
		return ""
	}
	return v
}

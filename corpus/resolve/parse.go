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
	Authors []string           `json:"authors,omitempty"` // surnames, in order, as written ("van der Berg", "World Health Organization")
	EtAl    bool               `json:"et_al,omitempty"`   // the list was shortened ("et al.", "…")
	Year    int                `json:"year,omitempty"`
	Suffix  string             `json:"suffix,omitempty"` // "a" of 2019a
	Title   string             `json:"title,omitempty"`
	Venue   string             `json:"venue,omitempty"` // journal, proceedings, publisher or site, as written
	IDs     corpus.Identifiers `json:"ids"`
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
	reParenYear = regexp.MustCompile(`\(((?:1[5-9]|20)\d\d)([a-z])?(?:[-–/,;:.\s][^()]{0,30})?\)|\((n\.\s?d\.|in press|forthcoming)\)`)
	// reYear matches a plausible publication year with its suffix.
	reYear = regexp.MustCompile(`(?:^|[^\p{L}\d])((?:1[5-9]|20)\d\d)([a-z])?(?:[^\p{L}\d]|$)`)
	// reTrailingYear matches the year sentence of Chicago author-date
	// that ends an author block: "Smith, John. 2019."
	reTrailingYear = regexp.MustCompile(`(?:^|[.,]\s*)((?:1[5-9]|20)\d\d)([a-z])?\.?\s*$`)
)

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

package resolve

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// citeYear reads the year of an author-year citation: the year, the
// suffix letter ("2019a" or Cite.Suffix) and whether the citation says it
// has no year ("n.d.", "in press", "forthcoming").
func citeYear(c corpus.Cite) (year int, suffix string, undated bool) {
	year = corpus.ParseYear(c.Year)
	suffix = strings.ToLower(strings.TrimSpace(c.Suffix))
	if suffix == "" && year != 0 {
		y := strings.TrimSpace(c.Year)
		if n := len(y); n > 0 && y[n-1] >= 'a' && y[n-1] <= 'z' && n >= 5 && y[n-2] >= '0' && y[n-2] <= '9' {
			suffix = y[n-1:]
		}
	}
	if year == 0 {
		y := strings.ToLower(c.Year)
		undated = y == "" || strings.Contains(y, "n.d") || strings.Contains(y, "nd") ||
			strings.Contains(y, "press") || strings.Contains(y, "forthcoming") || strings.Contains(y, "no date")
	}
	return year, suffix, undated
}

// ayCandidate is a library work that an author-year citation may name.
type ayCandidate struct {
	idx  int32
	conf float64
	note string
}

// AuthorYear resolves an author-year citation (Authors, EtAl, Year,
// Suffix) against the library. Surnames are compared with accents, case
// and spacing folded; a particle may be left out ("Maaten" for van der
// Maaten) but not added; a corporate author matches its name or, when no
// other organisation in the library shares them, its initials ("WHO").
// "et al." asks for three or more authors, and accepts two with lower
// confidence (some styles abbreviate from two); two named authors must
// both agree, in order. A suffix picks among the works of the same authors
// and year in the order styles give them letters: by title, a leading
// article ignored. When nothing resolves it returns the zero Match and
// NearMiss's diagnosis; when several works fit equally it returns the zero
// Match and says which.
func (l *Library) AuthorYear(c corpus.Cite) (Match, string) {
	if len(c.Authors) == 0 || strings.TrimSpace(c.Authors[0]) == "" {
		return Match{}, ""
	}
	year, suffix, undated := citeYear(c)
	first := surnameKey(c.Authors[0])
	var group []ayCandidate
	// Only the works of the cited year are read, through the index of
	// first authors and years.
	var cands []int32
	if year != 0 || undated {
		cands = l.firstAuthorRefs(first, year, true)
	}
	for _, i := range cands {
		r := l.inf(i)
		if !(year != 0 && r.year == year || year == 0 && undated && r.year == 0) {
			continue
		}
		conf, note, ok := authorsFit(c, first, r)
		if !ok {
			continue
		}
		group = append(group, ayCandidate{idx: i, conf: conf, note: note})
	}
	if len(group) == 0 {
		return Match{}, l.NearMiss(c)
	}
	label := citeLabel(c)
	slices.SortStableFunc(group, func(a, b ayCandidate) int {
		return strings.Compare(l.inf(a.idx).sortTitle, l.inf(b.idx).sortTitle)
	})
	pick := -1
	var why []string
	switch {
	case suffix != "":
		for k, g := range group {
			if y, _ := l.ref(g.idx).Get("year"); strings.HasSuffix(strings.ToLower(strings.TrimSpace(y)), suffix) {
				pick = k
				why = append(why, fmt.Sprintf("the library's year is %s", strings.TrimSpace(y)))
				break
			}
		}
		if pick < 0 {
			n := int(suffix[0] - 'a')
			switch {
			case len(group) == 1:
				pick = 0
				group[0].conf = min(group[0].conf, 0.75)
				why = append(why, fmt.Sprintf("suffix %s, but the library has only this %s %d work", suffix, label, year))
			case n >= 0 && n < len(group):
				pick = n
				group[n].conf = min(group[n].conf, 0.9)
				why = append(why, fmt.Sprintf("suffix %s: work %d of %d %s %d works in title order", suffix, n+1, len(group), label, year))
			default:
				return Match{}, fmt.Sprintf("no %d%s: the library has %d %s %d works", year, suffix, len(group), label, year)
			}
		}
	case len(group) == 1:
		pick = 0
	default:
		// Duplicates of one work, or one candidate that fits the
		// author list better than the others, still decide.
		best := 0
		tied := 0
		for k, g := range group {
			if g.conf > group[best].conf+1e-9 {
				best, tied = k, 0
			} else if k != best && g.conf > group[best].conf-1e-9 && l.inf(g.idx).sortTitle != l.inf(group[best].idx).sortTitle {
				tied++
			}
		}
		if tied > 0 {
			titles := make([]string, 0, len(group))
			for _, g := range group {
				titles = append(titles, fmt.Sprintf("%q", shorten(l.ref(g.idx).Title, 40)))
			}
			return Match{}, fmt.Sprintf("ambiguous: %d works match %s %d (%s); a year suffix (%da, %db) would tell them apart",
				len(group), label, year, strings.Join(titles, ", "), year, year)
		}
		pick = best
	}
	g := group[pick]
	ref := l.ref(g.idx)
	notes := []string{"first author and year agree"}
	if g.note != "" {
		notes = append(notes, g.note)
	}
	notes = append(notes, why...)
	return Match{
		Key:        ref.Key,
		By:         "author-year",
		Confidence: g.conf,
		Weak:       g.conf < firmThreshold,
		Why:        strings.Join(notes, "; "),
	}, ""
}

// firstAuthorRefs returns the references whose first author is the given
// surname, with particles left out or as an unambiguous acronym, in
// library order; with byYear, only those of year (0: undated). Typos are
// left to NearMiss.
func (l *Library) firstAuthorRefs(first nameKey, year int, byYear bool) []int32 {
	seen := make(map[int32]bool)
	var out []int32
	corporate := ""
	ambiguous := false
	for _, k := range []string{first.full, first.bare} {
		v := k
		if byYear {
			v = FirstValue(k, year)
		}
		for _, i := range l.some(FieldFirst, v, 0) {
			if seen[i] {
				continue
			}
			seen[i] = true
			a := l.inf(i).first
			switch matchName(first, a) {
			case nameExact, nameParticle:
				out = append(out, i)
			case nameAcronym:
				if corporate != "" && corporate != a.full {
					ambiguous = true
				}
				corporate = a.full
				out = append(out, i)
			}
		}
	}
	if byYear && corporate != "" {
		// Whether initials are ambiguous is a question about every
		// year's works.
		return slices.DeleteFunc(l.firstAuthorRefs(first, 0, false), func(i int32) bool {
			return l.inf(i).year != year
		})
	}
	if ambiguous {
		// Keep only works whose author is written as the citation
		// writes it.
		out = slices.DeleteFunc(out, func(i int32) bool { return matchName(first, l.inf(i).first) == nameAcronym })
	}
	slices.SortFunc(out, l.compare)
	return out
}

// authorsFit checks the rest of the author list of a citation against a
// work whose first author agrees.
func authorsFit(c corpus.Cite, first nameKey, r *refInfo) (conf float64, note string, ok bool) {
	conf = 0.95
	switch matchName(first, r.first) {
	case nameParticle:
		conf -= 0.05
		note = "particle left out"
	case nameAcronym:
		conf -= 0.1
		note = fmt.Sprintf("%s read as %s", first.display, r.first.display)
	}
	nCite, nRef := len(c.Authors), r.n
	for k := 1; k < nCite; k++ {
		if k >= nRef || matchName(surnameKey(c.Authors[k]), r.author(k)) < nameParticle {
			return 0, "", false
		}
	}
	lower := func(v float64, n string) {
		conf = min(conf, v)
		if note != "" {
			note += "; "
		}
		note += n
	}
	more := r.etAl
	switch {
	case c.EtAl:
		switch {
		case nRef >= 3 || more:
		case nRef == 2:
			lower(0.7, "et al. for a work of two authors")
		default:
			return 0, "", false
		}
	case nCite == 1:
		switch {
		case nRef == 1 && !more:
		case nRef == 2 && !more:
			lower(0.7, "one author named, the work has two")
		default:
			lower(0.65, fmt.Sprintf("one author named, the work has %s (et al. expected)", countAuthors(nRef, more)))
		}
	case nCite == 2:
		switch {
		case nRef == 2 && !more:
		default:
			lower(0.75, fmt.Sprintf("two authors named, the work has %s (et al. expected)", countAuthors(nRef, more)))
		}
	default:
		if nRef > nCite || more {
			lower(0.8, fmt.Sprintf("%d authors named, the work has %s", nCite, countAuthors(nRef, more)))
		}
	}
	return conf, note, true
}

func countAuthors(n int, more bool) string {
	if more {
		return fmt.Sprintf("%d or more", n+1)
	}
	return strconv.Itoa(n)
}

// NearMiss explains, for an author-year citation that resolved to nothing,
// the closest library works: "did you mean Smith, Jones & Lee 2019 (year
// differs)?", "... (surname spelt Smyth)?", "... (co-author Jones
// missing)?", "no 2018 work by Smith; Smith 2019 exists". It returns ""
// when nothing is close.
func (l *Library) NearMiss(c corpus.Cite) string {
	if len(c.Authors) == 0 || strings.TrimSpace(c.Authors[0]) == "" {
		return ""
	}
	year, _, _ := citeYear(c)
	first := surnameKey(c.Authors[0])
	cands := l.firstAuthorRefs(first, 0, false)
	if len(cands) > 0 {
		return l.nearSameAuthor(c, first, year, cands)
	}
	if first.bare != first.full {
		// "van Baxt" for a plain Baxt: a particle the library's name
		// does not have.
		for _, i := range l.some(FieldFirst, first.bare, 0) {
			if r := l.inf(i); r.first.full == first.bare && (year == 0 || r.year == year) {
				return fmt.Sprintf("did you mean %s %d (the library's name has no %q)?", l.label(i), r.year,
					strings.TrimSpace(strings.TrimSuffix(first.display, lastWord(first.display))))
			}
		}
	}
	if msg := l.nearSpelling(c, first, year); msg != "" {
		return msg
	}
	return l.nearOrder(c, first, year)
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// nearSameAuthor explains a miss among the works of the cited first
// author: a co-author that differs, or a year that does.
func (l *Library) nearSameAuthor(c corpus.Cite, first nameKey, year int, cands []int32) string {
	for _, i := range cands {
		r := l.inf(i)
		if year == 0 || r.year != year {
			continue
		}
		return fmt.Sprintf("did you mean %s %d (%s)?", l.label(i), r.year, coauthorReason(c, r))
	}
	var nearest int32 = -1
	for _, i := range cands {
		if _, _, ok := authorsFit(c, first, l.inf(i)); !ok && len(cands) > 1 {
			continue
		}
		if nearest < 0 || abs(l.inf(i).year-year) < abs(l.inf(nearest).year-year) {
			nearest = i
		}
	}
	if nearest < 0 {
		nearest = cands[0]
	}
	r := l.inf(nearest)
	if year != 0 && r.year != 0 && abs(r.year-year) <= 2 {
		return fmt.Sprintf("did you mean %s %d (year differs)?", l.label(nearest), r.year)
	}
	years := map[int]bool{}
	var list []int
	for _, i := range cands {
		if y := l.inf(i).year; !years[y] {
			years[y] = true
			list = append(list, y)
		}
	}
	slices.Sort(list)
	name := l.ref(cands[0]).Authors
	who := first.display
	if len(name) > 0 {
		who = l.inf(cands[0]).first.display
	}
	ys := make([]string, 0, len(list))
	for _, y := range list {
		if y == 0 {
			ys = append(ys, "n.d.")
		} else {
			ys = append(ys, strconv.Itoa(y))
		}
	}
	verb := "exists"
	if len(ys) > 1 {
		verb = "exist"
	}
	cited := c.Year
	if year != 0 {
		cited = strconv.Itoa(year)
	}
	return fmt.Sprintf("no %s work by %s; %s %s %s", cited, who, who, strings.Join(ys, ", "), verb)
}

// coauthorReason says why a work with the cited first author and year
// did not fit the citation's author list.
func coauthorReason(c corpus.Cite, r *refInfo) string {
	for k := 1; k < len(c.Authors); k++ {
		ck := surnameKey(c.Authors[k])
		found := false
		for _, a := range r.keys() {
			if matchName(ck, a) >= nameParticle {
				found = true
				break
			}
		}
		if !found {
			return fmt.Sprintf("co-author %s missing", strings.TrimSpace(c.Authors[k]))
		}
		if k >= r.n || matchName(ck, r.author(k)) < nameParticle {
			return fmt.Sprintf("co-author %s in another position", strings.TrimSpace(c.Authors[k]))
		}
	}
	if c.EtAl && r.n == 1 {
		return "et al. for a single author"
	}
	if len(c.Authors) > r.n {
		return fmt.Sprintf("%d authors named, the work has %d", len(c.Authors), r.n)
	}
	return "author list differs"
}

// nearSpelling finds first authors one or two edits from the cited one.
// The names are tried in order, so that of two equally near the same
// one is named every time.
func (l *Library) nearSpelling(c corpus.Cite, first nameKey, year int) string {
	if len(first.full) < 3 {
		return ""
	}
	maxEdits := 1
	if len(first.full) >= 8 {
		maxEdits = 2
	}
	var best int32 = -1
	bestKey, bestD := "", maxEdits+1
	for _, k := range l.near(FieldFirst, first.full, maxEdits) {
		if k == first.full || abs(len(k)-len(first.full)) > maxEdits {
			continue
		}
		d := corpus.EditDistance(first.full, k, maxEdits)
		if d > maxEdits {
			continue
		}
		for _, i := range l.some(FieldFirst, k, 0) {
			r := l.inf(i)
			if r.first.full != k && r.first.bare != k {
				continue
			}
			better := best < 0 || d < bestD ||
				d == bestD && yearCloser(year, r.year, l.inf(best).year) ||
				d == bestD && r.year == l.inf(best).year && k < bestKey
			if better {
				best, bestKey, bestD = i, k, d
			}
		}
	}
	if best < 0 {
		return ""
	}
	r := l.inf(best)
	reason := fmt.Sprintf("surname spelt %s", strings.TrimSpace(c.Authors[0]))
	switch {
	case year != 0 && r.year != 0 && r.year != year && abs(r.year-year) <= 2:
		reason += ", year differs"
	case year != 0 && r.year != year:
		return ""
	}
	return fmt.Sprintf("did you mean %s %d (%s)?", l.label(best), r.year, reason)
}

func yearCloser(year, a, b int) bool {
	return year != 0 && abs(a-year) < abs(b-year)
}

// nearOrder finds a work of the cited year that has the cited first author
// in another position and another cited author first.
func (l *Library) nearOrder(c corpus.Cite, first nameKey, year int) string {
	if len(c.Authors) < 2 || year == 0 {
		return ""
	}
	for k := 1; k < len(c.Authors); k++ {
		other := surnameKey(c.Authors[k])
		for _, i := range l.firstAuthorRefs(other, year, true) {
			r := l.inf(i)
			if r.year != year {
				continue
			}
			for _, a := range r.keys()[1:] {
				if matchName(first, a) >= nameParticle {
					return fmt.Sprintf("did you mean %s %d (author order differs)?", l.label(i), r.year)
				}
			}
		}
	}
	return ""
}

// label names the library's i-th work in messages by its short author
// label (corpus.AuthorLabel), or by its title when it has no names.
func (l *Library) label(i int32) string {
	r := l.ref(i)
	if s := r.AuthorLabel(); s != "" {
		return s
	}
	return shorten(r.Title, 40)
}

// citeLabel names a citation's authors by the same rule as the library's
// works, without year.
func citeLabel(c corpus.Cite) string {
	return corpus.AuthorLabel(c.Authors, c.EtAl)
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// MatchCiteToEntries resolves an author-year citation through an
// article's own reference list: it returns the index of the one entry
// whose first author, co-authors, year and suffix fit the citation. A
// suffix the entries do not print picks among the fitting entries in
// title order. ok is false when no entry fits or several fit equally.
func MatchCiteToEntries(c corpus.Cite, entries []Parsed) (index int, ok bool) {
	if len(c.Authors) == 0 {
		return -1, false
	}
	year, suffix, undated := citeYear(c)
	first := surnameKey(c.Authors[0])
	type fit struct {
		i     int
		score float64
	}
	var fits []fit
	for i, p := range entries {
		if len(p.Authors) == 0 {
			continue
		}
		if matchName(first, surnameKey(p.Authors[0])) < nameAcronym {
			continue
		}
		if !(year != 0 && p.Year == year || year == 0 && undated && p.Year == 0) {
			continue
		}
		if suffix != "" && p.Suffix != "" && !strings.EqualFold(p.Suffix, suffix) {
			continue
		}
		score := 1.0
		good := true
		for k := 1; k < len(c.Authors); k++ {
			if k >= len(p.Authors) || matchName(surnameKey(c.Authors[k]), surnameKey(p.Authors[k])) < nameParticle {
				good = false
				break
			}
		}
		if !good {
			continue
		}
		n := len(p.Authors)
		switch {
		case c.EtAl && (n >= 3 || p.EtAl):
		case c.EtAl && n == 2:
			score = 0.7
		case c.EtAl:
			continue
		case len(c.Authors) == n && !p.EtAl:
		default:
			score = 0.7
		}
		if suffix != "" && strings.EqualFold(p.Suffix, suffix) {
			score += 1
		}
		fits = append(fits, fit{i, score})
	}
	if len(fits) == 0 {
		return -1, false
	}
	slices.SortStableFunc(fits, func(a, b fit) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	top := fits[:1]
	for _, f := range fits[1:] {
		if f.score == fits[0].score {
			top = append(top, f)
		}
	}
	if len(top) == 1 {
		return top[0].i, true
	}
	if suffix == "" {
		return -1, false
	}
	slices.SortStableFunc(top, func(a, b fit) int {
		return strings.Compare(sortTitle(entries[a.i].Title), sortTitle(entries[b.i].Title))
	})
	n := int(suffix[0] - 'a')
	if n < 0 || n >= len(top) {
		return -1, false
	}
	return top[n].i, true
}

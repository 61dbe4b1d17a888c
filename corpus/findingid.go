package corpus

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
)

// A finding id names a finding so that an editor can mark it reviewed and
// find it again in the next check, whatever was edited elsewhere in the
// article: "uncited-claim:3fa9c1d2e0". The hex part is a hash of what the
// finding is about, never of where it is:
//
//   - a finding on a sentence: the code, the sentence with its citation
//     markers taken out (renumbering the list must not change it),
//     case-folded, with punctuation and runs of spaces made one space,
//     and the finding's marker, which tells apart two findings of one code
//     on one sentence (two dangling markers);
//   - a finding on a reference-list entry: the code and the entry's text,
//     likewise normalised (not its label, which a new entry shifts);
//   - any other finding (one about the whole article): the code and the
//     letters of its message, as FindingKey takes them.
//
// Findings that would still share an id (a sentence written twice, one
// marker citing two works that both dangle) get "-2", "-3", ... in reading
// order. Unlike FindingKey, digits count: "40% of adults" and "60% of
// adults" are different claims, and a mark on one says nothing of the
// other.

// findingHashLen is how many hex digits of the hash an id keeps: 40 bits,
// so that two findings of one article share a hash about once in a
// trillion pairs, short enough to type.
const findingHashLen = 10

// SetFindingIDs gives every finding of the report its ID (see above). The
// checker calls it once the findings are complete; a report stored before
// findings had ids gets them when it is read (DecodeReport).
func (r *Report) SetFindingIDs() {
	claims := r.claimIndex()
	type slot struct {
		i     int    // index in r.Findings
		base  string // the id without an ordinal
		order int    // reading order: claim index, else line
		msg   string
	}
	cites := r.danglingCites(claims)
	slots := make([]slot, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		subject, order := r.findingSubject(f, claims)
		marker := f.Marker
		if c, ok := cites[i]; ok {
			marker += "\x00" + c
		}
		slots[i] = slot{i: i, base: findingBase(f.Code, subject, marker), order: order, msg: normaliseLetters(f.Message)}
	}
	// Ordinals in reading order, then by message, so that they do not hang
	// on the order the report lists its findings in.
	sorted := slices.Clone(slots)
	slices.SortStableFunc(sorted, func(a, b slot) int {
		return cmp.Or(strings.Compare(a.base, b.base), cmp.Compare(a.order, b.order), strings.Compare(a.msg, b.msg))
	})
	n := 0
	for j, s := range sorted {
		n++
		if j == 0 || sorted[j-1].base != s.base {
			n = 1
		}
		id := s.base
		if n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		r.Findings[s.i].ID = id
	}
}

// danglingCites names, for each dangling-citation finding, the work its
// marker cites that dangles ("9", "smith2019"): one marker may cite
// several that dangle, and each must keep its id when another of them is
// fixed. The checker reports one finding per dangling citation, in the
// order of the claim's citations; when the counts disagree (a finding
// silenced), the marker alone tells them apart, with ordinals.
func (r *Report) danglingCites(claims map[string]int) map[int]string {
	const code = "dangling-citation"
	type group struct{ claim, marker string }
	findings := map[group][]int{}
	for i, f := range r.Findings {
		if f.Code == code && f.Claim != "" {
			g := group{f.Claim, f.Marker}
			findings[g] = append(findings[g], i)
		}
	}
	out := map[int]string{}
	for g, idx := range findings {
		ci, ok := claims[g.claim]
		if !ok {
			continue
		}
		var dangling []string
		for _, l := range r.Claims[ci].Citations {
			if l.Marker == g.marker && l.Status == Dangling {
				dangling = append(dangling, l.Cites)
			}
		}
		if len(dangling) != len(idx) {
			continue
		}
		for k, i := range idx {
			out[i] = dangling[k]
		}
	}
	return out
}

// findingSubject is the normalised text a finding is about, and where it
// stands in reading order.
func (r *Report) findingSubject(f *Finding, claims map[string]int) (string, int) {
	if i, ok := claims[f.Claim]; ok && f.Claim != "" {
		return "s:" + claimSubject(&r.Claims[i]), i
	}
	if e := r.entryOf(f); e != nil {
		return "r:" + normaliseText(e.Text), len(r.Claims) + e.Line
	}
	return "m:" + normaliseLetters(f.Message), len(r.Claims) + f.Line
}

// claimSubject is a sentence as its ids see it: without the markers of
// its citations (links excepted: a link's marker is words of the
// sentence), normalised.
func claimSubject(c *Claim) string {
	text := c.Text
	for _, l := range c.Citations {
		if l.Kind != LinkKind && l.Marker != "" {
			text = strings.ReplaceAll(text, l.Marker, " ")
		}
	}
	return normaliseText(text)
}

// entryOf returns the reference-list entry a finding of no sentence is
// about: the one on its line, or of the several there, the one its
// message names by label. Nil when there is none.
func (r *Report) entryOf(f *Finding) *ListRef {
	var on []*ListRef
	for i := range r.References {
		if r.References[i].Line == f.Line && f.Line > 0 {
			on = append(on, &r.References[i])
		}
	}
	if len(on) == 1 {
		return on[0]
	}
	for _, e := range on {
		if e.Label != "" && strings.Contains(f.Message, "reference "+e.Label+" ") {
			return e
		}
	}
	return nil
}

// findingBase is the id of a finding before any ordinal.
func findingBase(code, subject, marker string) string {
	sum := sha256.Sum256([]byte(code + "\x00" + subject + "\x00" + normaliseText(marker)))
	return code + ":" + hex.EncodeToString(sum[:])[:findingHashLen]
}

// foldCase is Unicode case folding ("Straße" and "STRASSE" read alike);
// a cases.Caser keeps state, so each call makes its own.
func foldCase(s string) string { return cases.Fold().String(s) }

// normaliseText keeps the letters and digits of s, case-folded, with one
// space between runs of them.
func normaliseText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range foldCase(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// FindingHash is the part of a finding id after the code: "3fa9c1d2e0"
// of "uncited-claim:3fa9c1d2e0", or "3fa9c1d2e0-2". An editor may type it
// alone.
func FindingHash(id string) string {
	if i := strings.LastIndexByte(id, ':'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// MatchFindingID returns the ids among ids that what names: the id
// itself, its hash part (FindingHash), or a prefix of either at least
// four characters long. An exact match wins over prefixes.
func MatchFindingID(ids []string, what string) []string {
	what = strings.TrimSpace(what)
	var exact, prefix []string
	for _, id := range ids {
		h := FindingHash(id)
		switch {
		case id == what || h == what:
			exact = append(exact, id)
		case len(what) >= 4 && (strings.HasPrefix(id, what) || strings.HasPrefix(h, what)):
			prefix = append(prefix, id)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return prefix
}

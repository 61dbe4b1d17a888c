package export_test

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/csl"
)

func cslOf(r *corpus.Reference) csl.Item { return csl.FromReference(r) }

// risCarried are the CSL variables RIS has a tag for, each as the text to
// compare. What RIS cannot say is normalised away, with the reason:
func risCarried(it csl.Item) map[string]string {
	v := map[string]string{
		"type": it.Type,
		// RIS names have no et-al. marker: an "and others" is not written.
		// RIS cannot tell a one-part personal name (Aristotle) from an
		// organisation: both are written bare and read back as an
		// organisation, which every style prints the same way. RIS has no
		// particles: "van der Berg, Jan" reads back with "van der" as the
		// particle even if BibTeX braced it into the family name.
		"author":     names(it.Author),
		"editor":     names(it.Editor),
		"translator": names(it.Translator),
		// RIS titles are plain text: rich-text markup is not written.
		"title":                 plain(it.Title),
		"title-short":           plain(it.TitleShort),
		"container-title":       plain(it.ContainerTitle),
		"container-title-short": plain(it.ContainerTitleShort),
		"collection-title":      plain(it.CollectionTitle),
		// RIS has one date: a range keeps its start.
		"issued": firstDate(it.Issued),
		"volume": it.Volume,
		// RIS has one number tag (IS) for an issue, a report number and
		// a volume's number in its series; the entry type says which.
		"issue/number": it.Issue + "|" + it.Number + "|" + it.CollectionNumber,
		// SP and EP: the dash between them is a hyphen ("330—331",
		// "225--240" and "330 - 331" read back as 330-331).
		// An open range ("4710--") keeps one dash.
		"page":            strings.TrimRight(strings.NewReplacer(" ", "", "—", "-", "--", "-").Replace(it.Page), "-–"),
		"publisher":       it.Publisher,
		"publisher-place": it.PublisherPlace,
		"DOI":             it.DOI,
		// Braces in a URL are percent-encoded, so that the BibTeX
		// written from the RIS stays balanced: the same address.
		"URL": strings.NewReplacer("{", "%7B", "}", "%7D").Replace(it.URL),
		// RIS has one SN tag for ISBNs and ISSNs, told apart by their
		// shape: an ISSN written in an isbn field reads back as an ISSN.
		"ISBN/ISSN": strings.Join(sorted(splitNumbers(it.ISBN+","+it.ISSN)), ", "),
		"abstract":  collapse(it.Abstract),
		// One KW line per keyword: the separators are normalised.
		"keyword":  strings.Join(splitNumbers(it.Keyword), ", "),
		"edition":  it.Edition,
		"genre":    it.Genre,
		"language": it.Language,
		"note":     collapse(it.Note),
	}
	return v
}

func names(ns []csl.Name) string {
	var parts []string
	for _, n := range ns {
		if n.Literal == "others" {
			continue
		}
		if strings.Contains(n.Literal+n.Family+n.Given+n.Suffix, ",") {
			// RIS separates a name's parts by commas: a part holding a
			// comma (a garbled BibTeX name, an organisation "A, B and C")
			// cannot be written.
			parts = append(parts, "comma")
			continue
		}
		if n.Literal != "" {
			parts = append(parts, "literal:"+collapse(n.Literal))
			continue
		}
		family := collapse(n.NonDroppingParticle + " " + n.DroppingParticle + " " + n.Family)
		if n.Given == "" && n.Suffix == "" {
			parts = append(parts, "literal:"+family)
			continue
		}
		parts = append(parts, family+", "+collapse(n.Given)+", "+collapse(n.Suffix))
	}
	return strings.Join(parts, "; ")
}

func plain(s string) string { return collapse(csl.Plain(s)) }

// collapse compares text as RIS writes it: one line, no control characters.
func collapse(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func firstDate(d *csl.Date) string {
	if d == nil {
		return ""
	}
	if len(d.DateParts) == 0 {
		// An EDTF range with an open or unknown start ("../2004",
		// "unknown/2006") is a literal in a biblatex date field but reads
		// back from PY as the year it holds.
		// A BCE year ("-2000") is a literal in a date field; written to
		// PY it is a year field, whose reading takes the digits.
		if y := corpus.ParseYear(d.Literal); y != 0 && (strings.Contains(d.Literal, "/") || strings.HasPrefix(d.Literal, "-")) {
			return fmt.Sprint([]int{y})
		}
		return "literal:" + collapse(d.Literal)
	}
	return fmt.Sprint(d.DateParts[0])
}

func sorted(s []string) []string {
	sort.Strings(s)
	return s
}

func splitNumbers(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TestRIS_CorporaRoundTrip exports every real corpus file as RIS, reads the
// RIS back and compares the CSL items of the original and the round-tripped
// references on every variable RIS carries. Apart from the normalisations
// risCarried explains, nothing may differ.
func TestRIS_CorporaRoundTrip(t *testing.T) {
	dir := corpora(t)
	diffs := map[string]int{}
	files, total := 0, 0
	for _, rel := range corpusFiles(t, dir) {
		refs, ok := readCorpus(t, dir, rel)
		if !ok || len(refs) == 0 {
			continue
		}
		var buf bytes.Buffer
		if err := export.RIS(&buf, refs); err != nil {
			t.Fatal(err)
		}
		res, err := ris.Read(rel+".ris", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Problems) > 0 {
			t.Errorf("%s: our RIS does not read back: %v", rel, res.Problems[0])
			continue
		}
		if len(res.Refs) != len(refs) {
			t.Errorf("%s: %d references written, %d read back", rel, len(refs), len(res.Refs))
			continue
		}
		files++
		for i, r := range refs {
			total++
			a, b := risCarried(cslOf(r)), risCarried(cslOf(res.Refs[i]))
			for k, av := range a {
				if strings.Contains(av, "comma") && strings.Count(av, "; ") == strings.Count(b[k], "; ") {
					continue // see names
				}
				if av != b[k] {
					diffs[k]++
					if diffs[k] <= 3 {
						t.Errorf("%s %s %s:\n  before %q\n  after  %q", rel, r.Key, k, av, b[k])
					}
				}
			}
		}
	}
	var keys []string
	for k := range diffs {
		keys = append(keys, fmt.Sprintf("%s %d", k, diffs[k]))
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		t.Errorf("differences by variable: %s", strings.Join(keys, ", "))
	}
	if total < 15000 {
		t.Errorf("only %d references from %d files", total, files)
	}
	t.Logf("%d references from %d files round-tripped through RIS", total, files)
}

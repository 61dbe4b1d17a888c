// Package bibtextest generates real-shaped BibTeX for tests and benchmarks:
// entries with the fields, lengths and LaTeX that Zotero, JabRef and
// database exports produce. It is deterministic for a given seed.
package bibtextest

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"strings"
)

var (
	words = strings.Fields(`effect analysis randomised trial cohort clinical outcomes patients risk
	model deep learning network protein expression gene cell therapy treatment dose response
	acute chronic pain inflammation cardiovascular mortality survey population evidence review
	systematic meta-analysis bias estimation inference causal observational study data method
	neural language transfer attention graph molecular structure dynamics climate temperature
	policy health care hospital adults children older women men vaccine infection antibiotic`)
	given  = []string{"Ana", "John P. A.", "Maria", "Wei", "Olusegun", "S{\\o}ren", "Jos{\\'e}", "Fran{\\c{c}}ois", "Yuki", "Priya", "G.", "Hans-Peter", "Zo{\\\"e}"}
	family = []string{"Smith", "Garc{\\'\\i}a", "M{\\\"u}ller", "Zhang", "Okafor", "van der Berg", "de la Cruz", "Nakamura", "Patel", "O'Brien", "Kowalski", "Nguyen", "{\\O}stergaard"}
	venues = []string{"The Lancet", "Nature", "PLoS Medicine", "BMJ", "Journal of Machine Learning Research", "Proceedings of the National Academy of Sciences", "JAMA"}
	months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	types  = []string{"article", "article", "article", "article", "inproceedings", "book", "incollection", "techreport", "misc", "phdthesis"}
)

// Generate returns n entries with unique keys, titles and DOIs.
func Generate(n int, seed int64) []byte {
	var b bytes.Buffer
	b.Grow(n * 900)
	Write(&b, n, seed) // a bytes.Buffer does not fail
	return b.Bytes()
}

// Write writes what Generate returns to w a megabyte at a time, so that a
// file of any size can be made without holding it in memory. Entries are
// about 900 bytes each.
func Write(w io.Writer, n int, seed int64) error {
	r := rand.New(rand.NewSource(seed))
	var b strings.Builder
	b.WriteString("@string{jmlr = {Journal of Machine Learning Research}}\n\n")
	for i := 0; i < n; i++ {
		writeEntry(&b, r, i)
		if b.Len() >= 1<<20 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.Intn(len(words))]
	}
	return strings.Join(ws, " ")
}

func writeEntry(b *strings.Builder, r *rand.Rand, i int) {
	typ := types[r.Intn(len(types))]
	year := 1950 + r.Intn(75)
	fmt.Fprintf(b, "@%s{key%d_%d,\n", typ, i, year)
	title := sentence(r, 8+r.Intn(7))
	title = strings.ToUpper(title[:1]) + title[1:]
	if r.Intn(4) == 0 {
		title += " in {DNA} repair"
	}
	fmt.Fprintf(b, "  title = {%s: study %d},\n", title, i)
	na := 1 + r.Intn(6)
	authors := make([]string, na)
	for j := range authors {
		authors[j] = family[r.Intn(len(family))] + ", " + given[r.Intn(len(given))]
	}
	if r.Intn(10) == 0 {
		authors = append(authors, "others")
	}
	fmt.Fprintf(b, "  author = {%s},\n", strings.Join(authors, " and "))
	switch {
	case r.Intn(8) == 0:
		b.WriteString("  journal = jmlr,\n")
	case typ == "inproceedings" || typ == "incollection":
		fmt.Fprintf(b, "  booktitle = {Proceedings of the %d Conference on %s},\n", year, sentence(r, 3))
	default:
		fmt.Fprintf(b, "  journal = {%s},\n", venues[r.Intn(len(venues))])
	}
	fmt.Fprintf(b, "  year = %d,\n  month = %s,\n", year, months[r.Intn(12)])
	fmt.Fprintf(b, "  volume = {%d},\n  number = {%d},\n  pages = {%d--%d},\n", 1+r.Intn(400), 1+r.Intn(12), 100+r.Intn(500), 600+r.Intn(500))
	if i%2 == 0 {
		fmt.Fprintf(b, "  doi = {10.%d/gen.%d.%d},\n", 1000+r.Intn(8000), year, i)
	}
	if i%3 == 0 {
		fmt.Fprintf(b, "  abstract = {%s.},\n", sentence(r, 120+r.Intn(60)))
	}
	fmt.Fprintf(b, "  keywords = {%s, %s},\n", words[r.Intn(len(words))], words[r.Intn(len(words))])
	fmt.Fprintf(b, "  url = {https://example.org/paper/%d},\n  langid = {english},\n", i)
	b.WriteString("}\n\n")
}

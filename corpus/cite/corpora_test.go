package cite

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// articles is the shared test corpus of real articles (see its README).
const articles = "../../../shared/corpora/articles"

func corpusPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(articles, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus %s not available (%v); skipping the real-text check", p, err)
	}
	return p
}

var (
	// An independent, simpler reading of pandoc citations: a bracket with
	// @keys in it, keys ending at space, semicolon, comma or bracket.
	pandocBracket = regexp.MustCompile(`\[[^\[\]]*@[^\[\]]*\]`)
	pandocKey     = regexp.MustCompile(`(?:^|[\s;\[-])@([^\s;,\]]+)`)
	keyDefinition = regexp.MustCompile(`^\[@[^\]]+\]:\s`)
)

func regexpPandocKeys(line string) []string {
	var keys []string
	for _, br := range pandocBracket.FindAllString(line, -1) {
		for _, m := range pandocKey.FindAllStringSubmatch(br, -1) {
			k := strings.Trim(strings.TrimRight(m[1], "."), "{}")
			if isCrossRef(k) {
				continue
			}
			keys = append(keys, k)
		}
	}
	return keys
}

// checkPandocFile compares, line by line, the keys of the bracketed pandoc
// citations Detect finds with the regexp reading; it returns the total.
func checkPandocFile(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	total, bad := 0, 0
	for n, line := range strings.Split(string(b), "\n") {
		ms := Detect(line)
		if keyDefinition.MatchString(line) {
			if len(ms) != 0 {
				t.Errorf("%s:%d: key definition read as markers %q", path, n+1, texts(ms))
			}
			continue
		}
		var got []string
		for _, m := range ms {
			if m.Kind != corpus.MarkerKey {
				continue
			}
			for _, c := range m.Cites {
				if isCrossRef(c.Key) {
					t.Errorf("%s:%d: cross-reference %q read as a citation", path, n+1, c.Key)
				}
			}
			if m.Narrative {
				continue
			}
			for _, c := range m.Cites {
				got = append(got, c.Key)
			}
		}
		want := regexpPandocKeys(line)
		if !slices.Equal(got, want) {
			if bad++; bad <= 10 {
				t.Errorf("%s:%d: keys\n got  %q\n want %q", filepath.Base(path), n+1, got, want)
			}
		}
		total += len(want)
	}
	return total
}

func TestDetect_DeepReviewContentKeys(t *testing.T) {
	dir := corpusPath(t, "deep-review/content")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	total := 0
	for _, f := range files {
		total += checkPandocFile(t, f)
	}
	t.Logf("deep-review/content: %d bracketed keys in %d files agree with the regexp count", total, len(files))
	// 844 citations, as the built HTML's data-cites count them.
	if total < 800 {
		t.Errorf("only %d keys found; the manuscript has 844", total)
	}
}

func TestDetect_DeepReviewManuscriptKeys(t *testing.T) {
	// The built manuscript.md keeps the keys as written and ends with
	// "[@tag:x]: doi:…" alias definitions, which cite nothing.
	total := checkPandocFile(t, corpusPath(t, "deep-review/output/manuscript.md"))
	t.Logf("deep-review/output/manuscript.md: %d bracketed keys agree with the regexp count", total)
	if total < 800 {
		t.Errorf("only %d keys found; the manuscript has 844", total)
	}
}

func TestDetect_ManubotCatalogueKeys(t *testing.T) {
	// Every citation form Manubot documents, an alias definition and
	// pandoc-crossref references to figures, tables and equations.
	total := checkPandocFile(t, corpusPath(t, "manubot-rootstock/02.delete-me.md"))
	if total != 14 {
		t.Errorf("found %d keys, want the catalogue's 14", total)
	}
}

func TestAnalyze_DeepReviewIsKeyed(t *testing.T) {
	dir := corpusPath(t, "deep-review/content")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	markers, st := Analyze(lines, 0)
	if st.Dominant != corpus.MarkerKey || st.Brackets != "[]" {
		t.Errorf("style %s %q, want key []", st.Dominant, st.Brackets)
	}
	others := 0
	for i, row := range markers {
		for _, m := range row {
			if m.Kind == corpus.MarkerKey {
				continue
			}
			// "Jensen (2018) [@doi:…]" and a reviewer's "[65]": written by
			// hand in a keyed article, so flagged.
			others++
			if !m.Suspect {
				t.Errorf("%q in %.120s: a literal marker in a keyed article should be Suspect", m.Text, lines[i])
			}
		}
	}
	if others > 5 {
		t.Errorf("%d markers other than keys; expected a handful", others)
	}
	t.Logf("deep-review: %d key markers, %d others (all Suspect)", st.Counts[corpus.MarkerKey], others)
}

// htmlParagraphs returns the text of the <p> elements of an HTML or XML
// fragment with tags removed, and the fragment of each.
func htmlParagraphs(doc string) (texts, raws []string) {
	para := regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, m := range para.FindAllStringSubmatch(doc, -1) {
		raws = append(raws, m[1])
		texts = append(texts, html.UnescapeString(tag.ReplaceAllString(m[1], "")))
	}
	return texts, raws
}

func TestDetect_DeepReviewHTMLNumbered(t *testing.T) {
	// manuscript.html is the numbered form: pandoc rendered every
	// [@key; @key] as [1,2], in a span whose data-cites lists the keys.
	b, err := os.ReadFile(corpusPath(t, "deep-review/output/manuscript.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	from, to := strings.Index(doc, `id="abstract"`), strings.Index(doc, `id="references"`)
	if from < 0 || to < from {
		t.Fatal("manuscript.html: abstract or references heading not found")
	}
	dataCites := regexp.MustCompile(`data-cites="([^"]*)"`)
	texts, raws := htmlParagraphs(doc[from:to])
	want, got := 0, 0
	for i, text := range texts {
		w := 0
		for _, d := range dataCites.FindAllStringSubmatch(raws[i], -1) {
			w += len(strings.Fields(d[1]))
		}
		g := 0
		for _, m := range Detect(text) {
			if m.Kind == corpus.MarkerNumeric && m.Text[0] == '[' {
				g += len(m.Cites)
			}
		}
		if g != w {
			t.Errorf("paragraph %d: %d numbered citations found, %d in the HTML: %.200s", i, g, w, text)
		}
		want += w
		got += g
	}
	t.Logf("manuscript.html: %d numbered citations found, %d in the HTML", got, want)
	if want < 800 {
		t.Errorf("only %d citations in the HTML paragraphs; the page changed?", want)
	}
}

func TestDetect_PLOSNumbered(t *testing.T) {
	dir := corpusPath(t, "plos-jats")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	xref := regexp.MustCompile(`<xref ref-type="bibr"[^>]*>\[?(\d+)\]?</xref>`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		from, to := strings.Index(doc, "<body>"), strings.Index(doc, "</body>")
		if from < 0 || to < from {
			continue
		}
		nrefs := strings.Count(doc, "<ref id=")
		texts, raws := htmlParagraphs(doc[from:to])
		markers, st := Analyze(texts, nrefs)
		if st.Dominant != corpus.MarkerNumeric || st.Brackets != "[]" {
			t.Errorf("%s: style %s %q, want numeric []", filepath.Base(f), st.Dominant, st.Brackets)
		}
		found, linked := 0, 0
		for i, text := range texts {
			want := map[int]bool{}
			lo, hi := 0, 0
			for _, x := range xref.FindAllStringSubmatch(raws[i], -1) {
				n, _ := strconv.Atoi(x[1])
				want[n] = true
				if lo == 0 || n < lo {
					lo = n
				}
				hi = max(hi, n)
			}
			got := map[int]bool{}
			for _, m := range markers[i] {
				if m.Kind != corpus.MarkerNumeric || m.Suspect {
					continue // "keratin (34)" is a gene, flagged as unlike the article
				}
				for _, c := range m.Cites {
					got[c.Number] = true
					if c.Number > nrefs {
						t.Errorf("%s: %q cites %d, beyond the %d references", filepath.Base(f), m.Text, c.Number, nrefs)
					}
				}
			}
			for n := range want {
				linked++
				if !got[n] {
					t.Errorf("%s: reference %d is linked but not found in %.200s", filepath.Base(f), n, text)
				}
			}
			for n := range got {
				found++
				// A number the markup does not link is the inside of a
				// range "[3]–[5]"; it must lie between linked numbers.
				if !want[n] && (n < lo || n > hi) {
					t.Errorf("%s: %d found but not linked in %.200s", filepath.Base(f), n, text)
				}
			}
		}
		t.Logf("%s: %d linked references all found (%d numbers with ranges filled)", filepath.Base(f), linked, found)
	}
}

func TestDetect_LaTeXCiteKeys(t *testing.T) {
	dir := corpusPath(t, "latex-fail-paper")
	files := []string{filepath.Join(dir, "fail.tex")}
	more, _ := filepath.Glob(filepath.Join(articles, "jabref-latex", "*.tex"))
	files = append(files, more...)
	cmd := regexp.MustCompile(`\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\s*\[[^\]]*\]){0,2}\s*\{([^}]*)\}`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		var want []string
		for _, m := range cmd.FindAllStringSubmatch(text, -1) {
			for k := range strings.SplitSeq(m[1], ",") {
				if k = strings.TrimSpace(k); k != "" {
					want = append(want, k)
				}
			}
		}
		var got []string
		for _, m := range Detect(text) {
			if m.Kind == corpus.MarkerKey {
				for _, c := range m.Cites {
					got = append(got, c.Key)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: keys\n got  %q\n want %q", filepath.Base(f), got, want)
		}
		t.Logf("%s: %d cited keys, as the regexp counts", filepath.Base(f), len(got))
	}
}

package corpus

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestNormalizeDOI_URLAndPrefixFormsAreTheSameDOI(t *testing.T) {
	const want = "10.1000/xyz"
	for _, in := range []string{
		"10.1000/xyz",
		"10.1000/XYZ",
		"doi:10.1000/xyz",
		"DOI:10.1000/xyz",
		"DOI: 10.1000/xyz",
		"DOI 10.1000/xyz",
		"doi.org/10.1000/xyz",
		"https://doi.org/10.1000/xyz",
		"https://doi.org/doi:10.1000/xyz",
		"http://dx.doi.org/10.1000/xyz",
		"http://dx.doi.org/10.1000%2Fxyz",
		"https://www.doi.org/10.1000/XYZ",
		"https://doi.org/10.1000/xyz?utm_source=feed",
		"https://doi.org/10.1000/xyz#abstract",
		"info:doi/10.1000/xyz",
		`\url{https://doi.org/10.1000/xyz}`,
		"<https://doi.org/10.1000/xyz>",
		"  10.1000/xyz\n",
	} {
		if got := NormalizeDOI(in); got != want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeDOI_RealDOIsAreLowerCasedAndKeptWhole(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10.1038/nature14539", "10.1038/nature14539"},
		{"10.1103/PhysRevLett.109.156404", "10.1103/physrevlett.109.156404"},
		{"10.1016/S0140-6736(20)30183-5", "10.1016/s0140-6736(20)30183-5"},
		{"10.1016/0022-2313(84)90343-0", "10.1016/0022-2313(84)90343-0"},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0", "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"},
		{"10.1023/A:1022920129859", "10.1023/a:1022920129859"},
		{"10.1051/jphys:01965002606031700", "10.1051/jphys:01965002606031700"},
		{"10.1007/978-3-642-19893-9_8", "10.1007/978-3-642-19893-9_8"},
		{"10.1000.10/abc", "10.1000.10/abc"},
		{"10.48550/arXiv.1706.03762", "10.48550/arxiv.1706.03762"},
		{"10.5281/zenodo.3233986", "10.5281/zenodo.3233986"},
		{"http://doi.acm.org/10.1145/1137627.1137636", "10.1145/1137627.1137636"},
		{"http://doi.acm.org.www.library.gatech.edu:2048/10.1145/1322192.1322216", "10.1145/1322192.1322216"},
		{"DOI: 10.1016/j.jcrysgro.2008.10.099", "10.1016/j.jcrysgro.2008.10.099"},
		{"https://onlinelibrary.wiley.com/doi/full/10.1002/ece3.1234", "10.1002/ece3.1234"},
	}
	for _, tt := range tests {
		if got := NormalizeDOI(tt.in); got != tt.want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeDOI_TrailingPunctuationIsNotPartOfTheDOI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10.1000/xyz.", "10.1000/xyz"},
		{"doi: 10.1093/ajae/aaq063,", "10.1093/ajae/aaq063"},
		{"(doi:10.1038/nature14539).", "10.1038/nature14539"},
		{"[https://doi.org/10.1038/nature14539]", "10.1038/nature14539"},
		{"see 10.1038/nature14539; also", "10.1038/nature14539"},
		{"\u201c10.1000/xyz\u201d", "10.1000/xyz"},
		{"'10.1000/xyz'", "10.1000/xyz"},
		{"https://doi.org/10.1000/xyz/", "10.1000/xyz/"},
		{"(see 10.1016/S0140-6736(20)30183-5)", "10.1016/s0140-6736(20)30183-5"},
	}
	for _, tt := range tests {
		if got := NormalizeDOI(tt.in); got != tt.want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeDOI_DecodesPercentAndLaTeXEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{`10.1000/a\_b`, "10.1000/a_b"},
		{`10.1000/a\%2Fb`, "10.1000/a/b"},
		{"https://doi.org/10.1000/a%3Cb%3E", "10.1000/a<b>"},
		{"https://doi.org/10.1002%2F%28SICI%291097-4571", "10.1002/(sici)1097-4571"},
		{"https://doi.org/10.1000/a%252Fb", "10.1000/a/b"},
		{"https://doi.org/10.1000/a%3Fb?x=1", "10.1000/a?b"},
		{"10.1000/100%", "10.1000/100%"},
		{"10.1000/a%zzb", "10.1000/a%zzb"},
		{"10.1000/a%20b", "10.1000/a"},
	}
	for _, tt := range tests {
		if got := NormalizeDOI(tt.in); got != tt.want {
			t.Errorf("NormalizeDOI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeDOI_TextWithoutDOIGivesEmpty(t *testing.T) {
	for _, in := range []string{
		"",
		"   ",
		"the DOI",
		"10.1000",
		"10.1000/",
		"10.1000/ xyz",
		"10.12/abc",                   // registrant codes have four digits or more
		"10/ggd754",                   // a shortDOI needs the resolver to expand
		"0.1016/0038-1098(78)90361-7", // the leading 1 went missing
		"arXiv:2010.12345",            // a number, not a DOI
		"110.1000/xyz",
		"j.desal.2005.02.017",
		"http://alexandria.tue.nl/campusonly/Metis215145.pdf",
		"https://doi.org/",
	} {
		if got := NormalizeDOI(in); got != "" {
			t.Errorf("NormalizeDOI(%q) = %q, want empty", in, got)
		}
	}
}

func TestNormalizePMID_AcceptsLabelsAndPubMedURLs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"12345678", "12345678"},
		{" 12345678 ", "12345678"},
		{"PMID: 12345678", "12345678"},
		{"PMID:12345678.", "12345678"},
		{"pmid 9653189", "9653189"},
		{"PubMed 362155", "362155"},
		{"https://pubmed.ncbi.nlm.nih.gov/12345678/", "12345678"},
		{"https://www.ncbi.nlm.nih.gov/pubmed/25714126", "25714126"},
		{"http://www.ncbi.nlm.nih.gov/pubmed/25714126?dopt=Abstract", "25714126"},
		{"00012345", "12345"},
		{"", ""},
		{"0", ""},
		{"PMC1234567", ""},
		{"12345678a", ""},
		{"https://example.org/12345678/", ""},
		{"123456789012", ""},
	}
	for _, tt := range tests {
		if got := NormalizePMID(tt.in); got != tt.want {
			t.Errorf("NormalizePMID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizePMCID_GivesPMCAndDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"PMC1234567", "PMC1234567"},
		{"pmc1234567", "PMC1234567"},
		{"1234567", "PMC1234567"},
		{"PMCID: PMC1234567", "PMC1234567"},
		{"PMCID:1234567", "PMC1234567"},
		{"PMC 1234567", "PMC1234567"},
		{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/", "PMC1234567"},
		{"https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/", "PMC1234567"},
		{"https://europepmc.org/article/PMC/PMC1234567", "PMC1234567"},
		{"", ""},
		{"PMC", ""},
		{"PMCabc", ""},
		{"https://example.org/articles/", ""},
	}
	for _, tt := range tests {
		if got := NormalizePMCID(tt.in); got != tt.want {
			t.Errorf("NormalizePMCID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeArXiv_DropsVersionPrefixAndURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1706.03762", "1706.03762"},
		{"arXiv:1706.03762v5", "1706.03762"},
		{"ARXIV:1706.03762V5", "1706.03762"},
		{"https://arxiv.org/abs/1706.03762", "1706.03762"},
		{"https://arxiv.org/pdf/1706.03762v2.pdf", "1706.03762"},
		{"arXiv preprint arXiv:1706.03762", "1706.03762"},
		{"arXiv preprint arXiv:2312.01404 [math.OC]", "2312.01404"},
		{"0704.0001", "0704.0001"},
		{"1412.6980", "1412.6980"},
		{"10.48550/arXiv.1706.03762", "1706.03762"},
		{"hep-th/9901001", "hep-th/9901001"},
		{"arXiv:hep-th/9901001v2", "hep-th/9901001"},
		{"math/0307200v3", "math/0307200"},
		{"math.GT/0309136", "math/0309136"},
		{"cond-mat/0102536", "cond-mat/0102536"},
		{"https://arxiv.org/abs/astro-ph/0601001", "astro-ph/0601001"},
		{"hep-th/1601.07616", "1601.07616"},
	}
	for _, tt := range tests {
		if got := NormalizeArXiv(tt.in); got != tt.want {
			t.Errorf("NormalizeArXiv(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeArXiv_NumbersThatCannotBeArXivIDsGiveEmpty(t *testing.T) {
	for _, in := range []string{
		"",
		"Twitter",
		"2019.12345",      // month 19
		"1501.1234",       // four digits after the dot ended in 2014
		"0703.12345",      // five digits began in 2015
		"0612.1234",       // new style began in April 2007
		"12345.67890",     // five-digit prefix
		"abs/9901001",     // not an archive
		"hep-th/1301001",  // old style ended in 2007
		"hep-th/99010011", // eight digits
		"24828123",
	} {
		if got := NormalizeArXiv(in); got != "" {
			t.Errorf("NormalizeArXiv(%q) = %q, want empty", in, got)
		}
	}
}

func TestNormalizeISBN_GivesISBN13WithValidCheckDigit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"978-3-16-148410-0", "9783161484100"},
		{"9783161484100", "9783161484100"},
		{"978 3 16 148410 0", "9783161484100"},
		{"ISBN 978-0-262-03384-8", "9780262033848"},
		{"ISBN-13: 978-3-031-55642-5", "9783031556425"},
		{"979-10-90636-07-1", "9791090636071"},
		{"0-306-40615-2", "9780306406157"},
		{"0306406152", "9780306406157"},
		{"ISBN-10: 0-262-03384-4", "9780262033848"},
		{"0-8044-2957-X", "9780804429573"},
		{"0-89791-497-X", "9780897914970"},
		{"026218253x", "9780262182539"},
		{"092492201X (PBK)", "9780924922015"},
		{"0-387-96957-8 (New York) 3-540-96957-8 (Berlin)", "9780387969572"},
		{"0262033844, 9780262033848", "9780262033848"},
		{"978\u20110\u2011306\u201140615\u20117", "9780306406157"}, // non-breaking hyphens
		{"0-69-697269-4 (broken) 1-55860-221-6", "9781558602212"},
	}
	for _, tt := range tests {
		if got := NormalizeISBN(tt.in); got != tt.want {
			t.Errorf("NormalizeISBN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeISBN_InvalidChecksumsAndOtherNumbersGiveEmpty(t *testing.T) {
	for _, in := range []string{
		"",
		"978-3-16-148410-1", // check digit off by one
		"0-306-40615-3",
		"0-69-697269-4",
		"0-8044-2957-9",
		"X-8044-2957-0",
		"1063783409100",        // 13 digits, not a 978/979 EAN
		"0002-7863",            // an ISSN
		"1530-6984 1530-6992",  // two ISSNs
		"10.1039/C3NR01684F",   // a DOI
		"978--3-16-148410-0",   // two separators split the number
		"0-8044-2957-X1",       // X must end the ISBN
		"97831614841000000000", // too long
	} {
		if got := NormalizeISBN(in); got != "" {
			t.Errorf("NormalizeISBN(%q) = %q, want empty", in, got)
		}
	}
}

func TestNormalizeURL_UnwrapsAndUnescapesLaTeX(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{"  https://example.org/a \n", "https://example.org/a"},
		{`\url{https://example.org/a_b}`, "https://example.org/a_b"},
		{`\url{https://example.org/~user/a\_b\%20c}`, "https://example.org/~user/a_b%20c"},
		{`https://example.org/\~{}user/?a=1\&b=2\#frag`, "https://example.org/~user/?a=1&b=2#frag"},
		{`\href{https://example.org/x}{the site}`, "https://example.org/x"},
		{"<https://example.org/x>", "https://example.org/x"},
		{"HTTPS://Example.ORG/Path/Case", "https://example.org/Path/Case"},
		{"ftp://ftp.example.org/pub/file.txt", "ftp://ftp.example.org/pub/file.txt"},
		{"http://User@Example.org/", "http://User@example.org/"},
		{"", ""},
		{"www.example.org/a", ""},
		{"mailto:someone@example.org", ""},
		{"file:///home/me/paper.pdf", ""},
		{"javascript://alert(1)", ""},
		{"https://", ""},
		// LaTeX left over after unwrapping is no URL (a fuzzer found the
		// first read as one that the next call read differently).
		{`\href{http://\href{`, ""},
		{`\url{http://x.org/\url{}`, ""},
		{`\tt http://www.python.org/doc/`, ""},
	}
	for _, tt := range tests {
		if got := NormalizeURL(tt.in); got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// fields returns a getter over name/value pairs, as a decoded entry gives.
func fields(kv ...string) func(string) (string, bool) {
	m := make(map[string]string)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(name string) (string, bool) {
		v, ok := m[name]
		return v, ok
	}
}

func TestExtractIdentifiers_ReadsEachIdentifierFromItsField(t *testing.T) {
	tests := []struct {
		name string
		get  func(string) (string, bool)
		want Identifiers
	}{
		{
			name: "all fields",
			get: fields(
				"doi", "10.1038/NATURE14539",
				"pmid", "26017442",
				"pmcid", "PMC4458600",
				"isbn", "0-306-40615-2",
				"url", `\url{https://www.nature.com/articles/nature14539}`,
			),
			want: Identifiers{
				DOI:   "10.1038/nature14539",
				PMID:  "26017442",
				PMCID: "PMC4458600",
				ISBN:  "9780306406157",
				URL:   "https://www.nature.com/articles/nature14539",
			},
		},
		{
			name: "doi field holding a URL",
			get:  fields("doi", "https://doi.org/10.1038/nature14539"),
			want: Identifiers{DOI: "10.1038/nature14539"},
		},
		{
			name: "doi field with prefix",
			get:  fields("doi", "doi:10.1038/nature14539"),
			want: Identifiers{DOI: "10.1038/nature14539"},
		},
		{
			name: "doi from a doi.org url",
			get:  fields("url", "https://doi.org/10.1038/nature14539"),
			want: Identifiers{DOI: "10.1038/nature14539", URL: "https://doi.org/10.1038/nature14539"},
		},
		{
			name: "no doi from a publisher url",
			get:  fields("url", "https://link.springer.com/article/10.1007/s10472-006-9036-z"),
			want: Identifiers{URL: "https://link.springer.com/article/10.1007/s10472-006-9036-z"},
		},
		{
			name: "broken doi field falls back to note",
			get:  fields("doi", "the DOI", "note", "Available as doi:10.1000/xyz."),
			want: Identifiers{DOI: "10.1000/xyz"},
		},
		{
			name: "doi and url from howpublished",
			get:  fields("howpublished", `\url{https://doi.org/10.5281/zenodo.3233986}`),
			want: Identifiers{DOI: "10.5281/zenodo.3233986", URL: "https://doi.org/10.5281/zenodo.3233986"},
		},
		{
			name: "url from decoded howpublished text",
			get:  fields("howpublished", "Online at https://example.org/report.pdf."),
			want: Identifiers{URL: "https://example.org/report.pdf"},
		},
		{
			name: "pubmed eprint",
			get:  fields("eprint", "24828123", "eprinttype", "pubmed"),
			want: Identifiers{PMID: "24828123"},
		},
		{
			name: "pubmed eprint by archiveprefix",
			get:  fields("eprint", "24828123", "archiveprefix", "PubMed"),
			want: Identifiers{PMID: "24828123"},
		},
		{
			name: "arxiv eprint",
			get:  fields("eprint", "1706.03762v5", "archiveprefix", "arXiv", "primaryclass", "cs.CL"),
			want: Identifiers{ArXiv: "1706.03762"},
		},
		{
			name: "arxiv eprint by eprinttype",
			get:  fields("eprint", "math/0307200v3", "eprinttype", "ARXIV"),
			want: Identifiers{ArXiv: "math/0307200"},
		},
		{
			name: "jstor eprint is not arxiv",
			get:  fields("eprint", "1706.03762", "eprinttype", "jstor"),
			want: Identifiers{},
		},
		{
			name: "untyped eprint that says arXiv",
			get:  fields("eprint", "arXiv:1209.2545"),
			want: Identifiers{ArXiv: "1209.2545"},
		},
		{
			name: "arxivid field",
			get:  fields("arxivid", "arXiv:1011.1669v3"),
			want: Identifiers{ArXiv: "1011.1669"},
		},
		{
			name: "arxiv url",
			get:  fields("url", "http://arxiv.org/abs/1401.2910v1"),
			want: Identifiers{ArXiv: "1401.2910", URL: "http://arxiv.org/abs/1401.2910v1"},
		},
		{
			name: "arxiv journal",
			get:  fields("journal", "arXiv preprint arXiv:1706.03762"),
			want: Identifiers{ArXiv: "1706.03762"},
		},
		{
			name: "journal without arxiv is not read",
			get:  fields("journal", "Physical Review 1706.03762"),
			want: Identifiers{},
		},
		{
			name: "arxiv doi",
			get:  fields("doi", "10.48550/arXiv.1706.03762"),
			want: Identifiers{DOI: "10.48550/arxiv.1706.03762", ArXiv: "1706.03762"},
		},
		{
			name: "empty entry",
			get:  fields(),
			want: Identifiers{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExtractIdentifiers(tt.get); got != tt.want {
				t.Errorf("ExtractIdentifiers() =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

func TestExtractIdentifiers_NilGetterGivesNothing(t *testing.T) {
	if got := ExtractIdentifiers(nil); got != (Identifiers{}) {
		t.Errorf("ExtractIdentifiers(nil) = %+v, want zero", got)
	}
}

// TestNormalizeDOI_RealBibliographies reads the doi fields of the shared
// BibTeX corpora with a line pattern (package corpus cannot import the
// BibTeX reader) and checks that every value that names a DOI gives one.
func TestNormalizeDOI_RealBibliographies(t *testing.T) {
	values := corpusFieldValues(t, "doi")
	looksLikeDOI := regexp.MustCompile(`(?i)^(doi:\s*|https?://(dx\.)?doi\.(org|acm\.org)/)?10\.\d{4,}/\S+$`)
	checked := 0
	for _, v := range values {
		if !looksLikeDOI.MatchString(v) {
			continue
		}
		checked++
		got := NormalizeDOI(v)
		if got == "" || got != strings.ToLower(got) || !strings.HasPrefix(got, "10.") {
			t.Errorf("NormalizeDOI(%q) = %q", v, got)
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d DOIs; the corpus pattern no longer matches", checked)
	}
}

func TestNormalizeISBN_RealBibliographies(t *testing.T) {
	values := corpusFieldValues(t, "isbn")
	valid := 0
	for _, v := range values {
		got := NormalizeISBN(v)
		if got == "" {
			continue
		}
		valid++
		if len(got) != 13 || NormalizeISBN(got) != got {
			t.Errorf("NormalizeISBN(%q) = %q, not a stable ISBN-13", v, got)
		}
	}
	// Most isbn fields hold ISBNs; some hold ISSNs, DOIs or typing slips.
	if valid*10 < len(values)*6 {
		t.Errorf("only %d of %d isbn fields gave an ISBN", valid, len(values))
	}
}

// corpusFieldValues returns the one-line values of the named field in the
// shared BibTeX corpora, or skips the test when the corpora are absent.
func corpusFieldValues(t *testing.T, field string) []string {
	t.Helper()
	values, err := fieldValues(field)
	if os.IsNotExist(err) {
		t.Skipf("shared corpora not found at %s: %v", corpusBibTeX, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return values
}

var corpusBibTeX = filepath.Join("..", "..", "shared", "corpora", "bibtex")

// fieldValues reads the one-line values of a field from the shared BibTeX
// corpora with a line pattern (package corpus cannot import the BibTeX
// reader). The corpora are read once for all fields.
func fieldValues(field string) ([]string, error) {
	corpusOnce.Do(readCorpusFields)
	return corpusFields[strings.ToLower(field)], corpusErr
}

var (
	corpusOnce   sync.Once
	corpusFields map[string][]string
	corpusErr    error
)

func readCorpusFields() {
	if _, corpusErr = os.Stat(corpusBibTeX); corpusErr != nil {
		return
	}
	line := regexp.MustCompile(`^\s*([A-Za-z_-]+)\s*=\s*[{"]\{?([^{}"]*)\}?[}"]\s*,?\s*$`)
	corpusFields = map[string][]string{}
	corpusErr = filepath.WalkDir(corpusBibTeX, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := line.FindStringSubmatch(sc.Text()); m != nil && utf8.ValidString(m[2]) {
				name := strings.ToLower(m[1])
				corpusFields[name] = append(corpusFields[name], m[2])
			}
		}
		return nil // a file with an over-long line is read as far as it goes
	})
}

// addFieldSeeds seeds a fuzz target with up to n real values of the fields,
// spread over the corpora, when the shared corpora are beside the checkout.
func addFieldSeeds(f *testing.F, n int, fields ...string) {
	var all []string
	for _, field := range fields {
		values, _ := fieldValues(field)
		all = append(all, values...)
	}
	step := max(1, len(all)/n)
	for i := 0; i < len(all); i += step {
		f.Add(all[i])
	}
}

func FuzzNormalizeDOI(f *testing.F) {
	for _, s := range []string{
		"10.1000/xyz", "https://doi.org/10.1000/XYZ", "http://dx.doi.org/10.1000%2Fxyz",
		`10.1000/a\_b`, "(doi:10.1038/nature14539).", "10.1016/S0140-6736(20)30183-5",
		"https://doi.org/10.1000/a%252Fb?x#y", `10.1000/a\%5C_b`, "10.1000/%e2%82", "",
		"10.0000/0000000000000000\xfe\xfe%0000", // invalid UTF-8 before an escape
	} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "doi")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeDOI(s)
		if got == "" {
			return
		}
		if again := NormalizeDOI(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		if !strings.HasPrefix(got, "10.") || !strings.Contains(got, "/") {
			t.Fatalf("NormalizeDOI(%q) = %q, not a DOI", s, got)
		}
		if got != strings.ToLower(got) || !utf8.ValidString(got) || strings.ContainsAny(got, " \t\r\n") {
			t.Fatalf("NormalizeDOI(%q) = %q, not normalised", s, got)
		}
	})
}

func FuzzNormalizeISBN(f *testing.F) {
	for _, s := range []string{
		"978-3-16-148410-0", "0-8044-2957-X", "0-387-96957-8 (New York) 3-540-96957-8",
		"ISBN-10: 0-262-03384-4", "978\u20110\u2011306", "x-X-1", "",
	} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "isbn")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeISBN(s)
		if got == "" {
			return
		}
		if len(got) != 13 || digitsAt(got, 0) != 13 || !(strings.HasPrefix(got, "978") || strings.HasPrefix(got, "979")) {
			t.Fatalf("NormalizeISBN(%q) = %q, not 13 digits of an ISBN", s, got)
		}
		if ean13Check([]byte(got[:12])) != got[12] {
			t.Fatalf("NormalizeISBN(%q) = %q, bad check digit", s, got)
		}
		if again := NormalizeISBN(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"https://example.org/a", `\url{https://example.org/a\_b}`, `\href{http://x.org}{x}`,
		"<HTTP://X.ORG/>", `https://x.org/\\\_`, "",
	} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "url", "howpublished")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeURL(s)
		if got == "" {
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") && !strings.HasPrefix(got, "ftp://") {
			t.Fatalf("NormalizeURL(%q) = %q, not an http(s)/ftp URL", s, got)
		}
		if again := NormalizeURL(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzNormalizeArXiv(f *testing.F) {
	for _, s := range []string{"arXiv:1706.03762v5", "math.GT/0309136", "https://arxiv.org/abs/hep-th/9901001", ""} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "eprint", "arxivid", "journal")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeArXiv(s)
		if got == "" {
			return
		}
		if again := NormalizeArXiv(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzNormalizePMID(f *testing.F) {
	for _, s := range []string{"12345678", "PMID: 0012345678", "https://pubmed.ncbi.nlm.nih.gov/12345678/", "pmid:", "0", "unavailable", ""} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "pmid")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizePMID(s)
		if got == "" {
			return
		}
		if digitsAt(got, 0) != len(got) || got[0] == '0' {
			t.Fatalf("NormalizePMID(%q) = %q, not digits without leading zeros", s, got)
		}
		if again := NormalizePMID(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

func FuzzNormalizePMCID(f *testing.F) {
	for _, s := range []string{"PMC1234567", "pmcid: PMC0001", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4494865/", "1234567", "PMC", ""} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "pmcid")
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizePMCID(s)
		if got == "" {
			return
		}
		if !strings.HasPrefix(got, "PMC") || len(got) == 3 || digitsAt(got, 3) != len(got)-3 || got[3] == '0' {
			t.Fatalf("NormalizePMCID(%q) = %q, not PMC and digits", s, got)
		}
		if again := NormalizePMCID(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}

var sinkString string

func BenchmarkNormalizeDOI(b *testing.B) {
	inputs := []string{
		"10.1038/nature14539",
		"https://doi.org/10.1016/S0140-6736(20)30183-5",
		"http://dx.doi.org/10.1000%2Fxyz.",
		`doi:10.1007/978-3-642-19893-9\_8`,
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkString = NormalizeDOI(inputs[i%len(inputs)])
	}
}

func BenchmarkNormalizeISBN(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = NormalizeISBN("0-387-96957-8 (New York) 3-540-96957-8 (Berlin)")
	}
}

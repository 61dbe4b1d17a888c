package resolve

import (
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestParseEntry_Styles(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Parsed
	}{
		{"vancouver", "Smith J, Jones KL, van der Berg A. Title of the work. J Abbrev. 2019;12(3):45-67. doi:10.1000/xyz123",
			Parsed{Authors: []string{"Smith", "Jones", "van der Berg"}, Year: 2019, Title: "Title of the work", Venue: "J Abbrev",
				IDs: corpus.Identifiers{DOI: "10.1000/xyz123"}}},
		{"vancouver et al. with month", "Gulshan V, Peng L, Coram M, et al. Development and validation of a deep learning algorithm. JAMA. 2016 Dec 13;316(22):2402–10.",
			Parsed{Authors: []string{"Gulshan", "Peng", "Coram"}, EtAl: true, Year: 2016, Title: "Development and validation of a deep learning algorithm", Venue: "JAMA"}},
		{"apa", "Smith, J., & Jones, K. (2019a). Title of the work. Journal of Things, 12(3), 45–67. https://doi.org/10.1000/XYZ",
			Parsed{Authors: []string{"Smith", "Jones"}, Year: 2019, Suffix: "a", Title: "Title of the work", Venue: "Journal of Things",
				IDs: corpus.Identifiers{DOI: "10.1000/xyz"}}},
		{"harvard", "Smith, J. and Jones, K. (2019) 'Africa's title', Journal, 12(3), pp. 45–67.",
			Parsed{Authors: []string{"Smith", "Jones"}, Year: 2019, Title: "Africa's title", Venue: "Journal"}},
		{"harvard with a firm among the authors", "Atkins, AECOM and Maher, M. (2018). 20mph Research Study: Headline Report. London: Department for Transport.",
			Parsed{Authors: []string{"Atkins", "AECOM", "Maher"}, Year: 2018, Title: "20mph Research Study: Headline Report", Venue: "London: Department for Transport"}},
		{"ieee", `J. Smith, K. L. Jones, and A. van der Berg, "Title of the work," J. Abbrev., vol. 12, no. 3, pp. 1735–1780, 2019.`,
			Parsed{Authors: []string{"Smith", "Jones", "van der Berg"}, Year: 2019, Title: "Title of the work", Venue: "J. Abbrev"}},
		{"ieee book without quotes", "I. Goodfellow, Y. Bengio, and A. Courville, Deep Learning. Cambridge, MA: MIT Press, 2016.",
			Parsed{Authors: []string{"Goodfellow", "Bengio", "Courville"}, Year: 2016, Title: "Deep Learning", Venue: "Cambridge, MA: MIT Press"}},
		{"mla", "LeCun, Yann, et al. “Deep Learning.” Nature, vol. 521, no. 7553, 2015, pp. 436–444.",
			Parsed{Authors: []string{"LeCun"}, EtAl: true, Year: 2015, Title: "Deep Learning", Venue: "Nature"}},
		{"chicago author-date", "LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. 2015. “Deep Learning.” Nature 521 (7553): 436–44.",
			Parsed{Authors: []string{"LeCun", "Bengio", "Hinton"}, Year: 2015, Title: "Deep Learning", Venue: "Nature"}},
		{"elsevier harvard", "Kashtan, N., Noor, E., Alon, U., 2007. Varying environments can speed up evolution. Proc. Natl. Acad. Sci. 104, 13711–13716.",
			Parsed{Authors: []string{"Kashtan", "Noor", "Alon"}, Year: 2007, Title: "Varying environments can speed up evolution", Venue: "Proc. Natl. Acad. Sci"}},
		{"plos glued initials", "van HoekMJA, HogewegP (2006) In silico evolved lac operons. Biophys J 91: 2833–2843.",
			Parsed{Authors: []string{"van Hoek", "Hogeweg"}, Year: 2006, Title: "In silico evolved lac operons", Venue: "Biophys J"}},
		{"corporate web page", "World Health Organization. Global tuberculosis report 2020 [Internet]. Geneva: WHO; 2020 [cited 2021 Mar 3]. Available from: https://www.who.int/publications/i/item/9789240013131",
			Parsed{Authors: []string{"World Health Organization"}, Year: 2020, Title: "Global tuberculosis report 2020", Venue: "Geneva: WHO",
				IDs: corpus.Identifiers{URL: "https://www.who.int/publications/i/item/9789240013131"}}},
		{"html leftovers", "Smith J, Jones K. Title &amp; more: <i>in vivo</i> results. <em>Nature</em>. 2015;521:1&ndash;2.&lt;/p&gt;",
			Parsed{Authors: []string{"Smith", "Jones"}, Year: 2015, Title: "Title & more: in vivo results", Venue: "Nature"}},
		{"pubmed identifiers", "Geng R, Yuan C, Chen Y. Exploring genes. PLoS One. 2013;8(4):e62704. doi: 10.1371/journal.pone.0062704 PMID: 23638136; PMCID: PMC3640091.",
			Parsed{Authors: []string{"Geng", "Yuan", "Chen"}, Year: 2013, Title: "Exploring genes", Venue: "PLoS One",
				IDs: corpus.Identifiers{DOI: "10.1371/journal.pone.0062704", PMID: "23638136", PMCID: "PMC3640091"}}},
		{"arxiv and access date", "Vaswani A, Shazeer N. Attention is all you need. arXiv:1706.03762v5 [Preprint]. 2017. Accessed 10 September 2020.",
			Parsed{Authors: []string{"Vaswani", "Shazeer"}, Year: 2017, Title: "Attention is all you need", Venue: "arXiv",
				IDs: corpus.Identifiers{ArXiv: "1706.03762"}}},
		{"book with isbn", "Goodfellow I, Bengio Y, Courville A. Deep learning. Cambridge (MA): MIT Press; 2016. ISBN: 978-0-262-03561-3.",
			Parsed{Authors: []string{"Goodfellow", "Bengio", "Courville"}, Year: 2016, Title: "Deep learning", Venue: "Cambridge",
				IDs: corpus.Identifiers{ISBN: "9780262035613"}}},
		{"numbered", "[12] Baxt WG. Use of an artificial neural network. Ann Intern Med. 1991;115(11):843-8.",
			Parsed{Authors: []string{"Baxt"}, Year: 1991, Title: "Use of an artificial neural network", Venue: "Ann Intern Med"}},
		{"manubot lines", "<p>3. <strong>Searching for exotic particles</strong> <br />\nP. Baldi, P. Sadowski, D. Whiteson<br />\n<em>Nature Communications</em> (2014-07-02)</p>",
			Parsed{Authors: []string{"Baldi", "Sadowski", "Whiteson"}, Year: 2014, Title: "Searching for exotic particles", Venue: "Nature Communications"}},
		{"manubot run together", "Deep learning Yann LeCun, Yoshua Bengio, Geoffrey Hinton Nature (2015-05-27)",
			Parsed{Authors: []string{"LeCun", "Bengio", "Hinton"}, Year: 2015, Title: "Deep learning", Venue: "Nature"}},
		{"no authors", "DragoNN. Deep regulatory genomics. 2016.",
			Parsed{Year: 2016, Title: "DragoNN", Venue: "Deep regulatory genomics"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ParseEntry(tc.in)
			if !slices.Equal(got.Authors, tc.want.Authors) || got.EtAl != tc.want.EtAl {
				t.Errorf("authors %q etAl=%v, want %q etAl=%v", got.Authors, got.EtAl, tc.want.Authors, tc.want.EtAl)
			}
			if got.Year != tc.want.Year || got.Suffix != tc.want.Suffix {
				t.Errorf("year %d%s, want %d%s", got.Year, got.Suffix, tc.want.Year, tc.want.Suffix)
			}
			if got.Title != tc.want.Title {
				t.Errorf("title %q, want %q", got.Title, tc.want.Title)
			}
			if got.Venue != tc.want.Venue {
				t.Errorf("venue %q, want %q", got.Venue, tc.want.Venue)
			}
			if got.IDs != tc.want.IDs {
				t.Errorf("ids %+v, want %+v", got.IDs, tc.want.IDs)
			}
		})
	}
}

func TestParseEntry_EmptyAndJunk(t *testing.T) {
	for _, in := range []string{"", "   ", "<p></p>", "&amp;", "12.", "et al.", "(2019)", "“”", "doi:"} {
		got := ParseEntry(in)
		if len(got.Authors) != 0 || got.Year != 0 {
			t.Errorf("ParseEntry(%q) = %+v, want nothing", in, got)
		}
	}
}

func TestByKey(t *testing.T) {
	lib := testLibrary(t)
	for _, tc := range []struct{ key, want string }{
		{"lecun2015deep", "lecun2015deep"},
		{"LeCun2015Deep", "lecun2015deep"},
		{"@lecun2015deep", "lecun2015deep"},
		{"doi:10.1038/NATURE14539", "lecun2015deep"},
		{"https://doi.org/10.1038/nature14539", "lecun2015deep"},
		{"pmid:26151137", "stephens2015big"},
		{"pubmed:26151137", "stephens2015big"},
		{"pmcid:PMC4494865", "stephens2015big"},
		{"pmc:4494865", "stephens2015big"},
		{"arxiv:1706.03762", "vaswani2017attention"},
		{"arxiv:1301.3781v3", "mikolov2013efficient"},
		{"isbn:9780262035613", "goodfellow2016deep"},
		{"isbn:0-262-03561-8", "goodfellow2016deep"},
		{"url:http://www.deeplearningbook.org/", "goodfellow2016deep"},
		{"https://deeplearningbook.org", "goodfellow2016deep"},
		{"doi:10.9999/none", ""},
		{"nosuchkey", ""},
		{"", ""},
	} {
		got := ""
		if r := lib.ByKey(tc.key); r != nil {
			got = r.Key
		}
		if got != tc.want {
			t.Errorf("ByKey(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// TestParseEntry_ImplausibleYearInParentheses: "(0001)" or "(3000)" is no
// publication year in any layout that reads one in parentheses (a fuzzer
// found the title-first layout taking it as year 1).
func TestParseEntry_ImplausibleYearInParentheses(t *testing.T) {
	for _, s := range []string{
		"A AAA,AA Aa(0001)0",
		"Deep learning for everything\nJane Smith, Ann Lee\nNature (0001)",
		"Smith, J. (3000). A title. Journal.",
	} {
		if p := ParseEntry(s); p.Year != 0 {
			t.Errorf("ParseEntry(%q).Year = %d, want 0", s, p.Year)
		}
	}
	if p := ParseEntry("Deep learning for everything\nJane Smith, Ann Lee\nNature (2015-07-07)"); p.Year != 2015 {
		t.Errorf("the plausible year is lost: %+v", p)
	}
}

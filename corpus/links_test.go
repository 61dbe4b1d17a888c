package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// linkCases are real-looking links and what they cite. URL is checked only
// when the case sets it.
var linkCases = []struct {
	href string
	want LinkIDs
}{
	// The DOI resolver, in every spelling.
	{"https://doi.org/10.1038/nature14539", LinkIDs{DOI: "10.1038/nature14539", URL: "doi.org/10.1038/nature14539"}},
	{"http://dx.doi.org/10.1038/nature14539", LinkIDs{DOI: "10.1038/nature14539", URL: "dx.doi.org/10.1038/nature14539"}},
	{"HTTPS://DOI.ORG/10.1038/NATURE14539", LinkIDs{DOI: "10.1038/nature14539", URL: "doi.org/10.1038/NATURE14539"}},
	{"https://DX.DOI.org/10.1000/xyz", LinkIDs{DOI: "10.1000/xyz"}},
	{"https://www.doi.org/10.1000/xyz/", LinkIDs{DOI: "10.1000/xyz", URL: "doi.org/10.1000/xyz"}},
	{"https://doi.org/10.1016/S0140-6736(20)30183-5", LinkIDs{DOI: "10.1016/s0140-6736(20)30183-5", URL: "doi.org/10.1016/S0140-6736(20)30183-5"}},
	{"https://doi.org/10.1016/S0140-6736(20)30183-5).", LinkIDs{DOI: "10.1016/s0140-6736(20)30183-5"}},
	{"https://doi.org/10.1016/s0167-9473(99)00098-5", LinkIDs{DOI: "10.1016/s0167-9473(99)00098-5"}},
	{"https://doi.org/10.1002/(SICI)1097-0258(19980815/30)17:15/16<1661::AID-SIM968>3.0.CO;2-2", LinkIDs{DOI: "10.1002/(sici)1097-0258(19980815/30)17:15/16<1661::aid-sim968>3.0.co;2-2"}},
	{"https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0", LinkIDs{DOI: "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"}},
	{"https://doi.org/10.1000%2Fxyz", LinkIDs{DOI: "10.1000/xyz", URL: "doi.org/10.1000%2Fxyz"}},
	{"https://doi.org/10.1371%2Fjournal.pcbi.1005403", LinkIDs{DOI: "10.1371/journal.pcbi.1005403"}},
	{"https://doi.org/10.1093/bioinformatics/btx010.", LinkIDs{DOI: "10.1093/bioinformatics/btx010"}},
	{"https://doi.org/10.1093/bioinformatics/btx010;", LinkIDs{DOI: "10.1093/bioinformatics/btx010"}},
	{"https://doi.org/10.1093/bioinformatics/btx010]", LinkIDs{DOI: "10.1093/bioinformatics/btx010"}},
	{"https://doi.org/10.1093/bioinformatics/btx010,", LinkIDs{DOI: "10.1093/bioinformatics/btx010"}},
	{"https://doi.org/10.1093/bioinformatics/btx010?utm_source=x#sec2", LinkIDs{DOI: "10.1093/bioinformatics/btx010", URL: "doi.org/10.1093/bioinformatics/btx010"}},
	{"https://doi.org/doi:10.1126/science.aaa8415", LinkIDs{DOI: "10.1126/science.aaa8415"}},
	{"https://doi.org/10.1002/sim.1234/full", LinkIDs{DOI: "10.1002/sim.1234"}},
	{"https://doi.org/10.1002/sim.1234/abstract", LinkIDs{DOI: "10.1002/sim.1234"}},
	{"https://doi.org/10.1002/sim.1234/pdf", LinkIDs{DOI: "10.1002/sim.1234"}},
	{"https://doi.org/10.1000/x/pdf./pdf", LinkIDs{DOI: "10.1000/x"}},
	{"https://doi.org/10.1186/s13059-017-1189-z.pdf", LinkIDs{DOI: "10.1186/s13059-017-1189-z"}},
	{"https://doi.org/10.1101/2020.03.01.123456v2", LinkIDs{DOI: "10.1101/2020.03.01.123456"}},
	{"https://doi.org/10.1101/095786", LinkIDs{DOI: "10.1101/095786"}},
	{"https://doi.org/10.1101/gr.215087.116", LinkIDs{DOI: "10.1101/gr.215087.116"}},
	{"https://doi.org/10.48550/arXiv.1706.03762", LinkIDs{DOI: "10.48550/arxiv.1706.03762", ArXiv: "1706.03762"}},
	{"doi:10.1000/XYZ", LinkIDs{DOI: "10.1000/xyz", URL: "doi.org/10.1000/xyz"}},
	{"DOI:10.1000/a%3Fb", LinkIDs{DOI: "10.1000/a?b", URL: "doi.org/10.1000/a%3Fb"}},
	{"<https://doi.org/10.1000/xyz>", LinkIDs{DOI: "10.1000/xyz"}},
	{"  https://doi.org/10.1000/xyz  ", LinkIDs{DOI: "10.1000/xyz"}},
	{"https://doi.org/", LinkIDs{URL: "doi.org"}},

	// Publishers that put the DOI in the path.
	{"https://onlinelibrary.wiley.com/doi/10.1002/sim.8418", LinkIDs{DOI: "10.1002/sim.8418", URL: "onlinelibrary.wiley.com/doi/10.1002/sim.8418"}},
	{"https://onlinelibrary.wiley.com/doi/abs/10.1002/sim.8418", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://onlinelibrary.wiley.com/doi/full/10.1002/sim.8418", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://onlinelibrary.wiley.com/doi/epdf/10.1002/sim.8418", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://onlinelibrary.wiley.com/doi/pdf/10.1002/sim.8418", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://onlinelibrary.wiley.com/doi/10.1002/sim.8418/full", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://www.tandfonline.com/doi/full/10.1080/01621459.2017.1285773?scroll=top&needAccess=true", LinkIDs{DOI: "10.1080/01621459.2017.1285773", URL: "tandfonline.com/doi/full/10.1080/01621459.2017.1285773"}},
	{"https://www.tandfonline.com/doi/abs/10.1080/01621459.2017.1285773", LinkIDs{DOI: "10.1080/01621459.2017.1285773"}},
	{"https://journals.sagepub.com/doi/10.1177/0956797620904990", LinkIDs{DOI: "10.1177/0956797620904990"}},
	{"https://journals.sagepub.com/doi/pdf/10.1177/0956797620904990", LinkIDs{DOI: "10.1177/0956797620904990"}},
	{"https://journals.sagepub.com/doi/reader/10.1177/0956797620904990", LinkIDs{DOI: "10.1177/0956797620904990"}},
	{"https://www.nejm.org/doi/full/10.1056/NEJMoa2001017", LinkIDs{DOI: "10.1056/nejmoa2001017", URL: "nejm.org/doi/full/10.1056/NEJMoa2001017"}},
	{"https://www.nejm.org/doi/10.1056/NEJMoa2034577", LinkIDs{DOI: "10.1056/nejmoa2034577"}},
	{"https://www.science.org/doi/10.1126/science.abb2507", LinkIDs{DOI: "10.1126/science.abb2507"}},
	{"https://www.science.org/doi/full/10.1126/science.abb2507", LinkIDs{DOI: "10.1126/science.abb2507"}},
	{"https://www.pnas.org/doi/10.1073/pnas.2004064117", LinkIDs{DOI: "10.1073/pnas.2004064117"}},
	{"https://www.pnas.org/doi/epdf/10.1073/pnas.2004064117", LinkIDs{DOI: "10.1073/pnas.2004064117"}},
	{"https://pubs.acs.org/doi/10.1021/acs.jcim.7b00650", LinkIDs{DOI: "10.1021/acs.jcim.7b00650"}},
	{"https://dl.acm.org/doi/10.1145/3292500.3330701", LinkIDs{DOI: "10.1145/3292500.3330701"}},
	{"https://link.springer.com/article/10.1007/s10654-020-00671-9", LinkIDs{DOI: "10.1007/s10654-020-00671-9", URL: "link.springer.com/article/10.1007/s10654-020-00671-9"}},
	{"https://link.springer.com/chapter/10.1007/978-3-319-24574-4_28", LinkIDs{DOI: "10.1007/978-3-319-24574-4_28"}},
	{"https://link.springer.com/content/pdf/10.1007/s10654-020-00671-9.pdf", LinkIDs{DOI: "10.1007/s10654-020-00671-9"}},
	{"https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234/full", LinkIDs{DOI: "10.3389/fpsyg.2020.01234", URL: "frontiersin.org/articles/10.3389/fpsyg.2020.01234/full"}},
	{"https://www.frontiersin.org/articles/10.3389/fpsyg.2020.01234", LinkIDs{DOI: "10.3389/fpsyg.2020.01234"}},
	{"https://onlinelibrary.wiley.com/doi/10.1002%2Fsim.8418", LinkIDs{DOI: "10.1002/sim.8418"}},
	{"https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD013652/full", LinkIDs{DOI: "10.1002/14651858.cd013652"}},
	{"https://www.nature.com/articles/nature14539", LinkIDs{DOI: "10.1038/nature14539", URL: "nature.com/articles/nature14539"}},
	{"https://www.nature.com/articles/s41586-020-2012-7", LinkIDs{DOI: "10.1038/s41586-020-2012-7"}},
	{"https://www.nature.com/articles/s41586-020-2012-7.pdf", LinkIDs{DOI: "10.1038/s41586-020-2012-7"}},
	{"https://www.nature.com/articles/nm.4439", LinkIDs{DOI: "10.1038/nm.4439"}},
	{"https://www.nature.com/nature/journal/v521/n7553/full/nature14539.html", LinkIDs{DOI: "10.1038/nature14539"}},
	{"https://www.nature.com/subjects/genetics", LinkIDs{URL: "nature.com/subjects/genetics"}},

	// Publishers that put the DOI in the query.
	{"https://journals.plos.org/plosone/article?id=10.1371/journal.pone.0230405", LinkIDs{DOI: "10.1371/journal.pone.0230405", URL: "journals.plos.org/plosone/article?id=10.1371/journal.pone.0230405"}},
	{"https://journals.plos.org/plosmedicine/article?id=10.1371%2Fjournal.pmed.1002293&utm_source=t", LinkIDs{DOI: "10.1371/journal.pmed.1002293", URL: "journals.plos.org/plosmedicine/article?id=10.1371%2Fjournal.pmed.1002293"}},
	{"https://journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0230405&type=printable", LinkIDs{DOI: "10.1371/journal.pone.0230405", URL: "journals.plos.org/plosone/article/file?id=10.1371/journal.pone.0230405"}},
	{"https://scholar.example.edu/resolve?doi=10.1000/xyz&lang=en", LinkIDs{DOI: "10.1000/xyz", URL: "scholar.example.edu/resolve?doi=10.1000/xyz"}},
	{"https://resolver.example.org/openurl?rft_id=info:doi/10.1000/xyz", LinkIDs{DOI: "10.1000/xyz", URL: "resolver.example.org/openurl?rft_id=info:doi/10.1000/xyz"}},

	// Publishers whose addresses hold their own keys, not DOIs.
	{"https://www.sciencedirect.com/science/article/pii/S0140673620301835", LinkIDs{URL: "sciencedirect.com/science/article/pii/S0140673620301835"}},
	{"https://www.sciencedirect.com/science/article/abs/pii/S0140673620301835?via%3Dihub", LinkIDs{URL: "sciencedirect.com/science/article/abs/pii/S0140673620301835"}},
	{"https://www.thelancet.com/journals/lancet/article/PIIS0140-6736(20)30183-5/fulltext", LinkIDs{URL: "thelancet.com/journals/lancet/article/PIIS0140-6736(20)30183-5/fulltext"}},
	{"https://www.bmj.com/content/368/bmj.m1091", LinkIDs{DOI: "10.1136/bmj.m1091", URL: "bmj.com/content/368/bmj.m1091"}},
	{"https://www.bmj.com/content/356/bmj.i6583.full.pdf", LinkIDs{DOI: "10.1136/bmj.i6583", URL: "bmj.com/content/356/bmj.i6583.full.pdf"}},
	{"https://www.bmj.com/content/338/7694/b1.full", LinkIDs{URL: "bmj.com/content/338/7694/b1.full"}},
	{"https://jamanetwork.com/journals/jama/fullarticle/2762130", LinkIDs{URL: "jamanetwork.com/journals/jama/fullarticle/2762130"}},
	{"https://academic.oup.com/cid/article/71/15/769/5793196", LinkIDs{URL: "academic.oup.com/cid/article/71/15/769/5793196"}},
	{"https://academic.oup.com/bib/article/doi/10.1093/bib/bbw110/2562646/A-review-of-validation-strategies-for", LinkIDs{DOI: "10.1093/bib/bbw110"}},
	{"https://academic.oup.com/nar/article/45/D1/D1/2605725?doi=10.1093/nar/gkw1007", LinkIDs{DOI: "10.1093/nar/gkw1007"}},
	{"https://www.fasebj.org/doi/abs/10.1096/fasebj.30.1_supplement.406.3", LinkIDs{DOI: "10.1096/fasebj.30.1_supplement.406.3"}},
	{"https://www.mdpi.com/1660-4601/17/5/1729", LinkIDs{URL: "mdpi.com/1660-4601/17/5/1729"}},
	{"https://www.mdpi.com/1660-4601/17/5/1729/htm", LinkIDs{URL: "mdpi.com/1660-4601/17/5/1729/htm"}},
	{"https://www.cell.com/cell/fulltext/S0092-8674(20)30229-4", LinkIDs{URL: "cell.com/cell/fulltext/S0092-8674(20)30229-4"}},
	{"https://www.pnas.org/content/117/17/9122", LinkIDs{URL: "pnas.org/content/117/17/9122"}},

	// PubMed, PubMed Central and Europe PMC.
	{"https://pubmed.ncbi.nlm.nih.gov/32015507/", LinkIDs{PMID: "32015507", URL: "pubmed.ncbi.nlm.nih.gov/32015507"}},
	{"https://pubmed.ncbi.nlm.nih.gov/32015507", LinkIDs{PMID: "32015507"}},
	{"http://www.ncbi.nlm.nih.gov/pubmed/28481991", LinkIDs{PMID: "28481991", URL: "ncbi.nlm.nih.gov/pubmed/28481991"}},
	{"https://www.ncbi.nlm.nih.gov/pubmed/?term=28481991", LinkIDs{PMID: "28481991", URL: "ncbi.nlm.nih.gov/pubmed?term=28481991"}},
	{"https://pubmed.ncbi.nlm.nih.gov/?term=32015507&sort=date", LinkIDs{PMID: "32015507", URL: "pubmed.ncbi.nlm.nih.gov?term=32015507"}},
	{"https://pubmed.ncbi.nlm.nih.gov/?term=covid+vaccine", LinkIDs{URL: "pubmed.ncbi.nlm.nih.gov"}},
	{"https://www.ncbi.nlm.nih.gov/pubmed/0028481991", LinkIDs{PMID: "28481991"}},
	{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5395467/", LinkIDs{PMCID: "PMC5395467", URL: "ncbi.nlm.nih.gov/pmc/articles/PMC5395467"}},
	{"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC5395467/pdf/nihms-851234.pdf", LinkIDs{PMCID: "PMC5395467"}},
	{"https://pmc.ncbi.nlm.nih.gov/articles/PMC7092803/", LinkIDs{PMCID: "PMC7092803", URL: "pmc.ncbi.nlm.nih.gov/articles/PMC7092803"}},
	{"https://www.ncbi.nlm.nih.gov/pmc/articles/pmid/28481991/", LinkIDs{PMID: "28481991", URL: "ncbi.nlm.nih.gov/pmc/articles/pmid/28481991"}},
	{"https://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=15123456&dopt=Abstract", LinkIDs{PMID: "15123456", URL: "ncbi.nlm.nih.gov/entrez/query.fcgi?list_uids=15123456"}},
	{"https://www.ncbi.nlm.nih.gov/books/NBK554776/", LinkIDs{URL: "ncbi.nlm.nih.gov/books/NBK554776"}},
	{"https://europepmc.org/article/MED/32015507", LinkIDs{PMID: "32015507", URL: "europepmc.org/article/MED/32015507"}},
	{"https://europepmc.org/abstract/MED/32015507", LinkIDs{PMID: "32015507"}},
	{"https://europepmc.org/article/PMC/PMC7092803", LinkIDs{PMCID: "PMC7092803"}},
	{"https://europepmc.org/articles/PMC7092803", LinkIDs{PMCID: "PMC7092803"}},
	{"https://europepmc.org/article/PPR/PPR123456", LinkIDs{URL: "europepmc.org/article/PPR/PPR123456"}},

	// arXiv.
	{"https://arxiv.org/abs/2101.00001v2", LinkIDs{ArXiv: "2101.00001", URL: "arxiv.org/abs/2101.00001v2"}},
	{"https://arxiv.org/abs/1706.03762", LinkIDs{ArXiv: "1706.03762"}},
	{"http://arxiv.org/pdf/2101.00001v2", LinkIDs{ArXiv: "2101.00001"}},
	{"https://arxiv.org/pdf/2101.00001v2.pdf", LinkIDs{ArXiv: "2101.00001"}},
	{"https://arxiv.org/pdf/1412.6980.pdf", LinkIDs{ArXiv: "1412.6980"}},
	{"https://arxiv.org/abs/hep-th/9901001", LinkIDs{ArXiv: "hep-th/9901001"}},
	{"https://arxiv.org/abs/hep-th/9901001v3", LinkIDs{ArXiv: "hep-th/9901001"}},
	{"https://arxiv.org/abs/math.GT/0309136", LinkIDs{ArXiv: "math/0309136"}},
	{"https://export.arxiv.org/abs/1706.03762", LinkIDs{ArXiv: "1706.03762"}},
	{"https://arxiv.org/list/cs.LG/recent", LinkIDs{URL: "arxiv.org/list/cs.LG/recent"}},

	// bioRxiv and medRxiv.
	{"https://www.biorxiv.org/content/10.1101/2020.03.01.123456v1", LinkIDs{DOI: "10.1101/2020.03.01.123456", URL: "biorxiv.org/content/10.1101/2020.03.01.123456v1"}},
	{"https://www.biorxiv.org/content/10.1101/2020.03.01.123456v1.full", LinkIDs{DOI: "10.1101/2020.03.01.123456"}},
	{"https://www.biorxiv.org/content/10.1101/2020.03.01.123456v1.full.pdf", LinkIDs{DOI: "10.1101/2020.03.01.123456"}},
	{"https://www.biorxiv.org/content/10.1101/2020.03.01.123456v3.supplementary-material", LinkIDs{DOI: "10.1101/2020.03.01.123456"}},
	{"https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2", LinkIDs{DOI: "10.1101/2020.04.14.20062463"}},
	{"https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2.full-text", LinkIDs{DOI: "10.1101/2020.04.14.20062463"}},
	{"https://www.biorxiv.org/content/10.1101/095786v1", LinkIDs{DOI: "10.1101/095786"}},

	// Books.
	{"https://books.google.com/books?isbn=0262035618", LinkIDs{ISBN: "9780262035613", URL: "books.google.com/books?isbn=0262035618"}},
	{"https://books.google.com/books?id=Np9SDQAAQBAJ&pg=PA12", LinkIDs{URL: "books.google.com/books?id=Np9SDQAAQBAJ"}},
	{"https://worldcat.org/isbn/978-1-57735-770-4", LinkIDs{ISBN: "9781577357704", URL: "worldcat.org/isbn/978-1-57735-770-4"}},
	{"https://www.worldcat.org/isbn/0306406152", LinkIDs{ISBN: "9780306406157"}},
	{"https://openlibrary.org/isbn/9780306406157", LinkIDs{ISBN: "9780306406157"}},
	{"https://isbnsearch.org/isbn/9783161484100", LinkIDs{ISBN: "9783161484100"}},
	{"https://www.amazon.com/dp/0262035618", LinkIDs{ISBN: "9780262035613", URL: "amazon.com/dp/0262035618"}},
	{"https://www.amazon.co.uk/Deep-Learning-Ian-Goodfellow/dp/0262035618/ref=sr_1_1", LinkIDs{ISBN: "9780262035613"}},
	{"https://www.amazon.de/gp/product/0306406152", LinkIDs{ISBN: "9780306406157"}},
	{"https://www.amazon.com/dp/B07XJ8C8F5", LinkIDs{URL: "amazon.com/dp/B07XJ8C8F5"}},
	{"https://www.amazon.com/dp/0262035619", LinkIDs{URL: "amazon.com/dp/0262035619"}},
	{"https://openlibrary.org/isbn/9780306406158", LinkIDs{URL: "openlibrary.org/isbn/9780306406158"}},

	// No identifier: the URL key alone.
	{"https://www.nytimes.com/2020/03/01/health/coronavirus.html?smid=tw-share#comments", LinkIDs{URL: "nytimes.com/2020/03/01/health/coronavirus.html"}},
	{"https://WWW.BBC.CO.UK/news/health-51665497", LinkIDs{URL: "bbc.co.uk/news/health-51665497"}},
	{"https://www.who.int/publications/i/item/9789240010352", LinkIDs{URL: "who.int/publications/i/item/9789240010352"}},
	{"http://dl.acm.org/citation.cfm?id=2999134.2999257", LinkIDs{URL: "dl.acm.org/citation.cfm?id=2999134.2999257"}},
	{"https://papers.ssrn.com/sol3/papers.cfm?abstract_id=3550029&download=yes", LinkIDs{URL: "papers.ssrn.com/sol3/papers.cfm?abstract_id=3550029"}},
	{"https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=7780459", LinkIDs{URL: "ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=7780459"}},
	{"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42", LinkIDs{URL: "youtube.com/watch?v=dQw4w9WgXcQ"}},
	{"https://example.com:443/a/", LinkIDs{URL: "example.com/a"}},
	{"https://example.com:8080/a", LinkIDs{URL: "example.com:8080/a"}},
	{"https://user@Example.COM./", LinkIDs{URL: "example.com"}},
	{"//www.cdc.gov/coronavirus/2019-ncov/index.html", LinkIDs{URL: "cdc.gov/coronavirus/2019-ncov/index.html"}},
	{"https://github.com/greenelab/deep-review/releases/10.1000", LinkIDs{URL: "github.com/greenelab/deep-review/releases/10.1000"}},
}

func TestLinkIdentifiers_ReadsWhatTheLinkCites(t *testing.T) {
	for _, c := range linkCases {
		got, ok := LinkIdentifiers(c.href)
		if !ok {
			t.Errorf("LinkIdentifiers(%q): not a link", c.href)
			continue
		}
		want := c.want
		if want.URL == "" {
			want.URL = got.URL
		}
		if got != want {
			t.Errorf("LinkIdentifiers(%q)\n got %+v\nwant %+v", c.href, got, want)
		}
	}
}

func TestLinkIDs_JSONFieldNamesAreAContract(t *testing.T) {
	ids := LinkIDs{DOI: "10.1000/x", PMID: "1", PMCID: "PMC2", ArXiv: "1706.03762", ISBN: "9780306406157", URL: "example.com/x"}
	b, err := json.Marshal(ids)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"doi":"10.1000/x","pmid":"1","pmcid":"PMC2","arxiv":"1706.03762","isbn":"9780306406157","url":"example.com/x"}`
	if string(b) != want {
		t.Errorf("json.Marshal(LinkIDs) = %s, want %s", b, want)
	}
}

func TestLinkIdentifiers_NotALink(t *testing.T) {
	for _, href := range []string{
		"", "   ", "#ref-qpmV0H2p", "#", "mailto:editor@example.com", "tel:+441234567890",
		"javascript:void(0)", "JavaScript://%0aalert(1)", "ftp://ftp.example.org/file.txt",
		"/about", "page.html", "../refs.html", "https://", "https:///path", "http://exa mple.com/",
		"https://example.com:abc/", "https://[::1/", "https://..example.com/", "doi:", "doi:nothing",
		"https://%65xample.com/", "//http:0", "//https//example.com/",
	} {
		if got, ok := LinkIdentifiers(href); ok {
			t.Errorf("LinkIdentifiers(%q) = %+v, true; want false", href, got)
		}
	}
}

func TestSourceKind(t *testing.T) {
	for _, c := range []struct{ href, want string }{
		{"https://doi.org/10.1038/nature14539", SourceScholarly},
		{"https://pubmed.ncbi.nlm.nih.gov/32015507/", SourceScholarly},
		{"https://arxiv.org/abs/1706.03762", SourceScholarly},
		{"https://www.amazon.com/dp/0262035618", SourceScholarly},
		{"https://www.cochranelibrary.com/cdsr/doi/10.1002/14651858.CD013652/full", SourceScholarly},
		{"https://www.cochrane.org/news/featured-review", SourceReport},
		{"https://www.cdc.gov/coronavirus/2019-ncov/index.html", SourceReport},
		{"https://www.ncbi.nlm.nih.gov/books/NBK554776/", SourceReport},
		{"https://www.gov.uk/government/publications/covid-19", SourceReport},
		{"https://www.ons.gov.uk/peoplepopulationandcommunity", SourceReport},
		{"https://www.canada.ca/en.html", SourceOther},
		{"https://www.canada.gc.ca/x", SourceReport},
		{"https://www.santepubliquefrance.gouv.fr/", SourceReport},
		{"https://ec.europa.eu/eurostat/data", SourceReport},
		{"https://www.who.int/publications/i/item/9789240010352", SourceReport},
		{"https://apps.who.int/iris/handle/10665/331490", SourceReport},
		{"https://news.un.org/en/story/2020/03/1058782", SourceReport},
		{"https://data.worldbank.org/indicator/SP.POP.TOTL", SourceReport},
		{"https://www.oecd.org/health/", SourceReport},
		{"https://www.imf.org/en/Publications/WEO", SourceReport},
		{"https://www.nhs.uk/conditions/coronavirus-covid-19/", SourceReport},
		{"https://www.hsph.harvard.edu/news/", SourceReport},
		{"https://www.ox.ac.uk/research", SourceReport},
		{"https://www.u-tokyo.ac.jp/en/", SourceReport},
		{"https://www.mhlw.go.jp/english/", SourceReport},
		{"https://www.health.gov.au/", SourceReport},
		{"https://www.pewresearch.org/science/2020/02/15/x/", SourceReport},
		{"https://www.kff.org/coronavirus-covid-19/", SourceReport},
		{"https://www.amnesty.org/en/documents/", SourceReport},
		{"https://www.rand.org/pubs/research_reports/RR1234.html", SourceReport},
		{"https://www.brookings.edu/research/", SourceReport},
		{"https://www.nytimes.com/2020/03/01/health/coronavirus.html", SourceNews},
		{"https://www.washingtonpost.com/health/", SourceNews},
		{"https://www.theguardian.com/world/2020/mar/01/x", SourceNews},
		{"https://www.bbc.co.uk/news/health-51665497", SourceNews},
		{"https://www.bbc.com/news/world", SourceNews},
		{"https://www.reuters.com/article/x", SourceNews},
		{"https://apnews.com/article/x", SourceNews},
		{"https://edition.cnn.com/2020/03/01/health/x", SourceNews},
		{"https://www.npr.org/sections/health-shots/", SourceNews},
		{"https://www.wsj.com/articles/x", SourceNews},
		{"https://www.ft.com/content/x", SourceNews},
		{"https://www.bloomberg.com/news/articles/x", SourceNews},
		{"https://www.economist.com/briefing/x", SourceNews},
		{"https://www.statnews.com/2020/03/01/x/", SourceNews},
		{"https://www.theatlantic.com/health/archive/2020/03/x/", SourceNews},
		{"https://www.newyorker.com/news/x", SourceNews},
		{"https://www.lemonde.fr/planete/article/x.html", SourceNews},
		{"https://www.spiegel.de/wissenschaft/x", SourceNews},
		{"https://abcnews.go.com/Health/x", SourceNews},
		{"https://github.com/greenelab/deep-review", SourceOther},
		{"https://www.sciencedirect.com/science/article/pii/S0140673620301835", SourceOther},
		{"https://ft.com.example.net/", SourceOther},
		{"https://notnyt.com/", SourceOther},
		{"https://www.hindustantimes.com/lifestyle/health/x.html", SourceNews},
		{"https://nationalpost.com/health/x", SourceNews},
		{"https://www.startribune.com/x/600123/", SourceNews},
		{"https://www.medicalnewstoday.com/articles/322268", SourceNews},
		{"https://news.yahoo.com/x.html", SourceNews},
		{"https://nutritioninsight.com/news/sugar-levy-study.html", SourceNews},
		{"https://www.example-pharma.com/media/health-news/trial-results", SourceNews},
		{"https://www.example-pharma.com/news", SourceOther},
		{"https://www.wordpress.com/", SourceOther},
		{"https://www.postgresql.org/docs/", SourceOther},
		{"https://go.com/", SourceOther},
		{"mailto:editor@example.com", SourceOther},
	} {
		ids, _ := LinkIdentifiers(c.href)
		if got := SourceKind(c.href, ids); got != c.want {
			t.Errorf("SourceKind(%q) = %q, want %q", c.href, got, c.want)
		}
		if got := SourceKind(c.href, LinkIDs{}); got != c.want {
			t.Errorf("SourceKind(%q, no ids) = %q, want %q", c.href, got, c.want)
		}
	}
}

// deepReview is a Manubot manuscript whose reference list links every
// reference by DOI, PubMed, PMC or arXiv.
var deepReview = filepath.Join("..", "..", "shared", "corpora", "articles", "deep-review", "output", "manuscript.html")

func TestLinkIdentifiers_DeepReviewManuscript(t *testing.T) {
	f, err := os.Open(deepReview)
	if os.IsNotExist(err) {
		t.Skipf("shared corpora not found at %s: %v", deepReview, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hrefs []string
	z := html.NewTokenizer(f)
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			if a.Key == "href" {
				hrefs = append(hrefs, a.Val)
			}
		}
	}
	var links, doiLinks, doi, pmid, pmcid, arxiv, isbn, any int
	for _, h := range hrefs {
		ids, ok := LinkIdentifiers(h)
		if !ok {
			continue
		}
		links++
		// Manubot also links shortDOIs (doi.org/bdzf), which name a DOI
		// only the resolver knows.
		if strings.HasPrefix(ids.URL, "doi.org/10.") {
			doiLinks++
			// NormalizeDOI reads resolver addresses itself; none of
			// this file's has a suffix for LinkIdentifiers to tidy.
			if want := NormalizeDOI(h); ids.DOI != want {
				t.Errorf("%s: DOI %q, want %q", h, ids.DOI, want)
			}
		}
		count := func(n *int, v string) {
			if v != "" {
				*n++
			}
		}
		count(&doi, ids.DOI)
		count(&pmid, ids.PMID)
		count(&pmcid, ids.PMCID)
		count(&arxiv, ids.ArXiv)
		count(&isbn, ids.ISBN)
		if ids.HasIdentifier() {
			any++
		}
	}
	t.Logf("%d hrefs, %d links: %d with an identifier (DOI %d, of them on doi.org %d; PMID %d; PMCID %d; arXiv %d; ISBN %d)",
		len(hrefs), links, any, doi, doiLinks, pmid, pmcid, arxiv, isbn)
	// Floors measured on the file (December 2026).
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"doi.org/10. links", doiLinks, 441},
		{"DOIs", doi, 443},
		{"PMIDs", pmid, 303},
		{"PMCIDs", pmcid, 209},
		{"arXiv identifiers", arxiv, 135},
		{"ISBNs", isbn, 2},
	} {
		if c.got < c.want {
			t.Errorf("%s: %d, want at least %d", c.what, c.got, c.want)
		}
	}
}

func FuzzLinkIdentifiers(f *testing.F) {
	for _, c := range linkCases {
		f.Add(c.href)
	}
	for _, s := range []string{"mailto:x@y", "#top", "doi:10.1000/a#b", "https://doi.org/10.1000/a%23b?x#y",
		"https://www.www.pubmed.ncbi.nlm.nih.gov/1", "https://x.org/a?id=10.1000/x&id=10.2000/y", "//http:0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, href string) {
		ids, ok := LinkIdentifiers(href)
		if !ok {
			if ids != (LinkIDs{}) {
				t.Fatalf("LinkIdentifiers(%q) = %+v with ok false", href, ids)
			}
			return
		}
		if ids.DOI != "" && NormalizeDOI(ids.DOI) != ids.DOI {
			t.Fatalf("LinkIdentifiers(%q): DOI %q is not normalised (%q)", href, ids.DOI, NormalizeDOI(ids.DOI))
		}
		if ids.URL == "" || strings.Contains(ids.URL, "#") || strings.Contains(strings.SplitN(ids.URL, "/", 2)[0], "://") ||
			strings.HasPrefix(ids.URL, "http:") || strings.HasPrefix(ids.URL, "https:") || strings.HasPrefix(ids.URL, "www.") {
			t.Fatalf("LinkIdentifiers(%q): URL key %q", href, ids.URL)
		}
		again, ok := LinkIdentifiers("https://" + ids.URL)
		if !ok {
			t.Fatalf("LinkIdentifiers(%q): key %q is not a link", href, ids.URL)
		}
		if again != ids {
			t.Fatalf("LinkIdentifiers(%q)  = %+v\nLinkIdentifiers(key) = %+v", href, ids, again)
		}
		switch kind := SourceKind(href, ids); kind {
		case SourceScholarly, SourceReport, SourceNews, SourceOther:
		default:
			t.Fatalf("SourceKind(%q) = %q", href, kind)
		}
	})
}

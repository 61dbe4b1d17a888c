package pubmed

import (
	"strings"
	"testing"
)

func TestSearchTerms_TitleWordsOfEveryCitationStyle(t *testing.T) {
	const asthma = "inhaled[ti] AND combined[ti] AND budesonide[ti] AND formoterol[ti] AND needed[ti] AND mild[ti] AND asthma[ti]"
	for _, tc := range []struct{ style, ref, title string }{
		{"Vancouver", "O'Byrne PM, FitzGerald JM, Bateman ED, et al. Inhaled combined budesonide-formoterol as needed in mild asthma. N Engl J Med. 2018;378(20):1865-1876.", asthma},
		// Ten authors outweigh a title-case title by words; their initials
		// give them away.
		{"Vancouver, all authors, title case", "O'Byrne PM, FitzGerald JM, Bateman ED, Barnes PJ, Zhong N, Keen C, Jorup C, Lamarca R, Ivanov S, Reddel HK. Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma. N Engl J Med. 2018;378(20):1865-1876. doi:10.1056/NEJMoa1715274", asthma},
		{"APA", "O’Byrne, P. M., FitzGerald, J. M., Bateman, E. D., Barnes, P. J., Zhong, N., Keen, C., … Reddel, H. K. (2018). Inhaled combined budesonide–formoterol as needed in mild asthma. New England Journal of Medicine, 378(20), 1865–1876. https://doi.org/10.1056/NEJMoa1715274", asthma},
		{"MLA, quoted", "O'Byrne, Paul M., et al. “Inhaled Combined Budesonide–Formoterol as Needed in Mild Asthma.” New England Journal of Medicine, vol. 378, no. 20, 2018, pp. 1865–76.", asthma},
		{"Lancet", "Bao Y, Prescott J, Yuan C, et al. Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer. Gut 2017;66:1116–22.",
			"leucocyte[ti] AND telomere[ti] AND length[ti] AND genetic[ti] AND variants[ti] AND tert[ti] AND gene[ti] AND region[ti] AND risk[ti] AND pancreatic[ti] AND cancer[ti]"},
		// Operators and brackets of PubMed's syntax stay words.
		{"operators", `Roe J. Vaccines AND autism: NOT (linked) "[review]"? J Test. 2001.`, "vaccines[ti] AND autism[ti] AND linked[ti] AND review[ti]"},
	} {
		terms := searchTerms(tc.ref)
		if len(terms) != 2 || terms[0] != tc.title {
			t.Errorf("%s: terms %q\nwant first %q", tc.style, terms, tc.title)
		}
	}
}

func TestSearchTerms_WholeReferenceLeavesOutNumbersAndIdentifiers(t *testing.T) {
	terms := searchTerms("Roe J. Short. Lancet. 2018;378(20):1865-76. doi:10.1/x https://example.org/a PMID: 123")
	if len(terms) != 1 || terms[0] != "roe short lancet" {
		t.Errorf("terms %q, want only the whole reference's words (no title of three words)", terms)
	}
	for _, ref := range []string{"", "2019", "J. 12(3):4."} {
		if terms := searchTerms(ref); len(terms) != 0 {
			t.Errorf("%q: terms %q, want none", ref, terms)
		}
	}
	long := strings.Repeat("Alpha Beta Gamma Delta ", 10) + "Omega"
	if w := strings.Fields(searchTerms(long)[1]); len(w) > maxTermWords {
		t.Errorf("%d words in a term, want at most %d", len(w), maxTermWords)
	}
}

func TestNoticeDate_ReadsTheCitationsDate(t *testing.T) {
	for src, want := range map[string]string{
		"Lancet. 2010 Feb 6;375(9713):445":                                        "2010-02-06",
		"Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044.": "2022-06-28",
		"Gut. 2017 Jun;66(6):1":                                                   "2017-06",
		"J Test. 1990;1:1":                                                        "1990",
		"Ann Intern Med. 2018 Sep 18;169(6):JC31":                                 "2018-09-18",
		"Proc Natl Acad Sci U S A. 2004 Winter;1:1":                               "2004",
		"no date here":                                                            "",
		"":                                                                        "",
	} {
		if got := noticeDate(src); got != want {
			t.Errorf("noticeDate(%q) = %q, want %q", src, got, want)
		}
	}
	if got := noticeDOI("Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044."); got != "10.1016/j.celrep.2022.111044" {
		t.Errorf("noticeDOI = %q", got)
	}
}

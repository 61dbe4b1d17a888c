package style

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/export/csl"
)

// The titles below are real; the file of the shared corpora each comes
// from is named beside it.

func TestSentenceCase_KeepsTheCapitalsOfATitleInSentenceCase(t *testing.T) {
	for _, tc := range []struct{ source, in, want string }{
		{"articles/plos-jats/journal.pmed.0030132.xml", "Impotence and its medical and psychological correlates: Results of the Massachusetts Male Aging Study.",
			"Impotence and its medical and psychological correlates: Results of the Massachusetts Male Aging Study."},
		{"articles/plos-jats/journal.pmed.0030132.xml", "Sexual dysfunction in the United States: Prevalence and predictors.",
			"Sexual dysfunction in the United States: Prevalence and predictors."},
		{"articles/plos-jats/journal.pntd.0002570.xml", "Fighting neglected tropical diseases in the southern United States",
			"Fighting neglected tropical diseases in the southern United States"},
		{"bibtex/jabref-tests/CitaviXmlImporterTest1.bib", "Walmart, IBM and Tsinghua University explore the use of blockchain to help bring safer food to dinner tables across China",
			"Walmart, IBM and Tsinghua University explore the use of blockchain to help bring safer food to dinner tables across China"},
		{"bibtex/jabref-tests/CitaviXmlImporterTest2.bib", "Beyond the Arab revolts: conceptualizing civil society in the Middle East and North Africa",
			"Beyond the Arab revolts: Conceptualizing civil society in the Middle East and North Africa"},
		{"bibtex/jabref-tests/testjabref.bib", "Radiological findings from 81 patients with COVID-19 pneumonia in Wuhan, China: a descriptive study",
			"Radiological findings from 81 patients with COVID-19 pneumonia in Wuhan, China: A descriptive study"},
	} {
		t.Run(tc.source, func(t *testing.T) {
			if got := renderTags(sentenceCase(parseRich(tc.in))); got != tc.want {
				t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSentenceCase_TitleCaseKeepsProperNounsAndAcronyms(t *testing.T) {
	for _, tc := range []struct{ source, in, want string }{
		{"bibtex/bbt-import/Some_bibtex_entries_quietly_discarded_on_import_from_bib_file_873.bib", "Distributional Clustering of English Words",
			"Distributional clustering of English words"},
		{"bibtex/jabref-tests/testjabref.bib", "Artificial Intelligence Forecasting of Covid-19 in China",
			"Artificial intelligence forecasting of Covid-19 in China"},
		{"bibtex/colrev-database-exports/files_dir_bib.bib", "How Emerging Technologies Change the Way New Zealanders Work and Live: Research in Progress",
			"How emerging technologies change the way New Zealanders work and live: Research in progress"},
		{"bibtex/bbt-import/web_page_and_other_mendeley_idiocy.bib", "Survey of Public Participation in the Arts 1982-2012 Combined File [United States]",
			"Survey of public participation in the arts 1982-2012 combined file [United States]"},
		{"bibtex/jabref-tests/CitaviXmlImporterTest3.bib (title-cased)", "Publication Manual of the American Psychological Association",
			"Publication manual of the American Psychological Association"},
		{"bibtex/iridia/biblio.bib", "Scalarizing Functions in Bayesian Multiobjective Optimization",
			"Scalarizing functions in Bayesian multiobjective optimization"},
		{"bibtex/bibtex-tidy-tests/PaglioneBibTeX.bib", "Between the Stars I: The ISM, Galactic and Extragalactic Display, Tuesday, June 1, 1999",
			"Between the stars I: The ISM, galactic and extragalactic display, Tuesday, June 1, 1999"},
		{"bibtex/jabref-tests/CitaviXmlImporterTest2.bib", "Governmentality and EU Democracy Promotion: The European Instrument for Democracy and Human Rights",
			"Governmentality and EU democracy promotion: The European instrument for democracy and human rights"},
		{"bibtex/iridia/crossref.bib", "4th International Conference, LION 4, Venice, Italy, January 18-22, 2010. Selected Papers",
			"4th international conference, LION 4, Venice, Italy, January 18-22, 2010. Selected papers"},
		// A month that is also an English word is one only beside a number:
		// the end of the LION 10 title of the same file, and Vannevar Bush's
		// essay (bibtex/bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex).
		{"bibtex/iridia/crossref.bib", "Italy, May 29 - June 1, 2016. Revised Selected Papers",
			"Italy, May 29 - June 1, 2016. Revised selected papers"},
		{"bibtex/bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex", "As We May Think", "As we may think"},
		// Still pandoc's reading where no list knows the name.
		{"rich.bib", "Attention is All you Need", "Attention is all you need"},
		{"", "Results of the Massachusetts Male Aging Study", "Results of the Massachusetts male aging study"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := renderTags(sentenceCase(parseRich(tc.in))); got != tc.want {
				t.Errorf("%s: %q\n got %q\nwant %q", tc.source, tc.in, got, tc.want)
			}
		})
	}
}

func TestSentenceCase_ALoneCapitalLetterIsAName(t *testing.T) {
	for _, tc := range []struct{ source, in, want string }{
		{"Crawley's book", "The R Book", "The R book"},
		{"bibtex/plume-bib/invariants.bib", "The C++ Programming Language", "The C++ programming language"},
		{"bibtex/bbt-import/Unabbreviate_on_import_1436-3.bib", "Tuning the G-Factor of Neutral and Charged Excitons", "Tuning the G-factor of neutral and charged excitons"},
		{"bibtex/bbt-import/Unabbreviate_on_import_1436-3.bib", "Imaging the P-n Junction in a Gallium Nitride Nanowire", "Imaging the P-n junction in a gallium nitride nanowire"},
		{"", "Hepatitis A Vaccination in South Africa", "Hepatitis A vaccination in South Africa"},
		// A title that capitalises its small words capitalises the article too.
		{"", "Towards A Theory Of Mind", "Towards a theory of mind"},
		{"", "What I Learned", "What I learned"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := renderTags(sentenceCase(parseRich(tc.in))); got != tc.want {
				t.Errorf("%s: %q\n got %q\nwant %q", tc.source, tc.in, got, tc.want)
			}
		})
	}
}

// TestStyles_RISRecordKeepsItsCapitalsAndInitials follows a RIS record of
// reference 2 of articles/plos-jats/journal.pmed.0030132.xml, written as
// reference managers export PubMed records (initials run together), from
// the RIS reader to the five styles that put titles into sentence case.
func TestStyles_RISRecordKeepsItsCapitalsAndInitials(t *testing.T) {
	const record = "TY  - JOUR\nAU  - Feldman, HA\nAU  - Goldstein, I\nAU  - McKinlay, JB\n" +
		"TI  - Impotence and its medical and psychological correlates: results of the Massachusetts Male Aging Study\n" +
		"T2  - J Urol\nPY  - 1994\nVL  - 151\nSP  - 54\nEP  - 61\nER  - \n"
	res, err := ris.Read("mmas.ris", []byte(record))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Refs) != 1 {
		t.Fatalf("read %d references, problems %v", len(res.Refs), res.Problems)
	}
	items := []csl.Item{csl.FromReference(res.Refs[0])}
	for _, tc := range []struct{ style, names string }{
		{"apa", "Feldman, H. A., Goldstein, I., & McKinlay, J. B."},
		{"vancouver", "Feldman HA, Goldstein I, McKinlay JB."},
		{"ama", "Feldman HA, Goldstein I, McKinlay JB."},
		{"ieee", "H. A. Feldman, I. Goldstein, and J. B. McKinlay"},
		{"harvard", "Feldman, H.A., Goldstein, I. and McKinlay, J.B."},
	} {
		t.Run(tc.style, func(t *testing.T) {
			s, err := Lookup(tc.style)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Text(format(t, s, items)[0])
			if !strings.Contains(got, tc.names) {
				t.Errorf("names: want %q in\n%s", tc.names, got)
			}
			if !strings.Contains(got, "esults of the Massachusetts Male Aging Study") {
				t.Errorf("title lost its capitals:\n%s", got)
			}
		})
	}
}

// TestWordCore_TrimsPunctuationAndPossessives holds the plain-word shortcut
// of wordCore to the general rule.
func TestWordCore_TrimsPunctuationAndPossessives(t *testing.T) {
	for w, want := range map[string]string{
		"Study": "Study", "(Alzheimer's": "Alzheimer", "Graves'": "Graves", "Parkinson’s": "Parkinson",
		"cells,": "cells", "DNAs": "DNAs", "s": "s", "'s": "", "1990s": "1990s", "x’s": "x", "‘quoted’": "quoted",
		"it's": "it", "Ys": "Ys", "": "",
	} {
		if got := wordCore(w); got != want {
			t.Errorf("wordCore(%q) = %q, want %q", w, got, want)
		}
	}
}

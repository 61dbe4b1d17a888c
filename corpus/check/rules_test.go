package check

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// ruleLibrary is the library of the rule tests. The first three works are
// real; the others are invented, with DOIs under the test prefix 10.5555.
const ruleLibrary = `
@article{lecun2015deep,
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  title = {Deep learning}, journal = {Nature}, year = 2015,
  volume = {521}, pages = {436--444}, doi = {10.1038/nature14539},
}
@article{ioannidis2005why,
  author = {Ioannidis, John P. A.},
  title = {Why Most Published Research Findings Are False},
  journal = {PLoS Medicine}, year = 2005, doi = {10.1371/journal.pmed.0020124},
}
@article{wakefield1998ileal,
  author = {Wakefield, A. J. and Murch, S. H. and Anthony, A. and others},
  title = {Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children},
  journal = {The Lancet}, year = 1998, volume = {351}, pages = {637--641},
  doi = {10.1016/S0140-6736(97)11096-0}, pmid = {9500320},
}
@article{example2019review,
  author = {Example, Ann and Sample, Ben},
  title = {Walking for chronic low back pain: a systematic review},
  journal = {Journal of Examples}, year = 2019, doi = {10.5555/evident.review.2019},
}
@article{example1998review,
  author = {Example, Ann},
  title = {Bed rest for acute low back pain: a review},
  journal = {Journal of Examples}, year = 1998, doi = {10.5555/evident.review.1998},
}
@article{example2020pmid,
  author = {Sample, Ben},
  title = {An example trial indexed in PubMed only},
  journal = {Journal of Examples}, year = 2020, pmid = {99999904},
}
@misc{example2021note,
  author = {Sample, Ben},
  title = {A note found somewhere},
}
@book{who2015sugars,
  author = {{World Health Organization}},
  title = {Guideline: Sugars Intake for Adults and Children}, year = 2015,
}
@book{example2018edited,
  editor = {Example, Ann},
  title = {An Edited Book of Examples}, publisher = {Example Press}, year = 2018,
  isbn = {978-0-306-40615-7},
}
@manual{example2023manual,
  organization = {Example Society of Examples},
  title = {Guidance on Writing Examples}, year = 2023,
  url = {https://example.org/guidance},
}
@article{example2022notitle,
  author = {Sample, Ben}, journal = {Journal of Examples}, year = 2022,
  doi = {10.5555/evident.untitled},
}
@article{example2017concern,
  author = {Example, Cy},
  title = {Example: a trial of walking, with a comma, under concern},
  journal = {Journal of Examples}, year = 2017, doi = {10.5555/evident.example.1},
}
`

// The list entries the numbered articles use.
const (
	entryLeCun      = "LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44. doi:10.1038/nature14539"
	entryIoannidis  = "Ioannidis JPA. Why most published research findings are false. PLoS Med. 2005;2(8):e124."
	entryWakefield  = "Wakefield AJ, Murch SH, Anthony A, et al. Ileal-lymphoid-nodular hyperplasia, non-specific colitis, and pervasive developmental disorder in children. Lancet. 1998;351(9103):637-41."
	entryWHO        = "World Health Organization. Guideline: sugars intake for adults and children. Geneva; 2015."
	entryUnimported = "Doe J. A study nobody has imported. J Unknown Res. 2001;1:1-2."
)

// ruleReport checks a Markdown article against the library and returns the
// report with its findings cleared, for one rule to be run on it.
func ruleReport(t *testing.T, text string) *state {
	t.Helper()
	rep := checkRuleLibrary(t, text, Options{})
	rep.Findings = nil
	return rep
}

// checkRuleLibrary checks a Markdown article against the rule library.
func checkRuleLibrary(t *testing.T, text string, opts Options) *state {
	t.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("lib.bib", []byte(ruleLibrary)); err != nil {
		t.Fatal(err)
	}
	doc, err := article.Read("a.md", []byte(text), corpus.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	return checkDocument(doc, p.References(), opts)
}

// numbered writes an article of the given sentences followed by a numbered
// reference list.
func numbered(sentences []string, entries ...string) string {
	var b strings.Builder
	b.WriteString("# An article\n\n")
	for _, s := range sentences {
		b.WriteString(s + "\n")
	}
	b.WriteString("\n## References\n\n")
	for i, e := range entries {
		b.WriteString(strconv.Itoa(i+1) + ". " + e + "\n")
	}
	return b.String()
}

// lineOf returns the line of the first line of text that contains s.
func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("no line holds %q", s)
	return 0
}

// want is one expected finding: its line is that of the article's line
// holding At, its message holds every one of Has.
type want struct {
	At  string
	Has []string
}

// assertFindings checks the findings of one code against wants, in order.
func assertFindings(t *testing.T, rep *corpus.Report, article, code string, wants []want) {
	t.Helper()
	var got []corpus.Finding
	for _, f := range rep.Findings {
		if f.Code == code {
			got = append(got, f)
		}
	}
	if len(got) != len(wants) {
		t.Fatalf("%d %s findings, want %d: %+v", len(got), code, len(wants), got)
	}
	for i, w := range wants {
		f := got[i]
		if line := lineOf(t, article, w.At); f.Line != line {
			t.Errorf("finding %d at line %d, want %d (%q): %s", i, f.Line, line, w.At, f.Message)
		}
		for _, h := range w.Has {
			if !strings.Contains(f.Message, h) {
				t.Errorf("finding %d: message %q lacks %q", i, f.Message, h)
			}
		}
	}
}

func TestRuleSeverity_Defaults(t *testing.T) {
	want := map[string]corpus.Severity{
		CodeDuplicateReference: corpus.Warning, CodeOutOfOrder: corpus.Info, CodeIncompleteReference: corpus.Info,
		CodeRetracted: corpus.Error, CodeExpressionOfConcern: corpus.Warning, CodeCorrected: corpus.Info, CodeStale: corpus.Info,
	}
	for code, s := range want {
		if got, ok := ruleSeverity[code]; !ok || got != s {
			t.Errorf("ruleSeverity[%s] = %v, %v; want %v", code, got, ok, s)
		}
	}
	if len(ruleSeverity) != len(want) {
		t.Errorf("ruleSeverity has %d codes, want %d", len(ruleSeverity), len(want))
	}
}

func TestFindDuplicates(t *testing.T) {
	tests := []struct {
		name    string
		entries []string
		wants   []want
	}{
		{"two entries matching one library reference",
			[]string{entryLeCun, entryIoannidis, "LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015 May 28;521(7553):436-444."},
			[]want{{At: "3. LeCun", Has: []string{"reference 3 duplicates reference 1 (line ", "lecun2015deep"}}}},
		{"the same DOI written two ways, in no library",
			[]string{"Roe R. Sitting and back pain. J Examples. 2012;3:1-9. doi:10.5555/evident.sitting",
				entryUnimported,
				"Roe, R. (2012). Sitting and lumbar pain. Journal of Examples, 3, 1–9. https://doi.org/10.5555/EVIDENT.SITTING"},
			[]want{{At: "3. Roe", Has: []string{"reference 3 duplicates reference 1", "DOI 10.5555/evident.sitting"}}}},
		{"the same PMID",
			[]string{"Roe R. Standing desks and back pain. J Examples. 2013;4:1-9. PMID: 99999905",
				"Roe R. Standing desks. J Examples. 2013. PubMed PMID: 99999905."},
			[]want{{At: "2. Roe", Has: []string{"reference 2 duplicates reference 1", "PMID 99999905"}}}},
		{"the same first author, year and title but for a spelling slip",
			[]string{"Smith J. A randomised trial of walking for chronic back pain. J Examples. 2019;7:10-19.",
				entryUnimported,
				"Smith J, Jones K. A randomized trial of walking for chronic back pain. J Ex. 2019;7:10."},
			[]want{{At: "3. Smith", Has: []string{"reference 3 duplicates reference 1", "same first author, year and title"}}}},
		{"a third copy that shares only the second copy's DOI",
			[]string{"Roe R. Sitting and back pain in office workers. J Examples. 2012;3:1-9.",
				"Roe R. Sitting and back pain in office workers. J Examples. 2012;3:1-9. doi:10.5555/evident.sitting",
				"Roe R. Sitting. J Examples. 2012. doi:10.5555/evident.sitting"},
			[]want{{At: "2. Roe", Has: []string{"reference 2 duplicates reference 1", "same first author, year and title"}},
				{At: "3. Roe", Has: []string{"reference 3 duplicates reference 1 (line ", "DOI 10.5555/evident.sitting"}}}},
		{"three copies are each reported against the first",
			[]string{entryLeCun, entryLeCun, entryLeCun},
			[]want{{At: "2. LeCun", Has: []string{"reference 2 duplicates reference 1"}},
				{At: "3. LeCun", Has: []string{"reference 3 duplicates reference 1"}}}},

		{"different works of one author and year",
			[]string{"Smith J. A randomised trial of walking for chronic back pain. J Examples. 2019;7:10-19.",
				"Smith J. Yoga for chronic neck pain: a cohort study. J Examples. 2019;7:20-29."},
			nil},
		{"a preprint and its journal version, with different DOIs",
			[]string{"Smith J. Walking for back pain. J Examples. 2019;7:10-19. doi:10.5555/evident.walk",
				"Smith J. Walking for back pain. Preprint. 2019. doi:10.5555/evident.walk.preprint"},
			nil},
		{"one-word titles say too little",
			[]string{"Smith J. Editorial. J Examples. 2019;7:1.", "Smith J. Editorial. J Examples. 2019;7:99."},
			nil},
		{"distinct library references",
			[]string{entryLeCun, entryIoannidis, entryWakefield, entryWHO},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cites []string
			for i := range tt.entries {
				cites = append(cites, "This sentence cites one of the works here ("+strconv.Itoa(i+1)+").")
			}
			article := numbered(cites, tt.entries...)
			rep := ruleReport(t, article)
			rep.findDuplicates()
			assertFindings(t, rep.Report, article, CodeDuplicateReference, tt.wants)
		})
	}
}

func TestFindDuplicates_SeverityIsWarning(t *testing.T) {
	rep := ruleReport(t, numbered([]string{"Deep learning works (1, 2)."}, entryLeCun, entryLeCun))
	rep.findDuplicates()
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != corpus.Warning {
		t.Errorf("findings = %+v", rep.Findings)
	}
}

func TestFindOutOfOrder(t *testing.T) {
	four := []string{entryLeCun, entryIoannidis, entryWakefield, entryWHO}
	tests := []struct {
		name    string
		article string
		wants   []want
	}{
		{"a number cited before a smaller one",
			numbered([]string{"Deep networks learn features from raw data (1).",
				"Most published findings may be false (2).",
				"Sugar intake should stay low for adults and children (4).",
				"A retracted case series started a vaccine scare (3)."}, four...),
			[]want{{At: "(4).", Has: []string{"(4) is cited before (3); numbered styles such as Vancouver number references in order of first citation"}}}},
		{"square brackets are kept in the message",
			numbered([]string{"Deep networks learn features from raw data [1].",
				"A retracted case series started a vaccine scare [3].",
				"Most published findings may be false [2].",
				"Sugar intake should stay low for adults and children [4]."}, four...),
			[]want{{At: "[3].", Has: []string{"[3] is cited before [2]"}}}},
		{"one late number is reported once, not at every marker after it",
			numbered([]string{"Deep networks learn features from raw data (1).",
				"A retracted case series started a vaccine scare (3).",
				"Sugar intake should stay low for adults and children (4).",
				"Deep networks beat older methods on images (1).",
				"Most published findings may be false (2)."}, four...),
			[]want{{At: "(3).", Has: []string{"(3) is cited before (2)"}}}},

		{"in order, with repeats",
			numbered([]string{"Deep networks learn features from raw data (1).",
				"Most published findings may be false (2).",
				"Deep networks beat older methods on images (1).",
				"A retracted case series started a vaccine scare (3).",
				"Sugar intake should stay low for adults and children (2, 4)."}, four...),
			nil},
		{"the order inside one marker does not count",
			numbered([]string{"Several works make this point together (3, 1, 2).",
				"Sugar intake should stay low for adults and children (4)."}, four...),
			nil},
		{"a range",
			numbered([]string{"Several works make this point together (1–3).",
				"Sugar intake should stay low for adults and children (4)."}, four...),
			nil},
		{"an entry never cited does not hold up the order",
			numbered([]string{"Deep networks learn features from raw data (1).",
				"Most published findings may be false (2).",
				"Sugar intake should stay low for adults and children (4)."}, four...),
			nil},
		{"a dangling number does not count",
			numbered([]string{"Deep networks learn features from raw data (1).",
				"Nothing backs this sentence about sleep and memory (9).",
				"Most published findings may be false (2).",
				"A retracted case series started a vaccine scare (3).",
				"Sugar intake should stay low for adults and children (4)."}, four...),
			nil},
		{"an alphabetically numbered list",
			numbered([]string{"Bed rest is no longer advised for back pain (3).",
				"Walking helps people with back pain (1).",
				"Yoga helps too in some trials (4).",
				"Swimming was studied less often (2)."},
				"Adams A. Walking for back pain. J Examples. 2019;1:1-9.",
				"Baker B. Swimming for back pain. J Examples. 2018;2:1-9.",
				"Clark C. Bed rest for back pain. J Examples. 2017;3:1-9.",
				"Davis D. Yoga for back pain. J Examples. 2016;4:1-9."),
			nil},
		{"an author-year article",
			"# An article\n\nDeep learning changed computer vision (LeCun et al., 2015).\nMost findings may be false (Ioannidis, 2005).\n\n## References\n\n" +
				"Ioannidis, J. P. A. (2005). Why most published research findings are false. PLoS Medicine, 2(8), e124.\n\n" +
				"LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature, 521, 436–444.\n",
			nil},
		{"a key-cited article",
			"# An article\n\nMost findings may be false [@ioannidis2005why].\nDeep learning changed computer vision [@lecun2015deep].\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := ruleReport(t, tt.article)
			rep.findOutOfOrder()
			assertFindings(t, rep.Report, tt.article, CodeOutOfOrder, tt.wants)
			for _, f := range rep.Findings {
				if f.Claim == "" || f.Marker == "" {
					t.Errorf("an out-of-order finding must name its claim and marker: %+v", f)
				}
			}
		})
	}
}

func TestFindOutOfOrder_AShuffledListGivesAFewFindings(t *testing.T) {
	var entries, sentences []string
	for _, n := range []int{1, 5, 2, 7, 3, 9, 4, 10, 6, 8} {
		sentences = append(sentences, "Claim number "+strconv.Itoa(n)+" is backed by its own study ("+strconv.Itoa(n)+").")
	}
	// Not alphabetical, so that the list reads as numbered by citation.
	for _, a := range []string{"King", "Jones", "Irwin", "Hall", "Gray", "Fox", "Evans", "Dunn", "Cole", "Bell"} {
		entries = append(entries, a+" A. A study of one thing. J Examples. 2019;1:1-9.")
	}
	article := numbered(sentences, entries...)
	rep := ruleReport(t, article)
	rep.findOutOfOrder()
	if len(rep.Findings) != maxOrderFindings {
		t.Fatalf("%d findings, want %d: %+v", len(rep.Findings), maxOrderFindings, rep.Findings)
	}
	if m := rep.Findings[0].Message; !strings.HasPrefix(m, "(5) is cited before (2)") {
		t.Errorf("first finding: %s", m)
	}
	if m := rep.Findings[2].Message; !strings.Contains(m, "and 1 more breaks of the order further on") {
		t.Errorf("the last finding must count the rest: %s", m)
	}
}

func TestFindIncomplete(t *testing.T) {
	tests := []struct {
		name    string
		article string
		wants   []want
	}{
		{"no year and no identifier",
			"Walking is said to help [@example2021note].\n",
			[]want{{At: "Walking", Has: []string{"library reference example2021note lacks a year and any identifier (DOI, PMID, URL or ISBN)", "cannot find or verify"}}}},
		{"no title",
			"Sample reported this in 2022 [@example2022notitle].\n",
			[]want{{At: "Sample", Has: []string{"example2022notitle lacks a title;"}}}},
		{"a corporate author is an author; its missing identifier is reported",
			"Free sugars should stay low [@who2015sugars].\n",
			[]want{{At: "Free sugars", Has: []string{"who2015sugars lacks any identifier"}}}},
		{"reported once, where first cited",
			"Walking is said to help [@example2021note].\nIt is said again here, with the same note [@example2021note].\n",
			[]want{{At: "Walking", Has: []string{"example2021note"}}}},

		{"a PMID and no DOI is complete",
			"An example trial found this [@example2020pmid].\n", nil},
		{"an editor stands for the author; an ISBN identifies a book",
			"An edited book says so [@example2018edited].\n", nil},
		{"an organization stands for the author; a URL locates the work",
			"The society advises this [@example2023manual].\n", nil},
		{"complete references",
			"Deep learning changed vision [@lecun2015deep]. Most findings may be false [@ioannidis2005why].\n", nil},
		{"an incomplete reference nobody cites",
			"Deep learning changed vision [@lecun2015deep].\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := ruleReport(t, tt.article)
			rep.findIncomplete()
			assertFindings(t, rep.Report, tt.article, CodeIncompleteReference, tt.wants)
			for _, f := range rep.Findings {
				if f.Severity != corpus.Info || f.Claim == "" || !strings.HasPrefix(f.Marker, "[@") {
					t.Errorf("finding = %+v; want info, with its claim and marker", f)
				}
			}
		})
	}
}

func TestFindRetracted(t *testing.T) {
	rs := loadRetractionsFile(t, "retractions-rw.csv")
	tests := []struct {
		name     string
		article  string
		severity corpus.Severity
		wants    []want
	}{
		{"a list entry matched to a retracted library reference",
			numbered([]string{"Deep networks learn from raw data (1).", "A case series linked vaccination and autism (2)."},
				entryLeCun, entryWakefield),
			corpus.Error,
			[]want{{At: "2. Wakefield", Has: []string{"reference 2 “Ileal-lymphoid-nodular hyperplasia",
				"(DOI 10.1016/s0140-6736(97)11096-0) was retracted on 2010-02-06 (retractions-rw.csv:3)",
				"a retracted work is no evidence"}}}},
		{"a DOI written in an entry the library lacks",
			numbered([]string{"A case series linked vaccination and autism (1)."},
				"Wakefield AJ. A paper. Lancet. 1998. https://doi.org/10.1016/S0140-6736(97)11096-0"),
			corpus.Error,
			[]want{{At: "1. Wakefield", Has: []string{"reference 1", "was retracted on 2010-02-06"}}}},
		{"a PMID written in an entry",
			numbered([]string{"Something was once claimed here (1)."},
				"Example B. Example: a title that runs over two lines. J Examples. 2018. PMID: 99999901"),
			corpus.Error,
			[]want{{At: "1. Example", Has: []string{"(PMID 99999901) was retracted on 2022-11-30"}}}},
		{"a work cited by key, with no list",
			"# An article\n\nA case series linked vaccination and autism [@wakefield1998ileal].\n",
			corpus.Error,
			[]want{{At: "A case series", Has: []string{"library reference wakefield1998ileal", "was retracted on 2010-02-06"}}}},
		{"an expression of concern is a warning",
			"# An article\n\nWalking helped in one trial [@example2017concern].\n",
			corpus.Warning,
			[]want{{At: "Walking", Has: []string{"received an expression of concern on 2021-05-01", "read the notice"}}}},
		{"an entry never cited is still published with the article",
			numbered([]string{"Deep networks learn from raw data (1)."}, entryLeCun, entryWakefield),
			corpus.Error,
			[]want{{At: "2. Wakefield", Has: []string{"was retracted"}}}},

		{"works on no list",
			numbered([]string{"Deep networks learn from raw data (1).", "Most findings may be false (2)."}, entryLeCun, entryIoannidis),
			corpus.Error, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := ruleReport(t, tt.article)
			rep.findRetracted(rs)
			code := CodeRetracted
			if tt.severity == corpus.Warning {
				code = CodeExpressionOfConcern // its own code since check --verify
			}
			assertFindings(t, rep.Report, tt.article, code, tt.wants)
			for _, f := range rep.Findings {
				if f.Severity != tt.severity {
					t.Errorf("severity %v, want %v: %s", f.Severity, tt.severity, f.Message)
				}
			}
		})
	}
}

func TestFindRetracted_ReinstatedWorkIsInfo(t *testing.T) {
	rs := loadRetractionsString(t, "DOI,RetractionDate,RetractionNature\n"+
		"10.1038/nature14539,1/1/2019,Retraction\n10.1038/nature14539,1/1/2020,Reinstatement\n")
	rep := ruleReport(t, "Deep learning changed vision [@lecun2015deep].\n")
	rep.findRetracted(rs)
	if len(rep.Findings) != 1 || rep.Findings[0].Severity != corpus.Info ||
		!strings.Contains(rep.Findings[0].Message, "was reinstated after a retraction on 2020-01-01") {
		t.Errorf("findings = %+v", rep.Findings)
	}
}

func TestFindRetracted_EmptyListFindsNothing(t *testing.T) {
	rep := ruleReport(t, "A case series linked vaccination and autism [@wakefield1998ileal].\n")
	rep.findRetracted(nil)
	rep.findRetracted(loadRetractionsString(t, "DOI\n"))
	if len(rep.Findings) != 0 {
		t.Errorf("findings = %+v", rep.Findings)
	}
}

func TestFindStale(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		article string
		maxAge  int
		wants   []want
	}{
		{"a library reference older than the limit",
			"Most findings may be false [@ioannidis2005why].\n", 10,
			[]want{{At: "Most findings", Has: []string{"library reference ioannidis2005why (2005) is 20 years old, more than the 10-year limit"}}}},
		{"an old review",
			"Bed rest was once advised for back pain [@example1998review].\n", 10,
			[]want{{At: "Bed rest", Has: []string{"example1998review (1998) is 27 years old"}}}},
		{"a list entry the library lacks, by the year written in it",
			numbered([]string{"An unimported study found this (1)."}, entryUnimported), 10,
			[]want{{At: "1. Doe", Has: []string{"reference 1 (2001) is 24 years old"}}}},
		{"once per work, where first cited",
			"Most findings may be false [@ioannidis2005why].\nThis was said before, in the same paper [@ioannidis2005why].\n", 10,
			[]want{{At: "Most findings", Has: []string{"ioannidis2005why"}}}},

		{"a recent review cited on its topic",
			"Walking helps people with chronic low back pain [@example2019review].\n", 10, nil},
		{"exactly as old as the limit",
			"Deep learning changed vision [@lecun2015deep].\n", 10, nil},
		{"an old entry nobody cites",
			numbered([]string{"Deep networks learn from raw data (1)."}, entryLeCun, entryUnimported), 10, nil},
		{"a work without a year",
			"Walking is said to help [@example2021note].\n", 1, nil},
		{"off when the limit is zero",
			"Most findings may be false [@ioannidis2005why].\n", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := ruleReport(t, tt.article)
			rep.findStale(tt.maxAge, now)
			assertFindings(t, rep.Report, tt.article, CodeStale, tt.wants)
		})
	}
}
